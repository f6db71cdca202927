/**
 * The indexed `findMeetings` / `findPledges` give exactly what reading every event gives (`filterMeetings`,
 * `filterPledges`, then the month and place tests, as the commands did), in the same order, for every combination
 * of filters over a varied invented corpus.
 */
import { describe, expect, it } from "vitest";
import type { Briefing } from "../../src/briefings/briefing.ts";
import type { BriefingEvents, Meeting, Party, PersonMention, Pledge } from "../../src/extraction/event.ts";
import { monthFits, placeTest } from "../../src/library/views/event-extras.ts";
import { type EventQuery, findMeetings, findPledges } from "../../src/library/views/events-find.ts";
import { filterMeetings, filterPledges } from "../../src/library/views/events-query.ts";
import { buildEventsView, patchedViewSteps } from "../../src/library/views/events-view.ts";
import { runNow } from "../../src/search/steps.ts";

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  return { next, pick, chance: (p: number) => next() < p };
}

const person = (name: string, role: string | null = null): Party => ({ name, kind: "person", role });
const body = (name: string, role: string | null = null): Party => ({ name, kind: "body", role });
const country = (name: string): Party => ({ name, kind: "country", role: null });

// Invented names; real countries, so country spellings, demonyms and roles come into play.
const PARTIES: Party[] = [
  person("Dara Vong", "Minister of Interior of Kenya"),
  person("Dara Vong"),
  person("Vong"),
  person("Lina Okafor", "Nigerian trade envoy"),
  person("Lina Okafor", "envoy"),
  person("Tomas Brenner", "German ambassador to Peru"),
  person("Mei Tanaka"),
  person("Ana Lucía Pérez", "Peruvian foreign minister"),
  body("the Kenyan side"),
  body("Ministry of Health of Peru"),
  body("the Vietnamese police"),
  body("Kenya"),
  body("the Harbour Authority"),
  country("Kenya"),
  country("Peru"),
  country("Viet Nam"),
  country("United Kingdom"),
];
const MENTIONS: PersonMention[] = [
  { name: "Dara Vong", aliases: ["Vong"], roles: ["Minister of Interior of Kenya"], paragraphs: [1, 2] },
  { name: "Lina Okafor", aliases: ["Okafor"], roles: ["Nigerian trade envoy"], paragraphs: [3] },
  { name: "Tomas Brenner", aliases: [], roles: ["British consul in Lima"], paragraphs: [1] },
  { name: "Mei Tanaka", aliases: ["Tanaka"], roles: [], paragraphs: [4] },
];
const DATES = [
  "2023-01-09",
  "2023-05-20",
  "2023-05-20",
  "2023-10-02",
  "2024-01-24",
  "2024-06-30",
  "2024-06-30",
  "2024-12-01",
];
const SOURCES = ["a", "b", "c", "d", "e"];
const PLACES = ["Nairobi", "Lima", "Hanoi", "the Kenyan capital", null, null];
const WORDS = ["in Nairobi", "in Peru", "on the Vietnamese border", "in October", "by phone", "in Hanoi", "at talks"];

function dateOf(r: ReturnType<typeof rng>) {
  return r.chance(0.2)
    ? { date: null, yearStated: false, dateText: r.pick(["14 May (year not stated)", "Monday"]) }
    : { date: r.pick(DATES), yearStated: r.chance(0.8) };
}

function quote(r: ReturnType<typeof rng>, parties: Party[]): string {
  return `${parties.map((p) => p.name).join(" and ")} ${r.pick(["met", "talked", "agreed"])} ${r.pick(WORDS)}.`;
}

function corpus(seed: number): Map<string, BriefingEvents> {
  const r = rng(seed);
  const out = new Map<string, BriefingEvents>(SOURCES.map((s) => [s, { meetings: [], pledges: [], people: [] }]));
  for (let i = 0; i < 160; i++) {
    const source = r.pick(SOURCES);
    const participants = Array.from({ length: 1 + Math.floor(r.next() * 3) }, () => r.pick(PARTIES));
    const m: Meeting = {
      source,
      paragraph: 1 + Math.floor(r.next() * 6),
      ...dateOf(r),
      participants,
      place: r.pick(PLACES),
      topic: null,
      quote: quote(r, participants),
    };
    out.get(source)!.meetings.push(m);
    const actors = Array.from({ length: r.chance(0.3) ? 2 : 1 }, () => r.pick(PARTIES));
    const p: Pledge = {
      source,
      paragraph: 1 + Math.floor(r.next() * 6),
      ...dateOf(r),
      actor: actors.length > 1 ? country(actors.map((a) => a.name).join(" and ")) : actors[0],
      actors,
      speaker: r.chance(0.3) ? r.pick(PARTIES) : null,
      counterparts: Array.from({ length: Math.floor(r.next() * 3) }, () => r.pick(PARTIES)),
      kind: r.pick(["pledge", "agreement", "request"] as const),
      commitment: "to do something",
      quote: quote(r, actors),
    };
    out.get(source)!.pledges.push(p);
  }
  for (const [i, s] of SOURCES.entries()) out.get(s)!.people = MENTIONS.slice(i % 2, (i % 2) + 3);
  return out;
}

const PUBLISHED: Record<string, string | null> = {
  a: "2023-10-05",
  b: "2024-02-01",
  c: null,
  d: "2024-06-30",
  e: null,
};
const briefings = new Map<string, Briefing>(
  SOURCES.map((id) => [
    id,
    {
      id,
      file: `${id}.txt`,
      meta: { title: null, outlet: null, published: PUBLISHED[id], url: null },
      paragraphs: [{ n: 1, text: id === "e" ? "Talks in 2024 went on." : "No year here." }],
      hash: id,
    },
  ]),
);
const briefingOf = (id: string) => briefings.get(id);

