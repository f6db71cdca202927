import type { NextStep } from "./answer.ts";
import { shorten } from "./shorten.ts";

/** Next steps an empty answer offers (a renderer shows them as a button or a line to type). */

/** Search the passages for words (a name no event was found for). */
export const searchPassagesFor = (words: string): NextStep => ({
  label: shorten(`Search passages for “${words}”`, 80),
  command: "search",
  options: { query: words },
});

/** A search for other words than those typed (the suggestion for a typo). */
export const searchInstead = (words: string): NextStep => ({
  label: shorten(`Search “${words}”`, 80),
  command: "search",
  options: { query: words },
});

/** The next step in an answer's JSON: the command and its options. */
export const nextJson = (next: NextStep | undefined) =>
  next ? { next: { command: next.command, options: next.options } } : {};

const typed = (v: string | number | boolean) => {
  const s = String(v).replace(/"/g, "");
  return /\s/.test(s) || s === "" ? `"${s}"` : s;
};

/**
 * The step as a command line to type (`search grey list`, `meetings --who "Sar Kheng"`), its `positional` option as
 * bare words when given; a true boolean as a bare flag.
 */
export function stepLine(step: NextStep, positional?: string): string {
  const parts = [step.command];
  const bare = positional !== undefined ? step.options[positional] : undefined;
  if (bare !== undefined) parts.push(String(bare).replace(/"/g, ""));
  for (const [k, v] of Object.entries(step.options)) {
    if (k === positional || v === false) continue;
    parts.push(v === true ? `--${k}` : `--${k} ${typed(v)}`);
  }
  return parts.join(" ");
}
