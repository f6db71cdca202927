import { describe, expect, it } from "vitest";
import { matchesOf } from "../../src/text/matches.ts";

const plain = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => ({ at: m.index, all: [...m] }));

describe("matchesOf", () => {
  const cases: Array<[RegExp, string]> = [
    [/\b(?:met|meets?)\s+(\p{Lu}\p{L}+)/gu, "The envoy met Sokha, then meets Dara and met nobody."],
    [/\d+/g, "Talks on 3 May, 14 May and 2026."],
    [/x*/g, "axxb"],
    [/(?:)/gu, "a😀b"],
    [/\p{L}*/gu, "😀 émigré 😀"],
    [/nothing/gi, "Nothing here, NOTHING there."],
  ];
  it.each(cases)("gives what matchAll gives for %s", (re, text) => {
    expect(plain(matchesOf(re, text))).toEqual(plain(text.matchAll(re)));
  });

  it("leaves the expression ready for the next text, even when used again inside the loop", () => {
    const word = /\p{L}+/gu;
    const seen: string[] = [];
    for (const m of matchesOf(word, "two words")) seen.push(`${m[0]}:${matchesOf(word, m[0]).length}`);
    expect(seen).toEqual(["two:1", "words:1"]);
    expect(word.lastIndex).toBe(0);
    word.lastIndex = 5;
    expect(matchesOf(word, "again here").map((m) => m[0])).toEqual(["again", "here"]);
  });

  it("refuses an expression without the global flag, as matchAll does", () => {
    expect(() => matchesOf(/a/, "a")).toThrow(/global/);
  });
});
