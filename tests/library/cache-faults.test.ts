import { execFileSync } from "node:child_process";
import { closeSync, constants, openSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Library } from "../../src/library/library.ts";
import { folderProblem } from "../../src/runtime/folders.ts";
import { sampleFolder, tempDir } from "../support/folders.ts";

/**
 * A cache that is damaged is repaired and says so in one line; one that does not answer (a pipe where its manifest
 * should be, a dead mount) is left aside after a time limit instead of hanging the start; a cache folder that
 * cannot be used is found before anything waits on it.
 */
const folder = sampleFolder();
const cache = tempDir("briefings-cache-faults-");
afterAll(() => {
  folder.cleanup();
  cache.cleanup();
});
const open = (fsWaitMs?: number) =>
  Library.open({ dataDir: folder.dir, cacheDir: cache.dir, ...(fsWaitMs ? { fsWaitMs } : {}) });
const snapshotFile = (name: string) => {
  const [sub] = readdirSync(cache.dir).filter((f) => f.startsWith("library-"));
  return path.join(cache.dir, sub, name);
};

describe("cache faults", () => {
  it("says nothing about a cache that is fine", async () => {
    expect((await open()).build.cacheNote).toBe(null);
    expect((await open()).build.cacheNote).toBe(null);
  });

  it("repairs a torn manifest and says so in one line", async () => {
    truncateSync(snapshotFile("manifest.json"), 20);
    const lib = await open();
    expect(lib.build.cacheNote).toBe("manifest.json is not whole: the whole cache is rebuilt");
    expect(lib.build.fromCache).toBe(false);
    expect((await open()).build.cacheNote).toBe(null);
  });

  it("repairs a missing segment and damaged content lines, saying which", async () => {
    const segment = readdirSync(path.dirname(snapshotFile("x"))).find((f) => f.startsWith("segment-"))!;
    rmSync(snapshotFile(segment));
    expect((await open()).build.cacheNote).toMatch(/^a part of the cache is missing or damaged \(.*ENOENT.*rebuilt$/);
    writeFileSync(snapshotFile("content.jsonl"), "not a content line\n", { flag: "a" });
    expect((await open()).build.cacheNote).toBe("1 damaged line in content.jsonl: those briefings are read again");
  });

  it("leaves aside a cache that does not answer, within the time limit", async () => {
    const manifest = snapshotFile("manifest.json");
    rmSync(manifest);
    execFileSync("mkfifo", [manifest]);
    const started = Date.now();
    const lib = await open(300);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(lib.build.cacheNote).toMatch(
      /^reading the cache did not finish within 0\.3 s: every briefing is read again/,
    );
    expect(lib.briefings).toHaveLength(5);
    // Let the blocked read go (a writer opens the pipe), then put a real cache back.
    closeSync(openSync(manifest, constants.O_WRONLY | constants.O_NONBLOCK));
    rmSync(manifest);
  });

  it("tells a cache folder that cannot be used: a file, or under /proc, without hanging", async () => {
    const file = path.join(cache.dir, "a-file");
    writeFileSync(file, "");
    expect(await folderProblem(file)).toBe("is a file, not a folder");
    expect(await folderProblem(path.join(file, "below"))).toBe("is a file, not a folder");
    expect(await folderProblem("/proc/briefings-nope/cache", 2_000)).toBe("ENOENT");
    expect(await folderProblem(path.join(cache.dir, "new", "deeper"))).toBe(null);
  });
});
