import { describe, expect, it } from "vitest";
import { runInSlices, runNow, sortSteps, STEP, type Steps } from "../../src/search/steps.ts";
import { countTurns } from "../support/turns.ts";

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

describe("jobs in slices at the same time", () => {
  /** A job of `n` steps of at least `ms` each (by the clock), recording the turn each step ran in. */
  function* slow(n: number, ms: number, turnOf: () => number, seen: number[]): Steps<number> {
    for (let i = 0; i < n; i++) {
      const until = performance.now() + ms;
      while (performance.now() < until);
      seen.push(turnOf());
      yield;
    }
    return n;
  }

  it("share one budget a turn: three jobs together hold the loop no longer a turn than one would", async () => {
    const turns = countTurns();
    const seen: number[] = [];
    const results = await Promise.all([1, 2, 3].map(() => runInSlices(slow(12, 2, turns.now, seen))));
    turns.stop();
    expect(results).toEqual([12, 12, 12]);
    expect(seen).toHaveLength(36);
    // Steps of 2 ms or more in a budget of SLICE_MS (4 ms): at most three steps (the last one past it) in any turn.
    const perTurn = new Map<number, number>();
    for (const t of seen) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
    expect(Math.max(...perTurn.values())).toBeLessThanOrEqual(3);
  });

  it("a job that fails rejects its own promise, and the others finish", async () => {
    function* failing(): Steps<number> {
      yield;
      throw new Error("step failed");
    }
    function* fine(): Steps<string> {
      for (let i = 0; i < 5; i++) yield;
      return "done";
    }
    const [bad, good] = await Promise.allSettled([runInSlices(failing()), runInSlices(fine())]);
    expect(bad.status === "rejected" && (bad.reason as Error).message).toBe("step failed");
    expect(good).toEqual({ status: "fulfilled", value: "done" });
  });
});
