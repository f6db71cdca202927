/**
 * The events of a whole Library: every meeting and pledge, newest first, and the people merged across briefings.
 * Built once per Library (see `Library.events`), from what extraction stored per briefing.
 */
import type { BriefingEvents, Meeting, Person, Pledge } from "../../extraction/event.ts";
import { mergePeopleSteps, type BriefingPeople } from "./people.ts";
import { runNow, sortSteps, type Steps } from "../../search/steps.ts";

export interface EventsView {
  meetings: Meeting[];
  pledges: Pledge[];
  people: Person[];
}

/** Newest first, undated last; then by briefing and paragraph, so the order is stable. */
export function byDateDesc<T extends { date: string | null; source: string; paragraph: number }>(a: T, b: T): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.source.localeCompare(b.source) || a.paragraph - b.paragraph;
}

/** The view over each briefing's events; `published` gives a briefing's date (people's latest mentions use it). */
export function buildEventsView(
  perBriefing: ReadonlyMap<string, BriefingEvents>,
  published: (source: string) => string | null,
): EventsView {
  return runNow(eventsViewSteps(perBriefing, published));
}

/** `buildEventsView` in steps (a server builds it between answers). */
export function* eventsViewSteps(
  perBriefing: ReadonlyMap<string, BriefingEvents>,
  published: (source: string) => string | null,
): Steps<EventsView> {
  const meetings: Meeting[] = [];
  const pledges: Pledge[] = [];
  const people: BriefingPeople[] = [];
  for (const [source, e] of perBriefing) {
    for (const m of e.meetings) meetings.push(m);
    for (const p of e.pledges) pledges.push(p);
    people.push({ source, published: published(source), people: e.people });
    if (people.length % EVENTS_STEP === 0) yield;
  }
  // Sorted once, newest first: a filtered list is then already in order (the filters' own
  // sort costs one comparison per result instead of a full sort on every query).
  return {
    meetings: yield* sortSteps(meetings, byDateDesc),
    pledges: yield* sortSteps(pledges, byDateDesc),
    people: yield* mergePeopleSteps(people),
  };
}

/** Briefings gathered between two yields. */
const EVENTS_STEP = 256;
