import type { Check, SizeResult } from "./result.ts";

/**
 * Issue #6's "done when", per size: the 100k-paragraph targets apply from 50k paragraphs,
 * the 1M ones from 500k; the bot's search p99 must be at most half plain MiniSearch's at
 * every size.
 */
export function checksFor(r: Omit<SizeResult, "checks">): Check[] {
  const check = (name: string, value: number | null | undefined, limit: number): Check => ({
    name,
    limit,
    value: value ?? null,
    pass: value != null && value <= limit,
  });
  const out: Check[] = [];
  if (r.paragraphs >= 50_000 && r.paragraphs < 500_000) {
    out.push(
      check("search p99 ≤ 15 ms", r.search?.p99, 15),
      check("fuzzy p99 ≤ 40 ms", r.fuzzy?.p99, 40),
      check("autocomplete p99 ≤ 5 ms", r.autocomplete?.p99, 5),
      check("cold start ≤ 1.5 s", r.coldStartS, 1.5),
      check("heap ≤ 500 MB", r.heapMB, 500),
    );
  }
  if (r.paragraphs >= 500_000) {
    out.push(
      check("builds, saves and reloads without error (errors)", r.errors.length, 0),
      check("search p99 ≤ 100 ms", r.search?.p99, 100),
      check("cold start ≤ 10 s", r.coldStartS, 10),
      check("new briefing searchable ≤ 2 s", r.freshS, 2),
    );
  }
  if (r.ratio) out.push(check("search p99 ≤ ½ plain MiniSearch's (ratio)", r.ratio.search.p99, 0.5));
  return out;
}
