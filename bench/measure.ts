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
  /** Calls made first and not measured (JIT warm-up). */
  warmup?: number;
  /** Stop measuring after this many seconds; the inputs are shuffled, so a prefix is a fair sample. */
  budgetS?: number;
}

/** Milliseconds per call of `fn` over `inputs`, summarised. */
/**
 * A long-running bot answers warm: the first hundred or so calls after a start are JIT-cold
 * (measured: at 100k paragraphs the first 60 searches of a process are 2–5× slower than the
 * same searches later). So each set first runs up to 10% of its inputs, at least 20 and at
 * most 100, untimed — the same for the bot and for plain MiniSearch — then times them all.
 */
export const defaultWarmup = (n: number): number => Math.min(100, Math.max(20, Math.round(n / 10)));

/**
 * Before any set is timed, the first calls of every set (as many as `latency` would warm
 * with): the sets share most of their code path, and without this the first set timed pays
 * for the JIT of all of them (measured at 10k paragraphs: search p99 4.8 ms when timed
 * first, fuzzy and filtered 1.2 ms right after).
 */
export function warmAll(sets: ReadonlyArray<readonly [readonly unknown[], (input: never) => unknown]>): void {
  collect(); // the worker's own garbage (a first build, a reload) is not the queries' to pay for
  for (const [inputs, fn] of sets) {
    const call = fn as (input: unknown) => unknown;
    for (let i = 0; i < Math.min(defaultWarmup(inputs.length), inputs.length); i++) call(inputs[i]);
  }
}

export function latency<T>(inputs: readonly T[], fn: (input: T) => unknown, { warmup = defaultWarmup(inputs.length), budgetS = Infinity }: RunOptions = {}): Latency {
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
