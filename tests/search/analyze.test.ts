import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute } from "../../commands/index.ts";
import { Library } from "../../src/library/library.ts";
import { ALIASES } from "../../src/search/aliases.ts";
import { planQuery } from "../../src/search/expand.ts";
import { markTerms } from "../../src/search/highlight.ts";
import { ParagraphIndex, type IndexDoc } from "../../src/search/index.ts";
import { indexTerms } from "../../src/search/lists.ts";
import { SYNONYM_SECTIONS } from "../../src/search/synonyms.ts";
import { adjacentPairs, fold, processTerm, termsAndPairs, termsOf } from "../../src/search/analyze.ts";

/** A small index over the given paragraphs (one briefing each unless `n` says otherwise). */
function indexOf(texts: string[]): { index: ParagraphIndex; find: (q: string) => string[] } {
  const docs: IndexDoc[] = texts.map((text, id) => ({ id, text, title: "", names: "", n: 1 }));
  const index = ParagraphIndex.build(docs);
  return { index, find: (q) => index.search(q).hits.map((h) => texts[h.id]) };
}

describe("text processing", () => {
  it("stems inflections to one term, so a pledge is found as pledged, pledges or pledging", () => {
    const pledge = processTerm("pledge");
    for (const w of ["pledged", "pledges", "pledging", "Pledged"]) expect(processTerm(w)).toEqual(pledge);
  });

  it("joins irregular forms to their base word", () => {
    expect(processTerm("fled")).toEqual(processTerm("flee"));
    expect(processTerm("met")).toEqual(processTerm("meeting"));
    expect(processTerm("swam")).toEqual(processTerm("swimming"));
    expect(processTerm("children")).toEqual(processTerm("child"));
  });

  it("folds diacritics, case and curly quotes", () => {
    expect(fold("Hà Nội")).toBe("ha noi");
    expect(fold("Đà Nẵng")).toBe("da nang");
    expect(processTerm("Kheng’s")).toEqual(processTerm("Kheng's"));
    expect(processTerm("Kheng’s")).toEqual(processTerm("kheng"));
    expect(termsOf("“Cybercrime”")).toEqual(termsOf("cybercrime"));
  });

  it("keeps hyphenated words and numbers whole and by their parts, a span of years only whole", () => {
    expect(processTerm("COVID-19")).toEqual(["covid-19", "covid", "19"]);
    expect(processTerm("12/03/2023")).toEqual(["12/03/2023", "12", "03", "2023"]);
    expect(processTerm("2021-2035")).toEqual(["2021-2035"]);
    expect(processTerm("2021–2035")).toEqual(["2021-2035"]);
    expect(processTerm("A$2")).toEqual(["a$2", "2"]);
    expect(processTerm("£450,000")).toEqual(processTerm("£450000"));
  });

  it("drops stop words and tells the country US from the pronoun us", () => {
    expect(processTerm("the")).toBeNull();
    expect(processTerm("us")).toBeNull();
    expect(processTerm("US")).toEqual(["usa"]);
    expect(processTerm("U.S.")).toEqual(["usa"]);
  });

  it("indexes listed phrases as one joined term as well as by their words", () => {
    const terms = indexTerms("The fight against human trafficking goes on.");
    expect(terms).toContain("_human_traffick");
    expect(terms).toContain("traffick");
    // Words of a phrase apart are not the phrase.
    expect(indexTerms("United States officials visited the Kingdom")).not.toContain("_unit_kingdom");
  });
});

describe("query planning", () => {
  it("keeps a listed phrase as one concept and a hyphenated word as one concept", () => {
    const concepts = planQuery("human trafficking COVID-19 Vietnamese");
    expect(concepts.map((c) => c.own.join(" "))).toEqual(["human traffick", "covid-19 covid 19", "vietnames"]);
  });

  it("weighs aliases, synonyms and derived words below the reporter's own word", () => {
    const [vietnamese] = planQuery("Vietnamese");
    expect(vietnamese.alternatives.find((a) => a.terms.join(" ") === "vietnam")?.weight).toBeLessThan(1);
    const [diplomat] = planQuery("diplomat");
    expect(diplomat.alternatives.map((a) => a.terms.join(" "))).toContain("ambassador");
    const [smugglers] = planQuery("smugglers");
    expect(smugglers.alternatives.map((a) => a.terms.join(" "))).toContain("smuggl");
  });

  it("lets a capital stand for its country, but not the country for its capital", () => {
    const alt = (q: string) => planQuery(q)[0].alternatives.map((a) => a.terms.join(" "));
    expect(alt("Hanoi")).toContain("vietnam");
    expect(alt("Hanoi")).toContain("vietnames");
    expect(alt("Vietnam")).not.toContain("hanoi");
  });

  it("plans a word the query says twice as one concept that weighs twice", () => {
    const concepts = planQuery("Laos's rice exports to Laos");
    expect(concepts.map((c) => [c.own.join(" "), c.times])).toEqual([
      ["lao", 2],
      ["rice", 1],
      ["export", 1],
    ]);
    // Said twice, "Laos" outweighs "rice" said once: the paragraph with Laos alone ranks above the one with rice alone.
    const { find } = indexOf([
      "Farmers sold rice at the market this week, traders said.",
      "Laos opened a new bridge this week, officials said.",
    ]);
    expect(find("Laos rice Laos")[0]).toMatch(/^Laos/);
    expect(find("rice Laos rice")[0]).toMatch(/^Farmers/);
  });
});

