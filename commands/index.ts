import type { Command } from "../src/kit/command.ts";
import { about } from "./about.ts";
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

/** Every command, in the order help lists them. Adapters generate their interfaces from this. */
export const COMMANDS: Command[] = [
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

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name.toLowerCase().replace(/^\//, ""));
}
