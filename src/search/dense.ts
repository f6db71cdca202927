import { BM25, type Postings } from "./postings.ts";
import { leadPrior, RANKING } from "./rank.ts";
import type { Segment } from "./segment.ts";
import type { TopK } from "./top-k.ts";

/**
 * The whole query, segment by segment, over dense per-segment columns: each concept's score
 * for every local document in one Float64Array, summed straight from the postings (no Map,
 * no row table, no call per posting), then combined briefing by briefing as rank.ts's
 * `combine` does — same arithmetic in the same order, so the same scores. It needs every
 * segment to hold consecutive paragraph ids and whole briefings (as the Library builds
 * them); `DenseScorer.fits` says whether they do.
 */

/** One concept's ways of matching: its own words (summed, then weighted) and whole alternatives (the best counts). */
export interface DensePlan {
  own: ReadonlyArray<ReadonlyMap<string, number>>;
  ownWeight: number;
  whole: ReadonlyArray<readonly [ReadonlyMap<string, number>, number]>;
}

type ResolvedPart = Array<{ local: Int32Array; w: Float64Array }>;

/** A place in one variant's postings for one field of one segment, with its weight there. */
interface Cursor {
  docs: Uint32Array;
  tfs: Uint16Array;
  lengths: Uint16Array;
  /** BM25's length factor for the field. */
  pl: number;
  wf: number;
  p: number;
  end: number;
}

/**
 * Paragraphs scored and combined at a time (rounded up to a briefing's end): rows that stay in cache. Tests make it
 * small.
 */
export const DENSE = { block: 2048 };

/** Concepts scored densely at most; a longer query goes the general way. */
export const DENSE_MAX_CONCEPTS = 12;

export class DenseScorer {
  private readonly base: Int32Array;
  private readonly size: number;
  /** Per local document, a row of concept scores. */
  private cols: Float64Array = new Float64Array(0);
  /** Per briefing, at its first paragraph's row: the best score of each concept in it. */
  private bests: Float64Array = new Float64Array(0);
  private readonly temp: Float64Array;
  private readonly tempList: Int32Array;
  private readonly own: Float64Array;
  private readonly ownList: Int32Array;
  private readonly hit: Uint8Array;
  private readonly best: Float64Array = new Float64Array(DENSE_MAX_CONCEPTS);
  private readonly coverage: Float64Array[] = [];

  private constructor(
    private readonly segments: readonly Segment[],
    private readonly lead: Uint16Array,
    private readonly postings: Postings,
  ) {
    this.base = Int32Array.from(segments, (s) => (s.docCount ? s.ids[0] : 0));
    this.size = segments.reduce((n, s) => Math.max(n, s.docCount), 0);
    this.temp = new Float64Array(this.size);
    this.tempList = new Int32Array(this.size);
    this.own = new Float64Array(this.size);
    this.ownList = new Int32Array(this.size);
    this.hit = new Uint8Array(this.size);
  }

  /** A scorer when every segment holds consecutive ids and whole briefings; null otherwise. */
  static fits(segments: readonly Segment[], lead: Uint16Array, postings: Postings): DenseScorer | null {
    for (const s of segments) {
      const n = s.docCount;
      if (n === 0) continue;
      const first = s.ids[0];
      if (first + n > lead.length || lead[first] !== 1) return null;
      for (let d = 1; d < n; d++) {
        if (s.ids[d] !== first + d) return null;
        const pn = lead[first + d];
        if (pn !== 1 && pn !== lead[first + d - 1] + 1) return null;
      }
      const after = first + n;
      if (after < lead.length && lead[after] === lead[after - 1] + 1) return null;
    }
    return new DenseScorer(segments, lead, postings);
  }

