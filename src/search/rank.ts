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

export interface Layout {
  /** First paragraph id of each paragraph's briefing. */
  first(id: number): number;
  /** Paragraph number (1 = lead). */
  n(id: number): number;
  /** Whether two ids are paragraphs of the same briefing. */
  sameBriefing(a: number, b: number): boolean;
}

/**
 * Combine concept scores into paragraph scores. `rows` maps a paragraph id to its k concept
 * scores (0 where the concept does not match the paragraph).
 */
export function combine(rows: ReadonlyMap<number, Float64Array>, k: number, layout: Layout): Map<number, number> {
  // Best score of each concept in each briefing.
  const best = new Map<number, Float64Array>();
  for (const [id, row] of rows) {
    const first = layout.first(id);
    let top = best.get(first);
    if (!top) best.set(first, (top = new Float64Array(k)));
    for (let c = 0; c < k; c++) if (row[c] > top[c]) top[c] = row[c];
  }
  const out = new Map<number, number>();
  for (const [id, row] of rows) {
    const top = best.get(layout.first(id))!;
    const before = layout.sameBriefing(id, id - 1) ? rows.get(id - 1) : undefined;
    const after = layout.sameBriefing(id, id + 1) ? rows.get(id + 1) : undefined;
    let own = 0;
    let context = 0;
    let covered = 0;
    for (let c = 0; c < k; c++) {
      if (row[c] > 0) {
        own += row[c];
        covered += 1;
        continue;
      }
      const near = Math.max(before?.[c] ?? 0, after?.[c] ?? 0);
      const ctx = Math.max(RANKING.neighbour * near, RANKING.briefing * top[c]);
      if (ctx > 0) {
        context += ctx;
        covered += RANKING.contextCoverage;
      }
    }
    out.set(id, (own + context) * (covered / k) ** RANKING.coveragePower * leadPrior(layout.n(id)));
  }
  return out;
}
