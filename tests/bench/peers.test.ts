import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { coverDays, dateTagsFor } from "../../bench/date-tags.ts";
import { buildFlexIndex, flexFilter, FULL_TEXT_OPTIONS, TYPO_OPTIONS } from "../../bench/flexsearch.ts";
import { generateArchive } from "../../bench/generate.ts";
import { loopDuringMix, watchLoop } from "../../bench/loop-delay.ts";
import { inDates, keeper, loadParagraphs } from "../../bench/paragraphs.ts";
import { p99Series, p99Svg } from "../../bench/plot.ts";
import { buildQueries } from "../../bench/queries.ts";
import type { BenchReport, SizeResult } from "../../bench/result.ts";
import { briefingFile, tempDir } from "../support/folders.ts";

const tmp = tempDir("briefings-bench-peers-");
afterAll(() => tmp.cleanup());

describe("date tags for FlexSearch", () => {
  it("covers a window with the fewest whole years, months and days", () => {
    expect(coverDays("2023-12-30", "2025-02-02")).toEqual([
      "2023-12-30",
      "2023-12-31",
      "2024",
      "2025-01",
      "2025-02-01",
      "2025-02-02",
    ]);
    expect(coverDays("2024-02-01", "2024-02-29")).toEqual(["2024-02"]);
    expect(coverDays("2024-03-05", "2024-03-04")).toEqual([]);
  });

  it("takes a year or month as the whole period, keeps to the days indexed and to tags some paragraph carries", () => {
    const span = { first: "2024-01-10", last: "2024-06-30" };
    const known = new Set(["2024", "2024-03", "2024-03-05", "2024-04", "2024-04-02"]);
    expect(dateTagsFor({}, span, known)).toBeNull();
    expect(dateTagsFor({ from: "2024-03", to: "2024-03" }, span, known)).toEqual(["2024-03"]);
    expect(dateTagsFor({ from: "2024-04" }, span, known)).toEqual(["2024-04"]);
    expect(dateTagsFor({ from: "2025" }, span, known)).toEqual([]);
    // Whole 2024 is wider than the index: it is asked day by day and month by month within it, as far as tags exist.
    expect(dateTagsFor({ from: "2024", to: "2024" }, span, known)).toEqual(["2024-03", "2024-04"]);
  });
});

describe("the FlexSearch peer", () => {
  const dir = path.join(tmp.dir, "flex");
  const archive = generateArchive(30, 5, dir);

  it("answers a filtered search only from what the filter keeps, and finds what it keeps", async () => {
    const corpus = await loadParagraphs(archive.dataDir);
    const index = buildFlexIndex(corpus, FULL_TEXT_OPTIONS, true);
    const filter = flexFilter(index, corpus);
    const cases = buildQueries(archive.manifest, 60).filtered;
    let answered = 0;
    for (const c of cases) {
      const keep = keeper(c, corpus);
      const got = filter.search(c, 5);
      expect(got.every(keep)).toBe(true);
      // Unfiltered, then filtered by hand: when that finds something, so must the tag search.
      const all = (index.search(c.query, { limit: 10_000 })[0]?.result ?? []) as number[];
      if (all.some(keep)) {
        expect(got.length).toBeGreaterThan(0);
        answered++;
      }
    }
    expect(answered).toBeGreaterThan(5);
    expect(cases.map(filter.plan)).toContain("tagsThenChecked");
  });

  it("finds words far apart in a paragraph; a word with a swapped letter on the typo index only", async () => {
    const folder = path.join(tmp.dir, "typo", "briefings");
    const another = generateArchive(3, 9, path.join(tmp.dir, "typo-src"));
    const body = "The harbour authority announced a refurbishment of the lighthouse.";
    const file = briefingFile({ title: "Harbour works", published: "2025-01-02" }, body);
    mkdirSync(folder, { recursive: true });
    cpSync(another.dataDir, folder, { recursive: true });
    writeFileSync(path.join(folder, "harbour.txt"), file);
    const corpus = await loadParagraphs(folder);
    const id = corpus.docs.find((d) => d.text === body)!.id;
    const typo = buildFlexIndex(corpus, TYPO_OPTIONS, false);
    const main = buildFlexIndex(corpus, FULL_TEXT_OPTIONS, true);
    expect(typo.search("lighthosue", { limit: 5, suggest: true })[0]?.result).toContain(id);
    expect(main.search("lighthosue", { limit: 5 })[0]?.result ?? []).not.toContain(id);
    // The first and last words of the paragraph, and one between: no context index that wants them side by side.
    expect(main.search("harbour refurbishment lighthouse", { limit: 5 })[0]?.result).toContain(id);
  });

  it("reads dates as whole periods, as the bot does", () => {
    expect(inDates({ from: "2024-03", to: "2024-03" }, "2024-03-31")).toBe(true);
    expect(inDates({ from: "2024-03", to: "2024-03" }, "2024-04-01")).toBe(false);
    expect(inDates({ to: "2024" }, "2024-12-31")).toBe(true);
    expect(inDates({ from: "2024" }, null)).toBe(false);
  });
});

describe("event-loop delay", () => {
  const busy = (ms: number) => {
    const end = performance.now() + ms;
    while (performance.now() < end);
  };

  it("records a stall of the loop as its longest delay", async () => {
    const watch = watchLoop(5);
    await new Promise((resolve) => setTimeout(resolve, 30));
    busy(80);
    const delay = await watch.stop();
    expect(delay).not.toBeNull();
    expect(delay!.max).toBeGreaterThanOrEqual(60);
    expect(delay!.samples).toBeGreaterThan(1);
  });

  it("runs a mix one call a turn and counts the calls it made", async () => {
    const seen: number[] = [];
    const delay = await loopDuringMix(
      [
        [[1, 2, 3], (x: number) => seen.push(x)],
        [[10, 20], (x: number) => seen.push(x)],
      ],
      4,
      5,
    );
    expect(seen).toEqual([1, 10, 2, 20]);
    expect(delay?.calls).toBe(4);
  });
});

describe("the p99 chart", () => {
  const size = (paragraphs: number, bot: number, plain: number, flex: number | null) =>
    ({
      paragraphs,
      search: { p99: bot },
      baseline: { search: { p99: plain } },
      flexsearch: flex === null ? null : { search: { p99: flex } },
    }) as unknown as SizeResult;
  const report = { sizes: [size(10_000, 1, 3, null), size(100_000, 4, 60, 10)] } as BenchReport;

  it("draws one line per engine measured, larger archives further right", () => {
    const series = p99Series(report);
    expect(series.map((s) => s.name)).toEqual(["bot", "plain MiniSearch", "FlexSearch"]);
    expect(series[2].points).toEqual([[100_000, 10]]);
    const svg = p99Svg(series, "test");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<polyline/g)).toHaveLength(3);
    const xs = [...svg.matchAll(/<circle cx="([\d.]+)"/g)].slice(0, 2).map((m) => Number(m[1]));
    expect(xs[1]).toBeGreaterThan(xs[0]);
  });
});
