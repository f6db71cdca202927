import type { AutocompleteInteraction } from "discord.js";
import { findCommand } from "../../commands/index.ts";
import type { Library } from "../library/library.ts";
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

export function personChoices(library: Library, typed: string): Choice[] {
  const seen = new Map<string, string[]>();
  for (const events of library.perBriefingEvents.values()) {
    for (const p of events.people) seen.set(p.name, [...(seen.get(p.name) ?? []), ...p.aliases]);
    for (const m of events.meetings) for (const party of m.participants) if (!seen.has(party.name)) seen.set(party.name, []);
    for (const p of events.pledges) if (!seen.has(p.actor.name)) seen.set(p.actor.name, []);
  }
  return [...seen.entries()]
    .filter(([name, aliases]) => prefixMatch(typed, name, ...aliases))
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(0, MAX_CHOICES)
    .map(([name]) => ({ name: clip(name), value: clip(name) }));
}

/** Answer an autocomplete request: no deferral exists for these, so it stays in memory. */
export async function handleAutocomplete(ctx: BotContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const spec = findCommand(interaction.commandName)?.options.find((o) => o.name === focused.name);
  const typed = String(focused.value ?? "");
  const library = ctx.library();
  const choices = spec?.autocomplete === "source" ? sourceChoices(library, typed) : spec?.autocomplete === "person" ? personChoices(library, typed) : [];
  await interaction.respond(choices);
}
