/**
 * The events that answer a question, best first. Strict matches (the party is a participant
 * or the actor, by name, alias or a role naming its country) come first; looser ones follow
 * — the person's country known from their roles elsewhere, the party named in the sentence,
 * or in the briefing — so "what did the UK promise?" finds "I ask the UK to…" rather than
 * nothing. Kind ("agree", "promise"), place and the question's other words add weight; a date
 * outside the asked range rules an event out.
 */
import type { Library } from "../library/library.ts";
import { monthFits, placeTest, undatedFits } from "../library/views/event-extras.ts";
import { aliasIndex, partyMatcher } from "../library/views/events-query.ts";
import type { EventsView } from "../library/views/events-view.ts";
import { briefingMentions, mentionForms, mentions } from "../library/views/mentions.ts";
import { findPerson, needles, normName, roleNamesCountry } from "../library/views/people.ts";
import type { Meeting, Party, Person, Pledge } from "../extraction/event.ts";
import { termsOf } from "../search/analyze.ts";

export interface EventAsk {
  who?: string;
  with?: string;
  kind?: string;
  from?: string;
  to?: string;
  month?: number;
  place?: string;
  topic: string[];
  newest: boolean;
}

export interface Scored<T> {
  event: T;
  score: number;
  /** Matched as the commands would: every party a participant or actor, kind and place as asked. */
  exact: boolean;
  /** How many of the question's other words ("about internet fraud") it has. */
  topicHits: number;
}

export interface FoundEvents {
  meetings: Scored<Meeting>[];
  pledges: Scored<Pledge>[];
}

/** How one named party is recognised in events. */
interface PartyTest {
  strict: (p: Party) => boolean;
  forms: string[];
  /** Known people this names (by name), or whose roles name the country it is. */
  isKnown: (p: Party, source: string) => boolean;
  /** Named in `text` by a short form only (a surname), in a briefing that gives the full name. */
  shortForm: (text: string, source: string) => boolean;
}

const isCountry = (s: string) => needles(s).length > 1;

function partyTest(query: string, view: EventsView, library: Library): PartyTest {
  const strict = partyMatcher(query, aliasIndex(view.people));
  const forms = mentionForms(query, view.people);
  const { person } = findPerson(view.people, query);
  const byName = new Map(view.people.map((p) => [normName(p.name), p]));
  const knownOf = (p: Party): Person | undefined => byName.get(normName(p.name));
  const full = normName(query);
  // A full name the people list lacks ("Rhona Smith" where the text then says "Smith"): its last word, where the
  // briefing gives the full name.
  const surname = !person && !isCountry(query) && full.includes(" ") ? full.slice(full.lastIndexOf(" ") + 1) : "";
  return {
    strict,
    forms,
    shortForm: (text, source) =>
      surname.length >= 3 && mentions([surname], text) && briefingMentions([full], library.get(source)),
    isKnown: (p, source) => {
      // "Smith" in a briefing that names Rhona Smith; To Lam, "Vietnam's minister" elsewhere, for Vietnam.
      if (person && person.sources.includes(source) && forms.includes(normName(p.name))) return true;
      if (surname && normName(p.name) === surname && briefingMentions([full], library.get(source))) return true;
      const known = knownOf(p);
      return !!known && known.roles.some((r) => roleNamesCountry(query, r));
    },
  };
}

/** 3: a party as such; 2.5: known to be it; 2: named in the sentence; 1: named in the briefing; 0: absent. */
function level(test: PartyTest, parties: Party[], e: Meeting | Pledge, library: Library, briefing: boolean): number {
  if (parties.some(test.strict)) return 3;
  if (parties.some((p) => test.isKnown(p, e.source))) return 2.5;
  if (mentions(test.forms, e.quote) || test.shortForm(e.quote, e.source)) return 2;
  return briefing && briefingMentions(test.forms, library.get(e.source)) ? 1 : 0;
}

const sidesOf = (e: Meeting | Pledge): { who: Party[]; other: Party[] } =>
  "participants" in e
    ? { who: e.participants, other: e.participants }
    : { who: [e.actor, ...e.actors, ...(e.speaker ? [e.speaker] : [])], other: [...e.counterparts, ...e.actors] };

