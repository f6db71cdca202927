import type { AutocompleteInteraction } from "discord.js";
import { findCommand } from "../../commands/index.ts";
import type { Library } from "../library/library.ts";
import { personChoices } from "../events/people.ts";
import { eventsOf } from "../events/query.ts";
import { fold } from "../search/text.ts";
import type { BotContext } from "./context.ts";

/** Discord allows 25 choices, each name and value 1–100 characters. */
const MAX_CHOICES = 25;
const clip = (s: string) => (s.length > 100 ? `${s.slice(0, 99)}…` : s);

type Choice = { name: string; value: string };

/** Does any word of `text` (or the whole) start with what was typed? Case and accents ignored. */
export function prefixMatch(typed: string, ...texts: string[]): boolean {
  const t = fold(typed.trim());
  if (t === "") return true;
  return texts.some((text) => {
    const f = fold(text);
    return f.startsWith(t) || f.split(/[\s_-]+/).some((w) => w.startsWith(t)) || f.includes(` ${t}`);
  });
}

export function sourceChoices(library: Library, typed: string): Choice[] {
  return [...library.briefings]
    .filter((b) => prefixMatch(typed, b.id, b.meta.title ?? ""))
    .sort((a, b) => (b.meta.published ?? "").localeCompare(a.meta.published ?? ""))
    .slice(0, MAX_CHOICES)
    .map((b) => ({ name: clip(`${b.meta.published ?? "undated"} · ${b.meta.title ?? b.id}`), value: b.id }));
}

/** People (by name or alias) first, then countries and bodies that take part in events. */
export function partyChoices(library: Library, typed: string): Choice[] {
  const view = eventsOf(library);
  const people = personChoices(view.people, typed);
  const others = new Set<string>();
  for (const party of [...view.meetings.flatMap((m) => m.participants), ...view.pledges.flatMap((p) => p.actors)]) {
    if (party.kind !== "person" && prefixMatch(typed, party.name)) others.add(party.name);
  }
  return [...new Set([...people, ...[...others].sort()])].slice(0, MAX_CHOICES).map((name) => ({ name: clip(name), value: clip(name) }));
}

/** Answer an autocomplete request: no deferral exists for these, so it stays in memory. */
export async function handleAutocomplete(ctx: BotContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const spec = findCommand(interaction.commandName)?.options.find((o) => o.name === focused.name);
  const typed = String(focused.value ?? "");
  const library = ctx.library();
  const choices = spec?.autocomplete === "source" ? sourceChoices(library, typed) : spec?.autocomplete === "person" ? partyChoices(library, typed) : [];
  await interaction.respond(choices);
}
