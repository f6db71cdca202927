/**
 * A small seeded PRNG (mulberry32) and the draws the generator and query builder need.
 * The same seed gives the same archive and the same queries on every machine.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Skewed towards the front of the list (rank r drawn with weight ~ 1/(r+1)), like word use in news. */
  zipf<T>(items: readonly T[]): T {
    const n = items.length;
    const r = Math.floor(Math.exp(this.next() * Math.log(n + 1))) - 1;
    return items[Math.min(Math.max(r, 0), n - 1)];
  }

  /** `k` distinct items (or all of them when there are fewer). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < k && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }

  hex(length: number): string {
    let s = "";
    while (s.length < length)
      s += Math.floor(this.next() * 0x10000)
        .toString(16)
        .padStart(4, "0");
    return s.slice(0, length);
  }
}
