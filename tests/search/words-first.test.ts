import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execute } from "../../commands/index.ts";
import { Library } from "../../src/library/library.ts";
import { briefingFile, tempDir } from "../support/folders.ts";

/**
 * A paragraph holding the query's words outranks the paragraphs that only borrow them from their briefing's
 * headline or neighbours; context still lifts a paragraph that leans on the one before it.
 */
describe("the words typed come before their context", () => {
  const t = tempDir("bb-words-first-");
  let library: Library;
  beforeAll(async () => {
    const write = (name: string, title: string, paragraphs: string[]) =>
      writeFileSync(path.join(t.dir, name), briefingFile({ title, published: "2025-05-02" }, paragraphs.join("\n\n")));
    write("a.txt", "Minister asks UK for more help against cybercrime", [
      "The interior minister asked the United Kingdom for more help against cybercrime on Tuesday.",
      "The meeting took place at the ministry in the morning.",
      "He also thanked the visitors for a donation of computers to the provincial schools.",
      "Both sides spoke about the road safety campaign before the rainy season.",
      "The delegation then left for the airport.",
    ]);
    write("b.txt", "Envoy calls on the deputy prime minister", [
      "The deputy prime minister received the new envoy at his office.",
      "The UK ambassador said cybercrime training for police would start in June.",
      "She added that the course would run for three weeks.",
    ]);
    library = await Library.open({ dataDir: t.dir, cacheDir: null });
  });
  afterAll(() => t.cleanup());

  const ranked = (query: string) => {
    const out = execute(library, "search", { query, limit: 10 });
    if (!out.ok) throw new Error(out.message);
    return (out.answer.json as { results: Array<{ text: string }> }).results.map((r) => r.text);
  };

  it('ranks "cybercrime UK" paragraphs that hold the words above those only their headline matches', () => {
    const results = ranked("cybercrime UK");
    const holds = (text: string) => /cybercrime|UK|United Kingdom/.test(text);
    expect(results.slice(0, 2).every(holds)).toBe(true);
    const firstWithout = results.findIndex((r) => !holds(r));
    const lastWith = results.map(holds).lastIndexOf(true);
    expect(firstWithout === -1 || firstWithout > lastWith).toBe(true);
  });

  it("lets context rank a paragraph that continues the one before above an unrelated paragraph of the briefing", () => {
    const results = ranked("cybercrime training course");
    expect(results[0]).toMatch(/cybercrime training/);
    expect(results.indexOf("She added that the course would run for three weeks.")).toBeGreaterThan(0);
    const course = results.indexOf("She added that the course would run for three weeks.");
    const unrelated = results.indexOf("The delegation then left for the airport.");
    expect(unrelated === -1 || course < unrelated).toBe(true);
  });
});
