import type { Removal } from "./removal.ts";

/** One article from `data/briefings/`, cleaned and split into numbered paragraphs. */
export interface BriefingMeta {
  /** Headline: from front matter, or the headline line found in the body. */
  title: string | null;
  outlet: string | null;
  /** ISO `YYYY-MM-DD`, or null when unknown. */
  published: string | null;
  url: string | null;
}

export interface Paragraph {
  /** Place in the cleaned body, counted from 1: "¶4" means the same thing everywhere. */
  n: number;
  /** The paragraph verbatim, as it stands in the briefing (outer white space trimmed). */
  text: string;
}

export interface Briefing {
  /** File name without its extension. */
  id: string;
  /** File name as found in the folder (e.g. `000_1ce3e456409cc760.txt`). */
  file: string;
  meta: BriefingMeta;
  paragraphs: Paragraph[];
  /** sha256 of the file's bytes: keys caches. */
  hash: string;
  /** The site furniture cleaning took out (absent or empty: nothing). */
  removed?: readonly Removal[];
}

/** A file that could not be loaded, with a message a newsroom editor can act on. */
export interface LoadProblem {
  file: string;
  message: string;
  /** The file loaded all the same, without what the message names (a bad front matter field). */
  loaded?: boolean;
}

/** Where a passage comes from: what a reporter needs to check it. */
export interface Citation {
  source: string;
  paragraph: number;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
}

/** Newest first; undated briefings last, then by id. */
export function newestFirst(a: Briefing, b: Briefing): number {
  const da = a.meta.published ?? "";
  const db = b.meta.published ?? "";
  return da === db ? a.id.localeCompare(b.id) : db.localeCompare(da);
}
