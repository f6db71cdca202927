import { readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { IdIndex, StoredBriefing, type DocTable } from "../../src/library/briefing-tables.ts";
import { patchByName } from "../../src/library/file-list.ts";
import { Library } from "../../src/library/library.ts";
import type { Content } from "../../src/library/snapshot.ts";
import { runNow } from "../../src/search/steps.ts";
import { digestBriefing } from "../fixtures/digest/briefings.ts";
import { briefingFile, sampleFolder, tempDir } from "../support/folders.ts";

/**
 * A new briefing's Library patches the tables of the one it replaces (the briefings by name, id and slot, each
 * paragraph's briefing, each briefing's day) instead of building them over the whole archive. Whatever the change,
 * it must answer exactly as a Library built whole from the folder does.
 */
const folders: Array<{ cleanup: () => void }> = [];
afterAll(() => folders.forEach((f) => f.cleanup()));

function setup() {
  const folder = sampleFolder();
  const cache = tempDir("briefings-patched-");
  folders.push(folder, cache);
  return { dir: folder.dir, cacheDir: cache.dir };
}

const QUERIES = ["ferry crossing", "minister", "timetable story 7", "court", "Cambodia"];

/** What a reader sees of a Library: its briefings, problems, paragraphs, and answers with every filter. */
function seen(lib: Library) {
  const ids = lib.briefings.map((b) => b.id);
  const answers = QUERIES.flatMap((query) => [
    lib.search({ query, limit: 6 }),
    lib.search({ query, limit: 6, source: ids[1] }),
    lib.search({ query, limit: 6, from: "2024-06-01", to: "2024-06-30" }),
  ]).map(({ total, hits }) => ({
    total,
    hits: hits.map((h) => `${h.briefing.id}¶${h.paragraph.n}:${h.score.toFixed(6)}:${h.paragraph.text.slice(0, 30)}`),
  }));
  return {
    files: lib.briefings.map((b) => b.file),
    problems: lib.problems.map((p) => `${p.file}: ${p.message}`),
    paragraphs: lib.paragraphCount,
    byId: ids.map((id) => lib.get(id)?.meta.title ?? null),
    answers,
    citations: ids.map((id) => lib.citation(id, 1)),
  };
}

const docsOf = (lib: Library) => (lib as unknown as { docs: DocTable }).docs;

describe("a Library patched for each change answers as one built whole", () => {
  it("through new, changed, touched, broken, doubled and removed files", async () => {
    const { dir, cacheDir } = setup();
    let lib = await Library.open({ dataDir: dir, cacheDir });
    const sample = lib.briefings[2].file;
    const steps: Array<{ what: string; change: () => string[] }> = [
      {
        what: "a new briefing",
        change: () => {
          const b = digestBriefing(7, { sentences: 3, published: "2024-06-12" });
          writeFileSync(path.join(dir, b.name), b.text);
          return [b.name];
        },
      },
      {
        what: "a briefing rewritten",
        change: () => {
          const file = path.join(dir, sample);
          writeFileSync(file, `${readFileSync(file, "utf8")}\n\nThe ferry crossing story had one more paragraph.\n`);
          return [sample];
        },
      },
      {
        what: "a briefing touched (same text, new time)",
        change: () => {
          const later = new Date(Date.now() + 5_000);
          utimesSync(path.join(dir, lib.briefings[0].file), later, later);
          return [lib.briefings[0].file];
        },
      },
      {
        what: "an empty file and a new briefing together",
        change: () => {
          writeFileSync(path.join(dir, "500_empty.txt"), "");
          const b = digestBriefing(8, { sentences: 2, published: "2023-02-01" });
          writeFileSync(path.join(dir, b.name), b.text);
          return ["500_empty.txt", b.name];
        },
      },
      {
        what: "a .md beside a .txt of the same id (decided over the whole list)",
        change: () => {
          const name = digestBriefing(7).name.replace(/\.txt$/, ".md");
          writeFileSync(path.join(dir, name), briefingFile({ title: "The same id" }, "A second file with one id."));
          return [name];
        },
      },
      {
        what: "a briefing removed, the empty file mended",
        change: () => {
          rmSync(path.join(dir, lib.briefings[1].file));
          writeFileSync(
            path.join(dir, "500_empty.txt"),
            briefingFile({ title: "Mended" }, "Now it has a court story."),
          );
          return [lib.briefings[1].file, "500_empty.txt"];
        },
      },
    ];
    for (const step of steps) {
      const names = step.change();
      lib = await Library.open({ dataDir: dir, cacheDir, previous: lib, changedNames: new Set(names) });
      await lib.saved;
      const whole = await Library.open({ dataDir: dir, cacheDir: null });
      expect(seen(lib), step.what).toEqual(seen(whole));
    }
    expect(lib.problems.length).toBeGreaterThan(0); // the doubled id is told
  });
});

describe("the paragraph table of a new briefing's Library", () => {
  it("grows in place after the previous one, which answers as before; a second patch of that one copies", async () => {
    const { dir, cacheDir } = setup();
    const first = await Library.open({ dataDir: dir, cacheDir });
    const before = seen(first);
    const add = (n: number, base: Library) => {
      const b = digestBriefing(n, { sentences: 2 });
      writeFileSync(path.join(dir, b.name), b.text);
      return Library.open({ dataDir: dir, cacheDir: null, previous: base, changedNames: new Set([b.name]) });
    };
    const second = await add(21, first);
    expect(docsOf(second).store).toBe(docsOf(first).store);
    expect(docsOf(second).briefing.length).toBeGreaterThan(docsOf(first).briefing.length);
    expect(seen(first)).toEqual(before);

    // Patched from `first` again (as if `second` had been set aside): `second` has grown into the room, so this copies.
    const other = await add(22, first);
    expect(docsOf(other).store).not.toBe(docsOf(first).store);
    const story = (lib: Library, n: number) => lib.search({ query: `timetable story ${n}`, limit: 1 }).hits[0];
    expect(story(second, 21)?.briefing.id).toBe(digestBriefing(21).name.replace(/\.txt$/, ""));
    expect(story(other, 22)?.briefing.id).toBe(digestBriefing(22).name.replace(/\.txt$/, ""));
    expect(story(second, 22)?.briefing.id).not.toBe(digestBriefing(22).name.replace(/\.txt$/, ""));
  });
});

describe("IdIndex", () => {
  const briefing = (id: string, at: number) =>
    new StoredBriefing(id, `${id}.txt`, { hash: id } as unknown as Content, at);

  it("answers through the changes over its map, and after they are folded into a new one", () => {
    const base = new Map(Array.from({ length: 10 }, (_, i) => [`b${i}`, briefing(`b${i}`, i)]));
    const small = runNow(IdIndex.of(base).with(new Map([["b3", null]])));
    expect(small.get("b3")).toBeUndefined();
    expect(small.get("b4")?.at).toBe(4);

    const many = new Map<string, StoredBriefing | null>([["b5", null]]);
    for (let i = 0; i < 5000; i++) many.set(`n${i}`, briefing(`n${i}`, 10 + i));
    const folded = runNow(small.with(many));
    expect(folded.get("b3")).toBeUndefined();
    expect(folded.get("b5")).toBeUndefined();
    expect(folded.has("b4")).toBe(true);
    expect(folded.get("n4999")?.at).toBe(5009);
    expect((folded as unknown as { over: Map<string, unknown> }).over.size).toBe(0);
    expect(base.has("b3") && base.has("b5")).toBe(true); // the shared map is never changed
  });
});

describe("patchByName", () => {
  it("takes the names out and puts back what they are now, in name order", () => {
    const list = ["b", "d", "f"].map((file) => ({ file, v: 0 }));
    const now = new Map([
      ["a", { file: "a", v: 1 }],
      ["d", { file: "d", v: 1 }],
      ["g", { file: "g", v: 1 }],
    ]);
    const out = patchByName(list, ["a", "d", "f", "g", "z"], (name) => now.get(name));
    expect(out.map((e) => `${e.file}${e.v}`)).toEqual(["a1", "b0", "d1", "g1"]);
    expect(list.map((e) => e.file)).toEqual(["b", "d", "f"]);
  });
});
