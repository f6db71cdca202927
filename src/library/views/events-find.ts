/**
 * Meetings and pledges that pass a query, newest first, read from the view's index: each filter given narrows the
 * candidates (a party's matcher runs once per distinct party, a date range is two binary searches), and only the
 * candidates are tested, with the same tests a full scan applies (`filterMeetings`, `filterPledges`, the month and
 * place tests), so the answer is the scan's, in the same order.
 */
import type { Briefing } from "../../briefings/briefing.ts";
import type { Meeting, Pledge } from "../../extraction/event.ts";
import { placeAndMonthTest, placeFormsTest } from "./event-extras.ts";
import { eventsIndex, peopleNaming, type SideIndex } from "./events-index.ts";
import { Candidates, intersect, union } from "./events-positions.ts";
import { type EventFilter, type Matchers, matchersOf, meetingTest, pledgeTest } from "./events-query.ts";
import { mergeNewestFirst, type EventsView } from "./events-view.ts";
import { runNow } from "../../search/steps.ts";
import { mentionForms } from "./mentions.ts";

export interface EventQuery extends EventFilter {
  /** A month of any year (1–12): see `monthFits`. */
  month?: number;
  /** Where: the event's place or its sentence names it (see `placeTest`). */
  place?: string;
}

type BriefingOf = (source: string) => Briefing | undefined;
type Event = Meeting | Pledge;

const FILTERS = ["who", "with", "kind", "from", "to", "source", "month", "place"] as const;

/** Does the query filter at all? */
const filters = (q: EventQuery) => FILTERS.some((k) => q[k] !== undefined);

/** The candidates every list has: the date range, the source, the month. */
function common(side: SideIndex, q: EventQuery): Candidates {
  const c = new Candidates(side, q);
  if (q.source !== undefined) c.add(side.bySource.get(q.source));
  const month = q.month;
  if (month !== undefined) {
    // Undated events may still be in the month (their sentence or briefing says): all are candidates.
    const dated = side.byMonth.get(month) ?? [];
    const undated = side.size - side.dated;
    const make = () => [...dated, ...Array.from({ length: undated }, (_, i) => side.dated + i)];
    c.addLazy(dated.length + undated, make, undated === 0);
  }
  return c;
}

/**
 * The positions of events whose place or sentence names one of `forms`, exactly: a one-word form is a word of the
 * text or not; for a form of several words, the events that have each of them are read for the words side by side.
 */
function placePositions(side: SideIndex, forms: readonly string[], events: readonly Event[]): readonly number[] {
  const single: Array<readonly number[]> = [];
  const several: Array<readonly number[]> = [];
  for (const form of forms) {
    const lists: Array<readonly number[]> = form.split(" ").map((w) => side.words.get(w) ?? []);
    if (lists.length === 1) single.push(lists[0]);
    else several.push(lists.sort((x, y) => x.length - y.length).reduce((acc, l) => intersect(acc, l)));
  }
  const named = union(single, side.size);
  if (several.length === 0) return named;
  const names = placeFormsTest(forms);
  return union([named, union(several, side.size).filter((p) => names(events[p]))], side.size);
}

/** The place's forms, once per query (null when no place is asked). */
function formsOf(view: EventsView, q: EventQuery): string[] | undefined {
  return q.place === undefined ? undefined : mentionForms(q.place, peopleNaming(view, q.place));
}

/** The candidates narrowed by place last (its list is the costliest), then read: those the tests pass, in order. */
function finish<T extends Event>(
  c: Candidates,
  side: SideIndex,
  events: readonly T[],
  forms: readonly string[] | undefined,
  test: (e: T) => boolean,
  extra: ((e: T) => boolean) | null,
): T[] {
  if (forms) c.narrow(() => placePositions(side, forms, events));
  return c.select(events, extra ? (e) => test(e) && extra(e) : test);
}

/**
 * A patched view's answer: its base's (less the events of the briefings changed since), merged in order with the
 * changed briefings' events that pass the same tests, read one by one (they are few).
 */
function layered<T extends Event>(
  view: EventsView,
  q: EventQuery,
  briefingOf: BriefingOf,
  list: "meetings" | "pledges",
  fromBase: (base: EventsView) => readonly T[],
  added: readonly T[],
  test: (q: EventQuery, m: Matchers) => (e: T) => boolean,
): readonly T[] {
  const { base, touched } = view.layers!;
  const passes = test(q, matchersOf(q, view.people, list));
  const extra = placeAndMonthTest(q.month, formsOf(view, q), briefingOf);
  const more = added.filter((e) => passes(e) && (!extra || extra(e)));
  return runNow(mergeNewestFirst(fromBase(base), touched, more));
}

/** The meetings that pass `q`, newest first (the view's own list when nothing filters). */
export function findMeetings(view: EventsView, q: EventQuery, briefingOf: BriefingOf): readonly Meeting[] {
  if (!filters(q)) return view.meetings;
  if (view.layers) {
    const { added } = view.layers;
    const fromBase = (base: EventsView) => findMeetings(base, q, briefingOf);
    return layered(view, q, briefingOf, "meetings", fromBase, added.meetings, meetingTest);
  }
  const index = eventsIndex(view).meetings;
  const m = matchersOf(q, view.people, "meetings");
  const forms = formsOf(view, q);
  const c = common(index, q);
  // Either alone is exact; together, `with` must be another participant than `who`'s, which the test reads.
  const exact = !(m.who && m.with);
  if (m.who) c.narrow(() => union(index.participants.matching(q.who!, m.who!), index.size), exact);
  if (m.with) c.narrow(() => union(index.participants.matching(q.with!, m.with!), index.size), exact);
  return finish(c, index, view.meetings, forms, meetingTest(q, m), placeAndMonthTest(q.month, forms, briefingOf));
}

/** The pledges that pass `q`, newest first (the view's own list when nothing filters). */
export function findPledges(view: EventsView, q: EventQuery, briefingOf: BriefingOf): readonly Pledge[] {
  if (!filters(q)) return view.pledges;
  if (view.layers) {
    const { added } = view.layers;
    const fromBase = (base: EventsView) => findPledges(base, q, briefingOf);
    return layered(view, q, briefingOf, "pledges", fromBase, added.pledges, pledgeTest);
  }
  const index = eventsIndex(view).pledges;
  const m = matchersOf(q, view.people, "pledges");
  const c = common(index, q);
  if (q.kind !== undefined) c.add(index.byKind.get(q.kind));
  const { who, whoLabel } = m;
  if (q.who !== undefined && who && whoLabel) {
    const query = q.who;
    c.narrow(() =>
      union([...index.actors.matching(query, who), ...index.labels.matching(query, whoLabel)], index.size),
    );
  }
  if (m.with) c.narrow(() => union(index.others.matching(q.with!, m.with!), index.size));
  const forms = formsOf(view, q);
  return finish(c, index, view.pledges, forms, pledgeTest(q, m), placeAndMonthTest(q.month, forms, briefingOf));
}
