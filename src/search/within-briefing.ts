import { RESCORE } from "./rescore.ts";

/**
 * The second look within a briefing: which of a briefing's strong hits is the passage a reporter is after.
 *
 * Across briefings, a query's words weigh by how rare they are in the whole archive (BM25). Within one briefing that
 * is the wrong measure: the words of the story's topic recur in most of its paragraphs (and in its lead, which the
 * lead prior favours), while the detail a reporter asks about ("who chaired", "the farewell call", "the reshuffle")
 * sits in one. So among a briefing's hits in the first few, each close to the briefing's best, the order is decided
 * again by the same concept scores weighted by how rare each concept is in that briefing (a local idf); hits answering
 * the same concepts keep the order they had. The scores those hits had are handed out in the new order. Every briefing keeps the scores it had, so the order between
 * briefings, the totals and the pages past the window do not change.
 */

export const WITHIN_BRIEFING = Object.freeze({
  /** How many of the first hits are looked at again: the rescore window. */
  window: RESCORE.window,
  /** A hit takes part when its score is at least this share of its briefing's best in the window. */
  near: 0.65,
});

/** Every concept's score in the paragraphs of some briefings, as the index scored them for the query. */
export interface ConceptScores {
  /** Concepts in the query. */
  k: number;
  /** Paragraph id → its k concept scores (0 where a concept does not match); paragraphs matching none are absent. */
  scores: ReadonlyMap<number, Float64Array>;
  /** The briefing's first paragraph id, for a paragraph id. */
  briefingOf: (id: number) => number;
  /** How many paragraphs the briefing starting at `first` has. */
  size: (first: number) => number;
}

interface Hit {
  id: number;
  score: number;
}

/** The window's hits grouped by briefing, keeping only the groups with two or more hits near their best. */
function contests<H extends Hit>(head: readonly H[], briefingOf: (id: number) => number): H[][] {
  const groups = new Map<number, H[]>();
  for (const h of head) {
    const b = briefingOf(h.id);
    const group = groups.get(b);
    if (group) group.push(h);
    else groups.set(b, [h]);
  }
  const out: H[][] = [];
  for (const group of groups.values()) {
    const best = Math.max(...group.map((h) => h.score));
    const near = group.filter((h) => h.score >= WITHIN_BRIEFING.near * best);
    if (near.length > 1) out.push(near);
  }
  return out;
}

/** A paragraph's concept scores, each weighted by log((n + 1) / df): n paragraphs in its briefing, df holding it. */
function localScore(v: Float64Array | undefined, df: Float64Array, n: number): number {
  let sum = 0;
  if (v) for (let c = 0; c < v.length; c++) if (v[c] > 0) sum += v[c] * Math.log((n + 1) / df[c]);
  return sum;
}

/**
 * Each hit's key for the new order: its local score, the same for every hit answering the same concepts (so among
 * those the order they had — lead prior, context — stands; local rarity decides only between different answers).
 */
function localOrder(group: readonly Hit[], scores: ConceptScores, df: Float64Array, n: number): Map<number, number> {
  const answers = (id: number) => [...(scores.scores.get(id) ?? [])].map((x) => (x > 0 ? "1" : "0")).join("");
  const best = new Map<string, number>();
  for (const h of group) {
    const key = answers(h.id);
    best.set(key, Math.max(best.get(key) ?? -Infinity, localScore(scores.scores.get(h.id), df, n)));
  }
  return new Map(group.map((h) => [h.id, best.get(answers(h.id))!]));
}

/** How many paragraphs of each briefing hold each concept. */
function briefingFrequencies(look: ConceptScores): Map<number, Float64Array> {
  const df = new Map<number, Float64Array>();
  for (const [id, v] of look.scores) {
    const b = look.briefingOf(id);
    let d = df.get(b);
    if (!d) df.set(b, (d = new Float64Array(look.k)));
    for (let c = 0; c < look.k; c++) if (v[c] > 0) d[c]++;
  }
  return df;
}

/**
 * The hits with the window looked at again, best first. `briefingOf` groups hits; `look(ids)` scores the query's
 * concepts over every paragraph of the briefings holding `ids`, and is called only when some briefing has a contest.
 */
export function withinBriefing<H extends Hit>(
  hits: readonly H[],
  briefingOf: (id: number) => number,
  look: (ids: number[]) => ConceptScores,
): H[] {
  const head = hits.slice(0, WITHIN_BRIEFING.window);
  const groups = contests(head, briefingOf);
  if (groups.length === 0) return [...hits];
  const scores = look(groups.flat().map((h) => h.id));
  const df = briefingFrequencies(scores);
  const out = [...head];
  for (const group of groups) {
    const b = scores.briefingOf(group[0].id);
    const local = localOrder(group, scores, df.get(b) ?? new Float64Array(scores.k), scores.size(b));
    const slots = group.map((h) => head.indexOf(h)).sort((x, y) => x - y);
    const given = slots.map((s) => head[s].score);
    const order = [...group].sort((x, y) => local.get(y.id)! - local.get(x.id)! || y.score - x.score || x.id - y.id);
    slots.forEach((s, i) => (out[s] = { ...order[i], score: given[i] }));
  }
  return [...out, ...hits.slice(WITHIN_BRIEFING.window)];
}
