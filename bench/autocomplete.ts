import type { Library } from "../src/library/library.ts";

/**
 * Autocomplete as Discord asks for it: the choices for what a user has typed so far in a
 * `source` or `person` option, through src/discord/autocomplete.ts's `sourceChoices` / `partyChoices`.
 */
export interface Autocomplete {
  via: string;
  complete: (kind: "person" | "source", prefix: string) => unknown;
}

export async function findAutocomplete(library: Library): Promise<Autocomplete> {
  // Imported when measured, not with the worker (it brings discord.js); by a literal path, so that the bundle the
  // harness runs (bin/build.mjs) carries it as a chunk of its own.
  const { sourceChoices, partyChoices } = await import("../src/discord/autocomplete.ts");
  return {
    via: "src/discord/autocomplete.ts",
    complete: (kind, prefix) => (kind === "source" ? sourceChoices(library, prefix) : partyChoices(library, prefix)),
  };
}
