import { fold } from "./analyze.ts";
import { runNow, sortSteps, STEP, TEXT_STEP, type Steps } from "./steps.ts";

/**
 * Prefix lookup for autocomplete: every word of every entry's keys, folded (case, accents),
 * in one sorted array, so a typed prefix is two binary searches away from its matches —
 * microseconds however many entries there are. Matches come back in the entries' rank order.
 */
export interface PrefixEntry<T> {
  /** Texts the entry is found by ("Tina Redshaw", "Redshaw", an id, a headline). */
  keys: readonly string[];
  value: T;
  /** Lower ranks first. */
  rank: number;
}

const words = (text: string): string[] => {
  const f = fold(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  if (!f) return [];
  const parts = f.split(" ");
  // The whole text, and the text from each word on: "tina redshaw", "redshaw".
  return parts.map((_, i) => parts.slice(i).join(" "));
};

/** A typed prefix as keys are kept: folded, each run of other characters one space. */
const prefixOf = (prefix: string): string =>
  fold(prefix)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Whether an entry with these keys is found by `prefix`, as `PrefixIndex.find` finds entries. */
export function keysMatch(keys: readonly string[], prefix: string): boolean {
  const p = prefixOf(prefix);
  return !p || keys.some((key) => words(key).some((k) => k.startsWith(p)));
}

/** Past this many keys under a prefix, the best-ranked entries are found by walking entries in rank order instead. */
const WIDE = 2000;

/** What a PrefixIndex is made of, worked out in steps (see `PrefixIndex.steps`). */
interface Parts {
  keys: string[];
  owners: number[];
  byRank: number[];
  entryKeys: string[][];
}

function* partsOf<T>(entries: ReadonlyArray<PrefixEntry<T>>): Steps<Parts> {
  const pairs: Array<[string, number]> = [];
  const entryKeys: string[][] = [];
  for (let i = 0; i < entries.length; i++) {
    const keys = [...new Set(entries[i].keys.flatMap(words))];
    for (const k of keys) pairs.push([k, i]);
    entryKeys.push(keys);
    if (i % TEXT_STEP === TEXT_STEP - 1) yield;
  }
  yield* sortSteps(pairs, (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const keys: string[] = [];
  const owners: number[] = [];
  for (let i = 0; i < pairs.length; i++) {
    keys.push(pairs[i][0]);
    owners.push(pairs[i][1]);
    if (i % (8 * STEP) === 8 * STEP - 1) yield;
  }
  yield;
  const byRank = yield* sortSteps(
    entries.map((_, i) => i),
    (a, b) => entries[a].rank - entries[b].rank || a - b,
  );
  return { keys, owners, byRank, entryKeys };
}

export class PrefixIndex<T> {
  private readonly keys: string[];
  private readonly owners: number[];
  private readonly byRank: number[];
  /** Each entry's folded keys (for wide prefixes). */
  private readonly entryKeys: string[][];

  /** The index over `entries`, built in steps (a server builds it between answers). */
  static *steps<T>(entries: ReadonlyArray<PrefixEntry<T>>): Steps<PrefixIndex<T>> {
    return new PrefixIndex(entries, yield* partsOf(entries));
  }

  constructor(
    private readonly entries: ReadonlyArray<PrefixEntry<T>>,
    parts: Parts = runNow(partsOf(entries)),
  ) {
    this.keys = parts.keys;
    this.owners = parts.owners;
    this.byRank = parts.byRank;
    this.entryKeys = parts.entryKeys;
  }

  /** Entries with a key (or a key's later word) starting with `prefix`, best ranked first. */
  find(prefix: string, limit: number): T[] {
    const p = prefixOf(prefix);
    if (!p) return this.byRank.slice(0, limit).map((i) => this.entries[i].value);
    const from = this.lowerBound(p);
    const to = this.lowerBound(`${p}\uffff`);
    if (to - from > WIDE) {
      // A short, common prefix: the best-ranked entries holding it are near the front.
      const out: T[] = [];
      for (const i of this.byRank) {
        if (this.entryKeys[i].some((k) => k.startsWith(p))) out.push(this.entries[i].value);
        if (out.length >= limit) break;
      }
      return out;
    }
    const hits = new Set<number>();
    for (let i = from; i < to; i++) hits.add(this.owners[i]);
    return [...hits]
      .sort((a, b) => this.entries[a].rank - this.entries[b].rank || a - b)
      .slice(0, limit)
      .map((i) => this.entries[i].value);
  }

  /** The first key not below `text`. */
  private lowerBound(text: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid] < text) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** What is looked up by prefix: a PrefixIndex, or one with changes over it. */
export interface PrefixLookup<T> {
  find(prefix: string, limit: number): T[];
}

/**
 * An index with a few entries changed over it: its entries that `hidden` says are changed left out, and the changed
 * entries as they are now (`extra`, few, read one by one) put in among them in the index's order (`compare`).
 */
export class PrefixWithChanges<T> implements PrefixLookup<T> {
  constructor(
    private readonly base: PrefixLookup<T>,
    private readonly extra: ReadonlyArray<PrefixEntry<T>>,
    private readonly hidden: (value: T) => boolean,
    /** At most how many of the base's entries are hidden. */
    private readonly hiddenCount: number,
    private readonly compare: (a: T, b: T) => number,
  ) {}

  find(prefix: string, limit: number): T[] {
    const kept = this.base.find(prefix, limit + this.hiddenCount).filter((v) => !this.hidden(v));
    const more = this.extra.filter((e) => keysMatch(e.keys, prefix)).map((e) => e.value);
    return more.length ? [...kept, ...more].sort(this.compare).slice(0, limit) : kept.slice(0, limit);
  }
}
