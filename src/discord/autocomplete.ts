import type { AutocompleteInteraction } from "discord.js";
import { findCommand } from "../../commands/index.ts";
import type { Library } from "../library/library.ts";
import { eventsOf } from "../library/views/events-query.ts";
import { PrefixIndex, type PrefixEntry } from "../search/prefix-index.ts";
import type { BotContext } from "./bot-context.ts";

/** Discord allows 25 choices, each name and value 1–100 characters. */
const MAX_CHOICES = 25;
const clip = (s: string) => (s.length > 100 ? `${s.slice(0, 99)}…` : s);

type Choice = { name: string; value: string };

/** Autocomplete indexes, built once per Library on first use. */
const indexes = new WeakMap<Library, { sources: PrefixIndex<Choice>; parties: PrefixIndex<Choice> }>();

function indexesOf(library: Library) {
  let built = indexes.get(library);
  if (built) return built;
  // Sources: by id or headline words, newest first.
  const byDate = [...library.briefings].sort(
    (a, b) => (b.meta.published ?? "").localeCompare(a.meta.published ?? "") || a.id.localeCompare(b.id),
  );
  const sources = new PrefixIndex(
    byDate.map((b, rank) => ({
      keys: [b.id, b.meta.title ?? ""],
      value: { name: clip(`${b.meta.published ?? "undated"} · ${b.meta.title ?? b.id}`), value: b.id },
      rank,
    })),
  );
  // Parties: people by name or alias (most mentioned first), then countries and bodies.
  const view = eventsOf(library);
  const entries: Array<PrefixEntry<Choice>> = [];
  const seen = new Set<string>();
  const people = [...view.people].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  for (const p of people) {
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    entries.push({
      keys: [p.name, ...p.aliases],
      value: { name: clip(p.name), value: clip(p.name) },
      rank: entries.length,
    });
  }
  const bodies = new Set<string>();
  for (const party of [...view.meetings.flatMap((m) => m.participants), ...view.pledges.flatMap((p) => p.actors)]) {
    if (party.kind !== "person" && !seen.has(party.name)) bodies.add(party.name);
  }
  for (const name of [...bodies].sort())
    entries.push({ keys: [name], value: { name: clip(name), value: clip(name) }, rank: entries.length });
  built = { sources, parties: new PrefixIndex(entries) };
  indexes.set(library, built);
  return built;
}

/** Build a Library's autocomplete lookups now rather than on the first keystroke. */
export function warmAutocomplete(library: Library): void {
  indexesOf(library);
}

/** Briefings whose id or headline words start with what was typed, newest first. */
export function sourceChoices(library: Library, typed: string): Choice[] {
  return indexesOf(library).sources.find(typed, MAX_CHOICES);
}

/** People (by name or alias) first, then countries and bodies that take part in events. */
export function partyChoices(library: Library, typed: string): Choice[] {
  return indexesOf(library).parties.find(typed, MAX_CHOICES);
}

/** Answer an autocomplete request: no deferral exists for these, so it stays in memory. */
export async function handleAutocomplete(ctx: BotContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const spec = findCommand(interaction.commandName)?.options.find((o) => o.name === focused.name);
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
