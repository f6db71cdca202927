import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateArchive } from "../../bench/generate.ts";
import { percentile, summarise } from "../../bench/measure.ts";
import { buildQueries } from "../../bench/queries.ts";
import { markdown, PLOT_FILE, writeDocs, writeJson } from "../../bench/report.ts";
import type { BenchReport } from "../../bench/result.ts";
import { runBench } from "../../bench/run.ts";
import { tempDir } from "../support/folders.ts";

const tmp = tempDir("briefings-bench-");
afterAll(() => tmp.cleanup());

const latencyShape = {
  n: expect.any(Number),
  p50: expect.any(Number),
  p95: expect.any(Number),
  p99: expect.any(Number),
};

describe("the benchmark harness", () => {
  it("generates the same archive from the same seed, with front matter and about ten paragraphs a briefing", () => {
    const a = generateArchive(12, 3, path.join(tmp.dir, "a"));
    const b = generateArchive(12, 3, path.join(tmp.dir, "b"));
    const files = readdirSync(a.dataDir).sort();
    expect(files).toHaveLength(12);
    expect(readdirSync(b.dataDir).sort()).toEqual(files);
    expect(readFileSync(path.join(b.dataDir, files[5]), "utf8")).toBe(
      readFileSync(path.join(a.dataDir, files[5]), "utf8"),
    );
    expect(a.manifest.paragraphs / 12).toBeGreaterThanOrEqual(8);
    expect(a.manifest.paragraphs / 12).toBeLessThanOrEqual(12);
    expect(
      files.filter((f) => readFileSync(path.join(a.dataDir, f), "utf8").startsWith("---\ntitle: ")).length,
    ).toBeGreaterThan(6);
    const q = buildQueries(a.manifest, 50);
    expect(q.search).toHaveLength(50);
    expect(q.filtered.every((c) => c.source !== undefined || c.from !== undefined)).toBe(true);
    expect(q.search.every((c) => c.query.split(" ").length >= 1 && c.query.trim() !== "")).toBe(true);
  });

  it("takes nearest-rank percentiles", () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(
      percentile(
        [...xs].sort((a, b) => a - b),
        99,
      ),
    ).toBe(99);
    expect(summarise(xs)).toMatchObject({ n: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it("measures a tiny archive end to end and reports the documented JSON shape", async () => {
    const report = await runBench({
      sizes: [20],
      seed: 1,
      querySeed: 7,
      queries: 20,
      budgetS: 5,
      coldRuns: 1,
      baseline: true,
      flexsearch: true,
      stages: true,
      tmpDir: tmp.dir,
      heapLimitMB: 2048,
      profileDir: null,
      log: () => undefined,
    });
    const file = writeJson(path.join(tmp.dir, "results"), report);
    const json = JSON.parse(readFileSync(file, "utf8"));
    expect(json.machine).toMatchObject({ cpus: expect.any(Number), node: process.version });
    expect(typeof json.date).toBe("string");
    expect(json.sizes).toHaveLength(1);
    const size = json.sizes[0];
    expect(size).toMatchObject({
      briefings: 20,
      paragraphs: expect.any(Number),
      buildS: expect.any(Number),
      heapMB: expect.any(Number),
      heapServingMB: expect.any(Number),
      snapshotMB: expect.any(Number),
      coldStartS: expect.any(Number),
      freshS: expect.any(Number),
      eventsS: expect.any(Number),
      search: latencyShape,
      fuzzy: latencyShape,
      filtered: latencyShape,
      baseline: { buildS: expect.any(Number), search: latencyShape, fuzzy: latencyShape },
      ratio: { search: { p99: expect.any(Number) } },
      errors: [],
    });
    expect(size.paragraphs).toBeGreaterThan(100);
    expect(size.coldStart.fromCache).toBe(true);
    expect(size.eventsS).toBeGreaterThanOrEqual(size.freshS);
    // Measured through the bundle the harness runs, as the bot runs them.
    expect(size.events).toMatchObject(latencyShape);
    expect(size.autocomplete).toMatchObject({ ...latencyShape, via: "src/discord/autocomplete.ts" });
    expect(size.search.n).toBeGreaterThan(0);
    expect(size.flexsearch).toMatchObject({
      buildS: expect.any(Number),
      heapMB: expect.any(Number),
      search: latencyShape,
      fuzzy: latencyShape,
      filtered: latencyShape,
      fuzzyBuildS: expect.any(Number),
      relevance: { n: expect.any(Number), hitAt1: expect.any(Number), hitAt5: expect.any(Number) },
      typoHit: { n: expect.any(Number), rate: expect.any(Number) },
    });
    expect(size.flexsearch.filteredBy.tags + size.flexsearch.filteredBy.tagsThenChecked).toBe(size.filtered.n);
    expect(size.flexsearch.relevance.n).toBeGreaterThan(0);
    expect(size.ratioFlex).toMatchObject({ search: { p99: expect.any(Number) }, buildS: expect.any(Number) });
    const loopShape = { p99: expect.any(Number), max: expect.any(Number), samples: expect.any(Number) };
    expect(size.loopDelay).toMatchObject({
      fresh: loopShape,
      searchable: loopShape,
      queries: { ...loopShape, calls: expect.any(Number) },
    });
    expect(size.heapServingMB).toBeGreaterThan(0);
    expect(size.loopDelay.queries.calls).toBeGreaterThan(0);
    expect(size.loopDelay.fresh.max).toBeGreaterThanOrEqual(size.loopDelay.fresh.p99);
    expect(size.stages.workers).toBe(1);
    expect(size.typoHit).toMatchObject({ n: expect.any(Number), rate: expect.any(Number) });
    expect(size.baseline.typoHit).toMatchObject({ n: expect.any(Number), rate: expect.any(Number) });

    const md = markdown(report);
    expect(md).toContain("| Search p50 / p95 / p99 (ms) |");
    expect(md).toMatch(/\| · FlexSearch \| [\d.]+ \/ [\d.]+ \/ [\d.]+/);
    expect(md).toMatch(/\| · event-loop delay until searchable, p99 \/ max \(ms\) \| [\d.]+ \/ [\d.]+ \|/);
    expect(md).toMatch(/\| · event-loop delay until its events are in, p99 \/ max \(ms\) \| [\d.]+ \/ [\d.]+ \|/);
    expect(md).toMatch(/\| · serving, views built \(MB\) \| [\d.]+ \|/);
    expect(md).toContain("(1 thread)");
    const docs = path.join(tmp.dir, "docs", "benchmarks.md");
    writeDocs(docs, report);
    expect(readFileSync(docs, "utf8")).toContain(`](${PLOT_FILE})`);
    expect(readFileSync(path.join(tmp.dir, "docs", PLOT_FILE), "utf8")).toContain("<polyline");
  }, 180_000);

  it("renders a report from before FlexSearch and event-loop delay with dashes in their rows", () => {
    const old = JSON.parse(
      readFileSync(new URL("../../bench/results/latest.json", import.meta.url), "utf8"),
    ) as BenchReport;
    for (const s of old.sizes) {
      delete s.flexsearch;
      delete s.ratioFlex;
      delete s.loopDelay;
    }
    const md = markdown(old);
    expect(md).toMatch(/\| · FlexSearch \| — \|/);
    expect(md).toMatch(/\| Event-loop delay during the query mix, p99 \/ max \(ms\) \| — \|/);
  });
});
