import { describe, expect, it } from "vitest";
import { markTerms } from "../../src/search/highlight.ts";
import { ParagraphIndex, type IndexDoc } from "../../src/search/index.ts";

/** A small index, one briefing per paragraph; `names` gives a paragraph's people (as the Library fills that field). */
function indexOf(paragraphs: Array<string | { text: string; names: string }>) {
  const docs: IndexDoc[] = paragraphs.map((p, id) =>
    typeof p === "string" ? { id, text: p, title: "", names: "", n: 1 } : { id, ...p, title: "", n: 1 },
  );
  const index = ParagraphIndex.build(docs);
  return {
    index,
    find: (q: string) => index.search(q).hits.map((h) => docs[h.id].text),
    marked: (q: string, id: number) => {
      const [hit] = index.search(q).hits;
      return markTerms(docs[id].text, hit?.terms ?? []).map(([a, b]) => docs[id].text.slice(a, b));
    },
  };
}

describe("a name in the query is matched as a phrase or not at all", () => {
  const { find, marked } = indexOf([
    "Prime Minister Hun Manet opened a bridge over the Tonle Sap on Monday.",
    "Senate President Hun Sen received the visiting delegation at the Peace Palace.",
    "Sen Sokha told Hun Chea that the rice harvest had doubled.",
    { text: "The senate president thanked the delegation for its visit.", names: "Hun Sen" },
    "Hun Sen's office said Hun Manet would travel to Tokyo.",
  ]);

  it('"Hun Sen" never returns a paragraph about Hun Manet alone, nor one with both words apart', () => {
    const found = find("Hun Sen");
    expect(found).toContainEqual(expect.stringMatching(/Senate President Hun Sen/));
    expect(found).toContainEqual(expect.stringMatching(/Hun Sen's office/));
    expect(found).not.toContainEqual(expect.stringMatching(/^Prime Minister Hun Manet/));
    expect(found).not.toContainEqual(expect.stringMatching(/Sen Sokha/));
  });

  it("finds a known person's name typed in lower case, through the names field too", () => {
    const found = find("hun sen");
    expect(found).toContainEqual(expect.stringMatching(/senate president thanked/));
    expect(found).not.toContainEqual(expect.stringMatching(/^Prime Minister Hun Manet/));
  });

  it("marks a name's words only where they stand together", () => {
    expect(marked("Hun Sen", 4)).toEqual(["Hun", "Sen's"]);
  });

  it("keeps two place names side by side as two concepts", () => {
    const { find: places } = indexOf([
      "Cambodia Vietnam Friendship Road was reopened.",
      "Vietnam and Cambodia agreed.",
    ]);
    expect(places("Cambodia Vietnam")).toHaveLength(2);
  });
});

describe("a two-word name finds the same name with a middle name, below it side by side", () => {
  const { find, marked } = indexOf([
    "Governor Dara Vuthy Kem opened the new market in Kampot on Friday.",
    "Dara Kem, a rice farmer, said the rains came late this year.",
    "Kem Vuthy Dara, the deputy governor, chaired the flood committee.",
    "Dara Sok met Kem Chan to discuss the harbour road.",
  ]);

  it("ranks the two words side by side first, then the name with a middle name, then the name written the other way", () => {
    const found = find("Dara Kem");
    expect(found).toEqual([
      expect.stringMatching(/^Dara Kem, a rice farmer/),
      expect.stringMatching(/^Governor Dara Vuthy Kem/),
      expect.stringMatching(/^Kem Vuthy Dara/),
    ]);
    expect(found).not.toContainEqual(expect.stringMatching(/^Dara Sok met Kem Chan/));
  });

  it("marks the whole name, middle word included", () => {
    expect(marked("Dara Kem market", 0)).toEqual(["Dara", "Vuthy", "Kem", "market"]);
  });

  it("does not open a gap inside a name of three words typed whole", () => {
    const { find: three } = indexOf([
      "Dara Vuthy Kem opened the market.",
      "Dara Sokha Vuthy Pich chaired the committee.",
    ]);
    expect(three("Dara Vuthy Kem")).toEqual([expect.stringMatching(/^Dara Vuthy Kem opened/)]);
  });
});

describe("a year in the query means that year", () => {
  const { find } = indexOf([
    "The 2023-2028 strategy on road safety was adopted by the cabinet.",
    "In 2023 police arrested 41 suspects in the capital.",
    "The 2019/20 budget was cut.",
  ]);

  it('"2023" finds the year, not a span of years that starts with it', () => {
    expect(find("2023")).toEqual(["In 2023 police arrested 41 suspects in the capital."]);
  });

  it("finds a span of years typed whole", () => {
    expect(find("2023-2028")[0]).toMatch(/strategy/);
    expect(find("2019/20")[0]).toMatch(/budget/);
  });
});

describe("a name written the other way round (family name first or last) is the same name", () => {
  const { find } = indexOf([
    "Deputy Minister Nguyen Thanh Binh chaired the meeting on river patrols.",
    "Thanh Nguyen, a fisherman, said the patrols came too late.",
    "Minister Tran Thanh spoke about border patrols in Nguyen province.",
  ]);

  it('"thanh nguyen" finds "Nguyen Thanh" side by side, below the order typed, and never the words apart', () => {
    const found = find("Thanh Nguyen patrols");
    expect(found[0]).toMatch(/^Thanh Nguyen, a fisherman/);
    expect(found[1]).toMatch(/Nguyen Thanh Binh/);
    expect(find("Thanh Nguyen")).not.toContainEqual(expect.stringMatching(/Tran Thanh/));
  });
});
