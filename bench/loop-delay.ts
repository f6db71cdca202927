import { monitorEventLoopDelay } from "node:perf_hooks";

/**
 * Event-loop delay, as `perf_hooks.monitorEventLoopDelay` samples it: a timer due every `LOOP_RESOLUTION_MS`, and how
 * late it fired. While the loop is blocked (a rebuild on the main thread, a slow answer) nothing else runs — no
 * interaction, button or autocomplete of a bot can be answered — so the worst lateness is the longest such wait.
 * Node records the time between two firings, the resolution included (an idle loop shows about the resolution);
 * the figures here are that less the resolution: how late the timer was.
 */

export interface LoopDelay {
  /** Milliseconds. */
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** Timer samples taken (at most one per `resolutionMs` while the loop was free). */
  samples: number;
  resolutionMs: number;
  /** Calls made while it was measured (the query mix), when that means something. */
  calls?: number;
}

/** 10 ms, Node's default: coarser than 1 ms, so an idle loop adds fewer near-zero samples that would hide a stall. */
export const LOOP_RESOLUTION_MS = 10;

const late = (ns: number, resolutionMs: number) => Number(Math.max(0, ns / 1e6 - resolutionMs).toFixed(2));

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Start measuring; `stop()` lets the timer fire once more (a stall that just ended is sampled only when it does), and
 * until it has a sample (at most 20 more resolutions), then ends it and returns the figures (null when none was taken).
 */
export function watchLoop(resolutionMs = LOOP_RESOLUTION_MS): { stop: (calls?: number) => Promise<LoopDelay | null> } {
  const h = monitorEventLoopDelay({ resolution: resolutionMs });
  h.enable();
  return {
    async stop(calls) {
      await sleep(resolutionMs * 2);
      // On a busy machine the timer may not have fired twice yet (no sample): give it a few more turns.
      for (let i = 0; i < 20 && h.count === 0; i++) await sleep(resolutionMs);
      h.disable();
      if (h.count === 0) return null;
      const out: LoopDelay = {
        p50: late(h.percentile(50), resolutionMs),
        p99: late(h.percentile(99), resolutionMs),
        max: late(h.max, resolutionMs),
        mean: late(h.mean, resolutionMs),
        samples: h.count,
        resolutionMs,
      };
      return calls === undefined ? out : { ...out, calls };
    },
  };
}

/** One set of the mix: its inputs, and what answers one. */
export type MixSet = readonly [inputs: readonly unknown[], fn: (input: never) => unknown];

/**
 * The sets taken in turn, one call a macrotask (as interactions reach a bot: each its own turn of the loop), with the
 * loop's delay measured throughout; stops after `calls` calls or `budgetS` seconds.
 */
export async function loopDuringMix(
  sets: readonly MixSet[],
  calls: number,
  budgetS: number,
): Promise<LoopDelay | null> {
  const queue: Array<() => unknown> = [];
  const longest = Math.max(0, ...sets.map(([inputs]) => inputs.length));
  for (let i = 0; i < longest && queue.length < calls; i++) {
    for (const [inputs, fn] of sets) {
      if (i < inputs.length && queue.length < calls) queue.push(() => (fn as (x: unknown) => unknown)(inputs[i]));
    }
  }
  const watch = watchLoop();
  const deadline = performance.now() + budgetS * 1000;
  let done = 0;
  for (const call of queue) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    call();
    done++;
    if (performance.now() > deadline) break;
  }
  return watch.stop(done);
}
