import { describe, expect, it } from "vitest";
import { parseBriefing } from "../../src/briefings/load.ts";
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
});
