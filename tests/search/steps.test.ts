import { describe, expect, it } from "vitest";
import { runInSlices, runNow, sortSteps, STEP, type Steps } from "../../src/search/steps.ts";

/** A small deterministic generator of numbers (no Math.random in tests). */
function numbers(n: number, seed: number): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % 50;
  });
}

describe("work in steps", () => {
  it.each([0, 1, STEP - 1, STEP, STEP + 1, 3 * STEP + 7, 9 * STEP])(
    "sorts %i items as Array.prototype.sort does, ties in their first order",
    (n) => {
      const items = numbers(n, n + 1).map((key, at) => ({ key, at }));
      const expected = [...items].sort((a, b) => a.key - b.key);
      const sorted = runNow(sortSteps(items, (a, b) => a.key - b.key));
      expect(sorted).toBe(items);
      expect(sorted).toEqual(expected);
    },
  );

  it("yields between pieces of a long sort", () => {
    const steps = sortSteps(numbers(4 * STEP, 3), (a, b) => a - b);
    let yields = 0;
    while (!steps.next().done) yields++;
    expect(yields).toBeGreaterThanOrEqual(4);
  });

  it("in slices, lets the event loop answer between slices and returns what running at once returns", async () => {
    function* job(): Steps<number> {
      let sum = 0;
      for (let i = 0; i < 200; i++) {
        sum += i;
        yield;
      }
      return sum;
    }
    let answered = 0;
    const ticker = setInterval(() => answered++, 0);
    const turns = { count: 0 };
    const result = await runInSlices(job(), 0, turns);
    clearInterval(ticker);
    expect(result).toBe(runNow(job()));
    expect(turns.count).toBeGreaterThan(100);
    expect(answered).toBeGreaterThan(0);
  });
});
