/** The events index and its position sets, on invented events. */
import { describe, expect, it } from "vitest";
import type { BriefingEvents, Meeting, Party, Pledge } from "../../src/extraction/event.ts";
import { eventsIndex, peopleNaming, peopleStarting } from "../../src/library/views/events-index.ts";
import { mentionForms } from "../../src/library/views/mentions.ts";
import { findPerson, personChoices } from "../../src/library/views/people.ts";
import { Candidates, intersect, union } from "../../src/library/views/events-positions.ts";
import { buildEventsView } from "../../src/library/views/events-view.ts";

const person = (name: string, role: string | null = null): Party => ({ name, kind: "person", role });
const body = (name: string): Party => ({ name, kind: "body", role: null });

const meeting = (
  source: string,
  date: string | null,
  participants: Party[],
  quote: string,
  place: string | null = null,
): Meeting => ({
  source,
  paragraph: 1,
  date,
  yearStated: date !== null,
  participants,
  place,
  topic: null,
  quote,
});
const pledge = (source: string, date: string | null, actor: Party, extra: Partial<Pledge> = {}): Pledge => ({
  source,
  paragraph: 2,
  date,
  yearStated: date !== null,
  actor,
  actors: [actor],
  speaker: null,
  counterparts: [],
  kind: "pledge",
  commitment: "to help",
  quote: "They will help.",
  ...extra,
});

const ada = person("Ada Quell", "harbour master");
const events = new Map<string, BriefingEvents>([
  [
    "x",
    {
      meetings: [
        meeting("x", "2024-03-02", [ada, body("the Port Board")], "Ada Quell met the Port Board in Port-Lindo."),
        meeting("x", null, [ada, person("Ada Quell")], "They met on Monday."),
      ],
      pledges: [
        pledge("x", "2024-03-02", ada, { speaker: person("Bo Rask"), kind: "request" }),
        pledge("x", "2023-11-30", body("Lindo and Varn"), {
          actors: [body("Lindo"), body("Varn")],
          counterparts: [ada],
        }),
      ],
      people: [],
    },
  ],
  [
    "y",
    {
      meetings: [meeting("y", "2023-07-15", [person("Bo Rask"), ada], "Bo Rask’s talks with Ada Quell in Varn.")],
      pledges: [],
      people: [],
    },
  ],
]);
const view = buildEventsView(events, () => null);

describe("union and intersect of ascending positions", () => {
  it("union: ascending, without repeats, whether few (sorted) or many (marked)", () => {
    expect(union([], 10)).toEqual([]);
    expect(union([[1, 4, 7]], 1000)).toEqual([1, 4, 7]);
    expect(union([[5, 9], [1, 5], [2]], 1000)).toEqual([1, 2, 5, 9]);
    expect(
      union(
        [
          [0, 2, 4, 6, 8],
          [1, 2, 3, 8, 9],
        ],
        10,
      ),
    ).toEqual([0, 1, 2, 3, 4, 6, 8, 9]);
  });
  it("intersect: by merging similar lists and by binary search in a much longer one", () => {
    expect(intersect([1, 3, 5, 7], [2, 3, 4, 7, 9])).toEqual([3, 7]);
    const long = Array.from({ length: 100 }, (_, i) => i * 2);
    expect(intersect([3, 4, 50, 198, 199], long)).toEqual([4, 50, 198]);
    expect(intersect([], long)).toEqual([]);
  });
});

describe("Candidates: a date range by binary search over newest-first dates", () => {
  const side = eventsIndex(view).meetings;
  const all = view.meetings;
  const dates = (c: Candidates) => c.select(all, () => true).map((m) => m.date);
  it("keeps the dated events in [from, to], and leaves undated ones out", () => {
    expect(side.dated).toBe(2);
    expect(dates(new Candidates(side, {}))).toEqual(["2024-03-02", "2023-07-15", null]);
    expect(dates(new Candidates(side, { from: "2023-07-15" }))).toEqual(["2024-03-02", "2023-07-15"]);
    expect(dates(new Candidates(side, { to: "2023-12-31" }))).toEqual(["2023-07-15"]);
    expect(dates(new Candidates(side, { from: "2024-01-01", to: "2024-03-02" }))).toEqual(["2024-03-02"]);
    expect(dates(new Candidates(side, { from: "2025-01-01", to: "2022-01-01" }))).toEqual([]);
  });
  it("intersects the range with the lists added, and an absent list means no candidates", () => {
    const c = new Candidates(side, { from: "2023-01-01" }).add(side.bySource.get("x"));
    expect(c.select(all, () => true).map((m) => m.source)).toEqual(["x"]);
    expect(new Candidates(side, {}).add(undefined).select(all, () => true)).toEqual([]);
  });
});

