import { processTerm, tokensWithOffsets } from "./analyze.ts";
import { wordsOf } from "./lists.ts";

/**
 * Offsets of the words in `text` whose index terms are among `matched`. A joined term of two words (a name's pair,
 * "_hun_sen") marks those two words only where they stand side by side.
 */
export function markTerms(text: string, matched: readonly string[]): Array<[number, number]> {
  if (matched.length === 0) return [];
  const wanted = new Set(matched.filter((t) => !t.startsWith("_")));
  const pairs = new Set(matched.filter((t) => t.startsWith("_")).map((t) => wordsOf(t).join(" ")));
  const marks: Array<[number, number]> = [];
  let prev: { terms: readonly string[]; start: number; end: number } | undefined;
  for (const token of tokensWithOffsets(text)) {
    const terms = processTerm(token.word) ?? [];
    const paired =
      prev !== undefined &&
      pairs.size > 0 &&
      text.slice(prev.end, token.start).trim() === "" &&
      prev.terms.some((a) => terms.some((b) => pairs.has(`${a} ${b}`)));
    if (paired && prev && marks.at(-1)?.[0] !== prev.start) marks.push([prev.start, prev.end]);
    if (paired || terms.some((t) => wanted.has(t))) marks.push([token.start, token.end]);
    prev = { terms, start: token.start, end: token.end };
  }
  return marks;
}
