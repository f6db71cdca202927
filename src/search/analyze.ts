import { stemmer } from "stemmer";
import { baseForm } from "./irregular.ts";
import { STOP_WORDS } from "./stop-words.ts";

/**
 * How text becomes search terms, the same for paragraphs and queries:
 * words (with their inner hyphens, apostrophes, currency signs and digit groups) are
 * folded (diacritics, curly quotes, case), possessives dropped, stop words removed and
 * the rest stemmed. A hyphenated or slashed word is findable whole and by its parts:
 * "2021-2035" → ["2021-2035", "2021", "2035"], "A$2" → ["a$2", "2"].
 */

const WORD = /[\p{L}\p{N}$€£¥]+(?:[-‐‑–'’.,/&][\p{L}\p{N}$€£¥]+)*/gu;

export interface Token {
  word: string;
  start: number;
  end: number;
}

/** Words with their offsets in the original text (for highlighting). */
export function tokensWithOffsets(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

export const tokenize = (text: string): string[] => text.match(WORD) ?? [];

// eslint-disable-next-line no-control-regex -- the whole ASCII range, NUL included, on purpose
const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, no diacritics, straight apostrophes, unified dashes. */
export function fold(word: string): string {
  if (ASCII.test(word)) return word.toLowerCase();
  return word
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
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

function wordTerms(raw: string): string[] | null {
  // "US" the country, not "us" the pronoun (a stop word), nor "use", which stems to "us".
  if (/^U\.?S\.?$/.test(raw)) return ["usa"];
  let w = fold(raw)
    .replace(/'s$/, "")
    .replace(/'/g, "")
    .replace(/(\d),(?=\d{3}\b)/g, "$1")
    .replace(/\.(?=\p{L})/gu, "")
    .replace(/[.,]+$/, "");
  if (w === "" || STOP_WORDS.has(w)) return null;
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
  for (const m of text.matchAll(WORD)) {
    const terms = processTerm(m[0]);
    if (terms) for (const t of terms) out.push(t);
  }
  return out;
}
