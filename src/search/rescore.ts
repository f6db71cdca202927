import { fold, tokenize } from "./analyze.ts";
import { STOP_WORDS } from "./stop-words.ts";

/**
 * The second look at the best few hits (a rescore window, as search engines keep one): a paragraph that holds every
 * word of the query in the very form typed moves above those that matched only through stems, typos, synonyms or
 * their context. Hits past the window keep their order, so pages stay consistent.
 */
export const RESCORE = Object.freeze({
  /** How many of the first hits are looked at again. */
  window: 10,
  /** The lift, as a share of the score, for a paragraph holding every typed word as typed. */
  allTyped: 0.5,
});

/** A word for comparing forms: folded, its possessive and apostrophes dropped. */
const formOf = (word: string) => fold(word).replace(/'s$/, "").replace(/'/g, "");

/** The query's content words as typed (no stop words). */
export function typedWords(query: string): Set<string> {
  return new Set(
    tokenize(query)
      .map(formOf)
      .filter((w) => w && !STOP_WORDS.has(w)),
  );
}

/** Whether `text` holds every word of `typed` in the form typed. */
export function holdsAllTyped(typed: ReadonlySet<string>, text: string): boolean {
  if (typed.size === 0) return false;
  const words = new Set(tokenize(text).map(formOf));
  for (const w of typed) if (!words.has(w)) return false;
  return true;
}

/** The hits with the window rescored, best first; `textOf(id)` is a hit's paragraph text. */
export function rescore<H extends { id: number; score: number }>(
  query: string,
  hits: readonly H[],
  textOf: (id: number) => string | undefined,
): H[] {
  const typed = typedWords(query);
  if (typed.size === 0 || hits.length < 2) return [...hits];
  const head = hits.slice(0, RESCORE.window).map((h) => {
    const text = textOf(h.id);
    return text !== undefined && holdsAllTyped(typed, text) ? { ...h, score: h.score * (1 + RESCORE.allTyped) } : h;
  });
  head.sort((a, b) => b.score - a.score || a.id - b.id);
  return [...head, ...hits.slice(RESCORE.window)];
}
