import { fold } from "./analyze.ts";

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

/** Past this many keys under a prefix, the best-ranked entries are found by walking entries in rank order instead. */
const WIDE = 2000;

export class PrefixIndex<T> {
  private readonly keys: string[] = [];
  private readonly owners: number[] = [];
  private readonly byRank: number[];
  /** Each entry's folded keys (for wide prefixes). */
  private readonly entryKeys: string[][];

  constructor(private readonly entries: ReadonlyArray<PrefixEntry<T>>) {
    const pairs: Array<[string, number]> = [];
    this.entryKeys = entries.map((e, i) => {
      const keys = [...new Set(e.keys.flatMap(words))];
      for (const k of keys) pairs.push([k, i]);
      return keys;
    });
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    for (const [k, i] of pairs) {
      this.keys.push(k);
      this.owners.push(i);
    }
    this.byRank = entries.map((_, i) => i).sort((a, b) => entries[a].rank - entries[b].rank || a - b);
  }

  /** Entries with a key (or a key's later word) starting with `prefix`, best ranked first. */
  find(prefix: string, limit: number): T[] {
    const p = fold(prefix)
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
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
