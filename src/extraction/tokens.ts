/**
 * Word tokens of a sentence with their offsets. Abbreviations keep their full stop
 * ("Lt.", "U.S.", "J."), possessives are split off as a flag ("Vietnam’s" → base "Vietnam"),
 * and "then-Minister" becomes the modifier "then-" and the word "Minister".
 */
import { ABBREVIATIONS, lower } from "./lexicon.ts";

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

function make(text: string, start: number, kind: Token["kind"]): Token {
  let base = text;
  let possessive = false;
  const poss = /^(.+?)['’]s?$/u.exec(text);
  if (kind === "word" && poss && (/['’]s$/u.test(text) || /s['’]$/u.test(text))) {
    base = /['’]s$/u.test(text) ? text.slice(0, -2) : text.slice(0, -1);
    possessive = true;
  }
  return {
    text,
    start,
    end: start + text.length,
    base,
    low: lower(base),
    kind,
    cap: /^\p{Lu}/u.test(base),
    possessive,
  };
}

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    let word = m[0];
    let at = m.index + offset;
    if (/^\p{L}/u.test(word)) {
      // A trailing full stop belongs to the word only for abbreviations and initials.
      if (word.endsWith(".") && !/^(?:\p{L}\.){2,}$/u.test(word)) {
        const bare = word.slice(0, -1);
        if (!(ABBREVIATIONS.has(lower(bare)) || /^\p{Lu}$/u.test(bare))) {
          out.push(make(bare, at, "word"));
          out.push(make(".", at + bare.length, "punct"));
          continue;
        }
      }
      const prefix = /^(then|ex|former|acting|now)[-‐‑](?=\p{Lu})/u.exec(word);
      if (prefix) {
        out.push(make(prefix[0], at, "word"));
        at += prefix[0].length;
        word = word.slice(prefix[0].length);
      }
      out.push(make(word, at, "word"));
    } else if (/^[$€£¥]?\p{N}/u.test(word)) {
      out.push(make(word, at, "num"));
    } else {
      out.push(make(word, at, "punct"));
    }
  }
  return out;
}
