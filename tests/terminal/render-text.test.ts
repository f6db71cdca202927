import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/kit/answer.ts";
import { ANSI, MONO, PLAIN, renderText, styleFor } from "../../src/terminal/render-text.ts";

const citation = (paragraph: number) => ({
  source: "000_1ce3e456409cc760",
  paragraph,
  title: "Ferries resume",
  outlet: "Test Gazette",
  published: "2024-06-09",
  url: "https://example.org/ferries",
});
const long = `${"Officials met on the river bank to talk about timetables. ".repeat(20)}The ferry crossing reopened.`;
const answer: Answer = {
  command: "search",
  title: "Search: ferry",
  items: [
    {
      kind: "passage",
      text: long,
      marks: [[long.indexOf("ferry"), long.indexOf("ferry") + 5]],
      score: 1,
      citation: citation(2),
    },
    { kind: "passage", text: "A short one about the ferry.", marks: [[22, 27]], score: 1, citation: citation(5) },
  ],
  json: {},
};

describe("terminal rendering", () => {
  it("colour only on a terminal, and not with NO_COLOR", () => {
    expect(styleFor({ isTTY: true })).toBe(ANSI);
    expect(styleFor({ isTTY: true }, true)).toBe(MONO);
    expect(styleFor({ isTTY: false })).toBe(PLAIN);
    expect(renderText(answer, MONO)).not.toContain("\u001b[");
  });

  it("piped: whole paragraphs, verbatim, the briefing named once", () => {
    const text = renderText(answer, PLAIN);
    expect(text).toContain(`\n  ${long}\n`);
    expect(text.match(/Ferries resume/g)).toHaveLength(1);
    expect(text).toContain('"Ferries resume" — Test Gazette · 9\u00a0Jun\u00a02024');
    expect(text).not.toContain("000_1ce3e456409cc760");
  });

  it("for a person reading, a long paragraph is a window around its first match, … only at its ends", () => {
    const text = renderText(answer, MONO);
    const quote = text
      .split("\n")
      .find((l) => l.includes("ferry crossing"))!
      .trim();
    expect(quote.startsWith("…")).toBe(true);
    expect(long).toContain(quote.slice(1));
  });

  it("marks the paragraph asked for in source context", () => {
    const source: Answer = {
      command: "source",
      title: "Ferries resume",
      items: [1, 2, 3].map((n) => ({
        kind: "passage",
        text: `Paragraph ${n}.`,
        marks: [],
        citation: citation(n),
        ...(n === 2 ? { asked: true } : {}),
      })),
      json: {},
    };
    const text = renderText(source, PLAIN);
    expect(text).toContain("[2] ¶2  ← the paragraph asked for");
    expect(text.match(/asked for/g)).toHaveLength(1);
  });

  it("a hit showing none of the words it was found by says why it is there; a marked one does not", () => {
    const unmarked: Answer = {
      ...answer,
      items: [{ kind: "passage", text: "Nothing searched for here.", marks: [], score: 1, citation: citation(3) }],
    };
    expect(renderText(unmarked, PLAIN)).toContain("(found through its headline or a related word)");
    expect(renderText(answer, PLAIN)).not.toContain("found through");
  });

  it("human dates and plurals in what a person reads: no ISO date, no '1 paragraphs'", () => {
    const text = renderText(answer, MONO);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toContain("9\u00a0Jun\u00a02024");
  });

  it("an empty answer's next step is a line to type, in the terminal's syntax", () => {
    const empty: Answer = {
      command: "meetings",
      title: "Meetings with Sar Kheng",
      items: [],
      note: "No meetings with Sar Kheng.",
      next: {
        label: "Search passages for “Sar Kheng”",
        command: "search",
        options: { query: "Sar Kheng", from: "2024-01" },
      },
      json: {},
    };
    const text = renderText(empty, PLAIN);
    expect(text).toMatch(
      /^No meetings with Sar Kheng\.\nNext step: search Sar Kheng --from 2024-01 {2}\(search passages for “Sar Kheng”\)$/m,
    );
  });
});
