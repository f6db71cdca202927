import { bm25, perLengthOf } from "./bm25.ts";
import type { Postings } from "./postings.ts";
import { CONTEXT_BOUNDED, coverageTable, leadPrior, MAX_LEAD_PRIOR, paragraphScore } from "./rank.ts";
import type { Segment } from "./segment.ts";
import type { TopK } from "./top-k.ts";

/**
 * The whole query, segment by segment, over dense per-segment columns: each concept's score
 * for every local document in one Float64Array, summed straight from the postings (no Map,
 * no row table, no call per posting that V8 does not inline), then combined briefing by briefing
 * with rank.ts's `paragraphScore` — the same arithmetic in the same order as `combine`, so the same
 * scores. It needs every segment to hold consecutive paragraph ids and whole briefings (as the
 * Library builds them); `DenseScorer.fits` says whether they do.
 *
 * A run has three steps: resolve the terms (statistics and weights per variant, once), then per
 * block of whole briefings score the block (every concept's column) and combine the block
 * (paragraph scores into the heap, columns cleaned behind).
 */

/** One concept's ways of matching: its own words (summed, then weighted) and whole alternatives (the best counts). */
export interface DensePlan {
  own: ReadonlyArray<ReadonlyMap<string, number>>;
  ownWeight: number;
  whole: ReadonlyArray<readonly [ReadonlyMap<string, number>, number]>;
}

/** Variants found in the index: per segment their dictionary id, and their weight per field. */
type ResolvedPart = Array<{ local: Int32Array; w: Float64Array }>;

/** A plan with its variants resolved (`R` = ResolvedPart) or as cursors into one segment (`R` = Cursor[]). */
interface Ways<R> {
  own: R[];
  ownWeight: number;
  whole: Array<readonly [R, number]>;
}

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

/** What a run carries from block to block. */
interface RunState {
  k: number;
  coverage: Float64Array;
  filter: ((id: number) => boolean) | undefined;
  heap: TopK;
  top: number;
  /** The heap's lowest score once full: paragraphs below it are only counted. */
  floor: number;
  total: number;
  /** Per concept, the most it scores in any paragraph (once the floor is known, with no filter); else null. */
  bounds: Float64Array | null;
  /** Concepts by postings to read, most first. */
  byCost: number[];
  /** Per concept, 1 when it is deferred (see `defer`), and the deferred concepts' bounds summed and counted. */
  deferred: Uint8Array;
  deferredBound: number;
  deferredCount: number;
}

/** Paragraphs scored and combined at a time (rounded up to a briefing's end): rows that stay in cache. */
export const DENSE = Object.freeze({ block: 2048 });

/** Concepts scored densely at most; a longer query goes the general way. */
export const DENSE_MAX_CONCEPTS = 12;

/** Segments `DenseScorer.fits` has checked through, with their last paragraph's number then. */
const checked = new WeakMap<Segment, number>();

/** Where each segment's briefings start (kept with the segment: its paragraphs keep their numbers). */
const briefingStarts = new WeakMap<Segment, Int32Array>();

function startsOf(s: Segment, lead: Uint16Array, base: number): Int32Array {
  let starts = briefingStarts.get(s);
  if (starts) return starts;
  const n = s.docCount;
  let count = 0;
  for (let d = 0; d < n; d++) if (lead[base + d] === 1) count++;
  starts = new Int32Array(count + 1);
  for (let d = 0, i = 0; d < n; d++) if (lead[base + d] === 1) starts[i++] = d;
  starts[count] = n;
  briefingStarts.set(s, starts);
  return starts;
}

