import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../src/briefings/folder.ts";
import { Library } from "../../src/library/library.ts";
import { briefingFile, sampleFolder, tempDir } from "../support/folders.ts";

/**
 * Only regular files whose real path is inside the briefings folder are read: a link out of it (to a system file),
 * a link loop or to nothing, a folder or a pipe named like a briefing, and a name with a line break in it are each
 * reported in one line, and nothing of them can be searched or cited.
 */
const folder = sampleFolder();
const outside = tempDir("briefings-outside-");
const cache = tempDir("briefings-cache-");
afterAll(() => {
  folder.cleanup();
  outside.cleanup();
  cache.cleanup();
});
const at = (name: string) => path.join(folder.dir, name);

writeFileSync(path.join(outside.dir, "passwd"), "root:x:0:0:root:/root:/bin/bash zanzibarsecret\n");
symlinkSync(path.join(outside.dir, "passwd"), at("passwd.txt"));
symlinkSync(at("loop-b.txt"), at("loop-a.txt"));
symlinkSync(at("loop-a.txt"), at("loop-b.txt"));
symlinkSync(at("nothing-here"), at("dangling.txt"));
mkdirSync(at("folder.txt"));
execFileSync("mkfifo", [at("pipe.txt")]);
writeFileSync(at("bad\nname.txt"), briefingFile({ title: "Line break" }, "Harbour officials met on Monday."));
// A link to a file kept elsewhere inside the folder is a briefing like any other.
mkdirSync(at("archive"));
writeFileSync(at("archive/kept"), briefingFile({ title: "Archived ferry" }, "The ferry timetable changed in May."));
symlinkSync(at("archive/kept"), at("archived.txt"));

const REPORTS: Array<[string, RegExp]> = [
  ["passwd.txt", /link to a file outside the briefings folder/],
  ["loop-a.txt", /link that loops/],
  ["loop-b.txt", /link that loops/],
  ["dangling.txt", /link to nothing/],
  ["folder.txt", /is a folder, not a file/],
  ["pipe.txt", /not a regular file/],
  ["bad\nname.txt", /control character .* in its name/],
];

describe("confinement to the briefings folder", async () => {
  const library = await Library.open({ dataDir: folder.dir, cacheDir: cache.dir });

  it.each(REPORTS)("reports %j in one line", (file, message) => {
    const found = library.problems.filter((p) => p.file === file);
    expect(found).toHaveLength(1);
    const line = formatProblem(found[0]);
    expect(line).toMatch(message);
    expect(line).not.toMatch(/[\n\r]/);
    expect(line).toContain(JSON.stringify(file).slice(1, -1));
  });

  it("serves nothing from outside the folder and nothing else that was refused", () => {
    expect(library.search({ query: "zanzibarsecret" }).total).toBe(0);
    expect(library.search({ query: "root" }).hits.map((h) => h.briefing.id)).not.toContain("passwd");
    for (const id of ["passwd", "loop-a", "dangling", "folder", "pipe", "bad\nname"])
      expect(library.get(id)).toBe(undefined);
    expect(library.problems).toHaveLength(REPORTS.length);
  });

  it("reads a link to a file inside the folder", () => {
    expect(library.get("archived")?.meta.title).toBe("Archived ferry");
  });

  it("reports the same from the cache on the next start", async () => {
    const again = await Library.open({ dataDir: folder.dir, cacheDir: cache.dir });
    expect(again.build.fromCache).toBe(true);
    expect(again.problems.map(formatProblem).sort()).toEqual(library.problems.map(formatProblem).sort());
  });
});
