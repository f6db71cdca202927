/**
 * Querying extracted events: the filters of the `meetings`, `pledges` and `person`
 * commands (who, with, kind, date range, source), newest-first order, and the merged
 * people of a Library.
 */
import { actorLabel } from "./events-json.ts";
import { matchesParty, namesCountry, normName, roleNamesCountry } from "./people.ts";
import { byDateDesc, type EventsView } from "./events-view.ts";
import type { Meeting, Party, Person, Pledge, PledgeKind } from "../../extraction/event.ts";
import { STEP, type Steps } from "../../search/steps.ts";

export interface EventFilter {
  who?: string;
  /** Meetings: another participant than `who`'s. Pledges: a counterpart, or a co-actor of a joint pledge. */
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

/** Every role the merged people give a name, over all briefings ("Sar Kheng" → "Minister of Interior of Cambodia"). */
export function roleIndex(people: readonly Person[]): (name: string) => string[] {
  let byName = roleMaps.get(people);
  if (!byName) roleMaps.set(people, (byName = new Map(people.map((p) => [normName(p.name), p.roles]))));
  const map = byName;
  return (name) => map.get(normName(name)) ?? [];
}
const roleMaps = new WeakMap<readonly Person[], Map<string, string[]>>();

/** A map from each person's normalised name, in steps (the last of a repeated name wins, as `new Map` gives). */
function* nameMapSteps(people: readonly Person[], value: (p: Person) => string[]): Steps<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  for (let i = 0; i < people.length; i++) {
    map.set(normName(people[i].name), value(people[i]));
    if (i % STEP === STEP - 1) yield;
  }
  return map;
}

/** `aliasIndex` and `roleIndex` made ready in steps (a server builds them with the views, between answers). */
export function* partyNamesSteps(people: readonly Person[]): Steps<void> {
  if (!aliasMaps.has(people)) aliasMaps.set(people, yield* nameMapSteps(people, (p) => p.aliases));
  if (!roleMaps.has(people)) roleMaps.set(people, yield* nameMapSteps(people, (p) => p.roles));
}

/** `f` decided once per distinct argument. */
function memo<T>(f: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    let hit = seen.get(key);
    if (hit === undefined && !seen.has(key)) seen.set(key, (hit = f(key)));
    return hit as T;
  };
}

/**
 * Does a party match `query`? By name or alias, or — for a country — by a role that names it
 * ("Vietnam’s minister", or any role the person holds in another briefing), or a body whose
 * name names it ("the Vietnamese side", "the Ministry of Interior of Cambodia", "Cambodian
 * police"). Names and roles repeat across thousands of events, so each name and each role is
 * decided once per query; a query that names no country reads names only.
 */
export function partyMatcher(
  query: string,
  aliases: (name: string) => string[],
  rolesOf: (name: string) => string[] = () => [],
): (p: Party) => boolean {
  const byName = memo((name) => matchesParty(query, name, aliases(name)));
  if (!namesCountry(query)) return (p) => byName(p.name);
  const names = memo((text) => roleNamesCountry(query, text));
  const otherRoles = memo((name) => rolesOf(name).some(names));
  return (p) =>
    byName(p.name) || (p.role !== null && names(p.role)) || (p.kind === "person" ? otherRoles(p.name) : names(p.name));
}

function inRange(date: string | null, f: EventFilter): boolean {
  if (f.from === undefined && f.to === undefined) return true;
  if (date === null) return false;
  return (f.from === undefined || date >= f.from) && (f.to === undefined || date <= f.to);
}

/** The party matchers of a filter's `who` and `with` (null when not given), built once per query. */
export interface Matchers {
  who: ((p: Party) => boolean) | null;
  /** Pledges: the party of an actor's label ("Vietnam (per To Lam)"), decided once per label. */
  whoLabel: ((label: string) => boolean) | null;
  with: ((p: Party) => boolean) | null;
}

/**
 * The matchers a filter needs. `who` reads names, aliases and roles; `with` on pledges reads names and aliases only
 * (a counterpart is named as such), on meetings the same as `who`.
 */
export function matchersOf(f: EventFilter, people: readonly Person[], list: "meetings" | "pledges"): Matchers {
  const aliases = aliasIndex(people);
  const roles = roleIndex(people);
  const who = f.who;
  return {
    who: who === undefined ? null : partyMatcher(who, aliases, roles),
    whoLabel: who === undefined || list === "meetings" ? null : labelMatcher(who),
    with: f.with === undefined ? null : partyMatcher(f.with, aliases, list === "meetings" ? roles : undefined),
  };
}

function labelMatcher(query: string): (label: string) => boolean {
  return memo((label) => matchesParty(query, label));
}

/** Whether a meeting passes the filter's source, dates, `who` and `with` (the test `filterMeetings` applies). */
export function meetingTest(f: EventFilter, m: Matchers): (e: Meeting) => boolean {
  const { who: whoMatches, with: withMatches } = m;
  return (e) => {
    if (f.source !== undefined && e.source !== f.source) return false;
    if (!inRange(e.date, f)) return false;
    const who = whoMatches ? e.participants.findIndex(whoMatches) : -1;
    if (whoMatches && who < 0) return false;
    // `with`: another participant than the one `who` matched.
    if (withMatches && !e.participants.some((p, i) => i !== who && withMatches(p))) return false;
    return true;
  };
}

/** The meetings that pass the filter, newest first, by reading each one (`events-find.ts` answers from an index). */
export function filterMeetings(meetings: readonly Meeting[], f: EventFilter, people: readonly Person[]): Meeting[] {
  return meetings.filter(meetingTest(f, matchersOf(f, people, "meetings"))).sort(byDateDesc);
}

/** The test `who` makes of a pledge: the actor, co-actors, the speaker, or the label ("Vietnam (per To Lam)"). */
function pledgeWho(party: (p: Party) => boolean, label: (label: string) => boolean): (p: Pledge) => boolean {
  return (p) => party(p.actor) || p.actors.some(party) || (!!p.speaker && party(p.speaker)) || label(actorLabel(p));
}

/** Whether a pledge passes the filter's source, kind, dates, `who` and `with` (the test `filterPledges` applies). */
export function pledgeTest(f: EventFilter, m: Matchers): (p: Pledge) => boolean {
  const whoMatches = m.who && m.whoLabel ? pledgeWho(m.who, m.whoLabel) : null;
  const other = m.with;
  return (p) => {
    if (f.source !== undefined && p.source !== f.source) return false;
    if (f.kind !== undefined && p.kind !== f.kind) return false;
    if (!inRange(p.date, f)) return false;
    if (whoMatches && !whoMatches(p)) return false;
    // `with`: a counterpart, or a co-actor of a joint pledge.
    if (other && !(p.counterparts.some(other) || (p.actors.length > 1 && p.actors.some(other)))) return false;
    return true;
  };
}

/** The pledges that pass the filter, newest first, by reading each one (`events-find.ts` answers from an index). */
export function filterPledges(pledges: readonly Pledge[], f: EventFilter, people: readonly Person[]): Pledge[] {
  return pledges.filter(pledgeTest(f, matchersOf(f, people, "pledges"))).sort(byDateDesc);
}

/** "2024-01-24", or "year not stated" for an event the text dates without a year. */
export function dateLabel(e: { date: string | null; yearStated: boolean; dateText?: string | null }): string {
  return e.date ?? e.dateText ?? "date not stated";
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
