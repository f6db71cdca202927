import { stemmer } from "stemmer";
import { baseForm } from "./irregular.ts";
import { STOP_WORDS } from "./stop-words.ts";
import { matchesOf } from "../text/matches.ts";

/**
 * How text becomes search terms, the same for paragraphs and queries:
 * words (with their inner hyphens, apostrophes, currency signs and digit groups) are
 * folded (diacritics, curly quotes, case), possessives dropped, stop words removed and
 * the rest stemmed. A hyphenated or slashed word is findable whole and by its parts:
 * "COVID-19" → ["covid-19", "covid", "19"], "A$2" → ["a$2", "2"]; a span of years is only itself
 * ("2023-2028" is not "2023": a year typed means that year).
 * Khmer, Thai, Lao and Burmese, written without spaces between words, are cut into words by
 * `Intl.Segmenter`'s dictionaries, so a word's vowel signs and subscripts stay with its letters.
 */

const WORD = /[\p{L}\p{M}\p{N}$€£¥]+(?:[-‐‑–'’.,/&][\p{L}\p{M}\p{N}$€£¥]+)*/gu;

/** Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer (and Khmer symbols). */
const UNSPACED = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u19E0-\u19FF]/;

/** Whether `text` holds a script written without spaces between words. */
export const isUnspaced = (text: string): boolean => UNSPACED.test(text);

const SEGMENTER = new Intl.Segmenter("km", { granularity: "word" });

export interface Token {
  word: string;
  start: number;
  end: number;
}

/** The words of a text with their offsets: runs of an unspaced script cut by the segmenter, the rest as matched. */
function eachWord(text: string, each: (word: string, start: number) => void): void {
  const unspaced = UNSPACED.test(text);
  for (const m of matchesOf(WORD, text)) {
    const word = m[0];
    if (!unspaced || !UNSPACED.test(word)) {
      each(word, m.index);
      continue;
    }
    for (const part of SEGMENTER.segment(word)) if (part.isWordLike) each(part.segment, m.index + part.index);
  }
}

/** Words with their offsets in the original text (for highlighting). */
export function tokensWithOffsets(text: string): Token[] {
  const out: Token[] = [];
  eachWord(text, (word, start) => out.push({ word, start, end: start + word.length }));
  return out;
}

export function tokenize(text: string): string[] {
  if (!UNSPACED.test(text)) return text.match(WORD) ?? [];
  const out: string[] = [];
  eachWord(text, (word) => out.push(word));
  return out;
}

// eslint-disable-next-line no-control-regex -- the whole ASCII range, NUL included, on purpose
const ASCII = /^[\x00-\x7f]*$/;

/** Diacritics to drop: every combining mark but those of unspaced scripts (their vowel signs are letters' parts). */
const MARKS = /[^\P{M}\p{sc=Thai}\p{sc=Lao}\p{sc=Myanmar}\p{sc=Khmer}]+/gu;

/** Lower case, no diacritics, straight apostrophes, unified dashes. */
export function fold(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  return word
    .normalize("NFKD")
    .replace(MARKS, "")
    .replace(/[đĐ]/g, "d")
    .replace(/[øØ]/g, "o")
    .replace(/[łŁ]/g, "l")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .toLowerCase()
    .replace(/[’‘ʼ]/g, "'")
    .replace(/[‐‑–]/g, "-");
}

/** Irregular forms to their base word, then the Porter stemmer ("fled" → "flee", "pledges" → "pledg"). */
const stem = (w: string) => (/^[a-z]+$/.test(w) && w.length > 2 ? stemmer(baseForm(w)) : w);

/**
 * Words already processed: news repeats its vocabulary, so indexing a large archive mostly
 * hits this cache. Bounded: emptied when full. The arrays are shared: callers must not change them.
 */
const memo = new Map<string, string[] | null>();
const MEMO_LIMIT = 200_000;

/** One word → its index terms (none for a stop word). Do not modify the array returned. */
export function processTerm(raw: string): string[] | null {
  let terms = memo.get(raw);
  if (terms !== undefined) return terms;
  terms = wordTerms(raw);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, terms);
  return terms;
}

