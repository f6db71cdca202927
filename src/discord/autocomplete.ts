import type { AutocompleteInteraction } from "discord.js";
import { EDITS, findCommand } from "../../commands/index.ts";
import { BRIEFING_COMMAND } from "./definitions.ts";
import type { Library } from "../library/library.ts";
import type { BotContext } from "./bot-context.ts";

/** Discord allows 25 choices, each name and value 1–100 characters. */
const MAX_CHOICES = 25;
const clip = (s: string) => (s.length > 100 ? `${s.slice(0, 99)}…` : s);

type Choice = { name: string; value: string };

/**
 * Briefings whose id or headline words start with what was typed, newest first. None while a first start is still
 * building the lookups: an autocomplete never waits for them (the user can still type the value).
 */
export function sourceChoices(library: Library, typed: string): Choice[] {
  const found = library.readyLookups?.sources.find(typed, MAX_CHOICES) ?? [];
  return found.map((s) => ({ name: clip(s.label), value: s.key }));
}

/** People (by name or alias) first, then countries and bodies that take part in events (none, as above). */
export function partyChoices(library: Library, typed: string): Choice[] {
  const found = library.readyLookups?.parties.find(typed, MAX_CHOICES) ?? [];
  return found.map((p) => ({ name: clip(p.name), value: p.key }));
}

/** Answer an autocomplete request: no deferral exists for these, so it stays in memory. */
export async function handleAutocomplete(ctx: BotContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const spec =
    interaction.commandName === BRIEFING_COMMAND.name
      ? EDITS.remove.options[0] // /briefing remove source
      : findCommand(interaction.commandName)?.options.find((o) => o.name === focused.name);
  const typed = String(focused.value ?? "");
  const library = ctx.library();
  const choices =
    spec?.autocomplete === "source"
      ? sourceChoices(library, typed)
      : spec?.autocomplete === "person"
        ? partyChoices(library, typed)
        : [];
  await interaction.respond(choices);
}
