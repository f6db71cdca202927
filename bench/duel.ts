import { percentile } from "./measure.ts";

/**
 * Two or more versions of one piece of work timed in one process, case by case: every variant runs a case in turn
 * (its best of `repeat` runs counts), the order reversed on every other case. A slow spell of the machine (another
 * guest on the host, the clock, the caches) then falls on every variant alike, where separate runs of each differ
 * by 10% or more on these machines. For bench/ab.ts; nothing in the bot uses it.
 */

export interface Variant<C> {
  name: string;
  run: (c: C) => unknown;
}

export interface DuelTimes {
  name: string;
  /** Per case, in the cases' order: the best of `repeat` runs, ms. */
  times: number[];
  sumMs: number;
  p50: number;
  p99: number;
}

export function duel<C>(
  variants: ReadonlyArray<Variant<C>>,
  cases: readonly C[],
  repeat = 3,
  now: () => number = () => performance.now(),
): DuelTimes[] {
  const times = variants.map(() => new Array<number>(cases.length));
  cases.forEach((c, i) => {
    const order = variants.map((_, j) => (i % 2 === 0 ? j : variants.length - 1 - j));
    for (const j of order) {
      let best = Infinity;
      for (let r = 0; r < repeat; r++) {
        const t = now();
        variants[j].run(c);
        best = Math.min(best, now() - t);
      }
      times[j][i] = best;
    }
  });
  return variants.map((v, j) => {
    const sorted = [...times[j]].sort((a, b) => a - b);
    return {
      name: v.name,
      times: times[j],
      sumMs: times[j].reduce((s, t) => s + t, 0),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
    };
  });
}

/** A line per variant, and each one's ratio to the first (sum and p99). */
export function duelReport(results: readonly DuelTimes[]): string[] {
  const [first] = results;
  return results.map((r) => {
    const vs =
      r === first ? "" : ` · ×${(r.sumMs / first.sumMs).toFixed(3)} sum, ×${(r.p99 / first.p99).toFixed(3)} p99`;
    return `${r.name}: sum ${r.sumMs.toFixed(0)} ms, p50 ${r.p50.toFixed(2)}, p99 ${r.p99.toFixed(2)}${vs}`;
  });
}
