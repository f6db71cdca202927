import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_BRIEFING_BYTES, readBriefingFile, readBriefingFileSync } from "../../src/briefings/load.ts";
import { warmBriefingFile } from "../../src/briefings/warm.ts";
import { briefingFile, tempDir } from "../support/folders.ts";

/**
 * A build thread reads its files with readBriefingFileSync, the main thread with readBriefingFile: for every kind of
 * entry a folder can hold, the two give the same answer.
 */
const folder = tempDir("briefings-read-");
const outside = tempDir("briefings-read-outside-");
afterAll(() => {
  chmodSync(path.join(folder.dir, "locked.txt"), 0o644);
  folder.cleanup();
  outside.cleanup();
});
const at = (name: string) => path.join(folder.dir, name);

writeFileSync(at("ferry.txt"), briefingFile({ title: "Ferry fares", outlet: "The Harbour Post" }, "Fares rose."));
writeFileSync(at("binary.txt"), Buffer.from([0x66, 0x00, 0x01]));
writeFileSync(at("empty.txt"), "  \n");
writeFileSync(at("huge.txt"), Buffer.alloc(MAX_BRIEFING_BYTES + 1, 0x61));
writeFileSync(at("field.txt"), `---\npublished: "someday"\n---\nThe council met on Monday.\n`);
writeFileSync(at("locked.txt"), "The council met on Monday.\n");
chmodSync(at("locked.txt"), 0o000);
writeFileSync(path.join(outside.dir, "secret.txt"), "Not a briefing.\n");
symlinkSync(path.join(outside.dir, "secret.txt"), at("outside.txt"));
mkdirSync(at("folder.txt"));
execFileSync("mkfifo", [at("pipe.txt")]);

const NAMES = [
  "ferry.txt",
  "binary.txt",
  "empty.txt",
  "huge.txt",
  "field.txt",
  "locked.txt",
  "outside.txt",
  "folder.txt",
  "pipe.txt",
  "missing.txt",
];
const asRoot = process.getuid?.() === 0;

describe("reading one briefing file, on the main thread and in a build thread", () => {
  it.each(NAMES)("%s gives the same answer both ways", async (name) => {
    const awaited = await readBriefingFile(folder.dir, name);
    const blocking = readBriefingFileSync(folder.dir, name);
    expect(blocking).toEqual(awaited);
  });

  it("reads a briefing and says in one line what is wrong with each other entry", () => {
    const read = (name: string) => readBriefingFileSync(folder.dir, name);
    const ferry = read("ferry.txt");
    expect(ferry?.ok && ferry.briefing.meta.outlet).toBe("The Harbour Post");
    const field = read("field.txt");
    expect(field?.ok && field.warning).toMatch(/published/);
    const messages = (["binary.txt", "empty.txt", "huge.txt", "outside.txt", "folder.txt", "pipe.txt"] as const).map(
      (name) => {
        const r = read(name);
        return r && !r.ok ? r.message : `${name} was read`;
      },
    );
    expect(messages).toEqual([
      expect.stringMatching(/binary file/),
      expect.stringMatching(/is empty/),
      expect.stringMatching(/too large/),
      expect.stringMatching(/outside the briefings folder/),
      expect.stringMatching(/folder, not a file/),
      expect.stringMatching(/not a regular file/),
    ]);
    expect(read("missing.txt")).toBe(null);
    // root reads a file whatever its mode; anyone else is told to check its permissions.
    const locked = read("locked.txt");
    if (asRoot) expect(locked?.ok).toBe(true);
    else expect(locked?.ok === false && locked.message).toMatch(/cannot be read \(EACCES\)/);
  });
});

describe("warming a build thread's files ahead of reading them", () => {
  it("takes every kind of entry without throwing, and a pipe never holds one of the file system's threads", async () => {
    // Node's file system calls share four threads: four warmings blocked on the pipe would leave none to read with.
    for (let i = 0; i < 6; i++) for (const name of NAMES) warmBriefingFile(folder.dir, name);
    const read = await readBriefingFile(folder.dir, "ferry.txt");
    expect(read?.ok && read.briefing.paragraphs.map((p) => p.text)).toEqual(["Fares rose."]);
  }, 2000);
});