function datesFit(e: Meeting | Pledge, ask: EventAsk, library: Library): { fits: boolean; undated: boolean } {
  const briefing = library.get(e.source);
  if (ask.month !== undefined && !monthFits(e, ask.month, briefing)) return { fits: false, undated: false };
  if (ask.from === undefined && ask.to === undefined) return { fits: true, undated: false };
  if (e.date === null) return { fits: undatedFits(e, ask.from, ask.to, briefing), undated: true };
  return {
    fits: (ask.from === undefined || e.date >= ask.from) && (ask.to === undefined || e.date <= ask.to),
    undated: false,
  };
}

function topicHits(topic: Set<string>, e: Meeting | Pledge): number {
  if (topic.size === 0) return 0;
  const parts = "participants" in e ? [e.quote, e.topic ?? "", e.place ?? ""] : [e.quote, e.commitment];
  const roles = sidesOf(e).who.map((p) => p.role ?? "");
  const terms = new Set(termsOf([...parts, ...roles].join(" ")));
  let n = 0;
  for (const t of topic) if (terms.has(t)) n++;
  return n;
}

interface Tests {
  who?: PartyTest;
  with?: PartyTest;
  topic: Set<string>;
  place?: (e: Meeting | Pledge) => boolean;
}

function scoreEvent<T extends Meeting | Pledge>(e: T, ask: EventAsk, tests: Tests, library: Library): Scored<T> | null {
  const dates = datesFit(e, ask, library);
  if (!dates.fits) return null;
  const sides = sidesOf(e);
  const whoParty = tests.who ? sides.who.find(tests.who.strict) : undefined;
  const others = sides.other.filter((p) => p !== whoParty);
  const who0 = tests.who ? level(tests.who, sides.who, e, library, false) : 0;
  const with0 = tests.with ? level(tests.with, others, e, library, false) : 0;
  // The briefing counts only beside the other party named in the event itself (and is read only then).
  const who = tests.who && who0 === 0 && with0 >= 2 ? level(tests.who, sides.who, e, library, true) : who0;
  const withLevel = tests.with && with0 === 0 && who0 >= 2 ? level(tests.with, others, e, library, true) : with0;
  if (tests.who && who === 0) return null;
  if (tests.with && withLevel === 0) return null;
  if ((tests.who || tests.with) && Math.max(who, withLevel) < 2) return null;
  const hits = topicHits(tests.topic, e);
  // Without its parties as such, an event must at least be about what was asked.
  const loose = (tests.who !== undefined && who < 2.5) || (tests.with !== undefined && withLevel < 2.5);
  if ((loose || (!tests.who && !tests.with)) && tests.topic.size > 0 && hits === 0) return null;
  const kindOk = ask.kind === undefined || ("kind" in e && e.kind === ask.kind);
  const place = tests.place === undefined ? 0 : tests.place(e) ? 1 : 0;
  const score = who + withLevel + (kindOk ? 1 : 0) + hits + place - (dates.undated ? 0.5 : 0);
  const exact =
    (!tests.who || who >= 2.5) && (!tests.with || withLevel >= 2.5) && kindOk && (ask.place === undefined || place > 0);
  return { event: e, score, exact, topicHits: hits };
}

function ranked<T extends Meeting | Pledge>(list: Array<Scored<T>>, newest: boolean): Array<Scored<T>> {
  const byDate = (a: Scored<T>, b: Scored<T>) => (b.event.date ?? "").localeCompare(a.event.date ?? "");
  return list.sort((a, b) => (newest ? byDate(a, b) || b.score - a.score : b.score - a.score || byDate(a, b)));
}

/** Meetings and pledges that answer the question, each list best first (newest first when asked). */
export function findEvents(library: Library, ask: EventAsk): FoundEvents {
  const view = library.events;
  const tests: Tests = {
    ...(ask.who ? { who: partyTest(ask.who, view, library) } : {}),
    ...(ask.with ? { with: partyTest(ask.with, view, library) } : {}),
    topic: new Set(termsOf(ask.topic.join(" "))),
    ...(ask.place !== undefined ? { place: placeTest(ask.place, view.people) } : {}),
  };
  const meetings = view.meetings.map((m) => scoreEvent(m, ask, tests, library)).filter((x) => x !== null);
  const pledges = view.pledges.map((p) => scoreEvent(p, ask, tests, library)).filter((x) => x !== null);
  return { meetings: ranked(meetings, ask.newest), pledges: ranked(pledges, ask.newest) };
}