describe("synonym and alias lists", () => {
  const entries = [ALIASES, ...SYNONYM_SECTIONS].flatMap((s) =>
    s.groups.flatMap((line) => line.split(/,|=>/).map((m) => m.trim())),
  );

  it('has no entry that stop words empty or shrink to one ambiguous word ("call on" would be "call")', () => {
    const bad = entries.filter((m) => termsOf(m).length === 0 || (m.split(/\s+/).length > 1 && termsOf(m).length < 2));
    expect(bad).toEqual([]);
  });

  it("weighs every section below the reporter's own words", () => {
    for (const s of [ALIASES, ...SYNONYM_SECTIONS]) expect(s.weight).toBeLessThan(1);
  });
});

describe("paragraph index", () => {
  const { find, index } = indexOf([
    "The ministry pledged to fight cybercrime under the digital framework for 2021-2035.",
    "The British ambassador met the minister.",
    "A British envoy visited Phnom Penh.",
    "Donors gave A$2 million to a shelter in Ratanakkiri.",
    "Thousands are moved through cryptocurrency every day.",
    "Officials said corruption was widespread.",
    "Officers rescued workers from the smuggling gang.",
    "United States officials praised the Kingdom.",
    "Vietnam and Cambodia signed an agreement.",
    "Police met with Tina Redshaw.",
  ]);

  it("finds inflected forms through the stem", () => {
    expect(find("pledges")[0]).toMatch(/pledged/);
  });

  it("finds numbers, ranges and currency amounts", () => {
    expect(find("2021-2035")[0]).toMatch(/2021-2035/);
    expect(find("2021")).toEqual([]);
    expect(find("A$2 million")[0]).toMatch(/A\$2/);
  });

  it("tolerates a typo and completes a partial word", () => {
    expect(find("Tina Redshow")[0]).toMatch(/Redshaw/);
    expect(find("cybercrme")[0]).toMatch(/cybercrime/);
    expect(find("Ratanak")[0]).toMatch(/Ratanakkiri/);
    expect(find("crypto")[0]).toMatch(/cryptocurrency/);
  });

  it("finds synonyms and demonyms, ranked below the exact word", () => {
    const envoy = find("envoy");
    expect(envoy[0]).toMatch(/envoy/);
    expect(envoy).toContainEqual(expect.stringMatching(/ambassador/));
    expect(find("bribery")[0]).toMatch(/corruption/);
    expect(find("Vietnamese")[0]).toMatch(/Vietnam and Cambodia/);
    expect(find("smugglers")[0]).toMatch(/smuggling/);
  });

  it("does not take words far apart for a listed phrase", () => {
    // "United States … the Kingdom" is not the United Kingdom.
    expect(find("Britain")).not.toContainEqual(expect.stringMatching(/United States/));
  });

  it("reports the terms it matched, so synonyms are highlighted too", () => {
    const [hit] = index.search("diplomat").hits;
    const text = "The British ambassador met the minister.";
    const marks = markTerms(text, hit.terms).map(([a, b]) => text.slice(a, b));
    expect(marks).toContain("ambassador");
  });

  it("finds nothing for words no paragraph has", () => {
    expect(index.search("zzqx")).toEqual({ total: 0, hits: [] });
  });
});

describe("search command", () => {
  let dir: string;
  let library: Library;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "search-text-"));
    writeFileSync(
      path.join(dir, "a.txt"),
      "---\ntitle: Envoy meets minister\n---\nThe outgoing ambassador Tina Redshaw met officials about money laundering.\n\nThe trafficking case went to court.\n",
    );
    library = await Library.open({ dataDir: dir, cacheDir: null });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const search = (query: string) => execute(library, "search", { query, limit: 5 });

  it("refuses a query of stop words only with a clear message", () => {
    const out = search("the of and to");
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.user).toBe(true);
    expect(out.message).toMatch(/no words to search for/);
  });

  it("refuses a 10,000-character query with a clear message", () => {
    const out = search("cybercrime ".repeat(910).slice(0, 10_000));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.user).toBe(true);
    expect(out.message).toMatch(/10,000 characters long/);
  });

  it("suggests readable words, not stems, when nothing matches", () => {
    const out = search("laundrxxing");
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.answer.items).toEqual([]);
    expect(out.answer.note).toMatch(/Did you mean: .*"laundering"/);
    expect(out.answer.note).not.toMatch(/"launder"/);
  });

  it("keeps the words it has no reading for as typed, and never offers a much shorter word", () => {
    // "agency" is in no sample; "gen" (as in "Gen.") is two letters off it but no reading of it.
    const none = search("agency");
    expect(none.ok && none.answer.note).toMatch(/No passages match "agency"\./);
    expect(none.ok && none.answer.note).not.toMatch(/"gen"|Did you mean/);
    // A word with no close reading stays as typed, never as its stem.
    const some = search("agency laundrxxing");
    expect(some.ok && some.answer.note).toMatch(/Did you mean: "agency laundering"/);
  });
});

describe("termsAndPairs", () => {
  it("gives what termsOf and adjacentPairs give, from one pass over the words", () => {
    const texts = [
      "Deputy Minister Sok Dara met Lim Vanna Chhay in Kampot on 3 May, and the COVID-19 task force's A$2 million plan.",
      "The governor's office said U.S. officials, 2023-2028 budget, e-commerce and cross-border trade were discussed.",
      "Officials in ភ្នំពេញ met Chea Sophal about the river.",
      "",
    ];
    for (const text of texts) {
      const { terms, pairs } = termsAndPairs(text);
      expect(terms).toEqual(termsOf(text));
      expect(pairs).toEqual(adjacentPairs(text));
    }
    expect(termsAndPairs(texts[0]).pairs.length).toBeGreaterThan(3);
  });
});
