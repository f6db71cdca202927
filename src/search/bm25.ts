/**
 * BM25 as MiniSearch scores it (k 1.2, b 0.7, d 0.5): the one formula every scoring path uses
 * (postings.ts for one term, dense.ts for a whole query, and the bounds pruning relies on).
 * A posting's score is
 *
 *   weight × (d + tf·(k+1) / (tf + k·(1 − b) + k·b·length / average length))
 *
 * where weight is the variant's weight × the field's boost × the term's idf in that field.
 * The functions are small enough for V8 to inline into the loops over postings.
 */
export const BM25 = Object.freeze({ k: 1.2, b: 0.7, d: 0.5 });

const K = BM25.k;
const B = BM25.b;
const D = BM25.d;

/** BM25's k·(1 − b): the length-independent part of a posting's denominator. */
export const BM25_NORM = K * (1 - B);

/** BM25's k·b / average length for a field whose average length is `avgLength`. */
export const perLengthOf = (avgLength: number): number => (K * B) / (avgLength || 1);

/** The inverse document frequency of a term found in `n` of `documents`. */
export const idfOf = (documents: number, n: number): number =>
  n === 0 ? 0 : Math.log(1 + (documents - n + 0.5) / (n + 0.5));

/** The term-frequency part, tf·(k+1) / (tf + k·(1 − b) + perLength·length), without weight and d. */
export const tfPart = (tf: number, length: number, perLength: number): number =>
  (tf * (K + 1)) / (tf + BM25_NORM + perLength * length);

/** A posting's score from its weight and its term-frequency part (or the highest part, for a bound). */
export const fromPart = (weight: number, part: number): number => weight * (D + part);

/** One posting's score: `tf` occurrences in a field `length` terms long. */
export const bm25 = (weight: number, tf: number, length: number, perLength: number): number =>
  fromPart(weight, tfPart(tf, length, perLength));
