/**
 * The k best (id, score) pairs without sorting every hit: a min-heap of size k. Ties go to
 * the lower id, so results are stable.
 */
export class TopK {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  /** Is (a) worse than (b)? */
  private static worse(sa: number, ia: number, sb: number, ib: number): boolean {
    return sa < sb || (sa === sb && ia > ib);
  }

  push(id: number, score: number): void {
    const { ids, scores } = this;
    if (ids.length < this.k) {
      ids.push(id);
      scores.push(score);
      let i = ids.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!TopK.worse(scores[i], ids[i], scores[p], ids[p])) break;
        this.swap(i, p);
        i = p;
      }
      return;
    }
    if (this.k === 0 || !TopK.worse(scores[0], ids[0], score, id)) return;
    ids[0] = id;
    scores[0] = score;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < ids.length && TopK.worse(scores[l], ids[l], scores[m], ids[m])) m = l;
      if (r < ids.length && TopK.worse(scores[r], ids[r], scores[m], ids[m])) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    [this.ids[a], this.ids[b]] = [this.ids[b], this.ids[a]];
    [this.scores[a], this.scores[b]] = [this.scores[b], this.scores[a]];
  }

  get size(): number {
    return this.ids.length;
  }

  /** The lowest score held (the one a newcomer must beat once full). */
  lowest(): number {
    return this.scores.length ? this.scores[0] : -Infinity;
  }

  /** The ids held, in no order. */
  idList(): readonly number[] {
    return this.ids;
  }

  /** Best first. */
  sorted(): Array<[id: number, score: number]> {
    return this.ids.map((id, i) => [id, this.scores[i]] as [number, number]).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  }
}
