import { describe, expect, it } from "vitest";
import { holdsWord } from "../../src/text/words.ts";

/** The expression holdsWord answers for, built the slow way. */
const byExpression = (text: string, word: string) =>
  new RegExp(`(?:^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}s?(?:$|[^\\p{L}])`, "u").test(text);

describe("holdsWord", () => {
  const texts = [
    "deputy minister ; foreign minister",
    "ministers of state",
    "administer",
    "prime-minister",
    "minister",
    "the ministerial council ; minister",
    "vice minister's office",
    "envoys",
    "envoyss",
    "1minister2",
    "éminister",
    "𝐀minister",
    "minister𝐀",
    "minister😀",
    "😀minister",
    "d.g. ; director-general",
  ];
  const words = ["minister", "envoy", "director-general", "d.g.", "s", "minist"];
  for (const text of texts)
    for (const word of words)
      it(`answers as the expression for "${word}" in "${text}"`, () => {
        expect(holdsWord(text, word)).toBe(byExpression(text, word));
      });

  it("finds a word only as a whole word, or with a plural s", () => {
    expect(holdsWord("foreign ministers ; envoy", "minister")).toBe(true);
    expect(holdsWord("administer", "minister")).toBe(false);
    expect(holdsWord("ministerial", "minister")).toBe(false);
    expect(holdsWord("anything", "")).toBe(false);
  });
});
