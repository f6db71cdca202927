/**
 * `who Cambodia` finds events whose parties are Cambodia, its bodies or its officials (issue 12):
 * a body named by a demonym ("the Vietnamese side"), a body whose name holds the country, and a
 * person whose role in any briefing names it. Invented events.
 */
import { describe, expect, it } from "vitest";
import { filterMeetings, filterPledges } from "../../src/library/views/events-query.ts";
import type { Meeting, Party, Person, Pledge } from "../../src/extraction/event.ts";

const meeting = (participants: Party[]): Meeting => ({
  source: "t",
  paragraph: 1,
  date: "2024-08-01",
  yearStated: true,
  participants,
  place: null,
  topic: null,
  quote: "q",
});
const body = (name: string): Party => ({ name, kind: "body", role: null });
const person = (name: string, role: string | null = null): Party => ({ name, kind: "person", role });
const people: Person[] = [
  {
    name: "Dara Vong",
    aliases: ["Vong"],
    roles: ["Minister of Interior of Ruritania", "Cambodian Deputy Prime Minister"],
    sources: ["a"],
    mentions: 2,
    latest: null,
  },
];

describe("who: a country finds its bodies and officials", () => {
  const events = [
    meeting([body("the Vietnamese side"), person("Omar Zed")]),
    meeting([body("Ministry of Interior of Cambodia"), person("Omar Zed")]),
    meeting([person("Dara Vong"), person("Omar Zed")]),
    meeting([body("the Thai police"), person("Omar Zed")]),
  ];
  it("a demonym in a body's name", () => {
    expect(filterMeetings(events, { who: "Vietnam" }, people)).toHaveLength(1);
  });
  it("the country in a body's name, and an official whose role elsewhere names it", () => {
    const found = filterMeetings(events, { who: "Cambodia" }, people);
    expect(found.map((m) => m.participants[0].name).sort()).toEqual(["Dara Vong", "Ministry of Interior of Cambodia"]);
  });
  it("another country finds none of them", () => {
    expect(filterMeetings(events, { who: "Laos" }, people)).toEqual([]);
  });
  it("a person named like no country is not matched by a country", () => {
    expect(filterMeetings([meeting([person("Omar Zed"), person("Ana Lopez")])], { who: "Thailand" }, people)).toEqual(
      [],
    );
  });
  it("pledges by a country's side", () => {
    const p: Pledge = {
      source: "t",
      paragraph: 1,
      date: null,
      yearStated: false,
      actor: body("the Vietnamese side"),
      actors: [body("the Vietnamese side")],
      speaker: null,
      counterparts: [],
      kind: "pledge",
      commitment: "help",
      quote: "q",
    };
    expect(filterPledges([p], { who: "Vietnam" }, people)).toHaveLength(1);
    expect(filterPledges([p], { who: "Laos" }, people)).toHaveLength(0);
  });
});
