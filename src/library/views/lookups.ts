/**
 * Prefix lookups for completing what a user is typing: briefings by id or headline words (newest first), and
 * parties by name or alias (people most mentioned first, then countries and bodies that take part in events).
 */
import { createHash } from "node:crypto";
import type { Briefing } from "../../briefings/briefing.ts";
import { PrefixIndex, PrefixWithChanges, type PrefixEntry, type PrefixLookup } from "../../search/prefix-index.ts";
import { runNow, sortSteps, STEP, type Steps } from "../../search/steps.ts";
import type { Party } from "../../extraction/event.ts";
import type { EventsView } from "./events-view.ts";

/**
 * A choice's value must be short (Discord takes at most 100 characters and refuses the whole list otherwise): a
 * longer id or name is offered under a key ("key:" and a hash) that `resolve` turns back into it.
 */
export const MAX_CHOICE_VALUE = 100;

export const choiceKey = (value: string): string =>
  value.length <= MAX_CHOICE_VALUE ? value : `key:${createHash("sha1").update(value).digest("hex").slice(0, 24)}`;

/** A briefing offered while typing: its id, the key to send back, and a label ("2024-01-25 · headline"). */
export interface SourceChoice {
  id: string;
  key: string;
  label: string;
  /** The briefing's date (the order: newest first). */
  published: string | null;
}

/** A party offered while typing: its name and the key to send back. */
export interface PartyChoice {
  name: string;
  key: string;
}

export interface Lookups {
  sources: PrefixLookup<SourceChoice>;
  parties: PrefixLookup<PartyChoice>;
  /** The id or name a key stands for (a value short enough stands for itself); undefined for an unknown key. */
  resolve(key: string): string | undefined;
  /** Lookups patched from others (`patchedLookups`): the ones built whole they extend. */
  base?: Lookups;
}

export function buildLookups(briefings: readonly Briefing[], view: EventsView): Lookups {
  return runNow(lookupsSteps(briefings, view));
}

/** `buildLookups` in steps (a server builds them between answers). */
export function* lookupsSteps(briefings: readonly Briefing[], view: EventsView): Steps<Lookups> {
  const long = new Map<string, string>();
  const keyed = (value: string) => {
    const key = choiceKey(value);
    if (key !== value) long.set(key, value);
    return key;
  };
  return {
    sources: yield* sourceIndex(briefings, keyed),
    parties: yield* partyIndex(view, keyed),
    resolve: (key) => (key.startsWith("key:") ? long.get(key) : key),
  };
}

/** Briefings newest first, then by id: by date and id, as briefings and as the choices offered for them. */
const newest = (aDate: string | null, aId: string, bDate: string | null, bId: string) =>
  (bDate ?? "").localeCompare(aDate ?? "") || aId.localeCompare(bId);
const newestFirst = (a: SourceChoice, b: SourceChoice) => newest(a.published, a.id, b.published, b.id);

const sourceEntry = (b: Briefing, keyed: (v: string) => string, rank: number): PrefixEntry<SourceChoice> => ({
  keys: [b.id, b.meta.title ?? ""],
  value: {
    id: b.id,
    key: keyed(b.id),
    label: `${b.meta.published ?? "undated"} · ${b.meta.title ?? b.id}`,
    published: b.meta.published,
  },
  rank,
});

function* sourceIndex(briefings: readonly Briefing[], keyed: (v: string) => string): Steps<PrefixIndex<SourceChoice>> {
  const byDate = yield* sortSteps([...briefings], (a, b) => newest(a.meta.published, a.id, b.meta.published, b.id));
  const entries: Array<PrefixEntry<SourceChoice>> = [];
  for (const [rank, b] of byDate.entries()) {
    entries.push(sourceEntry(b, keyed, rank));
    if (rank % STEP === STEP - 1) yield;
  }
  return yield* PrefixIndex.steps(entries);
}

/**
 * The lookups after the `touched` briefings changed (new, rewritten, removed; `briefingOf` gives one as it is now):
 * the sources of the lookups built whole that `previous` extends, with those briefings' entries as they are now over
 * them; the parties stay theirs until the lookups are built whole again.
 */
export function patchedLookups(
  previous: Lookups,
  touched: ReadonlySet<string>,
  briefingOf: (id: string) => Briefing | undefined,
): Lookups {
  const base = previous.base ?? previous;
  const long = new Map<string, string>();
  const keyed = (value: string) => {
    const key = choiceKey(value);
    if (key !== value) long.set(key, value);
    return key;
  };
  const extra = [...touched].flatMap((id) => {
    const b = briefingOf(id);
    return b ? [sourceEntry(b, keyed, 0)] : [];
  });
  return {
    sources: new PrefixWithChanges(base.sources, extra, (v) => touched.has(v.id), touched.size, newestFirst),
    parties: base.parties,
    resolve: (key) => long.get(key) ?? base.resolve(key),
    base,
  };
}

function* partyIndex(view: EventsView, keyed: (v: string) => string): Steps<PrefixIndex<PartyChoice>> {
  const entries: Array<PrefixEntry<PartyChoice>> = [];
  const choice = (name: string) => ({ name, key: keyed(name) });
  const seen = new Set<string>();
  // Most mentioned first: the order `mergePeople` gives the view's people.
  for (const [i, p] of view.people.entries()) {
    if (i % STEP === STEP - 1) yield;
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    entries.push({ keys: [p.name, ...p.aliases], value: choice(p.name), rank: entries.length });
  }
  yield;
  const bodies = new Set<string>();
  const body = (party: Party) => {
    if (party.kind !== "person" && !seen.has(party.name)) bodies.add(party.name);
  };
  for (let i = 0; i < view.meetings.length; i++) {
    view.meetings[i].participants.forEach(body);
    if (i % STEP === STEP - 1) yield;
  }
  for (let i = 0; i < view.pledges.length; i++) {
    view.pledges[i].actors.forEach(body);
    if (i % STEP === STEP - 1) yield;
  }
  for (const name of [...bodies].sort()) entries.push({ keys: [name], value: choice(name), rank: entries.length });
  return yield* PrefixIndex.steps(entries);
}
