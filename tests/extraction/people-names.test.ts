/**
 * People as reporters write them in any outlet (issue 12): forms of address and ranks are not
 * part of a name, the last word of a body's name is no person, and one person across briefings
 * is one entry whatever the spelling of the address, the initials or the spacing. Invented names.
 */
import { describe, expect, it } from "vitest";
import { extractEvents } from "../../src/extraction/extract.ts";
import { mergePeople } from "../../src/library/views/people.ts";
import { briefingOf } from "../support/extract-paragraphs.ts";

const peopleOf = (paragraphs: string[]) => extractEvents(briefingOf(paragraphs)).people;
const names = (paragraphs: string[]) => peopleOf(paragraphs).map((p) => p.name);

describe("names without their forms of address", () => {
  it.each([
    ["Khmer", "Deputy Prime Minister Samdech Kralahom Dara Vong met the envoy on Monday.", "Dara Vong"],
    ["Khmer, another spelling", "Samdech Krolahom Dara Vong met the envoy on Monday.", "Dara Vong"],
    ["Khmer, a long address", "Defence Minister Samdech Pichey Sena Tep Som met the envoy.", "Tep Som"],
    [
      "Bruneian",
      "The talks opened with remarks by Dato Paduka Seri Lim Wee Kok, the police commissioner.",
      "Lim Wee Kok",
    ],
    ["H.E. and a rank", "H.E. Gen. Sao Vanna, army commander, met the attaché.", "Sao Vanna"],
  ])("%s", (_, sentence, name) => {
    const people = peopleOf([sentence]);
    expect(people.map((p) => p.name)).toContain(name);
    expect(people.map((p) => p.name).join("|")).not.toMatch(/Samdech|Paduka|Pichey|Sena\b|H\.E\./);
  });

  it("keeps the address in the role", () => {
    const [p] = peopleOf(["Deputy Prime Minister Samdech Kralahom Dara Vong met the envoy on Monday."]);
    expect(p.roles.join(" ")).toMatch(/Deputy Prime Minister.*Samdech Kralahom/);
  });

  it("an address alone is nobody", () => {
    expect(names(["Samdech Pichey Sena thanked the Indian side on Monday."])).toEqual([]);
  });

  it.each([
    ["a sentence adverb", "Lastly, the outgoing ambassador said she would return home."],
    ["the last word of a meeting's name", "The two will co-chair the Regional Defence Ministers' Meeting on Tuesday."],
    ["a country's second word", "He thanked the Defence Minister of New Zealand for the visit."],
    [
      "the last word of a body's name",
      "He spoke to the Chairman of the National Commission for Drug Control on Monday.",
    ],
    ["a news agency's name", "Agence Borduria Presse reported that Minister Omar Zed left on Monday."],
    ["a ministry's building", "Officials at Wisma Putra said Minister Omar Zed left on Monday."],
    ["a country written with diacritics", "Việt Nam and Minister Omar Zed said on Monday they agreed."],
  ])("no phantom person: %s", (_, sentence) => {
    expect(names([sentence]).join("|")).not.toMatch(/Agence|Presse|Wisma|Việt/);
    expect(names([sentence]).join("|")).not.toMatch(
      /^(?:Lastly|Meeting|Zealand|Control)$|\|(?:Lastly|Meeting|Zealand|Control)\b/,
    );
  });
});

describe("one person across briefings", () => {
  const merged = (entries: Array<[string, string]>) =>
    mergePeople(
      entries.map(([source, name]) => ({
        source,
        published: null,
        people: [{ name, aliases: [], roles: [], paragraphs: [1] }],
      })),
    );
  it("with and without an initial", () => {
    expect(
      merged([
        ["a", "W. Peter Gale"],
        ["b", "Peter Gale"],
      ]),
    ).toHaveLength(1);
  });
  it("a given name written in one word or two", () => {
    const people = merged([
      ["a", "Zhao Xiao Ming"],
      ["b", "Zhao Xiaoming"],
    ]);
    expect(people).toHaveLength(1);
    expect(people[0].sources).toEqual(["a", "b"]);
  });
  it("a romanisation with 'f' for 'ph' is one person", () => {
    expect(
      merged([
        ["a", "Somphone Keola"],
        ["b", "Somfone Keola"],
      ]),
    ).toHaveLength(1);
  });
  it("different people stay apart", () => {
    expect(
      merged([
        ["a", "Sao Vanna"],
        ["b", "Sar Vanna"],
      ]),
    ).toHaveLength(2);
  });
});

describe("phantom people and names written in capitals", () => {
  it.each([
    ["Mr. and a family name in capitals", "The delegation was led by Mr. KATO Ren, Director General.", "Kato Ren"],
    ["a long address and capitals", "The envoy met General Samdech Pichey Sena SOK Vanna in Kampot.", "Sok Vanna"],
    ["H.E. Mr. and capitals", "It was led by H.E. Mr. CHEA Dara, Director-General for Europe.", "Chea Dara"],
  ])("%s", (_, sentence, name) => {
    expect(names([sentence])).toEqual([name]);
  });

  it("a family name in capitals and in title case is one person across briefings", () => {
    const people = mergePeople(
      [
        ["a", extractEvents(briefingOf(["The envoy met General Samdech Pichey Sena SOK Vanna in Kampot."])).people],
        ["b", extractEvents(briefingOf(["Defence Minister Sok Vanna met the envoy on Monday."])).people],
      ].map(([source, people]) => ({ source: source as string, published: null, people: people as never })),
    );
    expect(people.map((p) => p.name)).toEqual(["Sok Vanna"]);
  });

  it("an acronym before a title is no family name", () => {
    expect(names(["ASEAN Secretary-General Lim Dara said the bloc would act."])).toEqual(["Lim Dara"]);
  });

  it("a word cut short by a broken character is nobody", () => {
    const people = names(["He met Colonel Wang Bo, the new head of the Military Attach© Office of the army."]);
    expect(people).toEqual(["Wang Bo"]);
  });

  it("a surname that is also a title, after Mr and a given name", () => {
    expect(names(["Mr Peter King, currently the deputy director, will take over the office."])).toEqual(["Peter King"]);
  });

  it("an organisation named after 'group' or before a spokesman is no person", () => {
    const people = names([
      "The anti-trafficking group Friends Asia said victims were lured with false offers.",
      "“It is alarming,” said Friends Asia spokesman Tom Rivers.",
    ]);
    expect(people).toEqual(["Tom Rivers"]);
  });

  it("'chief of mission <name>' is still a person", () => {
    expect(names(["The minister met a delegation led by chief of mission Ana Kuro on Monday."])).toContain("Ana Kuro");
  });
});

describe("a person known by one word and a longer name elsewhere in the briefing", () => {
  it("takes the one longer name that starts with the word", () => {
    const people = peopleOf([
      "Coordinating Minister for Political, Security and Legal Affairs Darma Wiranto along with other members met the delegation.",
      "Minister Darma said the talks had gone well.",
    ]);
    expect(people.map((p) => p.name)).toEqual(["Darma Wiranto"]);
    expect(people[0].aliases).toContain("Darma");
  });

  it("stays as it is when two longer names fit", () => {
    const people = peopleOf([
      "Portraits of Darma Wiranto and of Darma Suwito hung in the hall.",
      "Minister Darma said the talks had gone well.",
    ]);
    expect(people.map((p) => p.name)).toEqual(["Darma"]);
  });
});
