/**
 * How a paragraph's score is put together from its concepts' scores (see expand.ts):
 *
 *   score = (Σ own + Σ context) × coverage^COVERAGE_POWER × lead prior
 *
 * - own: each concept's best match in the paragraph (BM25, synonyms and typos weighted down);
 * - context: a concept the paragraph lacks but its neighbours or its briefing have, at a
 *   fraction of their score ("he added" paragraphs, a name given once in the lead);
 * - coverage: the share of the query's concepts answered, context counting partly, so a
 *   paragraph answering every word beats one repeating a single word;
 * - lead prior: news puts the story in its first line.
 */
import type { RowTable } from "./rows.ts";

export const RANKING = Object.freeze({
  /** A neighbouring paragraph's match, as a share of its score. */
  neighbour: 0.25,
  /** The best match elsewhere in the briefing, as a share of its score. */
  briefing: 0.15,
  /** How much a concept found only in context counts towards coverage. */
  contextCoverage: 0.5,
  coveragePower: 2.5,
});

const { neighbour: NEIGHBOUR, briefing: BRIEFING, contextCoverage: CONTEXT_COVERAGE, coveragePower: POWER } = RANKING;
/** Context counting half: coverage comes in half steps, read from a table. */
const HALF = CONTEXT_COVERAGE === 0.5;

/**
 * The lead alone: it is where a wire story or a release says who did what. A bonus for the second paragraph as well
 * (1.1, as it was) decided between near-identical paragraphs more often than it found the one asked for.
 */
export const leadPrior = (n: number) => (n === 1 ? 1.15 : 1);
export const MAX_LEAD_PRIOR = Math.max(leadPrior(1), leadPrior(2), leadPrior(3));

/**
 * Whether context never counts more than a match: then a paragraph's score is at most its briefing's best per concept
 * summed, at the coverage of the concepts the briefing has, with the best lead prior — the bound pruning relies on.
 */
export const CONTEXT_BOUNDED = Math.max(NEIGHBOUR, BRIEFING, CONTEXT_COVERAGE) <= 1;

/** (covered / k) ^ power for every coverage a paragraph of a k-concept query can have, in steps of one half. */
export const coverageTable = (k: number): Float64Array =>
  Float64Array.from({ length: 2 * k + 1 }, (_, i) => (i / 2 / k) ** POWER);

/**
 * One paragraph's score before its lead prior, the formula above: `v[r … r+k)` holds its k concept scores,
 * `before` and `after` the offsets of its neighbours' rows in `v` (-1 for none), `b[t … t+k)` its briefing's best
 * score per concept; `coverage` is `coverageTable(k)`. Every scoring path (combine below, dense.ts) calls this.
 */
export function paragraphScore(
  v: Float64Array,
  r: number,
  before: number,
  after: number,
  b: Float64Array,
  t: number,
  k: number,
  coverage: Float64Array,
): number {
  let own = 0;
  let context = 0;
  let covered = 0;
  let halves = 0;
  for (let c = 0; c < k; c++) {
    const x = v[r + c];
    if (x > 0) {
      own += x;
      covered += 1;
      continue;
    }
    const near = Math.max(before >= 0 ? v[before + c] : 0, after >= 0 ? v[after + c] : 0);
    const ctx = Math.max(NEIGHBOUR * near, BRIEFING * b[t + c]);
    if (ctx > 0) {
      context += ctx;
      halves++;
    }
  }
  const factor = HALF ? coverage[2 * covered + halves] : ((covered + CONTEXT_COVERAGE * halves) / k) ** POWER;
  return (own + context) * factor;
}

/**
 * Combine concept scores into paragraph scores. `rows` holds, for each matched paragraph,
 * its k concept scores (0 where the concept does not match it); `best` is scratch space for
 * each briefing's best score per concept; `lead[id]` is paragraph id's number in its
 * briefing (paragraphs of a briefing have consecutive ids). `each(id, score)` receives
 * every matched paragraph's score.
 */
export function combine(
  rows: RowTable,
  best: RowTable,
  lead: Uint16Array,
  each: (id: number, score: number) => void,
): void {
  const k = rows.width;
  const count = rows.count;
  const firstOf = (id: number) => id - (lead[id] - 1);
  for (let i = 0; i < count; i++) {
    const id = rows.id(i);
    const r = rows.find(id);
    const t = best.ensure(firstOf(id));
    const v = rows.values;
    const b = best.values;
    for (let c = 0; c < k; c++) if (v[r + c] > b[t + c]) b[t + c] = v[r + c];
  }
  const coverage = coverageTable(k);
  const v = rows.values;
  const b = best.values;
  for (let i = 0; i < count; i++) {
    const id = rows.id(i);
    const n = lead[id];
    const before = n > 1 ? rows.find(id - 1) : -1;
    const after = id + 1 < lead.length && lead[id + 1] === n + 1 ? rows.find(id + 1) : -1;
    each(id, paragraphScore(v, i * k, before, after, b, best.find(firstOf(id)), k, coverage) * leadPrior(n));
  }
}
