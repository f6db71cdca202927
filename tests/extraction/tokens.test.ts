import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/extraction/tokens.ts";

const words = (text: string) => tokenize(text).map((t) => [t.text, t.base, t.possessive, t.cap, t.kind]);

describe("the extraction tokenizer", () => {
  it("splits a possessive off as a flag, with either apostrophe, and keeps other apostrophes", () => {
    expect(words("Laos’s envoy met the ministers' aides and O'Neill's staff")).toEqual([
      ["Laos’s", "Laos", true, true, "word"],
      ["envoy", "envoy", false, false, "word"],
      ["met", "met", false, false, "word"],
      ["the", "the", false, false, "word"],
      ["ministers'", "ministers", true, false, "word"],
      ["aides", "aides", false, false, "word"],
      ["and", "and", false, false, "word"],
      ["O'Neill's", "O'Neill", true, true, "word"],
      ["staff", "staff", false, false, "word"],
    ]);
  });

  it("reads capitals and letters beyond ASCII", () => {
    const t = tokenize("Élise and Đặng met étudiants in Ōsaka, 12 of them.");
    expect(t.filter((x) => x.kind === "word").map((x) => [x.base, x.cap])).toEqual([
      ["Élise", true],
      ["and", false],
      ["Đặng", true],
      ["met", false],
      ["étudiants", false],
      ["in", false],
      ["Ōsaka", true],
      ["of", false],
      ["them", false],
    ]);
    expect(t.map((x) => x.kind)).toEqual([
      ...["word", "word", "word", "word", "word", "word", "word", "punct", "num"],
      ...["word", "word", "punct"],
    ]);
  });

  it("keeps an abbreviation's full stop and parts a sentence's", () => {
    expect(tokenize("Lt. Gen. Sok met U.S. staff in Hanoi.").map((t) => t.text)).toEqual([
      ...["Lt.", "Gen.", "Sok", "met", "U.S.", "staff", "in", "Hanoi", "."],
    ]);
  });

  it("takes a short word ending in s and an apostrophe as a possessive, a lone 's as punctuation and a word", () => {
    expect(words("us' 's")).toEqual([
      ["us'", "us", true, false, "word"],
      ["'", "'", false, false, "punct"],
      ["s", "s", false, false, "word"],
    ]);
  });
});
