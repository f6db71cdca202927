import { execute } from "../commands/index.ts";
import type { Library } from "../src/library/library.ts";
import { fitOptions, optionalCommand } from "./commands.ts";

/**
 * Autocomplete as Discord asks for it: the choices for what a user has typed so far in a
 * `source` or `person` option. Measured through src/discord/autocomplete.ts's
 * `sourceChoices` / `partyChoices` when it exports them, else an `autocomplete` command; null
 * when neither is there.
 */
export interface Autocomplete {
  via: string;
  complete: (kind: "person" | "source", prefix: string) => unknown;
}

type Choices = (library: Library, typed: string) => unknown;

export async function findAutocomplete(library: Library): Promise<Autocomplete | null> {
  // A literal path, so that the bundle the harness runs (bin/build.mjs) carries the module as a chunk of its own.
  const { sourceChoices, partyChoices } = (await import("../src/discord/autocomplete.ts")) as {
    sourceChoices?: Choices;
    partyChoices?: Choices;
  };
  if (typeof sourceChoices === "function" && typeof partyChoices === "function") {
    return {
      via: "src/discord/autocomplete.ts",
      complete: (kind, prefix) => (kind === "source" ? sourceChoices(library, prefix) : partyChoices(library, prefix)),
    };
  }
  const command = optionalCommand(["autocomplete", "complete"]);
  if (!command) return null;
  return {
    via: `command ${command.name}`,
    complete: (kind, prefix) => {
      const options = fitOptions(command, { kind, prefix });
      return options && execute(library, command.name, options);
    },
  };
}
