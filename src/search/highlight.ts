import { processTerm, tokensWithOffsets } from "./analyze.ts";

/** Offsets of the words in `text` whose index terms are among `matched`. */
export function markTerms(text: string, matched: readonly string[]): Array<[number, number]> {
  if (matched.length === 0) return [];
  const wanted = new Set(matched);
  const marks: Array<[number, number]> = [];
  for (const token of tokensWithOffsets(text)) {
    const terms = processTerm(token.word);
    if (terms?.some((t) => wanted.has(t))) marks.push([token.start, token.end]);
  }
  return marks;
}
