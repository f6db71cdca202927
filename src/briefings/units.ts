import { endsSentence, trimAll } from "./shapes.ts";

/**
 * A pasted body cut into units, the pieces cleaning keeps or drops: paragraphs, or the lines
 * of a block that is a list (a ticker, a nav bar, a list of other stories). Units of one
 * paragraph share its `group`; the kept ones are joined back into that paragraph, so a block
 * cleaning leaves alone comes out exactly as it went in.
 */
export interface Unit {
  /** The text, outer white space trimmed; a paragraph's lines joined by single spaces. */
  text: string;
  /** First and last line in the body, counted from 1. */
  line: number;
  endLine: number;
  /** Non-blank lines in the unit. */
  lines: number;
  /** The paragraph (blank-line block) the unit belongs to. */
  group: number;
}

interface Line {
  text: string;
  n: number;
}

const isBlank = (line: string) => /^[ \t\u00a0]*$/.test(line);

/**
 * Whether a block's line breaks are a wrapped paragraph's (a later line starts in lower case, or
 * the lines are cut at one width) rather than a list's: a wrapped paragraph stays one unit.
 */
function isWrapped(lines: readonly Line[]): boolean {
  const later = lines.slice(1);
  const lowerStarts = later.filter((l) => /^\p{Ll}/u.test(l.text)).length;
  if (lowerStarts / later.length >= 0.3) return true;
  const body = lines.slice(0, -1).map((l) => l.text);
  if (lines.length < 3 || body.some((t) => t.length < 60 || endsSentence(t))) return false;
  const lengths = body.map((t) => t.length);
  return Math.max(...lengths) - Math.min(...lengths) <= 20;
}

function blockUnits(lines: readonly Line[], group: number): Unit[] {
  const unit = (ls: readonly Line[]): Unit => ({
    text: ls.map((l) => l.text).join(" "),
    line: ls[0].n,
    endLine: ls[ls.length - 1].n,
    lines: ls.length,
    group,
  });
  if (lines.length === 1 || isWrapped(lines)) return [unit(lines)];
  return lines.map((l) => unit([l]));
}

/** Cut a body into units: blocks between blank lines, or every line when the text has no blank lines. */
export function splitUnits(body: string): Unit[] {
  const raw = body.replace(/\r\n?/g, "\n").split("\n");
  const hasBlankLines = /\n[ \t\u00a0]*\n/.test(raw.join("\n"));
  const units: Unit[] = [];
  let block: Line[] = [];
  let group = 0;
  const flush = () => {
    if (block.length) units.push(...blockUnits(block, group++));
    block = [];
  };
  raw.forEach((text, i) => {
    if (hasBlankLines && isBlank(text)) return flush();
    const trimmed = trimAll(text);
    if (trimmed) block.push({ text: trimmed, n: i + 1 });
    if (!hasBlankLines) flush();
  });
  flush();
  return units;
}
