/**
 * An index over an events view, so a filtered `meetings` or `pledges` reads only the events that may pass: positions
 * (into the view's newest-first lists) by party, pledge label, source, kind, month and place or quote word. Dates are
 * already sorted, so a date range is two binary searches. Built once per view: on first use, or by a server with the
 * view, between answers (`eventsIndexSteps`).
 */
import type { Meeting, Person, Pledge, PledgeKind } from "../../extraction/event.ts";
import { actorLabel } from "./events-json.ts";
import { LabelPostings, type PartyNames, PartyPostings, Postings } from "./events-postings.ts";
import { aliasIndex, partyNamesSteps, roleIndex } from "./events-query.ts";
import type { EventsView } from "./events-view.ts";
import { needles, normName } from "./people.ts";
import { Texts } from "./events-texts.ts";
import { runNow, STEP, TEXT_STEP, type Steps } from "../../search/steps.ts";

/** What both lists share: dates, sources, months and words. */
export interface SideIndex {
  /** Events in the list; the first `dated` have a date (undated ones come last). */
  size: number;
  dated: number;
  /** The list's dates, newest first, for binary search. */
  dates: readonly string[];
  bySource: ReadonlyMap<string, number[]>;
  /** Dated events by month (1–12). */
  byMonth: ReadonlyMap<number, number[]>;
  /** Each event's place and quote words, normalised as `mentions` reads them. */
  words: ReadonlyMap<string, number[]>;
  /** Build the parts built on first use, in steps. */
  warmSteps(): Steps<void>;
}

export interface MeetingsIndex extends SideIndex {
  participants: PartyPostings;
}

export interface PledgesIndex extends SideIndex {
  /** The actor, each co-actor and the speaker: the parties `who` reads. */
  actors: PartyPostings;
  /** Counterparts, and co-actors of a joint pledge: the parties `with` reads. */
  others: PartyPostings;
  /** The actor as one line, where someone else said it ("Vietnam (per To Lam)"). */
  labels: LabelPostings;
  byKind: ReadonlyMap<PledgeKind, number[]>;
}

export interface EventsIndex {
  meetings: MeetingsIndex;
  pledges: PledgesIndex;
  /** The merged people's names and aliases, by position in the view's list. */
  people: Texts;
  /** Build the parts built on first use, in steps. */
  warmSteps(): Steps<void>;
}

type Event = Meeting | Pledge;

/** Each event's place and quote words, as `mentions` normalises them, to their positions. */
function* placeWords(events: readonly Event[]): Steps<Map<string, number[]>> {
  const words = new Postings<string>();
  const addWords = (text: string, pos: number) => {
    for (const w of normName(text).split(" ")) if (w) words.add(w, pos);
  };
  for (let pos = 0; pos < events.length; pos++) {
    const e = events[pos];
    if ("place" in e && e.place !== null) addWords(e.place, pos);
    addWords(e.quote, pos);
    if (pos % TEXT_STEP === TEXT_STEP - 1) yield;
  }
  return words.lists;
}

function* sideIndex(events: readonly Event[], each: (e: Event, pos: number) => void): Steps<SideIndex> {
  const bySource = new Postings<string>();
  const byMonth = new Postings<number>();
  const dates: string[] = [];
  for (let pos = 0; pos < events.length; pos++) {
    const e = events[pos];
    bySource.add(e.source, pos);
    if (e.date !== null) {
      dates.push(e.date);
      byMonth.add(Number(e.date.slice(5, 7)), pos);
    }
    each(e, pos);
    if (pos % STEP === STEP - 1) yield;
  }
  let words: Map<string, number[]> | undefined;
  return {
    size: events.length,
    dated: dates.length,
    dates,
    bySource: bySource.lists,
    byMonth: byMonth.lists,
    // Read by place filters only, and the costliest part to build: built on the first (or by `warmSteps`).
    get words() {
      return (words ??= runNow(placeWords(events)));
    },
    *warmSteps() {
      words ??= yield* placeWords(events);
    },
  };
}

