import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_BRIEFING_BYTES, parseBriefing } from "../../src/briefings/load.ts";
import { Library } from "../../src/library/library.ts";
import { briefingFile, tempDir } from "../support/folders.ts";
import { extractEvents } from "../../src/extraction/extract.ts";
import { MAX_SENTENCE, splitSentences } from "../../src/extraction/sentences.ts";

/** Invented run-on text with no full stop: a flattened page, every word a candidate for the extractor. */
function runOn(chars: number): string {
  const words = [
    "the",
    "mayor",
    "met",
    "harbour",
    "officials",
    "in",
    "Lisbon",
    "on",
    "Friday",
    "and",
    "promised",
    "$2",
  ];
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const word = words[(i * 5 + (i >> 2)) % words.length];
    out.push(word);
    length += word.length + 1;
  }
  return out.join(" ");
}

/**
 * Invented prose of about `chars` characters on one line: mostly plain sentences, with a meeting (each with people of
 * its own), a promise and a quotation in every twelve, as a flattened page of a live blog would read.
 */
function flattenedPage(chars: number): string {
  const first = ["Ana", "Tomas", "Lucia", "Marek", "Ines", "Paulo", "Sofia", "Jonas", "Elena", "Rui", "Clara"];
  const last = ["Duarte", "Reyes", "Valen", "Moreau", "Kessler", "Brandt", "Oliva", "Sandor", "Ferro", "Marin"];
  const person = (i: number) => `${first[i % first.length]} ${last[Math.floor(i / first.length) % last.length]}`;
  const towns = ["Lisbon", "Porto", "Vienna", "Geneva", "Dublin"];
  const sentences = [
    (a: string, b: string, t: string) => `Minister ${a} met ${b} in ${t} on Friday to discuss the harbour.`,
    () => "The river rose slowly through the night and the old bridge held.",
    () => "Farmers along the valley watched the water from their porches while the rain kept falling.",
    () => "Traders in the covered market said prices had barely moved since the spring",
    () => "Buses ran late on the coast road, and the schools stayed open.",
    (a: string) => `"The ferry will run again by March," ${a} told reporters.`,
    () => "Nobody in the town hall would say when the report was due.",
    () => "Fishing boats stayed in the bay until the wind dropped after dark.",
    () => "The old lighthouse keeper counted the gulls on the pier each morning.",
    (a: string) => `${a} promised to spend $2 million on new cranes next year.`,
    () => "Children walked to school along the flooded lane in their boots.",
    () => "The bakery on the square sold out of bread before nine.",
  ];
  const out: string[] = [];
  for (let i = 0, length = 0; length < chars; i++) {
    const s = sentences[i % sentences.length](person(i), person(i * 7 + 3), towns[i % towns.length]);
    out.push(s);
    length += s.length + 1;
  }
  return out.join(" ");
}

describe("a briefing's text costs time in proportion to its size", () => {
  it("cuts a run of text with no sentence end into sentences of at most MAX_SENTENCE characters", () => {
    const text = runOn(50_000);
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(20);
    for (const s of sentences) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(text.slice(s.start, s.end)).toBe(s.text); // still verbatim slices
    }
    expect(sentences.map((s) => s.text).join(" ")).toBe(text);
  });

  it("reads and extracts a one-line article of many quotations and run-on text in seconds", () => {
    const quotes = '"The ferry will run," she said. '.repeat(3_000);
    const source = `${quotes}${runOn(100_000)}\n`;
    const started = performance.now();
    const parsed = parseBriefing("long.txt", Buffer.from(source));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const events = extractEvents(parsed.briefing);
    const seconds = (performance.now() - started) / 1000;
    // Before: about 10 s (each quotation searched the whole text before it for its speaker, each meeting sorted
    // the names of every meeting before it to compare); now 1 to 3 s on a busy 2-core machine.
    expect(seconds).toBeLessThan(8);
    expect(events.meetings.length).toBeGreaterThan(0);
  });

  it("indexes a one-line article of 1.9 MB, to its last word", async () => {
    const folder = tempDir("briefings-long-line-");
    try {
      // Before: about two minutes to index (the event loop blocked for most of it), more than this test waits.
      const body = `${flattenedPage(1_900_000)} In the end the quartermistress signed.`;
      const source = briefingFile(
        { title: "Harbour live", published: "2024-06-01", url: "https://example.org/live" },
        body,
      );
      expect(source.split("\n").filter((l) => l.length > 1_000_000)).toHaveLength(1);
      expect(Buffer.byteLength(source)).toBeLessThan(MAX_BRIEFING_BYTES);
      writeFileSync(path.join(folder.dir, "live.txt"), source);
      const library = await Library.open({ dataDir: folder.dir, cacheDir: null });
      expect(library.problems).toEqual([]);
      expect(library.briefings.map((b) => b.id)).toEqual(["live"]);
      const found = library.search({ query: "quartermistress" });
      expect(found.total).toBe(1);
      expect(found.hits[0].paragraph.text.endsWith("the quartermistress signed.")).toBe(true);
    } finally {
      folder.cleanup();
    }
  });
});
