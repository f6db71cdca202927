import type { Check, SizeResult } from "./result.ts";

/**
 * Issue #6's "done when", per size: the 100k-paragraph targets apply from 50k paragraphs,
 * the 1M ones from 500k; the bot's search p99 must be at most half plain MiniSearch's at
 * every size. Then issue #16's (`#16` in their names), over the same ranges.
 */
export function checksFor(r: Omit<SizeResult, "checks">): Check[] {
  const check: CheckFn = (name, value, limit) => ({
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
  return [...out, ...issue16(r, check)];
}

type CheckFn = (name: string, value: number | null | undefined, limit: number) => Check;

function issue16(r: Omit<SizeResult, "checks">, check: CheckFn): Check[] {
  const out: Check[] = [];
  if (r.paragraphs < 50_000) return out;
  if (r.paragraphs < 500_000) {
    out.push(
      check("#16 meetings/pledges p99 ≤ 10 ms", r.events?.p99, 10),
      check("#16 build ≤ 15 s", r.buildS, 15),
      check("#16 search p99 ≤ 5 ms", r.search?.p99, 5),
    );
  } else {
    out.push(
      check("#16 search p99 ≤ 40 ms", r.search?.p99, 40),
      check("#16 meetings/pledges p99 ≤ 50 ms", r.events?.p99, 50),
      check("#16 new briefing searchable ≤ 0.5 s", r.freshS, 0.5),
      check("#16 event-loop delay p99 ≤ 20 ms while it is added", r.loopDelay?.fresh?.p99, 20),
      check("#16 event-loop delay max ≤ 100 ms while it is added", r.loopDelay?.fresh?.max, 100),
      check("#16 build ≤ 250 s", r.buildS, 250),
      check("#16 cold start ≤ 3 s", r.coldStartS, 3),
      check("#16 heap ≤ 1,200 MB", r.heapMB, 1200),
      check("#16 heap ≤ 1,200 MB serving (views built)", r.heapServingMB, 1200),
    );
  }
  if (r.ratioFlex) out.push(check("#16 search p99 ≤ FlexSearch's (ratio)", r.ratioFlex.search.p99, 1));
  if (r.ratio) out.push(check("#16 search p99 ≤ 0.1 × plain MiniSearch's (ratio)", r.ratio.search.p99, 0.1));
  const [bot, plain] = [r.relevance?.hitAt1, r.baseline?.relevance.hitAt1];
  if (plain !== undefined)
    out.push(check("#16 hit@1 ≥ plain MiniSearch's (plain − bot)", bot == null ? null : plain - bot, 0));
  return out;
}
