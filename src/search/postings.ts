import { bm25, fromPart, idfOf, perLengthOf, tfPart } from "./bm25.ts";
import type { Segment } from "./segment.ts";

/**
 * Scoring one index term over frozen segments exactly as MiniSearch scores a one-term
 * query: BM25 per field (bm25.ts) with collection-wide statistics, field boosts,
 * and prefix and typo variants weighted as MiniSearch weights them — but reading typed
 * arrays, with no object per posting, so common terms cost microseconds, not milliseconds.
 */
const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };

export interface TermOptions {
  prefix?: boolean;
  /** MiniSearch's fuzzy: a fraction of the term's length, or an edit distance. */
  fuzzy?: number | false;
  maxFuzzy?: number;
}

/** Only some paragraphs scored: see `Postings.scoreVariants`. */
export interface Restriction {
  in: Uint32Array;
  stamp: number;
  /** Paragraphs outside already counted (`seen[id] === stamp`); none counted without it. */
  seen?: Uint32Array;
  keep?: (id: number) => boolean;
  others: number;
  /**
   * The paragraphs inside as ranges of ids, `[from, to)` pairs in ascending order; given when nothing outside is
   * counted (no `seen`), so a segment of consecutive ids reads only those stretches of each posting list.
   */
  ranges?: Int32Array;
}

export interface TermStats {
  /** Dictionary id in each segment, -1 where absent. */
  local: Int32Array;
  df: Float64Array;
  idf: Float64Array;
  /** Highest tf part per field, -1 until scanned. */
  best: Float64Array;
}

/** Variants whose statistics are kept between queries (emptied when full). */
const STATS_LIMIT = 100_000;

export class Postings {
  /** Documents in the collection (global paragraph ids are below this). */
  readonly documentCount: number;
  readonly avgLength: Float64Array;
  private readonly fieldIndex: ReadonlyMap<string, number>;
  /** Scratch space for summing a term's scores per paragraph, reused across calls. */
  private readonly sums: Float64Array;
  private readonly touched: Uint32Array;

  constructor(
    readonly segments: readonly Segment[],
    readonly fields: readonly string[],
  ) {
    this.documentCount = segments.reduce((n, s) => n + s.docCount, 0);
    this.avgLength = Float64Array.from(
      fields,
      (_, f) => segments.reduce((n, s) => n + s.lengthSum(f), 0) / Math.max(1, this.documentCount),
    );
    this.fieldIndex = new Map(fields.map((f, i) => [f, i]));
    let top = 0;
    for (const s of segments) top = Math.max(top, s.idLimit);
    this.sums = new Float64Array(top);
    this.touched = new Uint32Array(top);
  }

  /** The dictionary terms a query term reaches, with MiniSearch's weights: exact 1, prefix and typo variants less. */
  variants(term: string, options: TermOptions = {}): Map<string, number> {
    const out = new Map<string, number>();
    if (this.segments.some((s) => s.termId(term) !== undefined)) out.set(term, 1);
    if (options.prefix) {
      for (const s of this.segments) {
        for (const t of s.withPrefix(term)) {
          const distance = t.length - term.length;
          if (distance > 0 && !out.has(t)) out.set(t, (WEIGHTS.prefix * t.length) / (t.length + 0.3 * distance));
        }
      }
    }
    if (options.fuzzy) {
      const max =
        options.fuzzy < 1 ? Math.min(options.maxFuzzy ?? 6, Math.round(term.length * options.fuzzy)) : options.fuzzy;
      if (max > 0) {
        for (const s of this.segments) {
          for (const [t, distance] of s.fuzzy(term, max)) {
            if (distance > 0 && !out.has(t)) out.set(t, (WEIGHTS.fuzzy * t.length) / (t.length + distance));
          }
        }
      }
    }
    return out;
  }

  /**
   * Score `term` (and its variants) in every paragraph holding it: `each(id, score)` once
   * per paragraph with the sum over variants and fields. Variants that matched are added
   * to `matched`. Returns whether the term itself is indexed.
   */
  score(
    term: string,
    options: TermOptions,
    boost: Readonly<Record<string, number>>,
    each: (id: number, score: number) => void,
    matched?: Set<string>,
  ): boolean {
    const variants = this.variants(term, options);
    this.scoreVariants(variants, boost, each, matched);
    return variants.has(term);
  }

  /** Per variant: the dictionary id in each segment, df, idf and the best BM25 tf part per field. */
  private readonly stats = new Map<string, TermStats>();

  statsOf(variant: string): TermStats {
    let st = this.stats.get(variant);
    if (st) return st;
    const nf = this.fields.length;
    const local = new Int32Array(this.segments.length).fill(-1);
    const df = new Float64Array(nf);
    this.segments.forEach((s, i) => {
      const id = s.termId(variant);
      if (id === undefined) return;
      local[i] = id;
      for (let f = 0; f < nf; f++) df[f] += s.df(f, id);
    });
    const idf = Float64Array.from(df, (n) => idfOf(this.documentCount, n));
    st = { local, df, idf, best: new Float64Array(nf).fill(-1) };
    if (this.stats.size >= STATS_LIMIT) this.stats.clear();
    this.stats.set(variant, st);
    return st;
  }

  /**
   * The highest BM25 tf part (bm25.ts's `tfPart`) of `variant` in field `f`, over all paragraphs:
   * scanned once, then kept.
   */
  private bestPart(st: TermStats, f: number): number {
    if (st.best[f] >= 0) return st.best[f];
    const perLength = perLengthOf(this.avgLength[f]);
    let best = 0;
    this.segments.forEach((s, i) => {
      const id = st.local[i];
      if (id < 0) return;
      const docs = s.docs[f],
        tfs = s.tfs[f],
        lengths = s.fieldLength[f];
      for (let p = s.offsets[f][id], end = s.offsets[f][id + 1]; p < end; p++) {
        const v = tfPart(tfs[p], lengths[docs[p]], perLength);
        if (v > best) best = v;
      }
    });
    st.best[f] = best;
    return best;
  }

