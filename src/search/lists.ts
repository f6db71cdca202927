import { ALIASES } from "./aliases.ts";
import { SYNONYM_SECTIONS } from "./synonyms.ts";
import { termsAndPairs, termsOf } from "./analyze.ts";

/**
 * The synonym and alias lists, parsed into index terms: each line becomes the phrases it
 * names ("human trafficking" → ["human", "traffick"]) with its section's weight. Listed
 * phrases of two or more words are also indexed as one joined term ("_human_traffick"), so
 * that they match only where their words stand together, not anywhere in a paragraph. Two
 * capitalised words side by side ("Hun Sen") are indexed joined the same way: a name is
 * searched as a phrase ("Hun Sen" does not find "Hun Manet").
 */
export type Phrase = readonly string[];

export interface ListLine {
  /** Members that search each other (and `to`). */
  from: Phrase[];
  /** One-way targets (`A => B`): searched by `from`, not searching back. */
  to: Phrase[];
  weight: number;
}

export const phraseKey = (p: Phrase) => p.join(" ");

/**
 * The index term for a phrase: a single word as it is, several joined as "_human_traffick".
 * No word's terms contain "_", so prefix and typo matching of a reporter's word never reach
 * a phrase term, and a phrase term is easy to split back into words for highlighting.
 */
export const indexTermFor = (p: Phrase) => (p.length === 1 ? p[0] : `_${p.join("_")}`);

/** The words of an index term (a phrase term's words, or the term itself). */
export const wordsOf = (term: string) => (term.startsWith("_") ? term.slice(1).split("_") : [term]);

const members = (list: string) =>
  list
    .split(",")
    .map((m) => termsOf(m.trim()))
    .filter((terms) => terms.length > 0);

export const LIST_LINES: readonly ListLine[] = [ALIASES, ...SYNONYM_SECTIONS].flatMap(({ weight, groups }) =>
  groups.map((line) => {
    const [left, right] = line.split("=>");
    return { from: members(left), to: right === undefined ? [] : members(right), weight };
  }),
);

const PHRASES = new Set<string>();
const STARTS = new Set<string>();
const WORDS = new Set<string>();
let longest = 1;
for (const line of LIST_LINES) {
  for (const p of [...line.from, ...line.to]) {
    longest = Math.max(longest, p.length);
    if (p.length === 1) WORDS.add(p[0]);
    if (p.length < 2) continue;
    PHRASES.add(indexTermFor(p));
    STARTS.add(p[0]);
  }
}
/**
 * The lists' one-word entries (countries, ranks, kinds of meeting): vocabulary, never part of a name, so "Minister
 * Hun" or "Cambodia Vietnam" are not pairs.
 */
export const LISTED_WORDS: ReadonlySet<string> = WORDS;

/** Whether a joined index term is a listed phrase's (else it is a name's pair). */
export const isListedPhrase = (term: string): boolean => PHRASES.has(term);

/** Most terms in a listed phrase. */
export const LONGEST_PHRASE = longest;

/** The listed phrases, sorted: they are index terms, so they are part of the index's version. */
export const LISTED_PHRASES: readonly string[] = [...PHRASES].sort();

/** A text's index terms: its words' terms, then each listed phrase it contains, joined, then its names' pairs. */
export function indexTerms(text: string): string[] {
  const { terms, pairs } = termsAndPairs(text);
  const words = terms.length;
  for (let i = 0; i < words; i++) {
    if (!STARTS.has(terms[i])) continue;
    let key = `_${terms[i]}`;
    for (let n = 2; n <= longest && i + n <= words; n++) {
      key += `_${terms[i + n - 1]}`;
      if (PHRASES.has(key)) terms.push(key);
    }
  }
  let before: string | null = null;
  for (const [a, b, capitalised, chained] of pairs) {
    const key = nameTermFor(a, b);
    const name = capitalised && !PHRASES.has(key) && !WORDS.has(a) && !WORDS.has(b);
    if (name) terms.push(key);
    if (name && chained && before) terms.push(gapNameTermFor(before, b));
    before = name ? a : null;
  }
  return terms;
}

/** The index term of two words of a name side by side ("_hun_sen"). */
export const nameTermFor = (first: string, second: string): string => `_${first}_${second}`;

/**
 * The index term of a name's first and third words, the middle one left out ("_bun__touch" in "Bun Vanna Touch"):
 * reporters drop a middle name, so "Bun Touch" can find "Bun Vanna Touch" (below the two side by side).
 */
export const gapNameTermFor = (first: string, third: string): string => `_${first}__${third}`;
