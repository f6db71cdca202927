import { describe, expect, it } from "vitest";
import { termsOf, tokenize } from "../../src/search/analyze.ts";
import { markTerms } from "../../src/search/highlight.ts";
import { ParagraphIndex, type IndexDoc } from "../../src/search/index.ts";

/**
 * Khmer, Thai and Lao are written without spaces between words and with vowel signs and subscripts that belong to
 * their letter: search cuts them into words (Intl.Segmenter) and never splits a grapheme cluster.
 */
const graphemes = new Intl.Segmenter("km", { granularity: "grapheme" });
const boundaries = (text: string) => new Set([...graphemes.segment(text)].map((g) => g.index).concat(text.length));

function indexOf(texts: string[]) {
  const docs: IndexDoc[] = texts.map((text, id) => ({ id, text, title: "", names: "", n: 1 }));
  const index = ParagraphIndex.build(docs);
  return { index, find: (q: string) => index.search(q).hits.map((h) => texts[h.id]) };
}

// Invented sentences: "Samdech met the ambassador" / "the minister met the police" / "the market sells fish".
const SAMDECH = "សម្តេចបានជួបឯកអគ្គរដ្ឋទូតនៅភ្នំពេញ";
const MINISTER = "រដ្ឋមន្ត្រីបានជួបនគរបាល";
const MARKET = "ផ្សារលក់ត្រី";

describe("Khmer, Thai and Lao", () => {
  it("cuts Khmer into words that keep their vowel signs and subscripts", () => {
    const words = tokenize(SAMDECH);
    expect(words).toContain("សម្តេច");
    expect(words.join("")).toBe(SAMDECH);
    expect(words.every((w) => w.length > 1)).toBe(true);
    expect(termsOf("សម្តេច")).toEqual(["សម្តេច"]);
  });

  it("finds a Khmer word, not paragraphs that merely share some of its letters", () => {
    const { find } = indexOf([SAMDECH, MINISTER, MARKET]);
    expect(find("សម្តេច")).toEqual([SAMDECH]);
    expect(find("ជួប")).toEqual(expect.arrayContaining([SAMDECH, MINISTER]));
    expect(find("ជួប")).not.toContain(MARKET);
  });

  it("marks whole words, never splitting a grapheme cluster", () => {
    const { index } = indexOf([SAMDECH, MINISTER]);
    const [hit] = index.search("សម្តេច").hits;
    const marks = markTerms(SAMDECH, hit.terms);
    expect(marks.map(([a, b]) => SAMDECH.slice(a, b))).toEqual(["សម្តេច"]);
    const cut = boundaries(SAMDECH);
    for (const [a, b] of marks) expect(cut.has(a) && cut.has(b)).toBe(true);
  });

  it("cuts Thai and Lao into words", () => {
    // "police arrested the suspects" (Thai), "the Lao police arrested" (Lao).
    expect(tokenize("ตำรวจจับกุมผู้ต้องสงสัย")).toEqual(expect.arrayContaining(["ตำรวจ", "จับกุม"]));
    expect(tokenize("ຕຳຫຼວດລາວຈັບກຸມ")).toEqual(expect.arrayContaining(["ຕຳຫຼວດ", "ຈັບກຸມ"]));
    const { find } = indexOf(["ตำรวจจับกุมผู้ต้องสงสัย", "ตลาดขายปลา"]);
    expect(find("ตำรวจ")).toEqual(["ตำรวจจับกุมผู้ต้องสงสัย"]);
  });

  it("still folds Latin and Vietnamese diacritics", () => {
    expect(termsOf("Hà Nội")).toEqual(termsOf("ha noi"));
  });
});
