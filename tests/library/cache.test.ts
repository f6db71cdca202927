import { appendFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Library } from "../../src/library/library.ts";
import { briefingFile, sampleFolder, tempDir } from "../support/folders.ts";

const folder = sampleFolder();
const cache = tempDir("briefings-cache-");
afterAll(() => {
  folder.cleanup();
  cache.cleanup();
});
const open = () => Library.open({ dataDir: folder.dir, cacheDir: cache.dir });

describe("the Library's on-disk snapshot", () => {
  it("builds on first open and reloads without reindexing when nothing changed", async () => {
    const first = await open();
    expect(first.build.fromCache).toBe(false);
    const second = await open();
    expect(second.build.fromCache).toBe(true);
    expect(second.build.builtAt).toBe(first.build.builtAt);
    expect(second.search({ query: "grey list" }).hits[0].paragraph.text).toBe(
      first.search({ query: "grey list" }).hits[0].paragraph.text,
    );
  });

  it("rebuilds when a file changes", async () => {
    appendFileSync(
      path.join(folder.dir, "003_45c05db55b37f868.txt"),
      "\n\nA new paragraph about zebrafish smuggling.\n",
    );
    const lib = await open();
    expect(lib.build.fromCache).toBe(false);
    expect(lib.search({ query: "zebrafish" }).hits).toHaveLength(1);
  });

  it("rebuilds when a file is added, and again when it is removed", async () => {
    const file = path.join(folder.dir, "900_new.txt");
    writeFileSync(
      file,
      briefingFile(
        { title: "Okapi sanctuary opens", published: "2025-03-02" },
        "The okapi sanctuary opened in Kampot.",
      ),
    );
    const added = await open();
    expect(added.build.fromCache).toBe(false);
    expect(added.search({ query: "okapi" }).hits[0].briefing.id).toBe("900_new");
    rmSync(file);
    const removed = await open();
    expect(removed.build.fromCache).toBe(false);
    expect(removed.search({ query: "okapi" }).hits).toHaveLength(0);
    expect((await open()).build.fromCache).toBe(true);
  });

  it.each(["segment-", "manifest.json", "content.jsonl"])(
    "survives a corrupt snapshot part (%s) by rebuilding",
    async (part) => {
      const { readdirSync } = await import("node:fs");
      expect((await open()).build.fromCache).toBe(true);
      for (const folder of readdirSync(cache.dir)) {
        for (const f of readdirSync(path.join(cache.dir, folder)))
          if (f.startsWith(part)) writeFileSync(path.join(cache.dir, folder, f), "{ not json");
      }
      const lib = await open();
      expect(lib.build.fromCache).toBe(false);
      expect(lib.briefings).toHaveLength(5);
      expect(lib.search({ query: "grey list" }).hits[0].briefing.id).toBe("001_be41d20397aba331");
      expect((await open()).build.fromCache).toBe(true);
    },
  );

  it("a content line torn by a crash mid-append is read again from its briefing; the other lines are used as they are", async () => {
    const { readdirSync, readFileSync, truncateSync } = await import("node:fs");
    const before = await open();
    expect(before.build.fromCache).toBe(true);
    // Read before the file is cut: a Library reads its stored lines from the file when asked, and only a crash (which
    // leaves no reader behind) cuts a line short.
    const paragraphs = new Map(before.briefings.map((b) => [b.id, b.paragraphs]));
    const meetings = before.meetings;
    const [snapshot] = readdirSync(cache.dir).filter((f) => f.startsWith("library-"));
    const file = path.join(cache.dir, snapshot, "content.jsonl");
    truncateSync(file, readFileSync(file).length - 40); // the last line loses its end
    const lib = await open();
    expect(lib.build.fromCache).toBe(false);
    expect(lib.briefings).toHaveLength(before.briefings.length);
    for (const b of lib.briefings) expect(b.paragraphs).toEqual(paragraphs.get(b.id));
    expect(lib.meetings).toEqual(meetings);
    expect((await open()).build.fromCache).toBe(true);
  });

  it("updates from the previous Library, indexing only the new briefing", async () => {
    const before = await open();
    writeFileSync(
      path.join(folder.dir, "901_new.txt"),
      briefingFile({ title: "Quokka census", published: "2025-04-01" }, "Rangers counted quokkas on Rottnest."),
    );
    const after = await Library.open({ dataDir: folder.dir, cacheDir: cache.dir, previous: before });
    expect(after.build.fromCache).toBe(false);
    expect(after.search({ query: "quokka" }).hits[0].briefing.id).toBe("901_new");
    expect(after.search({ query: "grey list" }).hits[0].briefing.id).toBe("001_be41d20397aba331");
    // Unchanged briefings keep their index segment; the newcomer gets its own.
    expect(after.state.segments.length).toBeGreaterThanOrEqual(1);
    expect(after.state.segments.some((s) => s.entry.briefings.some((b) => b.id === "901_new"))).toBe(true);
    // An update answers first and saves behind; once saved, a restart needs no rebuild.
    await after.saved;
    expect((await open()).build.fromCache).toBe(true);
  });
});
