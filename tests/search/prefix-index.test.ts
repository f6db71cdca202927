import { describe, expect, it } from "vitest";
import { PrefixIndex, type PrefixEntry } from "../../src/search/prefix-index.ts";

const entry = (name: string, rank: number, ...aliases: string[]): PrefixEntry<string> => ({
  keys: [name, ...aliases],
  value: name,
  rank,
});

describe("PrefixIndex (autocomplete lookups)", () => {
  const people = new PrefixIndex([
    entry("Tina Redshaw", 2, "Redshaw"),
    entry("Sar Kheng", 0),
    entry("Đỗ Hùng Việt", 1),
    entry("Samdech Hun Manet", 3),
  ]);

  it("finds by the start of any word of a name, folded, best ranked first", () => {
    expect(people.find("red", 25)).toEqual(["Tina Redshaw"]);
    expect(people.find("do hung", 25)).toEqual(["Đỗ Hùng Việt"]);
    expect(people.find("s", 25)).toEqual(["Sar Kheng", "Samdech Hun Manet"]);
    expect(people.find("hun", 25)).toEqual(["Đỗ Hùng Việt", "Samdech Hun Manet"]);
    expect(people.find("", 2)).toEqual(["Sar Kheng", "Đỗ Hùng Việt"]);
    expect(people.find("zz", 25)).toEqual([]);
  });

  it("a short prefix shared by thousands of entries still gives the best-ranked ones, not the alphabetically first", () => {
    const many = Array.from({ length: 5000 }, (_, i) => entry(`aa${String(i).padStart(4, "0")} minor`, 10 + i));
    const index = new PrefixIndex([...many, entry("Azure Council", 0), entry("Zeta Aardvark", 1)]);
    expect(index.find("a", 3)).toEqual(["Azure Council", "Zeta Aardvark", "aa0000 minor"]);
    expect(index.find("aa", 2)).toEqual(["Zeta Aardvark", "aa0000 minor"]);
    expect(index.find("aa4999", 5)).toEqual(["aa4999 minor"]);
  });
});
