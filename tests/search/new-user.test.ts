import { beforeAll, describe, expect, it } from "vitest";
import type { PassageItem } from "../../src/kit/answer.ts";
import { execute } from "../../commands/index.ts";
import { Library } from "../../src/library/library.ts";
import { SAMPLES_DIR } from "../support/folders.ts";

/** Searches a new user tried on the bundled briefings (issue 13), each answered as a reporter expects. */
describe("searches a new user tries on the bundled briefings", () => {
  let library: Library;
  beforeAll(async () => {
    library = await Library.open({ dataDir: SAMPLES_DIR, cacheDir: null });
  });
  const search = (query: string, limit = 16) => {
    const out = execute(library, "search", { query, limit });
    if (!out.ok) throw new Error(out.message);
    const items = out.answer.items as PassageItem[];
    return { answer: out.answer, items };
  };

  it('"cybercrime UK": passages holding the words (or close synonyms) before those that only borrow them', () => {
    const { items } = search("cybercrime UK");
    const holds = items.map((i) => /cyber|tech\w* crime|\bUK\b|United Kingdom|British|Britain/i.test(i.text));
    const firstWithout = holds.indexOf(false);
    expect(firstWithout).toBeGreaterThan(0);
    expect(holds.slice(firstWithout).every((h) => !h)).toBe(true);
    const meeting = items.findIndex((i) => /met with UK ambassador/.test(i.text));
    expect(meeting).toBeGreaterThanOrEqual(0);
    expect(meeting).toBeLessThan(8);
  });

  it('"wombat" says it searched "combating" instead', () => {
    const { answer, items } = search("wombat");
    expect(items.length).toBeGreaterThan(0);
    expect(answer.note).toBe("Showing results for *combating* (no passages contain *wombat*)");
  });

  it('"Hun Sen" never returns Hun Manet', () => {
    const { items } = search("Hun Sen");
    expect(items.filter((i) => /Manet/.test(i.text) && !/Hun Sen/.test(i.text))).toEqual([]);
  });
});