describe("eventsIndex", () => {
  const index = eventsIndex(view);
  it("is built once per view", () => {
    expect(eventsIndex(view)).toBe(index);
  });
  it("keeps one entry per distinct party (kind, name, role), with each event's position once", () => {
    const { parties, positions } = index.meetings.participants;
    const at = (p: Party) => positions[parties.findIndex((x) => x.name === p.name && x.role === p.role)];
    expect(parties).toHaveLength(4);
    // Newest first: 2024-03-02 (0), 2023-07-15 (1), undated (2).
    expect(at(ada)).toEqual([0, 1, 2]);
    expect(at(person("Ada Quell"))).toEqual([2]);
    expect(index.meetings.participants.matching("Bo Rask", (p) => p.name === "Bo Rask")).toEqual([[1]]);
  });
  it("reads only the parties whose name, alias or role holds the query", () => {
    const all = () => true;
    expect(index.meetings.participants.matching("quell", all)).toEqual([[0, 1, 2], [2]]);
    expect(index.meetings.participants.matching("Nobody", all)).toEqual([]);
  });
  it("indexes sources, months and normalised place and quote words", () => {
    const m = index.meetings;
    expect(m.bySource.get("x")).toEqual([0, 2]);
    expect(m.byMonth.get(7)).toEqual([1]);
    expect(m.byMonth.get(3)).toEqual([0]);
    expect(m.words.get("lindo")).toEqual([0]);
    expect(m.words.get("rask")).toEqual([1]);
    expect(m.words.has("rask’s")).toBe(false);
  });
  it("pledges: actors and speakers for who, counterparts and joint co-actors for with, labels and kinds", () => {
    const p = index.pledges;
    const names = (x: typeof p.actors) => x.parties.map((q) => q.name).sort();
    expect(names(p.actors)).toEqual(["Ada Quell", "Bo Rask", "Lindo", "Lindo and Varn", "Varn"]);
    expect(names(p.others)).toEqual(["Ada Quell", "Lindo", "Varn"]);
    // Only where someone else said it: otherwise the label is the actor's own name.
    expect(p.labels.labels).toEqual(["Ada Quell (per Bo Rask)"]);
    expect(p.labels.matching("Rask", () => true)).toEqual([[0]]);
    expect(p.labels.matching("Varn", () => true)).toEqual([]);
    expect(p.byKind.get("request")).toEqual([0]);
    expect(p.byKind.get("pledge")).toEqual([1]);
  });
});

describe("peopleNaming", () => {
  const mentions = [
    { name: "Ada Quell", aliases: ["Quell"], roles: ["harbour master"], paragraphs: [1] },
    { name: "Bo Rask", aliases: [], roles: [], paragraphs: [2] },
    { name: "Bo Ranske", aliases: ["Ranske"], roles: [], paragraphs: [3] },
    { name: "Kenya Lind", aliases: [], roles: [], paragraphs: [4] },
  ];
  const withPeople = buildEventsView(
    new Map([["z", { meetings: [], pledges: [], people: mentions }]]),
    () => "2024-01-01",
  );
  it("keeps the people a query may name, in order, so a look-up among them is the look-up among all", () => {
    expect(peopleNaming(withPeople, "Quell").map((p) => p.name)).toEqual(["Ada Quell"]);
    expect(peopleNaming(withPeople, "Nobody")).toEqual([]);
    for (const q of ["Quell", "quell", "Bo", "Rask", "Bo Ranske", "Kenya", "Kenyan", "Ada", "Zed", "!!"]) {
      expect(findPerson(peopleNaming(withPeople, q), q), q).toEqual(findPerson(withPeople.people, q));
      expect(mentionForms(q, peopleNaming(withPeople, q)), q).toEqual(mentionForms(q, withPeople.people));
    }
  });
  it("peopleStarting: a word of a name or alias starts with the prefix; choices among them are the choices", () => {
    expect(peopleStarting(withPeople, "Ra").map((p) => p.name)).toEqual(["Bo Ranske", "Bo Rask"]);
    expect(peopleStarting(withPeople, "qu").map((p) => p.name)).toEqual(["Ada Quell"]);
    expect(peopleStarting(withPeople, "uel")).toEqual([]);
    for (const q of ["Ra", "ras", "Bo", "b", "Qu", "ken", "Zed", "", "!", "a q"]) {
      expect(personChoices(peopleStarting(withPeople, q), q), q).toEqual(personChoices(withPeople.people, q));
    }
  });
});
