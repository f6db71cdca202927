/**
 * Querying extracted events: the filters of the `meetings`, `pledges` and `person`
 * commands (who, with, kind, date range, source), newest-first order, and the merged
 * people of a Library.
 */
import type { Library } from "../library/library.ts";
import { actorLabel } from "./json.ts";
import { matchesParty, mergePeople, normName, roleNamesCountry } from "./people.ts";
import type { Meeting, Party, Person, Pledge, PledgeKind } from "./types.ts";

export interface EventsView {
  meetings: Meeting[];
  pledges: Pledge[];
  people: Person[];
}

const views = new WeakMap<object, EventsView>();

/**
 * The Library's events and merged people. Uses `library.events` when the Library provides
 * it; otherwise merges the per-briefing events itself (once per Library).
 */
export function eventsOf(library: Library): EventsView {
  const provided = (library as unknown as { events?: EventsView }).events;
  if (provided && Array.isArray(provided.people)) return provided;
  let view = views.get(library);
  if (!view) {
    const perBriefing = [...library.perBriefingEvents.entries()];
    view = {
      meetings: perBriefing.flatMap(([, e]) => e.meetings),
      pledges: perBriefing.flatMap(([, e]) => e.pledges),
      people: mergePeople(perBriefing.map(([source, e]) => ({ source, published: library.get(source)?.meta.published ?? null, people: e.people }))),
    };
    views.set(library, view);
  }
  return view;
}

export interface EventFilter {
  who?: string;
  with?: string;
  kind?: PledgeKind;
  /** Inclusive ISO dates; events without a date are left out when either is set. */
  from?: string;
  to?: string;
  source?: string;
}

/** Aliases of a party's name from the merged people ("Tina Redshaw" → ["Redshaw"]). */
export function aliasIndex(people: readonly Person[]): (name: string) => string[] {
  const byName = new Map(people.map((p) => [normName(p.name), p.aliases]));
  return (name) => byName.get(normName(name)) ?? [];
}

/** By name or alias, or — for a country — by a role that names it ("Vietnam’s minister"). */
const partyMatches = (query: string, p: Party, aliases: (name: string) => string[]) =>
  matchesParty(query, p.name, aliases(p.name)) || roleNamesCountry(query, p.role);

function inRange(date: string | null, f: EventFilter): boolean {
  if (f.from === undefined && f.to === undefined) return true;
  if (date === null) return false;
  return (f.from === undefined || date >= f.from) && (f.to === undefined || date <= f.to);
}

/** Newest first; undated last; then by source and paragraph so the order is stable. */
export function byDateDesc<T extends { date: string | null; source: string; paragraph: number }>(a: T, b: T): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.source.localeCompare(b.source) || a.paragraph - b.paragraph;
}

export function filterMeetings(meetings: readonly Meeting[], f: EventFilter, people: readonly Person[]): Meeting[] {
  const aliases = aliasIndex(people);
  return meetings
    .filter((m) => {
      if (f.source !== undefined && m.source !== f.source) return false;
      if (!inRange(m.date, f)) return false;
      const who = f.who === undefined ? -1 : m.participants.findIndex((p) => partyMatches(f.who!, p, aliases));
      if (f.who !== undefined && who < 0) return false;
      // `with`: another participant than the one `who` matched.
      if (f.with !== undefined && !m.participants.some((p, i) => i !== who && partyMatches(f.with!, p, aliases))) return false;
      return true;
    })
    .sort(byDateDesc);
}

/** Does a pledge's actor (or the person who stated it) match? */
export function pledgeMatches(query: string, p: Pledge, aliases: (name: string) => string[]): boolean {
  const parties = [p.actor, ...p.actors, ...(p.speaker ? [p.speaker] : [])];
  return parties.some((x) => partyMatches(query, x, aliases)) || matchesParty(query, actorLabel(p));
}

export function filterPledges(pledges: readonly Pledge[], f: EventFilter, people: readonly Person[]): Pledge[] {
  const aliases = aliasIndex(people);
  return pledges
    .filter((p) => {
      if (f.source !== undefined && p.source !== f.source) return false;
      if (f.kind !== undefined && p.kind !== f.kind) return false;
      if (!inRange(p.date, f)) return false;
      if (f.who !== undefined && !pledgeMatches(f.who, p, aliases)) return false;
      return true;
    })
    .sort(byDateDesc);
}

/** "2024-01-24", or "year not stated" for an event the text dates without a year. */
export function dateLabel(e: { date: string | null; yearStated: boolean }): string {
  return e.date ?? "year not stated";
}

/** Every party name the events use plus the people's names and aliases: for "did you mean". */
export function partyNames(view: EventsView): string[] {
  const names = new Set<string>();
  for (const p of view.people) {
    names.add(p.name);
    for (const a of p.aliases) names.add(a);
  }
  for (const m of view.meetings) for (const p of m.participants) names.add(p.name);
  for (const p of view.pledges) for (const a of p.actors) names.add(a.name);
  return [...names];
}