  /**
   * Score the concepts in every paragraph; each matched paragraph the filter keeps is counted
   * and offered to `heap` (which keeps the `top` best). Variants found in the index are
   * added to `matched`. Returns the count.
   */
  run(
    plans: readonly DensePlan[],
    boost: Readonly<Record<string, number>>,
    matched: Set<string>,
    filter: ((id: number) => boolean) | undefined,
    heap: TopK,
    top: number,
  ): number {
    let total = 0;
    let floor = top === 0 ? Infinity : -Infinity;
    const prior = Float64Array.of(leadPrior(4), leadPrior(1), leadPrior(2), leadPrior(3));
    const k = plans.length;
    const size = this.size;
    if (this.cols.length < k * size) {
      this.cols = new Float64Array(k * size);
      this.bests = new Float64Array(k * size);
    }
    const fields = this.postings.fields;
    const fieldBoost = fields.map((f) => boost[f] ?? 1);
    // Resolve every variant once: statistics, weight per field, whether it matched.
    const resolve = (variants: ReadonlyMap<string, number>) => {
      const out: ResolvedPart = [];
      for (const [variant, weight] of variants) {
        const st = this.postings.statsOf(variant);
        const w = new Float64Array(fields.length);
        let any = false;
        for (let f = 0; f < fields.length; f++) {
          if (!fieldBoost[f] || st.df[f] === 0) continue;
          w[f] = weight * fieldBoost[f] * st.idf[f];
          any = true;
        }
        if (any) {
          matched.add(variant);
          out.push({ local: st.local, w });
        }
      }
      return out;
    };
    const resolved = plans.map((p) => ({
      own: p.own.map(resolve),
      ownWeight: p.ownWeight,
      whole: p.whole.map(([v, weight]) => [resolve(v), weight] as const),
    }));
    const norm = BM25.k * (1 - BM25.b);
    const perLength = Float64Array.from(fields, (_, f) => (BM25.k * BM25.b) / (this.postings.avgLength[f] || 1));
    let coverage = this.coverage[k];
    if (!coverage)
      coverage = this.coverage[k] = Float64Array.from(
        { length: 2 * k + 1 },
        (_, i) => (i / 2 / k) ** RANKING.coveragePower,
      );
    const { neighbour, briefing, contextCoverage } = RANKING;
    const half = contextCoverage === 0.5;
    const { cols, bests, temp, tempList, own, ownList, hit, best, lead } = this;

    // A paragraph's score is at most its briefing's best per concept summed, at the coverage
    // of the concepts the briefing has, with the best lead prior: briefings below the heap's
    // floor are only counted.
    const bounded = Math.max(neighbour, briefing, contextCoverage) <= 1;
    const maxPrior = Math.max(prior[0], prior[1], prior[2], prior[3]);

    for (let si = 0; si < this.segments.length; si++) {
      const s = this.segments[si];
      const n = s.docCount;
      if (n === 0) continue;
      const base = this.base[si];
      // Cursors into this segment's postings: per concept, its own parts and its whole parts.
      const cursors = (variants: ResolvedPart): Cursor[] => {
        const out: Cursor[] = [];
        for (const { local, w } of variants) {
          const id = local[si];
          if (id < 0) continue;
          for (let f = 0; f < w.length; f++) {
            if (w[f] === 0) continue;
            out.push({
              docs: s.docs[f],
              tfs: s.tfs[f],
              lengths: s.fieldLength[f],
              pl: perLength[f],
              wf: w[f],
              p: s.offsets[f][id],
              end: s.offsets[f][id + 1],
            });
          }
        }
        return out;
      };
      const streams = resolved.map((plan) => ({
        own: plan.own.map(cursors),
        ownWeight: plan.ownWeight,
        whole: plan.whole.map(([v, weight]) => [cursors(v), weight] as const),
      }));
      // One part's postings below `hi`, summed per document into temp; returns how many documents.
      const part = (list: Cursor[], hi: number): number => {
        let count = 0;
        for (const cur of list) {
          const { docs, tfs, lengths, pl, wf, end } = cur;
          let p = cur.p;
          for (; p < end; p++) {
            const d = docs[p];
            if (d >= hi) break;
            const tf = tfs[p];
            const v = wf * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm + pl * lengths[d]));
            if (temp[d] === 0) tempList[count++] = d;
            temp[d] += v;
          }
          cur.p = p;
        }
        return count;
      };

