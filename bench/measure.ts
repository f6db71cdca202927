/** Timing helpers: percentiles of per-call latencies, heap and RSS after a full GC. */

export interface Latency {
  /** Calls measured (fewer than asked when the time budget ran out). */
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarise(durations: readonly number[]): Latency {
  const sorted = [...durations].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(mean),
    max: round(sorted.at(-1) ?? NaN),
  };
}

export interface RunOptions {
  /** Calls of the first inputs made first and not measured (0: warm with `warmAll` instead). */
  warmup?: number;
  /** Stop measuring after this many seconds; the inputs are shuffled, so a prefix is a fair sample. */
  budgetS?: number;
}

/**
 * A long-running bot answers warm, so latencies are of a warmed process. Before a set is
 * timed, warm-up queries of the same kinds run untimed: `WARMUP.rounds` rounds of fresh
 * sets drawn with other seeds (`warmupQueries`), so the timed queries themselves are asked
 * for the first time; each set of each round runs until done or for its share of
 * `WARMUP.seconds`. The bot and plain MiniSearch get the same.
 * Measured at 10k paragraphs, search p99 of the first set timed: after 100 of its own
 * queries (the earlier warm-up) 1.9–3.2 ms; after one round of 3,000 fresh ones 1.5–2.9 ms
 * (the optimising compiler still bailing out on shapes it meets for the first time); after
 * three rounds 0.7–1.4 ms, as later sets. Plain MiniSearch: 2.8–4.5 ms either way.
 */
export const WARMUP = { rounds: 3, seconds: 30 };

type Warm = readonly [readonly unknown[], (input: never) => unknown];

/** Run every round's sets untimed (see WARMUP), a full collection first. */
export function warmAll(rounds: ReadonlyArray<readonly Warm[]>): void {
  collect(); // the worker's own garbage (a first build, a reload) is not the queries' to pay for
  const slots = rounds.reduce((n, sets) => n + sets.length, 0);
  for (const sets of rounds) {
    for (const [inputs, fn] of sets) {
      const call = fn as (input: unknown) => unknown;
      const deadline = performance.now() + (WARMUP.seconds * 1000) / slots;
      for (const input of inputs) {
        call(input);
        if (performance.now() > deadline) break;
      }
    }
  }
}

/** Milliseconds per call of `fn` over `inputs`, summarised (after `warmup` untimed calls of the first inputs). */
export function latency<T>(
  inputs: readonly T[],
  fn: (input: T) => unknown,
  { warmup = 0, budgetS = Infinity }: RunOptions = {},
): Latency {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) fn(inputs[i]);
  const durations: number[] = [];
  const deadline = performance.now() + budgetS * 1000;
  for (const input of inputs) {
    const t0 = performance.now();
    fn(input);
    durations.push(performance.now() - t0);
    if (performance.now() > deadline) break;
  }
  return summarise(durations);
}

/** Seconds taken by `fn` (awaited), with its result. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ s: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { s: round((performance.now() - t0) / 1000), value };
}

export interface Memory {
  heapMB: number;
  rssMB: number;
}

/** A full collection, when the process runs with --expose-gc (the bench's workers do). */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
}

/** Heap in use and resident set size, after a full collection when the process runs with --expose-gc. */
export function memory(): Memory {
  collect();
  const m = process.memoryUsage();
  return { heapMB: round(m.heapUsed / 2 ** 20, 1), rssMB: round(m.rss / 2 ** 20, 1) };
}

export const ratio = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? null : round(a / b);

export const seconds = (ms: number) => round(ms / 1000);
