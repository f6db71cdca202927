/**
 * Prefix lookups for completing what a user is typing: briefings by id or headline words (newest first), and
 * parties by name or alias (people most mentioned first, then countries and bodies that take part in events).
 */
import type { Briefing } from "../../briefings/briefing.ts";
import { PrefixIndex, type PrefixEntry } from "../../search/prefix-index.ts";
import type { EventsView } from "./events-view.ts";

/** A briefing offered while typing: its id and a label ("2024-01-25 · headline"). */
export interface SourceChoice {
  id: string;
  label: string;
}

export interface Lookups {
  sources: PrefixIndex<SourceChoice>;
  /** Party names. */
  parties: PrefixIndex<string>;
}

export function buildLookups(briefings: readonly Briefing[], view: EventsView): Lookups {
  return { sources: sourceIndex(briefings), parties: partyIndex(view) };
}

function sourceIndex(briefings: readonly Briefing[]): PrefixIndex<SourceChoice> {
  const byDate = [...briefings].sort(
    (a, b) => (b.meta.published ?? "").localeCompare(a.meta.published ?? "") || a.id.localeCompare(b.id),
  );
  return new PrefixIndex(
    byDate.map((b, rank) => ({
      keys: [b.id, b.meta.title ?? ""],
      value: { id: b.id, label: `${b.meta.published ?? "undated"} · ${b.meta.title ?? b.id}` },
      rank,
    })),
  );
}

function partyIndex(view: EventsView): PrefixIndex<string> {
  const entries: Array<PrefixEntry<string>> = [];
  const seen = new Set<string>();
  const people = [...view.people].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  for (const p of people) {
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    entries.push({ keys: [p.name, ...p.aliases], value: p.name, rank: entries.length });
  }
  const bodies = new Set<string>();
  for (const party of [...view.meetings.flatMap((m) => m.participants), ...view.pledges.flatMap((p) => p.actors)]) {
    if (party.kind !== "person" && !seen.has(party.name)) bodies.add(party.name);
  }
  for (const name of [...bodies].sort()) entries.push({ keys: [name], value: name, rank: entries.length });
  return new PrefixIndex(entries);
}
