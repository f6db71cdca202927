/**
 * Work cut into steps: a generator that yields between small pieces of a long job (merging the people of 100,000
 * briefings, sorting half a million events). The same job runs at once (`runNow`, for a first start or a one-shot
 * command) or in slices between which the event loop answers what is waiting (`runInSlices`, for a server building a
 * new Library's views while the old one serves).
 */
import { setImmediate as nextTurn } from "node:timers/promises";

/** A job that yields between its pieces and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Run every step now. */
export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** How long the slices of one turn of the event loop may hold it, all jobs together, before the rest waits. */
export const SLICE_MS = 4;

interface Job {
  steps: Steps<unknown>;
  sliceMs: number;
  turns?: { count: number };
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** Jobs running in slices, the next to run first; one driver runs them, a turn at a time. */
const jobs: Job[] = [];
let driving = false;

/**
 * Run the steps in slices of about `sliceMs`, letting the event loop turn before each slice (so the caller goes on
 * first, whatever the size of the job); `turns` counts the slices. Jobs running at the same time share one budget a
 * turn (SLICE_MS), taking turns: three views and a save built at once would otherwise each take their slice in the
 * same turn, holding the loop three or four times as long.
 */
export function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS, turns?: { count: number }): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    jobs.push({ steps, sliceMs, turns, resolve: resolve as (value: unknown) => void, reject });
    if (!driving) {
      driving = true;
      void drive();
    }
  });
}

async function drive(): Promise<void> {
  while (jobs.length) {
    await nextTurn();
    const turnEnds = performance.now() + SLICE_MS;
    // The jobs there when the turn began, a slice each in order; one not done goes to the back, so they take turns.
    const ready = jobs.length;
    for (let ran = 0; ran < ready && performance.now() < turnEnds; ran++) {
      const job = jobs.shift()!;
      if (job.turns) job.turns.count++;
      if (!runSlice(job, Math.min(turnEnds, performance.now() + job.sliceMs))) jobs.push(job);
    }
  }
  driving = false;
}

/** Steps of `job` until it ends (settling its promise: true) or the clock passes `ends` after a step (false). */
function runSlice(job: Job, ends: number): boolean {
  try {
    for (;;) {
      const r = job.steps.next();
      if (r.done) {
        job.resolve(r.value);
        return true;
      }
      if (performance.now() >= ends) return false;
    }
  } catch (err) {
    job.reject(err);
    return true;
  }
}

/**
 * Items handled between two yields (a sort's run, a merge's stretch, people merged): small, since a yield costs little
 * (the runner reads the clock) and a run of 512 items sorted with `localeCompare` already takes a few milliseconds.
 */
export const STEP = 512;

/** Items between two yields where each is text to normalise or split into words (a quote, a headline, names). */
export const TEXT_STEP = STEP / 8;

/**
 * A stable sort in steps: runs of `STEP` items sorted each in one go, then merged pairwise, yielding every `STEP`
 * items merged. Sorts `items` in place and returns it.
 */
export function* sortSteps<T>(items: T[], compare: (a: T, b: T) => number): Steps<T[]> {
  const n = items.length;
  for (let at = 0; at < n; at += STEP) {
    const run = items.slice(at, at + STEP).sort(compare);
    for (let i = 0; i < run.length; i++) items[at + i] = run[i];
    yield;
  }
  let from = items;
  let to: T[] = new Array<T>(n);
  for (let width = STEP; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        // Ties go to the left run: the sort is stable.
        to[k] = j >= hi || (i < mid && compare(from[i], from[j]) <= 0) ? from[i++] : from[j++];
        if ((k - lo) % STEP === STEP - 1) yield;
      }
    }
    [from, to] = [to, from];
  }
  if (from !== items) for (let i = 0; i < n; i++) items[i] = from[i];
  return items;
}
