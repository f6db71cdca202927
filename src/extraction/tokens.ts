/**
 * Word tokens of a sentence with their offsets. Abbreviations keep their full stop
 * ("Lt.", "U.S.", "J."), possessives are split off as a flag ("Vietnam’s" → base "Vietnam"),
 * and "then-Minister" becomes the modifier "then-" and the word "Minister".
 */
import { ABBREVIATIONS, lower } from "./lexicon.ts";
import { matchesOf } from "../text/matches.ts";

export interface Token {
  /** As written, possessive included. */
  text: string;
  start: number;
  end: number;
  /** Without a possessive 's. */
  base: string;
  /** `lower(base)`. */
  low: string;
  kind: "word" | "num" | "punct";
  /** Starts with a capital letter. */
  cap: boolean;
  possessive: boolean;
}

const TOKEN =
  /(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:[-‐‑'’][\p{L}\p{M}\p{N}]+)*(?:(?<=s)['’](?![\p{L}\p{N}]))?\.?|[$€£¥]?\p{N}[\p{N},.]*\p{N}%?|\p{N}%?|[^\s\p{L}\p{N}]/gu;

const isQuote = (c: string) => c === "'" || c === "’";

/** Starts with a capital letter (ASCII read directly, the rest by Unicode's property). */
const startsUpper = (s: string) => {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(s);
};

/** Starts with a letter (ASCII read directly, the rest by Unicode's property). */
const startsLetter = (s: string) => {
  const c = s.charCodeAt(0);
  return c < 128 ? (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : /^\p{L}/u.test(s);
};

/** "then-Minister", "ex-President": a modifier joined to a capitalised word. */
const MODIFIER_PREFIX = /^(then|ex|former|acting|now)[-‐‑](?=\p{Lu})/u;

/** Holds one of the hyphens MODIFIER_PREFIX joins by (read before the expression is run on every word). */
const hasHyphen = (w: string) => w.includes("-") || w.includes("‐") || w.includes("‑");

/** A number, or a currency sign before one (ASCII digits read directly, the rest by Unicode's property). */
const isNumberToken = (w: string) => {
  const c = w.charCodeAt(0);
  return (c >= 48 && c <= 57) || /^[$€£¥]?\p{N}/u.test(w);
};

function make(text: string, start: number, kind: Token["kind"]): Token {
  let base = text;
  let possessive = false;
  if (kind === "word" && text.length >= 2) {
    const last = text[text.length - 1];
    const before = text[text.length - 2];
    // "Vietnam’s" (a letter before the 's) or "ministers’".
    if (last === "s" && isQuote(before) && text.length >= 3) {
      base = text.slice(0, -2);
      possessive = true;
    } else if (isQuote(last) && before === "s") {
      base = text.slice(0, -1);
      possessive = true;
    }
  }
  return { text, start, end: start + text.length, base, low: lower(base), kind, cap: startsUpper(base), possessive };
}

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of matchesOf(TOKEN, text)) {
    let word = m[0];
    let at = m.index + offset;
    if (startsLetter(word)) {
      // A trailing full stop belongs to the word only for abbreviations and initials.
      if (word.endsWith(".") && !/^(?:\p{L}\.){2,}$/u.test(word)) {
        const bare = word.slice(0, -1);
        if (!(ABBREVIATIONS.has(lower(bare)) || /^\p{Lu}$/u.test(bare))) {
          out.push(make(bare, at, "word"));
          out.push(make(".", at + bare.length, "punct"));
          continue;
        }
      }
      const prefix = hasHyphen(word) ? MODIFIER_PREFIX.exec(word) : null;
      if (prefix) {
        out.push(make(prefix[0], at, "word"));
        at += prefix[0].length;
        word = word.slice(prefix[0].length);
      }
      out.push(make(word, at, "word"));
    } else if (isNumberToken(word)) {
      out.push(make(word, at, "num"));
    } else {
      out.push(make(word, at, "punct"));
    }
  }
  return out;
}