const VALUES = {
  who: ["Vong", "Dara Vong", "Kenya", "Peru", "Vietnam", "UK", "Okafor", "Nigeria", "the Kenyan side", "Nobody Here"],
  with: ["Kenya", "Peru", "Vong", "Tanaka", "Germany", "Harbour Authority", "Viet Nam"],
  kind: ["pledge", "agreement", "request"],
  from: ["2023-05-20", "2024-01-01", "2024", "2025-01-01", "2023-01-09"],
  to: ["2023-05-20", "2023-12-31", "2024-06-30", "2022-01-01", "2024-06"],
  source: ["a", "c", "e", "nowhere"],
  month: [1, 5, 6, 10, 12],
  place: ["Nairobi", "Kenya", "Peru", "Vietnam", "Hanoi", "Okafor", "Atlantis", "Kenyan capital"],
} as const;
const KEYS = Object.keys(VALUES) as Array<keyof typeof VALUES>;

/** Every subset of the filters, each with a few drawn values. */
function queries(seed: number): EventQuery[] {
  const r = rng(seed);
  const out: EventQuery[] = [];
  for (let mask = 0; mask < 1 << KEYS.length; mask++) {
    for (let k = 0; k < 3; k++) {
      const q: Record<string, unknown> = {};
      KEYS.forEach((key, i) => {
        if (mask & (1 << i)) q[key] = r.pick(VALUES[key] as readonly unknown[]);
      });
      out.push(q as EventQuery);
    }
  }
  return out;
}

/** What the commands answered before the index: every event read, then the month and the place. */
function scanned<T extends Meeting | Pledge>(found: T[], q: EventQuery, people: Parameters<typeof placeTest>[1]) {
  const atPlace = q.place === undefined ? null : placeTest(q.place, people);
  return found.filter(
    (e) => (q.month === undefined || monthFits(e, q.month, briefingOf(e.source))) && (!atPlace || atPlace(e)),
  );
}

describe("indexed events answer exactly as a full scan", () => {
  for (const seed of [1, 2, 3]) {
    const view = buildEventsView(corpus(seed), (id) => PUBLISHED[id] ?? null);
    it(`meetings, every filter combination (corpus ${seed})`, () => {
      let nonEmpty = 0;
      for (const q of queries(seed * 10)) {
        const expected = scanned(filterMeetings(view.meetings, q, view.people), q, view.people);
        expect(findMeetings(view, q, briefingOf), JSON.stringify(q)).toEqual(expected);
        if (expected.length) nonEmpty++;
      }
      // The corpus is varied enough that many queries find something.
      expect(nonEmpty).toBeGreaterThan(200);
    });
    it(`pledges, every filter combination (corpus ${seed})`, () => {
      let nonEmpty = 0;
      for (const q of queries(seed * 10 + 1)) {
        const expected = scanned(filterPledges(view.pledges, q, view.people), q, view.people);
        expect(findPledges(view, q, briefingOf), JSON.stringify(q)).toEqual(expected);
        if (expected.length) nonEmpty++;
      }
      expect(nonEmpty).toBeGreaterThan(200);
    });
  }

  it("with no filter, answers with the view's own newest-first list (no copy, no sort)", () => {
    const view = buildEventsView(corpus(4), (id) => PUBLISHED[id] ?? null);
    expect(findMeetings(view, {}, briefingOf)).toBe(view.meetings);
    expect(findPledges(view, {}, briefingOf)).toBe(view.pledges);
  });
});

describe("a view patched for changed briefings answers as a full scan of its lists", () => {
  for (const seed of [5, 6]) {
    // Built without "d" and "e", then "d" and "e" added, "a" rewritten and "c" removed, in two patches.
    const all = corpus(seed);
    const rewritten = corpus(seed + 100).get("a")!;
    const without = (ids: string[]) => new Map([...all].filter(([id]) => !ids.includes(id)));
    const base = buildEventsView(without(["d", "e"]), (id) => PUBLISHED[id] ?? null);
    const now = new Map([...all, ["a", rewritten]].filter(([id]) => id !== "c") as Array<[string, BriefingEvents]>);
    const once = runNow(patchedViewSteps(base, ["d"], (id) => (id === "d" ? all.get("d") : undefined)))!;
    const view = runNow(patchedViewSteps(once, ["e", "a", "c"], (id) => now.get(id)))!;

    it(`keeps the lists of a whole build, in its order, over the base's index and people (corpus ${seed})`, () => {
      const whole = buildEventsView(now, (id) => PUBLISHED[id] ?? null);
      expect(view.layers?.base).toBe(base);
      expect(view.meetings).toEqual(whole.meetings);
      expect(view.pledges).toEqual(whole.pledges);
      expect(view.people).toBe(base.people);
    });
    it(`meetings and pledges, every filter combination (corpus ${seed})`, () => {
      let nonEmpty = 0;
      for (const q of queries(seed * 10)) {
        const meetings = scanned(filterMeetings(view.meetings, q, view.people), q, view.people);
        expect(findMeetings(view, q, briefingOf), JSON.stringify(q)).toEqual(meetings);
        const pledges = scanned(filterPledges(view.pledges, q, view.people), q, view.people);
        expect(findPledges(view, q, briefingOf), JSON.stringify(q)).toEqual(pledges);
        if (meetings.some((m) => ["a", "d", "e"].includes(m.source))) nonEmpty++;
      }
      // Many answers hold events of the changed briefings.
      expect(nonEmpty).toBeGreaterThan(100);
    });
  }
});