export class DenseScorer {
  private readonly base: Int32Array;
  /** Per segment, the local document each briefing starts at, then the segment's size. */
  private readonly starts: Int32Array[];
  private readonly size: number;
  /** BM25's length factor per field. */
  private readonly perLength: Float64Array;
  /** Per local document, a row of concept scores. */
  private cols: Float64Array = new Float64Array(0);
  /** Per briefing, at its first paragraph's row: the best score of each concept in it. */
  private bests: Float64Array = new Float64Array(0);
  private readonly temp: Float64Array;
  private readonly tempList: Int32Array;
  private readonly own: Float64Array;
  private readonly ownList: Int32Array;
  private readonly hit: Uint8Array;
  /** Per local document, 1 while its briefing can reach the heap (deferred concepts are scored there only). */
  private readonly need: Uint8Array;
  /** Briefings (by index in the segment's starts) marked in `need`. */
  private readonly needList: Int32Array;
  /** Documents a deferred concept matched outside `need`, counted as they were first seen. */
  private counted = 0;
  /** How many concepts the last run deferred by its end (see `defer`). */
  lastDeferred = 0;
  private readonly best: Float64Array = new Float64Array(DENSE_MAX_CONCEPTS);
  private readonly coverage: Float64Array[] = [];

  private constructor(
    private readonly segments: readonly Segment[],
    private readonly lead: Uint16Array,
    private readonly postings: Postings,
  ) {
    this.base = Int32Array.from(segments, (s) => (s.docCount ? s.ids[0] : 0));
    this.starts = segments.map((s, i) => startsOf(s, lead, this.base[i]));
    this.size = segments.reduce((n, s) => Math.max(n, s.docCount), 0);
    this.perLength = Float64Array.from(postings.fields, (_, f) => perLengthOf(postings.avgLength[f]));
    this.temp = new Float64Array(this.size);
    this.tempList = new Int32Array(this.size);
    this.own = new Float64Array(this.size);
    this.ownList = new Int32Array(this.size);
    this.hit = new Uint8Array(this.size);
    this.need = new Uint8Array(this.size);
    this.needList = new Int32Array(this.size);
  }

  /** A scorer when every segment holds consecutive ids and whole briefings; null otherwise. */
  static fits(segments: readonly Segment[], lead: Uint16Array, postings: Postings): DenseScorer | null {
    for (const s of segments) {
      const n = s.docCount;
      if (n === 0) continue;
      const first = s.firstIdIfConsecutive;
      if (first < 0 || first + n > lead.length || lead[first] !== 1) return null;
      // A segment's paragraphs keep their numbers while it is kept: checked once, then by its last number.
      if (checked.get(s) !== lead[first + n - 1]) {
        for (let d = 1; d < n; d++) {
          const pn = lead[first + d];
          if (pn !== 1 && pn !== lead[first + d - 1] + 1) return null;
        }
        checked.set(s, lead[first + n - 1]);
      }
      const after = first + n;
      if (after < lead.length && lead[after] === lead[after - 1] + 1) return null;
    }
    return new DenseScorer(segments, lead, postings);
  }

  /**
   * Score the concepts in every paragraph; each matched paragraph the filter keeps is counted
   * and offered to `heap` (which keeps the `top` best). Variants found in the index are
   * added to `matched`. `block` is how many paragraphs are scored at a time. Returns the count.
   */
  run(
    plans: readonly DensePlan[],
    boost: Readonly<Record<string, number>>,
    matched: Set<string>,
    filter: ((id: number) => boolean) | undefined,
    heap: TopK,
    top: number,
    block: number = DENSE.block,
  ): number {
    const k = plans.length;
    this.reserve(k);
    const resolved = this.resolveTerms(plans, boost, matched);
    const state: RunState = {
      k,
      coverage: this.coverageFor(k),
      filter,
      heap,
      top,
      floor: top === 0 ? Infinity : -Infinity,
      total: 0,
      bounds: null,
      byCost: [],
      deferred: new Uint8Array(k),
      deferredBound: 0,
      deferredCount: 0,
    };
    for (let si = 0; si < this.segments.length; si++) {
      if (this.segments[si].docCount === 0) continue;
      const base = this.base[si];
      const streams = resolved.map((plan) => this.cursorsOf(plan, si));
      const starts = this.starts[si];
      const briefings = starts.length - 1;
      // Blocks of whole briefings (`at` … `next`), small enough for their rows to stay in cache.
      for (let at = 0; at < briefings;) {
        const limit = starts[at] + block;
        let next = at + 1;
        while (next < briefings && starts[next] < limit) next++;
        const hits = this.defer(state, plans, boost)
          ? this.scoreDeferring(state, streams, starts, at, next, base)
          : this.scoreBlock(streams, base, starts[next], k, null, 0);
        this.combineBlock(state, starts, at, next, base, hits);
        at = next;
      }
    }
    this.lastDeferred = state.deferredCount;
    return state.total;
  }

