/**
 * Normalised texts (names, aliases, roles, labels), each standing for a group of ids, searched all at once for the
 * ones that hold a needle as whole words (or a word starting with a prefix). A party matcher only says yes to a party
 * one of whose texts holds one of the query's needles (`needles`: the query, or every spelling of the country it
 * names) as whole words, so the ids found are the only ones it needs to read.
 */
import { normName } from "./people.ts";

/** Between two texts: never in a normalised text, so a needle found lies inside one text. */
const SEP = "\u0001";

export class Texts {
  private readonly groups = new Map<string, number[]>();
  private joined: string | null = null;
  private starts: Int32Array = new Int32Array(0);
  private owners: number[][] = [];

  /** `id` is among the ids `text` stands for. */
  add(text: string, id: number): void {
    const t = normName(text);
    if (!t) return;
    const group = this.groups.get(t);
    if (!group) this.groups.set(t, [id]);
    else if (group[group.length - 1] !== id) group.push(id);
  }

  private build(): string {
    const texts = [...this.groups.keys()];
    this.owners = [...this.groups.values()];
    this.starts = new Int32Array(texts.length);
    let at = 0;
    // Each text between spaces, so a whole word is a needle between spaces.
    texts.forEach((t, i) => {
      this.starts[i] = at;
      at += t.length + 2 + SEP.length;
    });
    return (this.joined = texts.map((t) => ` ${t} `).join(SEP));
  }

  /** The text holding character `at`. */
  private textAt(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Add to `out` the ids of every text that holds one of `needles` (normalised) as whole words. */
  holding(needles: readonly string[], out: Set<number>): Set<number> {
    for (const needle of needles) if (needle) this.find(` ${needle} `, out);
    return out;
  }

  /** Add to `out` the ids of every text with a word that starts with `prefix` (normalised; all for ""). */
  starting(prefix: string, out: Set<number>): Set<number> {
    return this.find(` ${prefix}`, out);
  }

  private find(pattern: string, out: Set<number>): Set<number> {
    const all = this.joined ?? this.build();
    for (let at = all.indexOf(pattern); at >= 0;) {
      const i = this.textAt(at);
      for (const id of this.owners[i]) out.add(id);
      // On to the next text: this one is found.
      at = i + 1 < this.starts.length ? all.indexOf(pattern, this.starts[i + 1]) : -1;
    }
    return out;
  }
}
