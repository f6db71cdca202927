import { writeFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import type { SegmentLayout } from "../../src/library/assemble.ts";
import { Library } from "../../src/library/library.ts";
import { watchLibrary } from "../../src/library/watch.ts";
import { createLogger } from "../../src/runtime/log.ts";
import { digestBriefing } from "../fixtures/digest/briefings.ts";
import { sampleFolder, tempDir } from "../support/folders.ts";

/**
 * New briefings go to small segments (here a small tail segment, rebuilt with each one; by default one of their own);
 * once a few small segments pile up at the end of the index they are rebuilt into full-size ones — with the same
 * answers. Small segment sizes here so that a handful of briefings shows it.
 */
const layout: SegmentLayout = { segment: 60, tail: 6, compactAfter: 3 };
const folders: Array<{ cleanup: () => void }> = [];
afterAll(() => folders.forEach((f) => f.cleanup()));

function setup() {
  const folder = sampleFolder();
  const cache = tempDir("briefings-compaction-");
  folders.push(folder, cache);
  return { dir: folder.dir, cacheDir: cache.dir };
}

/** The fast scorer needs segments of consecutive ids holding whole briefings; assemble keeps them so. */
const dense = (lib: Library) => (lib as unknown as { index: { denseReady: boolean } }).index.denseReady;

const answers = (lib: Library) =>
  ["ferry crossing", "grey list", "cybercrime", "timetable story 7"].map((query) =>
    lib.search({ query, limit: 8 }).hits.map((h) => `${h.briefing.id}¶${h.paragraph.n}:${h.score.toFixed(6)}`),
  );

/** The folder's Library, then `count` new briefings added one at a time, as the watcher adds them. */
async function withNewBriefings(dir: string, cacheDir: string, count: number): Promise<Library> {
  let lib = await Library.open({ dataDir: dir, cacheDir, layout });
  for (let n = 1; n <= count; n++) {
    const b = digestBriefing(n, { sentences: 4 });
    writeFileSync(path.join(dir, b.name), b.text);
    lib = await Library.open({ dataDir: dir, cacheDir, layout, previous: lib, changedNames: new Set([b.name]) });
  }
  return lib;
}

describe("index compaction", () => {
  it("small segments left by new briefings are rebuilt into full-size ones, answering the same", async () => {
    const { dir, cacheDir } = setup();
    const lib = await withNewBriefings(dir, cacheDir, 8);
    const small = lib.state.segments.filter((s) => s.entry.paragraphs < layout.segment / 2).length;
    expect(small).toBeGreaterThanOrEqual(layout.compactAfter);
    expect(lib.build.compactionDue).toBe(true);
    expect(dense(lib)).toBe(true);
    await lib.saved;

    const compacted = await Library.open({ dataDir: dir, cacheDir, layout, previous: lib, compact: true });
    expect(compacted.build.compacted).toBe(true);
    expect(compacted.build.compactionDue).toBe(false);
    expect(compacted.state.segments.length).toBeLessThan(lib.state.segments.length);
    expect(compacted.state.segments.every((s) => s.entry.paragraphs <= layout.segment)).toBe(true);
    expect(compacted.briefings.map((b) => b.id)).toEqual(lib.briefings.map((b) => b.id));
    expect(answers(compacted)).toEqual(answers(lib));
    expect(dense(compacted)).toBe(true);
    await compacted.saved;

    // The compacted index is what a restart reads.
    const restarted = await Library.open({ dataDir: dir, cacheDir, layout });
    expect(restarted.build.fromCache).toBe(true);
    expect(restarted.state.segments.length).toBe(compacted.state.segments.length);
    expect(answers(restarted)).toEqual(answers(lib));
    expect(dense(restarted)).toBe(true);
  });

  it("by default a new briefing gets a segment of its own, and the segments before it are kept as they are", async () => {
    const { dir, cacheDir } = setup();
    const before = await Library.open({ dataDir: dir, cacheDir });
    const b = digestBriefing(1, { sentences: 4 });
    writeFileSync(path.join(dir, b.name), b.text);
    const after = await Library.open({ dataDir: dir, cacheDir, previous: before, changedNames: new Set([b.name]) });
    const segments = after.state.segments;
    expect(segments.slice(0, -1)).toEqual(before.state.segments);
    expect(segments.at(-1)!.entry.briefings.map((x) => x.id)).toEqual([b.name.replace(/\.txt$/, "")]);
    expect(dense(after)).toBe(true);
  });

  it("compacts on worker threads from a few hundred paragraphs, answering as a compaction on the main thread", async () => {
    const { dir, cacheDir } = setup();
    const lib = await withNewBriefings(dir, cacheDir, 6);
    const compact = (parallel: { minCompactParagraphs: number; threads: number }) =>
      Library.open({ dataDir: dir, cacheDir: null, layout, previous: lib, compact: true, parallel });
    const here = await compact({ minCompactParagraphs: Infinity, threads: 2 });
    const threaded = await compact({ minCompactParagraphs: 1, threads: 2 });
    expect(here.build.threads).toBe(0);
    expect(threaded.build.threads).toBe(2);
    expect(threaded.build.compacted).toBe(true);
    expect(threaded.state.segments.map((s) => s.entry)).toEqual(here.state.segments.map((s) => s.entry));
    expect(answers(threaded)).toEqual(answers(here));
    expect(answers(threaded)).toEqual(answers(lib));
  });

  it("the folder watcher compacts on its own once the folder has been quiet", async () => {
    const { dir, cacheDir } = setup();
    let logs = "";
    const log = createLogger("info", [], new Writable({ write: (c, _e, cb) => ((logs += c.toString()), cb()) }));
    let library = await Library.open({ dataDir: dir, cacheDir, layout });
    const watcher = watchLibrary({
      dataDir: dir,
      cacheDir,
      log,
      current: () => library,
      onLibrary: (next) => (library = next),
      open: (o) => Library.open({ ...o, layout }),
      settleMs: 20,
      compactIdleMs: 50,
    });
    try {
      await watcher.ready;
      for (let n = 1; n <= 8; n++) {
        const next = watcher.nextRebuild();
        const b = digestBriefing(n, { sentences: 4 });
        writeFileSync(path.join(dir, b.name), b.text);
        expect((await next).ok).toBe(true);
        if (library.build.compacted) break; // the idle time passed between two briefings
      }
      while (!library.build.compacted) expect((await watcher.nextRebuild()).ok).toBe(true);
      expect(logs).toContain("index segments compacted");
      expect(library.build.compactionDue).toBe(false);
      expect(library.search({ query: "ferry crossing" }).total).toBeGreaterThan(0);
    } finally {
      await watcher.close();
    }
  });
});
