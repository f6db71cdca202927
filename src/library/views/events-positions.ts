/**
 * Sets of positions into a newest-first events list, ascending: unions of postings, intersections, and the narrowing
 * of one query's candidates (a date range and lists), which then only need verifying.
 */
import type { SideIndex } from "./events-index.ts";

/** Below this many candidates, reading them beats narrowing further. */
const FEW = 64;

/** The positions in any of `lists` (each ascending), ascending and without repeats. */
export function union(lists: ReadonlyArray<readonly number[]>, size: number): readonly number[] {
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0];
  let total = 0;
  for (const l of lists) total += l.length;
  if (total * 8 > size) {
    // Many: mark them, then read the marks in order.
    const marks = new Uint8Array(size);
    for (const l of lists) for (const p of l) marks[p] = 1;
    const out: number[] = [];
    for (let i = 0; i < size; i++) if (marks[i]) out.push(i);
    return out;
  }
  const all = new Int32Array(total);
  let n = 0;
  for (const l of lists) for (const p of l) all[n++] = p;
  all.sort();
  const out: number[] = [];
  for (const p of all) if (out.length === 0 || out[out.length - 1] !== p) out.push(p);
  return out;
}

/** Does the ascending `list` hold `p`? */
function holds(list: readonly number[], p: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo] === p;
}

/** The positions both ascending lists hold: by binary search when one is much longer, else by merging. */
export function intersect(small: readonly number[], large: readonly number[]): readonly number[] {
  if (large.length > 8 * small.length) return small.filter((p) => holds(large, p));
  const out: number[] = [];
  for (let i = 0, j = 0; i < small.length && j < large.length;) {
    if (small[i] < large[j]) i++;
    else if (small[i] > large[j]) j++;
    else {
      out.push(small[i]);
      i++;
      j++;
    }
  }
  return out;
}

/** The first i in [0, n) for which `pred` holds (`pred` false, then true), or n. */
function firstWhere(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A list of positions whose size is known before it is made. */
interface Lazy {
  size: number;
  make: () => readonly number[];
}

/** The part of an ascending list within [lo, hi). */
function within(list: readonly number[], lo: number, hi: number): readonly number[] {
  if (list.length === 0 || (list[0] >= lo && list[list.length - 1] < hi)) return list;
  return list.slice(
    firstWhere(list.length, (i) => list[i] >= lo),
    firstWhere(list.length, (i) => list[i] >= hi),
  );
}

/**
 * One query's candidates: the positions in its date range and in every list added. A list is exact when an event
 * passes that filter exactly when the list holds it; while every one is, the candidates are the answer, else each
 * still needs the query's own test (narrowing then only spares reading the events that cannot pass).
 */
export class Candidates {
  private lo = 0;
  private hi: number;
  private readonly lists: Lazy[] = [];
  private exact = true;

  constructor(side: SideIndex, q: { from?: string; to?: string }) {
    this.hi = side.size;
    if (q.from === undefined && q.to === undefined) return;
    // Newest first: dates above `to` come first, dates below `from` after the range; undated ones last.
    const { dates, dated } = side;
    const to = q.to;
    const from = q.from;
    this.lo = to === undefined ? 0 : firstWhere(dated, (i) => dates[i] <= to);
    this.hi = Math.max(this.lo, from === undefined ? dated : firstWhere(dated, (i) => dates[i] < from));
  }

  /** At most this many candidates are left. */
  get bound(): number {
    return this.lists.reduce((n, l) => Math.min(n, l.size), this.hi - this.lo);
  }

  /** Keep only positions in `list` (none when absent). */
  add(list: readonly number[] | undefined, exact = true): this {
    const l = list ?? [];
    return this.addLazy(l.length, () => l, exact);
  }

  /** Keep only positions in the list `make` gives (of `size` positions), made when the candidates are read. */
  addLazy(size: number, make: () => readonly number[], exact = true): this {
    this.lists.push({ size, make });
    this.exact &&= exact;
    return this;
  }

  /** Keep only positions in the list `make` gives, unless the candidates are already few (the test decides then). */
  narrow(make: () => readonly number[], exact = true): this {
    if (this.bound > FEW) return this.add(make(), exact);
    this.exact = false;
    return this;
  }

  /** The events at the candidate positions that pass `test` (read only when a list is not exact), in order. */
  select<T>(events: readonly T[], test: (e: T) => boolean): T[] {
    const lists = [...this.lists].sort((a, b) => a.size - b.size);
    const { lo, hi, exact } = this;
    if (lists.length === 0) return exact ? events.slice(lo, hi) : events.slice(lo, hi).filter(test);
    let positions = within(lists[0].make(), lo, hi);
    for (const l of lists.slice(1)) positions = intersect(positions, l.make());
    const out: T[] = [];
    for (const p of positions) if (exact || test(events[p])) out.push(events[p]);
    return out;
  }
}