  /** An upper bound on the score `scoreVariants` gives any one paragraph. */
  bound(variants: ReadonlyMap<string, number>, boost: Readonly<Record<string, number>>): number {
    let ub = 0;
    for (const [variant, weight] of variants) {
      const st = this.statsOf(variant);
      for (let f = 0; f < this.fields.length; f++) {
        const b = boost[this.fields[f]] ?? 1;
        if (!b || st.df[f] === 0) continue;
        ub += fromPart(weight * b * st.idf[f], this.bestPart(st, f));
      }
    }
    return ub;
  }

  /** Postings to read for the variants (their documents over every field). */
  cost(variants: ReadonlyMap<string, number>): number {
    let n = 0;
    for (const v of variants.keys()) for (const d of this.statsOf(v).df) n += d;
    return n;
  }

  /**
   * Score variants (from `variants`, with their weights) in every paragraph holding one:
   * `each(id, score)` once per paragraph with the sum over variants and fields. With
   * `only`, just the paragraphs `only.in[id] === only.stamp` are scored; the others are
   * counted once each (`only.seen`) if `only.keep` accepts them, into `only.others`.
   */
  scoreVariants(
    variants: ReadonlyMap<string, number>,
    boost: Readonly<Record<string, number>>,
    each: (id: number, score: number) => void,
    matched?: Set<string>,
    only?: Restriction,
  ): void {
    if (variants.size === 0) return;
    // Sum per paragraph across variants and fields, then report each paragraph once.
    const sums = this.sums,
      touched = this.touched;
    let count = 0;
    for (const [variant, weight] of variants) {
      const st = this.statsOf(variant);
      let any = false;
      for (let f = 0; f < this.fields.length; f++) {
        const fieldBoost = boost[this.fields[f]] ?? 1;
        if (!fieldBoost || st.df[f] === 0) continue;
        any = true;
        const w = weight * fieldBoost * st.idf[f];
        const perLength = perLengthOf(this.avgLength[f]);
        for (let i = 0; i < this.segments.length; i++) {
          const id = st.local[i];
          if (id < 0) continue;
          const s = this.segments[i];
          const docs = s.docs[f],
            tfs = s.tfs[f],
            lengths = s.fieldLength[f],
            ids = s.ids;
          const start = s.offsets[f][id],
            end = s.offsets[f][id + 1];
          const first = s.firstIdIfConsecutive;
          if (only?.ranges && !only.seen && first >= 0) {
            count = this.sumInRanges(s, f, id, w, only.ranges, count);
            continue;
          }
          if (only) {
            const inside = only.in,
              stamp = only.stamp,
              seen = only.seen,
              keep = only.keep;
            let others = 0;
            for (let p = start; p < end; p++) {
              const d = docs[p];
              const g = ids[d];
              if (inside[g] !== stamp) {
                if (seen && seen[g] !== stamp) {
                  seen[g] = stamp;
                  if (!keep || keep(g)) others++;
                }
                continue;
              }
              const v = bm25(w, tfs[p], lengths[d], perLength);
              if (sums[g] === 0) touched[count++] = g;
              sums[g] += v;
            }
            only.others += others;
            continue;
          }
          for (let p = start; p < end; p++) {
            const d = docs[p];
            const v = bm25(w, tfs[p], lengths[d], perLength);
            const g = ids[d];
            if (sums[g] === 0) touched[count++] = g;
            sums[g] += v;
          }
        }
      }
      if (any) matched?.add(variant);
    }
    for (let i = 0; i < count; i++) {
      const g = touched[i];
      const v = sums[g];
      sums[g] = 0;
      each(g, v);
    }
  }

  /**
   * Term `id` of segment `s` (consecutive ids) in field `f`, weighted `w`, summed into `sums` for the paragraphs of
   * `ranges` only (see Restriction), each stretch found by binary search; returns the new count of `touched`.
   */
  private sumInRanges(s: Segment, f: number, id: number, w: number, ranges: Int32Array, count: number): number {
    const { sums, touched } = this;
    const docs = s.docs[f],
      tfs = s.tfs[f],
      lengths = s.fieldLength[f];
    const perLength = perLengthOf(this.avgLength[f]);
    const first = s.firstIdIfConsecutive;
    const start = s.offsets[f][id],
      end = s.offsets[f][id + 1];
    for (let x = 0; x < ranges.length; x += 2) {
      const from = ranges[x] - first;
      const to = ranges[x + 1] - first;
      if (to <= 0 || from >= s.docCount) continue;
      for (let p = firstAtLeast(docs, start, end, from); p < end && docs[p] < to; p++) {
        const d = docs[p];
        const v = bm25(w, tfs[p], lengths[d], perLength);
        const g = first + d;
        if (sums[g] === 0) touched[count++] = g;
        sums[g] += v;
      }
    }
    return count;
  }

  /** Paragraphs whose field `f` holds `term`, over all segments. */
  df(term: string, f: number): number {
    let n = 0;
    for (const s of this.segments) {
      const id = s.termId(term);
      if (id !== undefined) n += s.df(f, id);
    }
    return n;
  }

  fieldNumber(name: string): number | undefined {
    return this.fieldIndex.get(name);
  }
}

/** The first position in `docs[start … end)` (ascending) holding `doc` or more; `end` if none. */
function firstAtLeast(docs: Uint32Array, start: number, end: number, doc: number): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid] < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
