import { shortenAt } from "./shorten.ts";

/**
 * A window of a long paragraph around its first marked word, so that the word a passage was found by is always
 * visible. The window is a verbatim slice of the paragraph: it starts at a sentence start when one is near enough
 * before the mark, otherwise at a word boundary, and ends at a sentence or word boundary. A renderer shows "…" only
 * where the window cuts the paragraph (its start and/or its end), never inside it.
 */
export interface TextWindow {
  start: number;
  end: number;
  /** The window's text, verbatim: `paragraph.slice(start, end)`. */
  text: string;
  /** The marks inside the window, re-based to its text. */
  marks: Array<[number, number]>;
  cutStart: boolean;
  cutEnd: boolean;
}

/** Where to start: the sentence holding the first mark when it fits, else a word boundary a little before the mark. */
function windowStart(text: string, firstMark: number, max: number): number {
  if (firstMark < max * 0.6) return 0;
  const lead = Math.floor(max * 0.3);
  let sentence = -1;
  for (const m of text.slice(0, firstMark).matchAll(/[.!?]["”’)]?\s+(?=\S)/g)) sentence = m.index + m[0].length;
  if (sentence >= 0 && firstMark - sentence <= lead * 2) return sentence;
  const from = Math.max(0, firstMark - lead);
  const space = text.slice(from, firstMark).search(/\s\S/);
  return space < 0 ? firstMark : from + space + 1;
}

/** The window of at most `max` characters (the "…" marks not counted) around the first mark. */
export function windowAround(text: string, marks: ReadonlyArray<[number, number]>, max: number): TextWindow {
  const all = marks.map(([s, e]) => [s, e] as [number, number]);
  if (text.length <= max) return { start: 0, end: text.length, text, marks: all, cutStart: false, cutEnd: false };
  const start = windowStart(text, marks[0]?.[0] ?? 0, max);
  const end = start + shortenAt(text.slice(start), max);
  const kept = all
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start, e - start] as [number, number]);
  const slice = text.slice(start, end);
  const trimmed = slice.trimEnd();
  return {
    start,
    end: start + trimmed.length,
    text: trimmed,
    marks: kept.filter(([, e]) => e <= trimmed.length),
    cutStart: start > 0,
    cutEnd: end < text.length,
  };
}
