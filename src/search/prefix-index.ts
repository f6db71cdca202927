import { fold } from "./text.ts";

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
  const f = fold(text).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  if (!f) return [];
  const parts = f.split(" ");
  // The whole text, and the text from each word on: "tina redshaw", "redshaw".
  return parts.map((_, i) => parts.slice(i).join(" "));
};

export class PrefixIndex<T> {
  private readonly keys: string[] = [];
  private readonly owners: number[] = [];
  private readonly byRank: number[];

  constructor(private readonly entries: ReadonlyArray<PrefixEntry<T>>) {
    const pairs: Array<[string, number]> = [];
    entries.forEach((e, i) => {
      for (const k of new Set(e.keys.flatMap(words))) pairs.push([k, i]);
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
    const p = fold(prefix).replace(/[^\p{L}\p{N}]+/gu, " ").trim();
    if (!p) return this.byRank.slice(0, limit).map((i) => this.entries[i].value);
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    const hits = new Set<number>();
    for (let i = lo; i < this.keys.length && this.keys[i].startsWith(p) && hits.size < 1000; i++) hits.add(this.owners[i]);
    return [...hits]
      .sort((a, b) => this.entries[a].rank - this.entries[b].rank || a - b)
      .slice(0, limit)
      .map((i) => this.entries[i].value);
  }
}
