import { describe, expect, it } from "vitest";
import { isNonNameCap } from "../../src/extraction/names.ts";
import { foldName } from "../../src/extraction/people-registry.ts";
import { tokenize } from "../../src/extraction/tokens.ts";

describe("a capitalised word that is no name", () => {
  const word = (text: string) => tokenize(text)[0];

  it("is told apart by where it stands, however often the word was seen before", () => {
    // "May" is a month next to a number and a name elsewhere; "Since" starts a clause but is a name's word inside one.
    for (let round = 0; round < 2; round++) {
      expect(isNonNameCap(word("May"), false, true)).toBe(true);
      expect(isNonNameCap(word("May"), false, false)).toBe(false);
      expect(isNonNameCap(word("Since"), true)).toBe(true);
      expect(isNonNameCap(word("Since"), false)).toBe(false);
    }
  });

  it("is the same for a word whatever was asked of it first", () => {
    expect(isNonNameCap(word("Minister"), false)).toBe(true);
    expect(isNonNameCap(word("Minister"), true)).toBe(true);
    expect(isNonNameCap(word("Sokha"), true)).toBe(false);
    expect(isNonNameCap(word("Sokha"), false)).toBe(false);
    expect(isNonNameCap(word("ASEAN"), false)).toBe(true);
    expect(isNonNameCap(word("Gen."), false)).toBe(true);
  });
});

describe("a name folded for comparison", () => {
  it("loses case, marks, curly apostrophes and a possessive, ASCII or not", () => {
    expect(["Sok's", "SOK", "O'Neill", "O'Neill's", "Dara’s", "Nguyễn's", "Đặng", "Ōsaka’s"].map(foldName)).toEqual([
      "sok",
      "sok",
      "o'neill",
      "o'neill",
      "dara",
      "nguyen",
      "đang",
      "osaka",
    ]);
  });
});
