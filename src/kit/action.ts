import type { Answer } from "./answer.ts";
import type { OptionSpec } from "./command.ts";
import type { Library } from "../library/library.ts";
import type { FetchLimits } from "../library/ingest/safe-fetch.ts";

/**
 * An editing command: one that changes the briefings folder (adding, removing a briefing) rather than answering
 * from it. It works asynchronously (a link is fetched), takes a request its front end has prepared (a file's bytes,
 * an attachment's address, pasted text), and is only for editors: Manage Server in Discord, or a role the settings
 * name. Its options are declared like a Command's, for the CLI's parsing and help.
 */
export interface Action<Request> {
  name: string;
  description: string;
  options: readonly OptionSpec[];
  perform(library: Library, request: Request, context: EditContext): Promise<Answer>;
}

/** What an editing command needs from its front end (from the settings, and how it sees the folder again). */
export interface EditContext {
  fetch: FetchLimits;
  /**
   * A Library that has read the folder since `file` (a name in it) was added or removed: the bot's watcher's next
   * one, or a fresh open for the CLI.
   */
  refresh: (library: Library, file: string) => Promise<Library>;
}
