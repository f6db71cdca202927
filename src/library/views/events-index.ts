/**
 * An index over an events view, so a filtered `meetings` or `pledges` reads only the events that may pass: positions
 * (into the view's newest-first lists) by party, pledge label, source, kind, month and place or quote word. Dates are
 * already sorted, so a date range is two binary searches. Built once per view, on first use.
 */
import type { Meeting, Person, Pledge, PledgeKind } from "../../extraction/event.ts";
import { actorLabel } from "./events-json.ts";
import { LabelPostings, type PartyNames, PartyPostings, Postings } from "./events-postings.ts";
import { aliasIndex, roleIndex } from "./events-query.ts";
import type { EventsView } from "./events-view.ts";
import { needles, normName } from "./people.ts";
import { Texts } from "./events-texts.ts";

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
}

type Event = Meeting | Pledge;

/** Each event's place and quote words, as `mentions` normalises them, to their positions. */
function placeWords(events: readonly Event[]): Map<string, number[]> {
  const words = new Postings<string>();
  const addWords = (text: string, pos: number) => {
    for (const w of normName(text).split(" ")) if (w) words.add(w, pos);
  };
  events.forEach((e, pos) => {
    if ("place" in e && e.place !== null) addWords(e.place, pos);
    addWords(e.quote, pos);
  });
  return words.lists;
}

function sideIndex(events: readonly Event[], each: (e: Event, pos: number) => void): SideIndex {
  const bySource = new Postings<string>();
  const byMonth = new Postings<number>();
  const dates: string[] = [];
  events.forEach((e, pos) => {
    bySource.add(e.source, pos);
    if (e.date !== null) {
      dates.push(e.date);
      byMonth.add(Number(e.date.slice(5, 7)), pos);
    }
    each(e, pos);
  });
  let words: Map<string, number[]> | undefined;
  return {
    size: events.length,
    dated: dates.length,
    dates,
    bySource: bySource.lists,
    byMonth: byMonth.lists,
    // Read by place filters only, and the costliest part to build: built on the first.
    get words() {
      return (words ??= placeWords(events));
    },
  };
}

function meetingsIndex(meetings: readonly Meeting[], names: PartyNames): MeetingsIndex {
  const participants = new PartyPostings(names);
  const side = sideIndex(meetings, (e, pos) => {
    for (const p of (e as Meeting).participants) participants.add(p, pos);
  });
  return Object.assign(side, { participants });
}

function pledgesIndex(pledges: readonly Pledge[], names: PartyNames): PledgesIndex {
  const actors = new PartyPostings(names);
  const others = new PartyPostings(names);
  const labels = new LabelPostings();
  const byKind = new Postings<PledgeKind>();
  const side = sideIndex(pledges, (e, pos) => {
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

function peopleTexts(people: readonly Person[]): Texts {
  const texts = new Texts();
  people.forEach((p, i) => {
    texts.add(p.name, i);
    for (const a of p.aliases) texts.add(a, i);
  });
  return texts;
}

const built = new WeakMap<EventsView, EventsIndex>();

/** The view's index, built on first use. */
export function eventsIndex(view: EventsView): EventsIndex {
  let index = built.get(view);
  if (!index) {
    const names = { aliases: aliasIndex(view.people), rolesOf: roleIndex(view.people) };
    let people: Texts | undefined;
    index = {
      meetings: meetingsIndex(view.meetings, names),
      pledges: pledgesIndex(view.pledges, names),
      get people() {
        return (people ??= peopleTexts(view.people));
      },
    };
    built.set(view, index);
  }
  return index;
}

/**
 * The people `query` may name, in the view's order: those whose name or an alias holds one of its needles. Looking a
 * name up among them (`findPerson`, `mentionForms`) gives what looking it up among all people gives.
 */
export function peopleNaming(view: EventsView, query: string): readonly Person[] {
  // A query of no letters or digits is no needle: only the full list answers for it.
  if (!normName(query)) return view.people;
  const ids = [...eventsIndex(view).people.holding(needles(query), new Set())].sort((a, b) => a - b);
  return ids.map((i) => view.people[i]);
}

/**
 * The people with a word of their name or an alias starting with `prefix`, in the view's order: listing choices for
 * the prefix among them (`personChoices`) gives what listing them among all people gives.
 */
export function peopleStarting(view: EventsView, prefix: string): readonly Person[] {
  const p = normName(prefix);
  if (!p) return view.people;
  const ids = [...eventsIndex(view).people.starting(p, new Set())].sort((a, b) => a - b);
  return ids.map((i) => view.people[i]);
}
