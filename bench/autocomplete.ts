import { execute } from "../commands/index.ts";
import type { Library } from "../src/library/library.ts";
import { fitOptions, optionalCommand } from "./commands.ts";

/**
 * Autocomplete as Discord asks for it: the choices for what a user has typed so far in a
 * `source` or `person` option. Measured through src/discord/autocomplete.ts's
 * `sourceChoices` / `partyChoices` when they exist, else an `autocomplete` command; null
 * when neither does.
 */
export interface Autocomplete {
  via: string;
  complete: (kind: "person" | "source", prefix: string) => unknown;
}

type Choices = (library: Library, typed: string) => unknown;

export async function findAutocomplete(library: Library): Promise<Autocomplete | null> {
  const modulePath = "../src/discord/autocomplete.ts";
  try {
    const mod = (await import(modulePath)) as { sourceChoices?: Choices; partyChoices?: Choices };
    const { sourceChoices, partyChoices } = mod;
    if (typeof sourceChoices === "function" && typeof partyChoices === "function") {
      return {
        via: "src/discord/autocomplete.ts",
        complete: (kind, prefix) =>
          kind === "source" ? sourceChoices(library, prefix) : partyChoices(library, prefix),
      };
    }
  } catch {
    // no Discord autocomplete module (yet)
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