  /** Room for k concept scores per local document. */
  private reserve(k: number): void {
    if (this.cols.length >= k * this.size) return;
    this.cols = new Float64Array(k * this.size);
    this.bests = new Float64Array(k * this.size);
  }

  private coverageFor(k: number): Float64Array {
    return (this.coverage[k] ??= coverageTable(k));
  }

  /** Resolve every variant once: statistics, weight per field, whether it matched (added to `matched`). */
  private resolveTerms(
    plans: readonly DensePlan[],
    boost: Readonly<Record<string, number>>,
    matched: Set<string>,
  ): Array<Ways<ResolvedPart>> {
    const fields = this.postings.fields;
    const fieldBoost = fields.map((f) => boost[f] ?? 1);
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
    return plans.map((p) => ({
      own: p.own.map(resolve),
      ownWeight: p.ownWeight,
      whole: p.whole.map(([v, weight]) => [resolve(v), weight] as const),
    }));
  }

  /** Cursors into segment `si`'s postings for one concept: its own parts and its whole parts. */
  private cursorsOf(plan: Ways<ResolvedPart>, si: number): Ways<Cursor[]> {
    const s = this.segments[si];
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
            pl: this.perLength[f],
            wf: w[f],
            p: s.offsets[f][id],
            end: s.offsets[f][id + 1],
          });
        }
      }
      return out;
    };
    return {
      own: plan.own.map(cursors),
      ownWeight: plan.ownWeight,
      whole: plan.whole.map(([v, weight]) => [cursors(v), weight] as const),
    };
  }

  /**
   * Whether some concepts are deferred in the next block (MaxScore, by briefing): once the heap is full, the costliest
   * concepts are set aside while the most a paragraph with only them could score — their bounds summed, at their
   * coverage, with the best lead prior — stays below the heap's lowest score. Not with a filter (its count needs
   * every briefing combined) nor when context could count more than a match.
   */
  private defer(state: RunState, plans: readonly DensePlan[], boost: Readonly<Record<string, number>>): boolean {
    const { k, floor, coverage } = state;
    if (state.filter || !CONTEXT_BOUNDED || k < 2 || floor === -Infinity) return false;
    if (!state.bounds) {
      const measured = plans.map((p) => this.measure(p, boost));
      state.bounds = Float64Array.from(measured, (m) => m.bound);
      state.byCost = measured.map((_, c) => c).sort((a, b) => measured[b].cost - measured[a].cost);
    }
    for (const c of state.byCost) {
      if (state.deferred[c]) continue;
      const sum = state.deferredBound + state.bounds[c];
      if (sum * coverage[2 * (state.deferredCount + 1)] * MAX_LEAD_PRIOR * (1 + 1e-9) >= floor) break;
      state.deferred[c] = 1;
      state.deferredBound = sum;
      state.deferredCount++;
    }
    return state.deferredCount > 0;
  }

  /** The most concept `plan` scores in one paragraph, and how many postings it reads. */
  private measure(plan: DensePlan, boost: Readonly<Record<string, number>>): { bound: number; cost: number } {
    const { postings } = this;
    let own = 0;
    let cost = 0;
    for (const v of plan.own) {
      own += postings.bound(v, boost);
      cost += postings.cost(v);
    }
    let bound = plan.ownWeight * own;
    for (const [v, weight] of plan.whole) {
      bound = Math.max(bound, weight * postings.bound(v, boost));
      cost += postings.cost(v);
    }
    return { bound, cost };
  }

  /**
   * The block of briefings `at` … `next` with concepts deferred: the others scored first; then the deferred ones scored
   * only in the briefings that can still reach the heap (their best per scored concept summed with the deferred bounds,
   * at the coverage they could have), and elsewhere only counted. Returns how many documents newly matched.
   */
  private scoreDeferring(
    state: RunState,
    streams: ReadonlyArray<Ways<Cursor[]>>,
    starts: Int32Array,
    at: number,
    next: number,
    base: number,
  ): number {
    const { bests, need, needList } = this;
    const { k, coverage, deferred, deferredBound, deferredCount, floor } = state;
    const hi = starts[next];
    let hits = this.scoreBlock(streams, base, hi, k, deferred, 0);
    let marked = 0;
    for (let i = at; i < next; i++) {
      const bs = starts[i] * k;
      let present = deferredCount;
      let sum = deferredBound;
      for (let c = 0; c < k; c++) {
        const b = bests[bs + c];
        if (b > 0) {
          present++;
          sum += b;
        }
      }
      if (sum * coverage[2 * Math.min(k, present)] * MAX_LEAD_PRIOR * (1 + 1e-9) < floor) continue;
      need.fill(1, starts[i], starts[i + 1]);
      needList[marked++] = i;
    }
    this.counted = 0;
    hits += this.scoreBlock(streams, base, hi, k, deferred, 1);
    hits += this.counted;
    for (let j = 0; j < marked; j++) need.fill(0, starts[needList[j]], starts[needList[j] + 1]);
    return hits;
  }

  /**
   * Every concept's column for the local documents below `hi` (with `only`, the concepts c with only[c] === `pass`;
   * pass 1 scores just the documents in `need`); returns how many documents newly matched.
   */
  private scoreBlock(
    streams: ReadonlyArray<Ways<Cursor[]>>,
    base: number,
    hi: number,
    k: number,
    only: Uint8Array | null,
    pass: number,
  ): number {
    const { temp, tempList } = this;
    const needed = pass === 1;
    let hits = 0;
    for (let c = 0; c < k; c++) {
      if (only && only[c] !== pass) continue;
      const plan = streams[c];
      // The reporter's own words, summed per document, then weighted (one part: its sums are the column's).
      if (plan.own.length === 1) {
        hits += this.keepColumn(temp, tempList, this.sumPart(plan.own[0], hi, needed), plan.ownWeight, c, k, base);
      } else {
        hits += this.keepOwn(plan, hi, c, k, base, needed);
      }
      // Whole alternatives: each weighted, the best counts.
      for (const [list, weight] of plan.whole) {
        hits += this.keepColumn(temp, tempList, this.sumPart(list, hi, needed), weight, c, k, base);
      }
    }
    return hits;
  }

  /** Concept c's own parts below `hi` summed per document, then kept as its column; returns the new matches. */
  private keepOwn(plan: Ways<Cursor[]>, hi: number, c: number, k: number, base: number, needed: boolean): number {
    const { temp, tempList, own, ownList } = this;
    let owned = 0;
    for (const list of plan.own) {
      const count = this.sumPart(list, hi, needed);
      for (let i = 0; i < count; i++) {
        const d = tempList[i];
        if (own[d] === 0) ownList[owned++] = d;
        own[d] += temp[d];
        temp[d] = 0;
      }
    }
    return this.keepColumn(own, ownList, owned, plan.ownWeight, c, k, base);
  }

  /** One part's postings below `hi`, summed per document into temp; returns how many documents (listed in tempList). */
  private sumPart(list: Cursor[], hi: number, needed: boolean): number {
    if (needed) return this.sumNeeded(list, hi);
    const { temp, tempList } = this;
    let count = 0;
    for (const cur of list) {
      const { docs, tfs, lengths, pl, wf, end } = cur;
      let p = cur.p;
      for (; p < end; p++) {
        const d = docs[p];
        if (d >= hi) break;
        const v = bm25(wf, tfs[p], lengths[d], pl);
        if (temp[d] === 0) tempList[count++] = d;
        temp[d] += v;
      }
      cur.p = p;
    }
    return count;
  }

  /** As `sumPart`, for the documents in `need` only; a document outside is marked matched and counted. */
  private sumNeeded(list: Cursor[], hi: number): number {
    const { temp, tempList, need, hit } = this;
    let count = 0;
    let counted = 0;
    for (const cur of list) {
      const { docs, tfs, lengths, pl, wf, end } = cur;
      let p = cur.p;
      for (; p < end; p++) {
        const d = docs[p];
        if (d >= hi) break;
        if (need[d] === 0) {
          if (hit[d] === 0) {
            hit[d] = 1;
            counted++;
          }
          continue;
        }
        const v = bm25(wf, tfs[p], lengths[d], pl);
        if (temp[d] === 0) tempList[count++] = d;
        temp[d] += v;
      }
      cur.p = p;
    }
    this.counted += counted;
    return count;
  }

  /**
   * Concept c's score in the `count` documents listed: weight × sums[d] where it beats the column's (and the
   * briefing's best); sums are zeroed behind. Returns how many documents had no match before.
   */
  private keepColumn(
    sums: Float64Array,
    list: Int32Array,
    count: number,
    weight: number,
    c: number,
    k: number,
    base: number,
  ): number {
    const { cols, bests, hit, lead } = this;
    let hits = 0;
    for (let i = 0; i < count; i++) {
      const d = list[i];
      const x = weight * sums[d];
      sums[d] = 0;
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
    return hits;
  }

  /**
   * Combine the block of briefings `at` … `next` (`hits` matched paragraphs) briefing by briefing (see rank.ts), then
   * clean up. A briefing's best per concept, gathered while scoring, bounds its paragraphs: one that cannot reach the
   * heap is only counted. With no filter every match counts, so the block's count is `hits` and a pruned briefing
   * costs k reads.
   */
  private combineBlock(
    state: RunState,
    starts: Int32Array,
    at: number,
    next: number,
    base: number,
    hits: number,
  ): void {
    if (hits === 0) return;
    const { bests, best, hit, cols } = this;
    const { k, coverage, filter } = state;
    const lo = starts[at];
    const hi = starts[next];
    if (!filter) state.total += hits;
    for (let i = at; i < next; i++) {
      const from = starts[i];
      const bs = from * k;
      let present = 0;
      let sum = 0;
      for (let c = 0; c < k; c++) {
        const b = bests[bs + c];
        best[c] = b;
        bests[bs + c] = 0;
        if (b > 0) present++;
        sum += b;
      }
      if (present === 0) continue;
      // A paragraph's score is at most its briefing's best per concept summed, at the coverage of the concepts the
      // briefing has, with the best lead prior.
      const reaches = !CONTEXT_BOUNDED || sum * coverage[2 * present] * MAX_LEAD_PRIOR >= state.floor;
      if (reaches || filter) this.combineBriefing(state, base, from, starts[i + 1], reaches);
    }
    // Clean behind: the whole block at once when it is busy, else only the matched rows.
    if (hits * 8 >= hi - lo) {
      cols.fill(0, lo * k, hi * k);
      hit.fill(0, lo, hi);
    } else {
      for (let d = lo; d < hi && hits > 0; d++) {
        if (hit[d] === 0) continue;
        hit[d] = 0;
        hits--;
        for (let x = d * k, stop = x + k; x < stop; x++) cols[x] = 0;
      }
    }
  }

  /**
   * The matched paragraphs of one briefing (local documents `from` … `end`): counted when a filter keeps them (with
   * no filter the block counted them), and offered to the heap when `scored`. Rows are cleaned by the block.
   */
  private combineBriefing(state: RunState, base: number, from: number, end: number, scored: boolean): void {
    const { cols, best, hit, lead } = this;
    const { k, coverage, filter, heap } = state;
    for (let e = from; e < end; e++) {
      if (hit[e] === 0) continue;
      const g = base + e;
      if (filter) {
        if (!filter(g)) continue;
        state.total++;
      }
      if (!scored) continue;
      const pn = lead[g];
      const r = e * k;
      const score = paragraphScore(cols, r, pn > 1 ? r - k : -1, e + 1 < end ? r + k : -1, best, 0, k, coverage);
      const value = score * leadPrior(pn);
      if (value >= state.floor) {
        heap.push(g, value);
        if (heap.size >= state.top) state.floor = heap.lowest();
      }
    }
  }
}