/** "2023-2028", "2023/24": a span of years, searched whole. */
const YEAR_SPAN = /^(?:1[89]|20)\d\d[-/](?:\d\d|(?:1[89]|20)\d\d)$/;

function wordTerms(raw: string): string[] | null {
  // "US" the country, not "us" the pronoun (a stop word), nor "use", which stems to "us".
  if (/^U\.?S\.?$/.test(raw)) return ["usa"];
  const w = fold(raw)
    .replace(/'s$/, "")
    .replace(/'/g, "")
    .replace(/(\d),(?=\d{3}\b)/g, "$1")
    .replace(/\.(?=\p{L})/gu, "")
    .replace(/[.,]+$/, "");
  if (w === "" || STOP_WORDS.has(w)) return null;
  if (YEAR_SPAN.test(w)) return [w];
  if (/[-/&,.]/.test(w)) {
    const parts = w.split(/[-/&,.]+/).filter((p) => p && !STOP_WORDS.has(p));
    return [w, ...parts.map(stem)];
  }
  const currency = /^([a-z]{0,3}[$€£¥])(\d.*)$/.exec(w);
  if (currency) return [w, currency[2]];
  return [stem(w)];
}

/** Terms of a whole text, in order, with duplicates kept. */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  if (UNSPACED.test(text)) {
    eachWord(text, (word) => {
      const terms = processTerm(word);
      if (terms) for (const t of terms) out.push(t);
    });
    return out;
  }
  for (const m of matchesOf(WORD, text)) {
    const terms = processTerm(m[0]);
    if (terms) for (const t of terms) out.push(t);
  }
  return out;
}

const CAPITAL = /^\p{Lu}/u;

/**
 * Two words side by side, each one term: the terms, whether both words are capitalised, and whether the first word
 * is also the second of the pair before (three or more words in a row: "Bun Vanna Touch").
 */
export type WordPair = readonly [first: string, second: string, capitalised: boolean, chained: boolean];

/**
 * Each pair of words standing side by side (one space apart), each a single term with no digit: "Hun Sen", "Sar
 * Kheng" (capitalised: a name), or any two words of a query. A stop word or punctuation between them breaks the pair.
 */
export function adjacentPairs(text: string): WordPair[] {
  return pairsOf(text, null);
}

/** termsOf and adjacentPairs of one text, its words read once where its script allows (the index wants both). */
export function termsAndPairs(text: string): { terms: string[]; pairs: WordPair[] } {
  if (UNSPACED.test(text)) return { terms: termsOf(text), pairs: adjacentPairs(text) };
  const terms: string[] = [];
  return { pairs: pairsOf(text, terms), terms };
}

/** adjacentPairs, each word's terms also added to `terms` (as termsOf gives them) when it is given. */
function pairsOf(text: string, terms: string[] | null): WordPair[] {
  const out: WordPair[] = [];
  let prev: string | null = null;
  let prevCapital = false;
  let prevEnd = -1;
  let prevPaired = false;
  for (const m of matchesOf(WORD, text)) {
    const word = m[0];
    const own = processTerm(word);
    if (terms && own) for (const t of own) terms.push(t);
    const term = own?.length === 1 && !/\d/.test(own[0]) ? own[0] : null;
    const capital = CAPITAL.test(word);
    const gap = text[prevEnd];
    const paired = m.index === prevEnd + 1 && (gap === " " || gap === "\u00a0");
    if (term && prev && paired) out.push([prev, term, prevCapital && capital, prevPaired]);
    prevPaired = Boolean(term && prev && paired);
    prev = term;
    prevCapital = capital;
    prevEnd = m.index + word.length;
  }
  return out;
}
