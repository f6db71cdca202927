/**
 * Sentences and quotations of a paragraph, as offsets into its text, so every quote the
 * extractor reports is a verbatim slice of the paragraph.
 *
 * The splitter ends a sentence at . ! or ? (with any closing quote or bracket) followed by
 * space and a capital, digit or opening quote — except after abbreviations ("Lt. Gen.",
 * "Dr."), initials ("Karen J. Whitfield") and dotted acronyms ("U.S."). A quotation that
 * runs over several sentences keeps its sentences apart; `quotes` says which speaker's
 * words each lies in.
 */
import { ABBREVIATIONS, lower } from "./lexicon.ts";

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
}

const OPEN_QUOTES = new Set(["“", "‘", '"', "«", "'"]);
const CLOSERS = /[”’"'»)\]]/;

function endsWithAbbreviation(text: string, dot: number): boolean {
  // The word that ends at `dot` (the full stop's index).
  let i = dot - 1;
  while (i >= 0 && /[\p{L}.]/u.test(text[i])) i--;
  const word = text.slice(i + 1, dot);
  if (word === "") return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J."
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "a.m"
  return ABBREVIATIONS.has(lower(word));
}

/** "word.Next" with no space: two lower-case letters before the stop, a capitalised word after (not "U.S."). */
function runTogether(text: string, dot: number, next: number): boolean {
  return (
    /\p{Ll}{2}$/u.test(text.slice(Math.max(0, dot - 2), dot)) &&
    /^\p{Lu}\p{Ll}+\b/u.test(text.slice(next, next + 20)) &&
    !/[\p{L}.]\.\p{Ll}+$/u.test(text.slice(Math.max(0, dot - 20), dot)) &&
    !endsWithAbbreviation(text, dot)
  );
}

/** Split a paragraph into sentences (offsets into `text`, trimmed). */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== "." && ch !== "!" && ch !== "?") continue;
    let j = i + 1;
    while (j < text.length && (text[j] === "." || text[j] === "!" || text[j] === "?")) j++;
    while (j < text.length && CLOSERS.test(text[j])) j++;
    if (j >= text.length) break;
    // A flattened page runs sentences together: "… stated Minister Lam.Lam made the statement …".
    if (!/\s/.test(text[j])) {
      if (ch === "." && runTogether(text, i, j)) {
        push(j);
        start = j;
        i = j - 1;
      }
      continue;
    }
    let k = j;
    while (k < text.length && /\s/.test(text[k])) k++;
    const next = text[k];
    if (next === undefined) break;
    if (!(/[\p{Lu}\p{N}]/u.test(next) || OPEN_QUOTES.has(next))) continue;
    if (ch === "." && endsWithAbbreviation(text, i)) {
      // "Lt. Gen. Chea Pov" and "the U.S. Embassy": not an end, unless a quotation closed here.
      if (!CLOSERS.test(text[j - 1] ?? "")) continue;
    }
    push(j);
    start = j;
    i = j - 1;
  }
  push(text.length);
  return out.flatMap((sentence) => (sentence.text.length > MAX_SENTENCE ? cutLong(text, sentence) : [sentence]));
}

/**
 * The longest run read as one sentence. Real sentences stay far below it; a page flattened
 * without full stops does not, and the extractor's work on a sentence grows faster than its
 * length: cut there, the cost of a briefing stays linear in its size.
 */
export const MAX_SENTENCE = 2000;

/** A run longer than MAX_SENTENCE in pieces, each cut at the last white space before the limit. */
function cutLong(text: string, sentence: Sentence): Sentence[] {
  const out: Sentence[] = [];
  let start = sentence.start;
  while (sentence.end - start > MAX_SENTENCE) {
    let cut = start + MAX_SENTENCE;
    while (cut > start + MAX_SENTENCE / 2 && !/\s/.test(text[cut])) cut--;
    if (cut <= start + MAX_SENTENCE / 2) cut = start + MAX_SENTENCE;
    let end = cut;
    while (end > start && /\s/.test(text[end - 1])) end--;
    out.push({ start, end, text: text.slice(start, end) });
    start = cut;
    while (start < sentence.end && /\s/.test(text[start])) start++;
  }
  if (sentence.end > start) out.push({ start, end: sentence.end, text: text.slice(start, sentence.end) });
  return out;
}

/** Quotations (“…” or "…") in a paragraph, offsets include the marks. */
export function quoteSpans(text: string): Span[] {
  const out: Span[] = [];
  let open = -1;
  let straight = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (open < 0) {
      if (ch === "“" || ch === "«") {
        open = i;
        straight = false;
      } else if (ch === '"' || (ch === "'" && text[i + 1] === "'")) {
        // ('' is a double quotation mark typed as two apostrophes.)
        open = i;
        straight = true;
        if (ch === "'") i++;
      }
    } else if ((!straight && (ch === "”" || ch === "»")) || (straight && (ch === '"' || ch === "”"))) {
      out.push({ start: open, end: i + 1 });
      open = -1;
    } else if (straight && ch === "'" && text[i + 1] === "'") {
      out.push({ start: open, end: i + 2 });
      open = -1;
      i++;
    } else if (!straight && ch === "“") {
      // A new opening before a close: the earlier one was never closed (scraped text); restart.
      open = i;
    }
  }
  // An unclosed quotation runs to the end of the paragraph (news style for multi-paragraph quotes).
  if (open >= 0) out.push({ start: open, end: text.length });
  return out;
}
