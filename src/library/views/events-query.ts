/**
 * Querying extracted events: the filters of the `meetings`, `pledges` and `person`
 * commands (who, with, kind, date range, source), newest-first order, and the merged
 * people of a Library.
 */
import { actorLabel } from "./events-json.ts";
import { matchesParty, normName, roleNamesCountry } from "./people.ts";
import { byDateDesc, type EventsView } from "./events-view.ts";
import type { Meeting, Party, Person, Pledge, PledgeKind } from "../../extraction/event.ts";

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
  let byName = aliasMaps.get(people);
  if (!byName) aliasMaps.set(people, (byName = new Map(people.map((p) => [normName(p.name), p.aliases]))));
  const map = byName;
  return (name) => map.get(normName(name)) ?? [];
}
const aliasMaps = new WeakMap<readonly Person[], Map<string, string[]>>();

/** By name or alias, or — for a country — by a role that names it ("Vietnam’s minister"). */
/**
 * Does a party match `query`? By name or alias, or — for a country — by a role that names
 * it ("Vietnam’s minister"). Names and roles repeat across thousands of events, so each
 * (name, role) is decided once per query.
 */
export function partyMatcher(query: string, aliases: (name: string) => string[]): (p: Party) => boolean {
  const byName = new Map<string, Map<string, boolean>>();
  return (p) => {
    let roles = byName.get(p.name);
    if (!roles) byName.set(p.name, (roles = new Map()));
    const role = p.role ?? "";
    let hit = roles.get(role);
    if (hit === undefined) {
      hit = matchesParty(query, p.name, aliases(p.name)) || roleNamesCountry(query, p.role);
      roles.set(role, hit);
    }
    return hit;
  };
}

function inRange(date: string | null, f: EventFilter): boolean {
  if (f.from === undefined && f.to === undefined) return true;
  if (date === null) return false;
  return (f.from === undefined || date >= f.from) && (f.to === undefined || date <= f.to);
}

export function filterMeetings(meetings: readonly Meeting[], f: EventFilter, people: readonly Person[]): Meeting[] {
  const aliases = aliasIndex(people);
  const whoMatches = f.who === undefined ? null : partyMatcher(f.who, aliases);
  const withMatches = f.with === undefined ? null : partyMatcher(f.with, aliases);
  return meetings
    .filter((m) => {
      if (f.source !== undefined && m.source !== f.source) return false;
      if (!inRange(m.date, f)) return false;
      const who = whoMatches ? m.participants.findIndex(whoMatches) : -1;
      if (whoMatches && who < 0) return false;
      // `with`: another participant than the one `who` matched.
      if (withMatches && !m.participants.some((p, i) => i !== who && withMatches(p))) return false;
      return true;
    })
    .sort(byDateDesc);
}

/** Does a pledge's actor (or the person who stated it) match? */
export function pledgeMatches(query: string, p: Pledge, aliases: (name: string) => string[]): boolean {
  return pledgeMatcher(query, aliases)(p);
}

/** The matcher `who` uses on pledges: the actor, co-actors, the speaker, or the label ("Vietnam (per To Lam)"). */
function pledgeMatcher(query: string, aliases: (name: string) => string[]): (p: Pledge) => boolean {
  const party = partyMatcher(query, aliases);
  const labels = new Map<string, boolean>();
  return (p) => {
    if (party(p.actor) || p.actors.some(party) || (p.speaker !== undefined && p.speaker !== null && party(p.speaker)))
      return true;
    const label = actorLabel(p);
    let hit = labels.get(label);
    if (hit === undefined) labels.set(label, (hit = matchesParty(query, label)));
    return hit;
  };
}

export function filterPledges(pledges: readonly Pledge[], f: EventFilter, people: readonly Person[]): Pledge[] {
  const aliases = aliasIndex(people);
  const whoMatches = f.who === undefined ? null : pledgeMatcher(f.who, aliases);
  return pledges
    .filter((p) => {
      if (f.source !== undefined && p.source !== f.source) return false;
      if (f.kind !== undefined && p.kind !== f.kind) return false;
      if (!inRange(p.date, f)) return false;
      if (whoMatches && !whoMatches(p)) return false;
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
