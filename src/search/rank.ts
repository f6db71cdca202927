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
 * - lead prior: news puts the story in its first lines.
 */
import type { RowTable } from "./rows.ts";

export const RANKING = {
  /** A neighbouring paragraph's match, as a share of its score. */
  neighbour: 0.25,
  /** The best match elsewhere in the briefing, as a share of its score. */
  briefing: 0.15,
  /** How much a concept found only in context counts towards coverage. */
  contextCoverage: 0.5,
  coveragePower: 2.5,
};

export const leadPrior = (n: number) => (n === 1 ? 1.25 : n === 2 ? 1.1 : 1);

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
  // (covered / k) ^ power for every coverage a paragraph can have (in steps of one half).
  const coverage = Float64Array.from({ length: 2 * k + 1 }, (_, i) => (i / 2 / k) ** RANKING.coveragePower);
  const v = rows.values;
  const b = best.values;
  const { neighbour, briefing, contextCoverage } = RANKING;
  const half = contextCoverage === 0.5;
  for (let i = 0; i < count; i++) {
    const id = rows.id(i);
    const r = i * k;
    const n = lead[id];
    const t = best.find(id - (n - 1));
    const before = n > 1 ? rows.find(id - 1) : -1;
    const after = id + 1 < lead.length && lead[id + 1] === n + 1 ? rows.find(id + 1) : -1;
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
      const ctx = Math.max(neighbour * near, briefing * b[t + c]);
      if (ctx > 0) {
        context += ctx;
        halves++;
      }
    }
    const factor = half
      ? coverage[2 * covered + halves]
      : ((covered + contextCoverage * halves) / k) ** RANKING.coveragePower;
    each(id, (own + context) * factor * leadPrior(n));
  }
}
