import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute } from "../../commands/index.ts";
import { Library } from "../../src/library/library.ts";
import { ParagraphIndex, type IndexDoc } from "../../src/search/index.ts";
import { briefingFile, tempDir } from "../support/folders.ts";

/** Typo correction says what it changed, and stays within a distance that fits the word's length. */
describe("typo correction", () => {
  const t = tempDir("bb-corrections-");
  let library: Library;
  beforeAll(async () => {
    writeFileSync(
      path.join(t.dir, "a.txt"),
      briefingFile(
        { title: "Police step up work on online fraud", published: "2025-03-04" },
        "The two ministers agreed on combating online fraud along the border.\n\nThe governor praised the harvest.",
      ),
    );
    library = await Library.open({ dataDir: t.dir, cacheDir: null });
  });
  afterAll(() => t.cleanup());

  const search = (query: string) => {
    const out = execute(library, "search", { query, limit: 5 });
    if (!out.ok) throw new Error(out.message);
    return out.answer;
  };

  it('says "Showing results for combating (no passages contain wombat)", and the JSON carries it', () => {
    const answer = search("wombat");
    expect(answer.items.length).toBeGreaterThan(0);
    expect(answer.note).toBe("Showing results for *combating* (no passages contain *wombat*)");
    expect(answer.json).toMatchObject({
      corrected: { query: "combating", words: [{ typed: "wombat", searched: "combating" }] },
    });
  });

  it("keeps the words that needed no correction in the query it shows", () => {
    expect(search("wombat fraud").note).toBe("Showing results for *combating fraud* (no passages contain *wombat*)");
  });

  it("says nothing when every word was found", () => {
    const answer = search("combating fraud");
    expect(answer.note).toBeUndefined();
    expect(answer.json).not.toHaveProperty("corrected");
  });

  it("corrects one letter in 5–7 letters, two from 8, none in shorter words", () => {
    const docs: IndexDoc[] = ["The police seized a boat and a laptop.", "Prosecutors charged the smugglers."].map(
      (text, id) => ({ id, text, title: "", names: "", n: 1 }),
    );
    const index = ParagraphIndex.build(docs);
    expect(index.corrections("laptip").map((c) => c.term)).toEqual(["laptop"]);
    expect(index.corrections("laxtip")).toEqual([]);
    expect(index.corrections("prosacutars").map((c) => c.typed)).toEqual(["prosacutars"]);
    expect(index.corrections("bost")).toEqual([]);
    expect(index.search("bost").hits).toEqual([]);
  });
});
