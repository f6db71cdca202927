/**
 * A party index reads only the parties whose texts hold one of the query's needles: for every country the lexicon
 * knows, by every spelling, it finds exactly the parties a matcher accepts when it reads them all. Invented parties.
 */
import { describe, expect, it } from "vitest";
import { COUNTRIES, DEMONYMS } from "../../src/extraction/lexicon.ts";
import type { Party } from "../../src/extraction/event.ts";
import { PartyPostings } from "../../src/library/views/events-postings.ts";
import { partyMatcher } from "../../src/library/views/events-query.ts";

const person = (name: string, role: string | null = null): Party => ({ name, kind: "person", role });
const body = (name: string): Party => ({ name, kind: "body", role: null });
const country = (name: string): Party => ({ name, kind: "country", role: null });

const spellings = [...COUNTRIES.values()];
const demonyms = [...DEMONYMS.keys()];
const parties: Party[] = [
  ...spellings.map((c) => country(c)),
  ...spellings.map((c, i) => body(i % 2 ? `Ministry of Interior of ${c}` : `the ${c} Coast Guard`)),
  ...demonyms.map((d, i) => person(`Ren Osei ${i}`, `${d[0].toUpperCase()}${d.slice(1)} ambassador to Mars`)),
  ...demonyms.map((d) => body(`the ${d} side`)),
  person("Ida Varga"),
  person("Ida Varga", "trade envoy"),
  person("Vo Lan", "envoy of Viet Nam"),
  person("Mira Holt", "consul in the U.K."),
  person("Tomas Ek"),
];
// Roles a person holds in other briefings, and short forms: read by the matcher beside the party's own.
const otherRoles: Record<string, string[]> = { "Ida Varga": ["Kenyan deputy minister"], "Tomas Ek": ["Peru envoy"] };
const aliases: Record<string, string[]> = { "Tomas Ek": ["Ek"], "Ida Varga": ["Varga"] };
const names = { aliases: (n: string) => aliases[n] ?? [], rolesOf: (n: string) => otherRoles[n] ?? [] };

const postings = new PartyPostings(names);
parties.forEach((p, i) => postings.add(p, i));

const queries = [
  ...spellings,
  ...demonyms.slice(0, 40),
  "UK",
  "U.S.",
  "Britain",
  "the United States",
  "Viet Nam",
  "Varga",
  "ida varga",
  "Ek",
  "Osei",
  "ambassador",
];

describe("PartyPostings.matching finds what a full read finds", () => {
  it("for every country spelling, some demonyms and names", () => {
    let hits = 0;
    for (const q of queries) {
      const matches = partyMatcher(q, names.aliases, names.rolesOf);
      const expected = parties.flatMap((p, i) => (matches(p) ? [i] : []));
      const found = postings
        .matching(q, partyMatcher(q, names.aliases, names.rolesOf))
        .flat()
        .sort((a, b) => a - b);
      expect(found, q).toEqual(expected);
      hits += expected.length;
    }
    expect(hits).toBeGreaterThan(queries.length);
  });
});
