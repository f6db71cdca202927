import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HEADS_FILE, type ContentMark } from "../../src/library/content-heads.ts";
import { Library } from "../../src/library/library.ts";
import { readContentLines, readManifest } from "../../src/library/snapshot.ts";
import { briefingFile, sampleFolder, tempDir } from "../support/folders.ts";

/**
 * A snapshot opens from the heads of its content lines (content-heads.ts) instead of scanning content.jsonl; a heads
 * file that does not match the manifest is left aside (content.jsonl scanned whole, as before) and written again by
 * the next save; content lines after the manifest's mark are still found.
 */
const folder = sampleFolder();
const cache = tempDir("briefings-heads-");
afterAll(() => {
  folder.cleanup();
  cache.cleanup();
});
const open = (previous?: Library) =>
  Library.open({ dataDir: folder.dir, cacheDir: cache.dir, ...(previous ? { previous } : {}) });
const snapshotDir = () =>
  path.join(
    cache.dir,
    readdirSync(cache.dir).find((f) => f.startsWith("library-"))!,
  );
const markOf = async (): Promise<ContentMark | undefined> => (await readManifest(snapshotDir())).manifest?.content;

/** What a Library holds of each briefing, to compare one opened from heads with one from a whole scan. */
const held = (lib: Library) =>
  lib.briefings.map((b) => ({ id: b.id, meta: b.meta, paragraphs: b.paragraphs, removed: b.removed }));

describe("a snapshot's content heads", () => {
  it("are saved with the content, and give the same briefings as a whole scan of content.jsonl", async () => {
    const first = await open();
    const mark = await markOf();
    expect(mark).toBeDefined();
    const contentBytes = readFileSync(path.join(snapshotDir(), "content.jsonl")).length;
    expect(mark!.bytes).toBe(contentBytes);
    const fromHeads = await readContentLines(snapshotDir(), mark);
    expect(fromHeads.mark).toEqual(mark); // the heads were used
    const scanned = await readContentLines(snapshotDir());
    expect(scanned.mark).toBeUndefined();
    expect([...fromHeads.contents.keys()].sort()).toEqual([...scanned.contents.keys()].sort());
    for (const [hash, c] of fromHeads.contents) {
      const s = scanned.contents.get(hash)!;
      expect([c.meta, c.count, c.paragraphs, c.events, c.removed]).toEqual([
        s.meta,
        s.count,
        s.paragraphs,
        s.events,
        s.removed,
      ]);
    }
    const again = await open();
    expect(again.build.fromCache).toBe(true);
    expect(held(again)).toEqual(held(first));
  });

  it("grow with each new briefing: a restart finds it through them", async () => {
    const before = await open();
    const mark = (await markOf())!;
    writeFileSync(
      path.join(folder.dir, "950_heads.txt"),
      briefingFile({ title: "Wombat survey", published: "2025-05-02" }, "Volunteers counted wombats near the dam."),
    );
    const after = await open(before);
    await after.saved;
    const grown = (await markOf())!;
    expect(grown.tag).toBe(mark.tag); // appended to, not written again
    expect(grown.bytes).toBeGreaterThan(mark.bytes);
    expect(grown.heads).toBeGreaterThan(mark.heads);
    expect((await readContentLines(snapshotDir(), grown)).mark).toEqual(grown);
    const restarted = await open();
    expect(restarted.build.fromCache).toBe(true);
    expect(restarted.search({ query: "wombats" }).hits[0]?.briefing.id).toBe("950_heads");
    expect(held(restarted)).toEqual(held(after));
  });

  it("of another generation are left aside and written again by the next save", async () => {
    const before = await open();
    const heads = path.join(snapshotDir(), HEADS_FILE);
    const text = readFileSync(heads, "utf8");
    writeFileSync(heads, text.replace(/"tag":"[^"]+"/, '"tag":"another"'));
    const mark = (await markOf())!;
    expect((await readContentLines(snapshotDir(), mark)).mark).toBeUndefined(); // scanned whole
    const reopened = await open();
    expect(reopened.build.fromCache).toBe(true);
    expect(held(reopened)).toEqual(held(before));
    writeFileSync(
      path.join(folder.dir, "951_heads.txt"),
      briefingFile({ title: "Heron count", published: "2025-05-03" }, "Birders counted herons on the lake."),
    );
    const after = await open(reopened);
    await after.saved;
    const rewritten = (await markOf())!;
    expect(rewritten.tag).not.toBe(mark.tag);
    expect((await readContentLines(snapshotDir(), rewritten)).mark).toEqual(rewritten);
    expect(held(await open())).toEqual(held(after));
  });

  it("that are missing are left aside too; lines after the mark are scanned, a damaged one said", async () => {
    const before = await open();
    const mark = (await markOf())!;
    appendFileSync(path.join(snapshotDir(), "content.jsonl"), "not a content line\n");
    const tail = await readContentLines(snapshotDir(), mark);
    expect([tail.mark, tail.damaged]).toEqual([mark, 1]);
    rmSync(path.join(snapshotDir(), HEADS_FILE));
    const scanned = await readContentLines(snapshotDir(), mark);
    expect([scanned.mark, scanned.damaged]).toEqual([undefined, 1]);
    const reopened = await open();
    expect(reopened.build.cacheNote).toBe("1 damaged line in content.jsonl: those briefings are read again");
    expect(held(reopened)).toEqual(held(before));
  });
});
