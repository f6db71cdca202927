/**
 * commands/: one file per command (options in, Answer out; no transport, no environment). May import src/digest,
 * src/kit, src/questions, src/library and below; never an adapter.
 */
import type { Command, CommandContext } from "../src/kit/command.ts";
import { dispatch, findCommand as findIn, type Outcome } from "../src/kit/dispatch.ts";
import type { Library } from "../src/library/library.ts";
import { about } from "./about.ts";
import { add } from "./add.ts";
import { remove } from "./remove.ts";
import { ask } from "./ask.ts";
import { digest } from "./digest.ts";
import { help } from "./help.ts";
import { meetings } from "./meetings.ts";
import { people } from "./people.ts";
import { person } from "./person.ts";
import { pledges } from "./pledges.ts";
import { search } from "./search.ts";
import { source } from "./source.ts";
import { sources } from "./sources.ts";

/**
 * The commands, one file each (options in, Answer out; none touches a transport). Adapters generate their
 * interfaces from this list and run commands through `execute`.
 */

/** Every command, in the order help lists them. */
export const COMMANDS: readonly Command[] = [
  search,
  ask,
  meetings,
  pledges,
  people,
  person,
  source,
  sources,
  about,
  digest,
  help,
];

/** The editing commands (they change the briefings folder; only for editors): add, remove. */
export const EDITS = { add, remove } as const;

export function findCommand(name: string): Command | undefined {
  return findIn(COMMANDS, name);
}

/** The context every command runs with, given where the digest keeps its state (settings' STATE_DIR). */
export function commandContext(stateDir: string | null): CommandContext {
  return { commands: COMMANDS, stateDir };
}

/**
 * Run a command by name with raw options (see `dispatch`). Front ends pass the context made from their settings;
 * without one (tests, benchmarks) the digest command knows no state folder.
 */
export function execute(
  library: Library,
  name: string,
  raw: Record<string, unknown>,
  context: CommandContext = commandContext(null),
): Outcome {
  return dispatch(context, library, name, raw);
}
