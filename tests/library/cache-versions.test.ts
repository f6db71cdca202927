import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Library } from "../../src/library/library.ts";
import { sampleFolder, tempDir } from "../support/folders.ts";

/**
 * The snapshot's parts are versioned separately: an upgrade that changes only how paragraphs are indexed keeps the
 * cleaned text and the extracted events (no briefing is read or extracted again) and builds the index segments
 * again; one that changes extraction starts over.
 */
const made: Array<{ cleanup: () => void }> = [];
afterAll(() => made.forEach((m) => m.cleanup()));

async function snapshot() {
  const folder = sampleFolder();
  const cache = tempDir("briefings-cache-");
  made.push(folder, cache);
  const first = await Library.open({ dataDir: folder.dir, cacheDir: cache.dir });
  const dir = path.join(cache.dir, readdirSync(cache.dir)[0]);
  return { folder, cache, first, dir };
}

/** Pretend the snapshot was made by another version of one part (0 layout, 1 index, 2 extraction). */
function setVersion(dir: string, part: number, version: string): string[] {
  const file = path.join(dir, "manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { versions: string[]; segments: Array<{ file: string }> };
  manifest.versions[part] = version;
  writeFileSync(file, JSON.stringify(manifest));
  return manifest.segments.map((s) => s.file);
}

const answers = (lib: Library) =>
  ["minister", "agreement", "Hun Manet"].map((query) =>
    lib.search({ query, limit: 10 }).hits.map((h) => `${h.briefing.id}#${h.paragraph.n}`),
  );

describe("a snapshot made by another code version", () => {
  it("of the index only: keeps the text and events, builds the segments again, and drops the old ones", async () => {
    const { folder, cache, first, dir } = await snapshot();
    const oldSegments = setVersion(dir, 1, "search-old");
    const content = path.join(dir, "content.jsonl");
    const before = statSync(content);
    const upgraded = await Library.open({ dataDir: folder.dir, cacheDir: cache.dir });
    expect(upgraded.build.fromCache).toBe(false);
    expect(answers(upgraded)).toEqual(answers(first));
    expect(JSON.stringify(upgraded.events)).toBe(JSON.stringify(first.events));
    // Nothing read or extracted again: the content file is as it was.
    const after = statSync(content);
    expect([after.size, after.mtimeMs]).toEqual([before.size, before.mtimeMs]);
    const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as { versions: string[] };
    expect(manifest.versions[1]).not.toBe("search-old");
    const onDisk = readdirSync(dir).filter((f) => f.endsWith(".bin"));
    const kept = (
      JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as { segments: Array<{ file: string }> }
    ).segments.map((s) => s.file);
    expect(onDisk.sort()).toEqual([...kept].sort());
    expect(oldSegments.filter((f) => !kept.includes(f)).every((f) => !onDisk.includes(f))).toBe(true);
    const again = await Library.open({ dataDir: folder.dir, cacheDir: cache.dir });
    expect(again.build.fromCache).toBe(true);
    expect(answers(again)).toEqual(answers(first));
  });

  it("of extraction: starts over, every briefing read and extracted again", async () => {
    const { folder, cache, first, dir } = await snapshot();
    setVersion(dir, 2, "extract-old");
    const content = path.join(dir, "content.jsonl");
    const before = statSync(content).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20)); // a later modification time
    const upgraded = await Library.open({ dataDir: folder.dir, cacheDir: cache.dir });
    expect(upgraded.build.fromCache).toBe(false);
    expect(statSync(content).mtimeMs).toBeGreaterThan(before);
    expect(answers(upgraded)).toEqual(answers(first));
  });
});
