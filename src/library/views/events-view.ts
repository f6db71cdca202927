/**
 * The events of a whole Library: every meeting and pledge, newest first, and the people merged across briefings.
 * Built once per Library (see `Library.events`), from what extraction stored per briefing.
 */
import type { BriefingEvents, Meeting, Person, Pledge } from "../../extraction/event.ts";
import { mergePeopleSteps, type BriefingPeople } from "./people.ts";
import { runNow, sortSteps, STEP, type Steps } from "../../search/steps.ts";

export interface EventsView {
  meetings: Meeting[];
  pledges: Pledge[];
  people: Person[];
  /** A view patched from another (see `patchedViewSteps`); absent on a view built whole. */
  layers?: ViewLayers;
}

/**
 * What a patched view is made of: the view built whole that it extends (whose index answers for it), the events of
 * the briefings new or changed since, and those briefings' ids (their events in the base no longer count).
 * Its people are the base's until the views are built whole again.
 */
export interface ViewLayers {
  base: EventsView;
  added: { meetings: Meeting[]; pledges: Pledge[] };
  /** Briefing ids changed (new, rewritten, removed) since the base: their events in it no longer count. */
  touched: ReadonlySet<string>;
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

/** Past this many briefings changed since the base, a patched view is built whole instead. */
export const PATCH_LIMIT = 500;

/**
 * The view after some briefings changed (`changed`: their ids; `eventsOf`: a briefing's events now, undefined for one
 * gone), patched from `previous`: the lists are the base's less the changed briefings' events, merged with theirs in
 * order (the order a whole build gives); the index and people stay the base's. Null once more than PATCH_LIMIT
 * briefings changed since the base: then the view is built whole.
 */
export function* patchedViewSteps(
  previous: EventsView,
  changed: Iterable<string>,
  eventsOf: (id: string) => BriefingEvents | undefined,
): Steps<EventsView | null> {
  const base = previous.layers?.base ?? previous;
  const touched = new Set(previous.layers?.touched ?? []);
  for (const id of changed) touched.add(id);
  if (touched.size > PATCH_LIMIT) return null;
  const meetings: Meeting[] = [];
  const pledges: Pledge[] = [];
  for (const id of [...touched].sort()) {
    const e = eventsOf(id);
    if (!e) continue;
    meetings.push(...e.meetings);
    pledges.push(...e.pledges);
  }
  const added = { meetings: meetings.sort(byDateDesc), pledges: pledges.sort(byDateDesc) };
  yield;
  return {
    meetings: yield* mergeNewestFirst(base.meetings, touched, added.meetings),
    pledges: yield* mergeNewestFirst(base.pledges, touched, added.pledges),
    people: base.people,
    layers: { base, added, touched },
  };
}

/** `list` (newest first) less the events of `gone` briefings, with `added` (newest first too) merged in, in order. */
export function* mergeNewestFirst<T extends Meeting | Pledge>(
  list: readonly T[],
  gone: ReadonlySet<string>,
  added: readonly T[],
): Steps<T[]> {
  const out: T[] = [];
  let j = 0;
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    if (gone.size && gone.has(e.source)) continue;
    while (j < added.length && byDateDesc(added[j], e) < 0) out.push(added[j++]);
    out.push(e);
    if (i % (16 * STEP) === 0) yield;
  }
  while (j < added.length) out.push(added[j++]);
  return out;
}
