/**
 * Prefix lookups for completing what a user is typing: briefings by id or headline words (newest first), and
 * parties by name or alias (people most mentioned first, then countries and bodies that take part in events).
 */
import { createHash } from "node:crypto";
import type { Briefing } from "../../briefings/briefing.ts";
import { PrefixIndex, type PrefixEntry } from "../../search/prefix-index.ts";
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
}

/** A party offered while typing: its name and the key to send back. */
export interface PartyChoice {
  name: string;
  key: string;
}

export interface Lookups {
  sources: PrefixIndex<SourceChoice>;
  parties: PrefixIndex<PartyChoice>;
  /** The id or name a key stands for (a value short enough stands for itself); undefined for an unknown key. */
  resolve(key: string): string | undefined;
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

function* sourceIndex(briefings: readonly Briefing[], keyed: (v: string) => string): Steps<PrefixIndex<SourceChoice>> {
  const byDate = yield* sortSteps(
    [...briefings],
    (a, b) => (b.meta.published ?? "").localeCompare(a.meta.published ?? "") || a.id.localeCompare(b.id),
  );
  const entries: Array<PrefixEntry<SourceChoice>> = [];
  for (const [rank, b] of byDate.entries()) {
    entries.push({
      keys: [b.id, b.meta.title ?? ""],
      value: { id: b.id, key: keyed(b.id), label: `${b.meta.published ?? "undated"} · ${b.meta.title ?? b.id}` },
      rank,
    });
    if (rank % STEP === STEP - 1) yield;
  }
  return yield* PrefixIndex.steps(entries);
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
