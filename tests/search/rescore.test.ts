import { describe, expect, it } from "vitest";
import { holdsAllTyped, rescore, typedWords } from "../../src/search/rescore.ts";
import { ParagraphIndex, type IndexDoc } from "../../src/search/index.ts";

describe("the rescore window: every word as typed beats stems, synonyms and context", () => {
  it("reads the typed words without stop words, folded, possessives dropped", () => {
    expect([...typedWords("The Ministry's plans to cooperate")]).toEqual(["ministry", "plans", "cooperate"]);
    expect(holdsAllTyped(typedWords("cooperate fisheries"), "They will cooperate on fisheries.")).toBe(true);
    expect(holdsAllTyped(typedWords("cooperate fisheries"), "Cooperation on fisheries grew.")).toBe(false);
  });

  it("moves the paragraph holding the words as typed first, and keeps hits past the window in order", () => {
    const texts = [
      "Cooperation between the two fisheries agencies deepened, the fisheries minister said in a speech on fisheries.",
      "The two provinces agreed to cooperate on fisheries patrols.",
    ];
    const docs: IndexDoc[] = texts.map((text, id) => ({ id, text, title: "", names: "", n: 1 }));
    const index = ParagraphIndex.build(docs);
    const hits = index.search("cooperate fisheries").hits;
    // Stemmed, both paragraphs answer both words; the first repeats "fisheries" and scores higher.
    expect(hits.map((h) => h.id)).toEqual([0, 1]);
    const again = rescore("cooperate fisheries", hits, (id) => texts[id]);
    expect(again.map((h) => h.id)).toEqual([1, 0]);

    const many = Array.from({ length: 14 }, (_, id) => ({ id, score: 100 - id }));
    const out = rescore("cooperate fisheries", many, (id) => (id === 12 ? texts[1] : texts[0]));
    expect(out.map((h) => h.id)).toEqual(many.map((h) => h.id));
  });
});
