/**
 * What cleaning took out of a briefing, and why: every removed line is accounted for, so
 * that `about` and `source` can say what was dropped and nothing is lost silently.
 */

/** The kinds of site furniture that cleaning recognises, as an editor would name them. */
export type RemovalKind =
  | "ticker"
  | "section label"
  | "headline repeated"
  | "byline"
  | "date line"
  | "outlet name"
  | "agency tag"
  | "caption"
  | "navigation"
  | "advertisement"
  | "page button"
  | "subscription block"
  | "comments"
  | "footer"
  | "tags"
  | "link to another story"
  | "trailer"
  | "list of other stories"
  | "end matter";

export interface Removal {
  kind: RemovalKind;
  /** First and last removed line, counted from 1 in the file (front matter included). */
  line: number;
  endLine: number;
  /** How many non-blank lines were removed. */
  lines: number;
  /** The removed text (lines joined by newlines), cut to MAX_REMOVED_TEXT characters. */
  text: string;
  /** A trailer's heading ("Related News"), or the paragraph a tag was cut from. */
  heading?: string;
  paragraph?: number;
}

export const MAX_REMOVED_TEXT = 2000;

const quoteOf = (s: string, max = 40) => `'${s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s}'`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const lineRange = (r: Removal) => (r.endLine > r.line ? `lines ${r.line}–${r.endLine}` : `line ${r.line}`);

/** One removal as a phrase: "ticker line 1", "trailer 'Related News' and 3 lines after it (lines 40–43)". */
export function describeRemoval(r: Removal): string {
  if (r.kind === "trailer") {
    const after = r.lines - 1;
    const tail = after > 0 ? ` and ${plural(after, "line")} after it` : "";
    return `trailer ${quoteOf(r.heading ?? r.text)}${tail} (${lineRange(r)})`;
  }
  if (r.paragraph !== undefined) return `${r.kind} ${quoteOf(r.text)} at the end of ¶${r.paragraph}`;
  return `${r.kind} ${lineRange(r)}`;
}

/** Every removal of a briefing in one line: "removed: ticker line 1; byline line 4", or null when nothing was. */
export function describeRemovals(removals: readonly Removal[] | undefined): string | null {
  if (!removals || removals.length === 0) return null;
  return `removed: ${removals.map(describeRemoval).join("; ")}`;
}
