import { describe, expect, it } from "vitest";
import { execute } from "../../commands/index.ts";
import { Library } from "../../src/library/library.ts";
import { SAMPLES_DIR } from "../support/folders.ts";

type Results = { total: number; results: Array<{ source: string; citation: { published: string } }> };

describe("search filters", async () => {
  const library = await Library.open({ dataDir: SAMPLES_DIR, cacheDir: null });
  const run = (options: Record<string, unknown>): Results => {
    const outcome = execute(library, "search", { limit: 25, ...options });
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.answer.json as Results;
  };

  it("keeps only briefings published within from/to (a month given as YYYY-MM)", () => {
    const all = run({ query: "crime" });
    const january = run({ query: "crime", from: "2024-01", to: "2024-01" });
    expect(january.total).toBeGreaterThan(0);
    expect(january.total).toBeLessThan(all.total);
    for (const r of january.results) expect(r.citation.published.startsWith("2024-01")).toBe(true);
    const since = run({ query: "crime", from: "2023-04-06" });
    for (const r of since.results) expect(r.citation.published >= "2023-04-06").toBe(true);
    expect(since.results.some((r) => r.citation.published === "2023-04-06")).toBe(true);
  });

  it("keeps only one briefing with source, found by a unique id prefix", () => {
    const one = run({ query: "crime", source: "003" });
    expect(one.total).toBeGreaterThan(0);
    expect(new Set(one.results.map((r) => r.source))).toEqual(new Set(["003_45c05db55b37f868"]));
  });

  it("says when filters leave nothing", () => {
    const outcome = execute(library, "search", { query: "crime", from: "2030-01-01" });
    expect(outcome.ok && outcome.answer.note).toMatch(/No passages match "crime" with those filters/);
  });
});
