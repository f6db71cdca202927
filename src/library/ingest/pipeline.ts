/**
 * src/library/ingest: adding a briefing, whatever the door (Discord, the CLI). One pipeline: the input read into an
 * article (fetched and extracted when it is a link or a page) → the briefing file it makes, validated exactly as a
 * dropped file is → refused when the same link or the same text is already there → written atomically into the
 * folder under a unique name from its date and headline, where the folder watcher picks it up like any file.
 */
import type { Briefing } from "../../briefings/briefing.ts";
import { parseBriefing } from "../../briefings/load.ts";
import type { Library } from "../library.ts";
import { UserError } from "../user-error.ts";
import { briefingText } from "./article.ts";
import { findDuplicate } from "./duplicates.ts";
import { baseName } from "./file-name.ts";
import { readInput, type IngestInput } from "./input.ts";
import type { FetchLimits } from "./safe-fetch.ts";
import { moveToRemoved, writeNewBriefing } from "./store.ts";

export type { IngestInput } from "./input.ts";

export interface Added {
  /** The new briefing's id (its file name without `.md`). */
  id: string;
  file: string;
  /** The briefing as the loader reads the file. */
  briefing: Briefing;
}

/** Add an article to the Library's folder; a UserError of one line when it cannot be (the folder is then unchanged). */
export async function ingest(library: Library, input: IngestInput, limits: FetchLimits): Promise<Added> {
  const article = await readInput(input, limits);
  const text = briefingText(article);
  const base = baseName(article, article.body);
  const parsed = parseBriefing(`${base}.md`, Buffer.from(text, "utf8"));
  if (!parsed.ok) throw new UserError(`The article ${parsed.message}.`);
  // A field the editor gave that a dropped file would load without is refused here: they can fix it now.
  if (parsed.warning) throw new UserError(`The article has ${parsed.warning}: fix it and add it again.`);
  const asked = input.kind === "link" ? input.url : null;
  const duplicate = findDuplicate(library.briefings, parsed.briefing, [article.url, asked]);
  if (duplicate) {
    const b = duplicate.briefing;
    throw new UserError(
      `That article is already in the briefings as ${b.id}${b.meta.title ? ` (“${b.meta.title}”)` : ""}: the same ${duplicate.why}. Nothing was added.`,
    );
  }
  const id = await writeNewBriefing(library.dataDir, base, text, (id) => library.get(id) !== undefined);
  return { id, file: `${id}.md`, briefing: { ...parsed.briefing, id, file: `${id}.md` } };
}

export interface Removed {
  briefing: Briefing;
  /** Where the file is now (move it back into the briefings folder to restore it). */
  movedTo: string;
}

/** Move a briefing (by id, id prefix or headline) out of the folder into `removed/` beside it. */
export async function removeBriefing(library: Library, source: string): Promise<Removed> {
  const briefing = library.resolveSource(source);
  try {
    return { briefing, movedTo: await moveToRemoved(library.dataDir, briefing.file) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UserError(`${briefing.file} is no longer in the briefings folder.`);
    throw err;
  }
}
