import { describe, expect, it } from "vitest";
import { duel, duelReport } from "../../bench/duel.ts";

/**
 * The A/B duel's bookkeeping, on a clock the test moves: which variant runs when, which run of each counts, and what
 * the report says. No real time is measured.
 */
describe("duel", () => {
  it("runs every variant on every case, in turn, the order reversed on every other case", () => {
    const calls: string[] = [];
    const variants = ["a", "b", "c"].map((name) => ({ name, run: (c: number) => calls.push(`${name}${c}`) }));
    duel(variants, [1, 2, 3], 2, () => 0);
    expect(calls).toEqual([
      ...["a1", "a1", "b1", "b1", "c1", "c1"],
      ...["c2", "c2", "b2", "b2", "a2", "a2"],
      ...["a3", "a3", "b3", "b3", "c3", "c3"],
    ]);
  });

  it("keeps each variant's best run of a case, and sums and ranks those", () => {
    // Each run takes what the variant's list says next: a's runs of case 1 take 5 then 3 ms.
    const costs: Record<string, number[]> = { a: [5, 3, 2, 2, 9, 4], b: [6, 6, 1, 7, 8, 8] };
    let clock = 0;
    let cost = 0;
    const variants = ["a", "b"].map((name) => ({
      name,
      run: () => {
        cost = costs[name].shift()!;
      },
    }));
    // now() is read before and after each run: the second read adds the run's cost.
    let reads = 0;
    const now = () => (reads++ % 2 === 0 ? clock : (clock += cost));
    const [a, b] = duel(variants, [1, 2, 3], 2, now);
    expect(a.times).toEqual([3, 2, 4]);
    expect(b.times).toEqual([6, 1, 8]);
    expect(a.sumMs).toBe(9);
    expect(b.sumMs).toBe(15);
    expect(a.p50).toBe(3);
    expect(b.p99).toBe(8);
    const report = duelReport([a, b]);
    expect(report[0]).toBe("a: sum 9 ms, p50 3.00, p99 4.00");
    expect(report[1]).toBe("b: sum 15 ms, p50 6.00, p99 8.00 · ×1.667 sum, ×2.000 p99");
  });
});