      // Blocks of whole briefings, small enough for their rows to stay in cache.
      for (let lo = 0; lo < n;) {
        let hi = Math.min(n, lo + DENSE.block);
        while (hi < n && lead[base + hi] !== 1) hi++;
        let hits = 0;
        for (let c = 0; c < k; c++) {
          const plan = streams[c];
          let owned = 0;
          for (const list of plan.own) {
            const count = part(list, hi);
            for (let i = 0; i < count; i++) {
              const d = tempList[i];
              if (own[d] === 0) ownList[owned++] = d;
              own[d] += temp[d];
              temp[d] = 0;
            }
          }
          const ownWeight = plan.ownWeight;
          for (let i = 0; i < owned; i++) {
            const d = ownList[i];
            const x = ownWeight * own[d];
            own[d] = 0;
            if (x > cols[d * k + c]) {
              cols[d * k + c] = x;
              const b = (d - lead[base + d] + 1) * k + c;
              if (x > bests[b]) bests[b] = x;
            }
            if (hit[d] === 0) {
              hit[d] = 1;
              hits++;
            }
          }
          for (const [list, weight] of plan.whole) {
            const count = part(list, hi);
            for (let i = 0; i < count; i++) {
              const d = tempList[i];
              const x = weight === 1 ? temp[d] : weight * temp[d];
              temp[d] = 0;
              if (x > cols[d * k + c]) {
                cols[d * k + c] = x;
                const b = (d - lead[base + d] + 1) * k + c;
                if (x > bests[b]) bests[b] = x;
              }
              if (hit[d] === 0) {
                hit[d] = 1;
                hits++;
              }
            }
          }
        }

        // Combine, briefing by briefing (see rank.ts), cleaning up behind.
        for (let d = lo; d < hi && hits > 0; d++) {
          if (hit[d] === 0) continue;
          // From the briefing's first paragraph with a match to the briefing's end.
          let end = d + 1;
          while (end < hi && lead[base + end] !== 1) end++;
          // The briefing's best per concept, gathered while scoring (kept at its first paragraph's row).
          const bs = (d - lead[base + d] + 1) * k;
          let present = 0;
          let sum = 0;
          for (let c = 0; c < k; c++) {
            const b = bests[bs + c];
            best[c] = b;
            bests[bs + c] = 0;
            if (b > 0) present++;
            sum += b;
          }
          const hopeless = bounded && sum * coverage[2 * present] * maxPrior < floor;
          for (let e = d; e < end; e++) {
            if (hit[e] === 0) continue;
            hits--;
            const g = base + e;
            if (filter && !filter(g)) continue;
            total++;
            if (hopeless) continue;
            const pn = lead[g];
            const r = e * k;
            const before = pn > 1 ? r - k : -1;
            const after = e + 1 < end ? r + k : -1;
            let ownSum = 0;
            let context = 0;
            let covered = 0;
            let halves = 0;
            for (let c = 0; c < k; c++) {
              const x = cols[r + c];
              if (x > 0) {
                ownSum += x;
                covered += 1;
                continue;
              }
              const near = Math.max(before >= 0 ? cols[before + c] : 0, after >= 0 ? cols[after + c] : 0);
              const ctx = Math.max(neighbour * near, briefing * best[c]);
              if (ctx > 0) {
                context += ctx;
                halves++;
              }
            }
            const factor = half
              ? coverage[2 * covered + halves]
              : ((covered + contextCoverage * halves) / k) ** RANKING.coveragePower;
            const score = (ownSum + context) * factor * (pn <= 3 ? prior[pn] : prior[0]);
            if (score >= floor) {
              heap.push(g, score);
              if (heap.size >= top) floor = heap.lowest();
            }
          }
          for (let e = d; e < end; e++) {
            if (hit[e] === 0) continue;
            hit[e] = 0;
            for (let x = e * k, stop = x + k; x < stop; x++) cols[x] = 0;
          }
          d = end - 1;
        }
        lo = hi;
      }
    }
    return total;
  }
}
