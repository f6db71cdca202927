import { loadBriefings } from "../src/briefings/load.ts";
import { timed } from "./measure.ts";
import type { SearchCase } from "./queries.ts";

/**
 * What the peers (plain MiniSearch, FlexSearch) index: every paragraph of the folder as the project's loader cleans
 * it, numbered from 0, with its briefing and publication day beside it; and the filter a filtered query means.
 */

export interface PeerDoc {
  id: number;
  text: string;
}

export interface PeerParagraphs {
  /** loadBriefings over the folder (read, parse, clean). */
  readFolderS: number;
  docs: PeerDoc[];
  /** Per paragraph id: its briefing's id, and its publication day (ISO `YYYY-MM-DD`) or null. */
  sourceOf: string[];
  dateOf: Array<string | null>;
}

export async function loadParagraphs(dataDir: string): Promise<PeerParagraphs> {
  const {
    s: readFolderS,
    value: { briefings },
  } = await timed(() => loadBriefings(dataDir));
  const docs: PeerDoc[] = [];
  const sourceOf: string[] = [];
  const dateOf: Array<string | null> = [];
  for (const b of briefings) {
    for (const p of b.paragraphs) {
      docs.push({ id: docs.length, text: p.text });
      sourceOf.push(b.id);
      dateOf.push(b.meta.published);
    }
  }
  return { readFolderS, docs, sourceOf, dateOf };
}

/** Whether publication day `d` lies in the case's dates: the bot takes "2024" or "2024-03" as whole periods. */
export function inDates(c: Pick<SearchCase, "from" | "to">, d: string | null): boolean {
  if (c.from === undefined && c.to === undefined) return true;
  return d !== null && (c.from === undefined || d >= c.from) && (c.to === undefined || d.slice(0, c.to.length) <= c.to);
}

/** The paragraphs a filtered query may return, as a test of a paragraph id. */
export const keeper =
  (c: SearchCase, { sourceOf, dateOf }: Pick<PeerParagraphs, "sourceOf" | "dateOf">) =>
  (id: number): boolean =>
    (c.source === undefined || sourceOf[id] === c.source) && inDates(c, dateOf[id]);
