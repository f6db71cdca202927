import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateArchive } from "../../bench/generate.ts";
import { buildQueries } from "../../bench/queries.ts";
import { loadBriefings } from "../../src/briefings/load.ts";
import { DENSE } from "../../src/search/dense.ts";
import { ParagraphIndex, PRUNING, type IndexDoc } from "../../src/search/index.ts";
import { BM25 } from "../../src/search/bm25.ts";
import { RANKING } from "../../src/search/rank.ts";
import { tempDir } from "../support/folders.ts";

/**
 * The fast ways through a search must not change an answer: pruning (MaxScore by briefing)
 * and the dense per-segment scorer (deferring costly concepts the same way, block by block)
 * give the same hits in the same order, with the same scores, and the same total, as scoring
 * every paragraph through the row tables.
 */
describe("pruned and dense searches give the answers of a full search", async () => {
  const tmp = tempDir("bb-pruning-");
  afterAll(() => tmp.cleanup());
  const archive = generateArchive(400, 5, path.join(tmp.dir, "archive"));
  const { briefings } = await loadBriefings(archive.dataDir);
  const docs: IndexDoc[] = [];
  const day: number[] = [];
  for (const b of briefings) {
    for (const p of b.paragraphs) {
      day.push(Number((b.meta.published ?? "0").replaceAll("-", "")));
      docs.push({ id: docs.length, text: p.text, title: b.meta.title ?? "", names: "", n: p.n });
    }
  }
  // Two segments, as a Library has several.
  const half = docs.findIndex((d, i) => i >= docs.length / 2 && d.n === 1);
  const lead = Uint16Array.from(docs, (d) => d.n);
  const index = ParagraphIndex.fromSegments(
    [ParagraphIndex.buildSegment(docs.slice(0, half)), ParagraphIndex.buildSegment(docs.slice(half))],
    lead,
  );
  const q = buildQueries(archive.manifest, 150, 11);
  const queries = [...q.search, ...q.fuzzy, ...q.relevance].map((c) => c.query);
  const sorted = [...day].sort((a, b) => a - b);
  const from = sorted[Math.floor(sorted.length * 0.3)],
    to = sorted[Math.floor(sorted.length * 0.6)];
  const filters: Array<[string, ((id: number) => boolean) | undefined]> = [
    ["no filter", undefined],
    ["a date range", (id) => day[id] >= from && day[id] <= to],
    ["every third paragraph", (id) => id % 3 === 0],
  ];

  const run = (
    way: "full" | "pruned" | "dense",
    query: string,
    filter: ((id: number) => boolean) | undefined,
    top: number,
    denseBlock: number = DENSE.block,
  ) => {
    const pruning = {
      ...PRUNING,
      dense: way === "dense",
      enabled: way === "pruned",
      minCost: 0,
      pilotMin: 5,
      pilotFactor: 1,
    };
    return index.search(query, filter, top, { pruning, denseBlock });
  };

  it.each(filters)("%s", (_, filter) => {
    let differ = 0;
    let prunedSearches = 0;
    let deferredSearches = 0;
    for (const query of queries) {
      for (const top of [1, 5, 20]) {
        const full = run("full", query, filter, top);
        const pruned = run("pruned", query, filter, top);
        if (index.lastPruned) prunedSearches++;
        const dense = run("dense", query, filter, top);
        if (index.lastPruned) deferredSearches++;
        const blocks = run("dense", query, filter, top, 50);
        for (const fast of [pruned, dense, blocks]) {
          expect(fast.total, query).toBe(full.total);
          expect(
            fast.hits.map((h) => h.id),
            query,
          ).toEqual(full.hits.map((h) => h.id));
          fast.hits.forEach((h, i) => expect(h.score).toBe(full.hits[i].score));
          expect(fast.hits[0]?.terms ?? []).toEqual(full.hits[0]?.terms ?? []);
        }
        if (pruned.total !== full.hits.length) differ++;
      }
    }
    expect(differ).toBeGreaterThan(0);
    expect(prunedSearches).toBeGreaterThan(queries.length / 2);
    // The dense scorer defers costly concepts once its heap is full, with no filter only.
    if (filter) expect(deferredSearches).toBe(0);
    else expect(deferredSearches).toBeGreaterThan(queries.length / 2);
    expect(index.denseReady).toBe(true);
  });
});

describe("tuning constants", () => {
  it("are frozen: a test chooses its settings through search's parameter, never by changing the exports", () => {
    for (const c of [PRUNING, DENSE, RANKING, BM25]) expect(Object.isFrozen(c)).toBe(true);
    expect(() => Object.assign(PRUNING, { dense: false })).toThrow(TypeError);
  });
});
