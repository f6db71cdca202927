import { processTerm, tokensWithOffsets } from "./analyze.ts";
import { wordsOf } from "./lists.ts";

/**
 * Offsets of the words in `text` whose index terms are among `matched`. A joined term of two words (a name's pair,
 * "_hun_sen") marks those two words only where they stand side by side; a name's first and third words
 * ("_bun__touch") mark the three words of the name where they stand in a row ("Bun Vanna Touch").
 */
export function markTerms(text: string, matched: readonly string[]): Array<[number, number]> {
  if (matched.length === 0) return [];
  const wanted = new Set(matched.filter((t) => !t.startsWith("_")));
  const joined = matched.filter((t) => t.startsWith("_")).map((t) => wordsOf(t));
  const pairs = new Set(joined.filter((w) => w.length === 2).map((w) => w.join(" ")));
  const gaps = new Set(joined.filter((w) => w.length === 3 && w[1] === "").map((w) => `${w[0]} ${w[2]}`));
  const marks: Array<[number, number]> = [];
  const mark = (t: Token) => {
    if (!marks.some(([start]) => start === t.start)) marks.push([t.start, t.end]);
  };
  const touching = (a: Token | undefined, b: Token | undefined) =>
    a !== undefined && b !== undefined && text.slice(a.end, b.start).trim() === "";
  const joins = (set: ReadonlySet<string>, a: Token, b: Token) =>
    set.size > 0 && a.terms.some((x) => b.terms.some((y) => set.has(`${x} ${y}`)));
  let prev: Token | undefined;
  let before: Token | undefined;
  for (const token of tokensWithOffsets(text)) {
    const here: Token = { terms: processTerm(token.word) ?? [], start: token.start, end: token.end };
    const paired = prev !== undefined && touching(prev, here) && joins(pairs, prev, here);
    const gapped =
      before !== undefined &&
      prev !== undefined &&
      touching(before, prev) &&
      touching(prev, here) &&
      joins(gaps, before, here);
    if (gapped && before && prev) [before, prev].forEach(mark);
    if (paired && prev) mark(prev);
    if (paired || gapped || here.terms.some((t) => wanted.has(t))) mark(here);
    before = prev;
    prev = here;
  }
  return marks.sort((a, b) => a[0] - b[0]);
}

interface Token {
  terms: readonly string[];
  start: number;
  end: number;
}