function* meetingsIndex(meetings: readonly Meeting[], names: PartyNames): Steps<MeetingsIndex> {
  const participants = new PartyPostings(names);
  const side = yield* sideIndex(meetings, (e, pos) => {
    for (const p of (e as Meeting).participants) participants.add(p, pos);
  });
  return Object.assign(side, { participants });
}

function* pledgesIndex(pledges: readonly Pledge[], names: PartyNames): Steps<PledgesIndex> {
  const actors = new PartyPostings(names);
  const others = new PartyPostings(names);
  const labels = new LabelPostings();
  const byKind = new Postings<PledgeKind>();
  const side = yield* sideIndex(pledges, (e, pos) => {
    const p = e as Pledge;
    for (const a of [p.actor, ...p.actors, ...(p.speaker ? [p.speaker] : [])]) actors.add(a, pos);
    for (const c of p.counterparts) others.add(c, pos);
    if (p.actors.length > 1) for (const a of p.actors) others.add(a, pos);
    // Without a speaker the label is the actor's name, which the actor's own entry already answers for.
    if (p.speaker) labels.add(actorLabel(p), pos);
    byKind.add(p.kind, pos);
  });
  return Object.assign(side, { actors, others, labels, byKind: byKind.lists });
}

function* peopleTexts(people: readonly Person[]): Steps<Texts> {
  const texts = new Texts();
  for (let i = 0; i < people.length; i++) {
    texts.add(people[i].name, i);
    for (const a of people[i].aliases) texts.add(a, i);
    if (i % TEXT_STEP === TEXT_STEP - 1) yield;
  }
  return texts;
}

const built = new WeakMap<EventsView, EventsIndex>();

/** The view's index, built on first use. A patched view has none of its own: see `ViewLayers` and `events-find.ts`. */
export function eventsIndex(view: EventsView): EventsIndex {
  if (view.layers) throw new Error("a patched view is answered through its base's index");
  return built.get(view) ?? runNow(indexSteps(view));
}

/** The index of the view's people: a patched view's people are its base's. */
const peopleIndex = (view: EventsView): Texts => eventsIndex(view.layers?.base ?? view).people;

function* indexSteps(view: EventsView): Steps<EventsIndex> {
  yield* partyNamesSteps(view.people);
  const names = { aliases: aliasIndex(view.people), rolesOf: roleIndex(view.people) };
  let people: Texts | undefined;
  const meetings = yield* meetingsIndex(view.meetings, names);
  const pledges = yield* pledgesIndex(view.pledges, names);
  const index: EventsIndex = {
    meetings,
    pledges,
    get people() {
      return (people ??= runNow(peopleTexts(view.people)));
    },
    *warmSteps() {
      people ??= yield* peopleTexts(view.people);
    },
  };
  if (!built.has(view)) built.set(view, index);
  return built.get(view)!;
}

/**
 * The view's index with every part built (the parts built on first use too), in steps: a server builds it with the
 * view, between answers, so that no first query pays for it.
 */
export function* eventsIndexSteps(view: EventsView): Steps<void> {
  if (view.layers) view = view.layers.base;
  const index = built.get(view) ?? (yield* indexSteps(view));
  yield* index.meetings.warmSteps();
  yield* index.pledges.warmSteps();
  yield* index.warmSteps();
}

/**
 * The people `query` may name, in the view's order: those whose name or an alias holds one of its needles. Looking a
 * name up among them (`findPerson`, `mentionForms`) gives what looking it up among all people gives.
 */
export function peopleNaming(view: EventsView, query: string): readonly Person[] {
  // A query of no letters or digits is no needle: only the full list answers for it.
  if (!normName(query)) return view.people;
  const ids = [...peopleIndex(view).holding(needles(query), new Set())].sort((a, b) => a - b);
  return ids.map((i) => view.people[i]);
}

/**
 * The people with a word of their name or an alias starting with `prefix`, in the view's order: listing choices for
 * the prefix among them (`personChoices`) gives what listing them among all people gives.
 */
export function peopleStarting(view: EventsView, prefix: string): readonly Person[] {
  const p = normName(prefix);
  if (!p) return view.people;
  const ids = [...peopleIndex(view).starting(p, new Set())].sort((a, b) => a - b);
  return ids.map((i) => view.people[i]);
}
