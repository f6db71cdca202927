import { describe, expect, it } from "vitest";
import type { Answer, EventItem, PassageItem } from "../../src/kit/answer.ts";
import { ButtonStates } from "../../src/discord/button-state.ts";
import { renderAnswer, type Place } from "../../src/discord/render.ts";
import { embedChars, LIMITS } from "../../src/discord/layout.ts";
import { slashSyntax } from "../../src/discord/markdown.ts";
import { shorten } from "../../src/kit/shorten.ts";
import {
  buttonsOf,
  footerRange,
  messageText,
  numbersShown,
  quotes,
  readingProblems,
  TERMINAL_SYNTAX,
  unwindowed,
} from "../support/discord-text.ts";

const longParagraph = Array.from(
  { length: 60 },
  (_, i) => `Sentence number ${i} talks about @everyone and <@&123456789012345678> in detail.`,
).join(" ");

const citation = (i: number, source = `000_${String(i).padStart(16, "0")}`) => ({
  source,
  paragraph: i + 1,
  title: "A headline [with brackets] ".repeat(6),
  outlet: "The Outlet",
  published: "2024-01-02",
  url: "https://example.org/a_(b)",
});

function answerWith(n: number, text = longParagraph, oneBriefing = false): Answer {
  const at = text.indexOf("number 41");
  const items: PassageItem[] = Array.from({ length: n }, (_, i) => ({
    kind: "passage",
    text,
    marks: [[at, at + 6]],
    score: 1,
    citation: citation(i, oneBriefing ? "000_1ce3e456409cc760" : undefined),
  }));
  return {
    command: "search",
    title: "Search: x".repeat(60),
    items,
    page: { page: 1, pageSize: n, total: 40 },
    json: {},
  };
}

const go = (at: Place) => `go|${at.page}|${at.skip}`;
const withinLimits = (m: ReturnType<typeof renderAnswer>["message"]) => {
  expect(m.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  expect(embedChars(m.embeds)).toBeLessThanOrEqual(LIMITS.total);
  expect(m.content!.length).toBeLessThanOrEqual(LIMITS.content);
  for (const e of m.embeds) {
    expect(e.description!.length).toBeLessThanOrEqual(LIMITS.description);
    expect((e.title ?? "").length).toBeLessThanOrEqual(LIMITS.title);
  }
};

describe("rendering an answer for Discord: a budget that never loses an item", () => {
  it.each([1, 5, 25])("fits Discord's limits with %i results of thousands of characters, footer = items shown", (n) => {
    const { message, shown } = renderAnswer(answerWith(n), { go, share: "s" });
    withinLimits(message);
    const numbers = numbersShown(message);
    expect(numbers).toEqual(Array.from({ length: shown[1] - shown[0] }, (_, i) => i + 1));
    const range = footerRange(message)!;
    expect([range.first, range.last, range.total]).toEqual([1, numbers.length, 40]);
    expect(message.embeds.at(-1)!.footer!.text).toContain(`+${40 - numbers.length} more`);
    expect(message.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it("paging through a page the budget splits shows every item exactly once, Next then Previous", () => {
    const answer = answerWith(25);
    const seen: number[] = [];
    const starts: number[] = [];
    let skip = 0;
    for (let guard = 0; guard < 30; guard++) {
      const { message, shown } = renderAnswer(answer, { go }, skip);
      starts.push(shown[0]);
      seen.push(...numbersShown(message));
      const range = footerRange(message)!;
      expect(range.first).toBe(shown[0] + 1);
      expect(range.last).toBe(shown[1]);
      const next = buttonsOf(message).find((b) => b.label === "Next")!;
      const [, page, nextSkip] = next.custom_id.split("|").map(Number);
      if (page === 2) break;
      skip = nextSkip;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(starts.length).toBeGreaterThan(1);
    // Previous from the second message goes back to where the first started.
    const second = renderAnswer(answer, { go }, starts[1]).message;
    expect(buttonsOf(second).find((b) => b.label === "Previous")!.custom_id).toBe("go|1|0");
    // From page 2, Previous opens page 1's last message.
    const page2 = renderAnswer({ ...answer, page: { page: 2, pageSize: 25, total: 40 } }, { go }).message;
    expect(buttonsOf(page2).find((b) => b.label === "Previous")!.custom_id).toBe("go|1|-1");
    expect(numbersShown(renderAnswer(answer, { go }, -1).message).at(-1)).toBe(25);
  });

  it("quotes a window around the first marked word, verbatim, with … only at the window's ends", () => {
    const { message } = renderAnswer(answerWith(5));
    const shown = quotes(message);
    expect(shown.length).toBeGreaterThan(0);
    for (const q of shown) {
      expect(q).toContain("number 41");
      expect(longParagraph).toContain(unwindowed(q));
      expect(unwindowed(q)).not.toContain("…");
    }
    expect(message.embeds[0].description).toContain("**number**");
  });

  it("names a briefing once for all its passages, and shows no raw id", () => {
    const { message } = renderAnswer(answerWith(5, "A short paragraph about the matter at hand.", true));
    const text = messageText(message);
    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0].title).toBe(shorten("A headline [with brackets] ".repeat(6), 256));
    expect(message.embeds[0].url).toBe("https://example.org/a_(b)");
    expect(message.embeds[0].author!.name).toBe("The Outlet · 2\u00a0Jan\u00a02024");
    expect(text).not.toContain("000_1ce3e456409cc760");
    expect(text).not.toContain("2024-01-02");
    expect(numbersShown(message)).toEqual([1, 2, 3, 4, 5]);
  });

  it("offers Previous (disabled on the first page) and Next with distinct ids, and Share when asked", () => {
    const { message } = renderAnswer(answerWith(5, "Short."), { go, share: "s" });
    const row = buttonsOf(message);
    expect(row.map((b) => [b.label, b.disabled ?? false])).toEqual([
      ["Previous", true],
      ["Next", false],
      ["Share to channel", false],
    ]);
    expect(new Set(row.map((b) => b.custom_id)).size).toBe(3);
  });
});

describe("events and wording in Discord", () => {
  const event = (i: number, source: string): EventItem => ({
    kind: "event",
    heading: `24 Jan 2024 · Minister ${i} met the envoy · Capital City`,
    facts: [
      ["Topic", "road safety"],
      ["Date", "24 Jan 2024"],
    ],
    quote: `Minister ${i} met the envoy in Capital City on Wednesday to discuss road safety.`,
    citation: { ...citation(i, source), title: "Envoy visit" },
  });

  it("an event is a heading, the quote and the citation; a briefing cited above is not named again", () => {
    const answer: Answer = {
      command: "meetings",
      title: "Meetings with the envoy",
      items: [event(1, "a"), event(2, "a"), event(3, "b")],
      json: {},
    };
    const { message } = renderAnswer(answer);
    const blocks = message.embeds[0].description!.split("\n\n");
    expect(blocks).toHaveLength(3);
    for (const b of blocks) expect(b.split("\n").length).toBeLessThanOrEqual(3);
    expect(blocks[0]).toMatch(/^\*\*24 Jan 2024 · Minister 1 met the envoy · Capital City\*\*\n> Minister 1/);
    expect(blocks[0]).toContain(
      "— [Envoy visit](https://example.org/a_(b%29) · The Outlet · 2\u00a0Jan\u00a02024 · ¶2",
    );
    expect(blocks[1]).toMatch(/— ¶3, same briefing as above$/);
    expect(messageText(message).match(/Envoy visit/g)).toHaveLength(2);
    expect(messageText(message)).not.toMatch(/Topic|Date:/);
  });

  it("a briefing cited further up, not just above, is pointed at by its headline only", () => {
    const answer: Answer = {
      command: "person",
      title: "Minister",
      items: [event(1, "a"), event(2, "b"), event(3, "a")],
      json: {},
    };
    const blocks = renderAnswer(answer).message.embeds[0].description!.split("\n\n");
    expect(blocks[2]).toMatch(/— ¶4 of \[\*Envoy visit\*\]\(https:\/\/example\.org\/a_\(b%29\)$/);
    expect(blocks[2]).not.toContain("same briefing as above");
  });

  it("notes name commands in slash syntax, as code, with no escaped backticks or --options", () => {
    const answer: Answer = {
      command: "person",
      title: "Sar Kheng",
      items: [],
      note: 'Showing the latest 10; see `meetings --who "Sar Kheng"` and `search cybercrime UK` for all. Use `people`. *Italic* a_b.',
      json: {},
    };
    const text = messageText(renderAnswer(answer).message);
    expect(text).toContain("`/meetings who:Sar Kheng`");
    expect(text).toContain("`/search query:cybercrime UK`");
    expect(text).toContain("`/people`");
    expect(text).toContain("*Italic* a\\_b.");
    expect(text).not.toMatch(TERMINAL_SYNTAX);
    expect(slashSyntax("frobnicate --x 1")).toBeNull();
  });
});

describe("button state in custom_id", () => {
  it("round-trips inline, and through the store for long options, within 100 characters", () => {
    const states = new ButtonStates(null);
    const short = {
      action: "page" as const,
      command: "search",
      page: 2,
      options: { query: "grey list", from: "2024-01-01", hide: true },
    };
    const id = states.encode(short);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(states.decode(id)).toEqual(short);
    const long = { ...short, skip: 7, options: { query: "money laundering ".repeat(20) } };
    const longId = states.encode(long);
    expect(longId.length).toBeLessThanOrEqual(100);
    expect(states.decode(longId)).toEqual(long);
    const last = { ...short, skip: -1 };
    expect(states.decode(states.encode(last))).toEqual(last);
  });

  it("refuses foreign, malformed or forgotten ids", () => {
    const states = new ButtonStates(null);
    for (const bad of [
      "hello",
      "b1|page|search|x|",
      "b1|drop|search|1|",
      "b1|page|search|1|@missingkey",
      "b1|page|search|1|q=%E0",
      "b1|page|search|1+x|",
      "none|next",
    ]) {
      expect(states.decode(bad)).toBeNull();
    }
  });
});

describe("what the issue found, held on rendered bodies", () => {
  const quote = (i: number) =>
    `Minister ${i} said the talks went well. ${"They spoke at length about roads. ".repeat(40)}`;
  const events = (n: number): Answer => ({
    command: "person",
    title: "Minister",
    items: Array.from({ length: n }, (_, i) => ({
      kind: "event" as const,
      heading: `24 Jan 2024 · Minister ${i + 1} of the ${"Ministry of Long Names and ".repeat(7)}Roads — pledge`,
      facts: [],
      quote: quote(i + 1),
      citation: { ...citation(i), title: `Briefing ${i + 1}`, url: `https://example.org/${i + 1}` },
    })),
    json: {},
  });

  it("events the budget cannot fit in one message are one Next away, each shown once, footer = items shown", () => {
    const answer = events(25);
    const seen: string[] = [];
    let skip = 0;
    let messages = 0;
    for (let guard = 0; guard < 25; guard++) {
      messages++;
      const { message, shown } = renderAnswer(answer, { go }, skip);
      withinLimits(message);
      const text = messageText(message);
      const here = answer.items.filter((i) => i.kind === "event" && text.includes(`**${i.heading}**`));
      expect(here.length).toBe(shown[1] - shown[0]);
      seen.push(...here.map((i) => (i.kind === "event" ? i.heading : "")));
      const range = footerRange(message);
      expect(range === null ? [1, 25] : [range.first, range.last]).toEqual([shown[0] + 1, shown[1]]);
      if (shown[1] >= 25) break;
      expect(message.embeds.at(-1)!.footer!.text).toContain(`+${25 - shown[1]} more`);
      skip = Number(
        buttonsOf(message)
          .find((b) => b.label === "Next")!
          .custom_id.split("|")[2],
      );
    }
    expect(seen).toEqual(answer.items.map((i) => (i.kind === "event" ? i.heading : "")));
    expect(seen.length).toBe(25);
    expect(messages).toBeGreaterThan(1);
  });

  it("an answer shown whole has no footer counting it ('results 1–1 of 1')", () => {
    const one = { ...answerWith(1, "Short."), page: { page: 1, pageSize: 5, total: 1 } };
    expect(footerRange(renderAnswer(one, { go }).message)).toBeNull();
    expect(buttonsOf(renderAnswer(one, { go }).message)).toEqual([]);
  });

  it("space a short passage leaves goes to a long one: /source quotes whole paragraphs when they fit", () => {
    const long = `${"The committee met again and heard from the harbour master about tides. ".repeat(40)}End.`;
    const answer: Answer = {
      command: "source",
      title: "A briefing",
      items: [1, 2, 3].map((n) => ({
        kind: "passage" as const,
        text: n === 2 ? long : `Paragraph ${n} is short.`,
        marks: [],
        asked: n === 2,
        citation: citation(n, "000_1ce3e456409cc760"),
      })),
      json: {},
    };
    expect(long.length).toBeGreaterThan(2800);
    const shown = quotes(renderAnswer(answer).message);
    expect(shown).toEqual(["Paragraph 1 is short.", long, "Paragraph 3 is short."]);
    expect(messageText(renderAnswer(answer).message)).toContain("**[2]** ¶3 · the paragraph asked for");
  });

  it("a hit showing none of the words it was found by says why it is there", () => {
    const answer: Answer = {
      ...answerWith(1, "A paragraph that names nothing searched for."),
      items: [{ ...answerWith(1).items[0], text: "No word of the query.", marks: [] } as PassageItem],
    };
    expect(messageText(renderAnswer(answer).message)).toContain("*Found through its headline or a related word.*");
  });

  it("the reading check catches each problem the issue describes in a recorded body", () => {
    const body = (description: string, content = "**Pledges by UK**", footer?: string) => ({
      content,
      embeds: [{ description, ...(footer ? { footer: { text: footer } } : {}) }],
    });
    const cases: Array<[ReturnType<typeof body>, string]> = [
      [body("Latest mention: 2024-01-25, ¶10"), "an ISO date"],
      [body("Index built 2026-12-01T18:36:59.569Z"), "a machine time"],
      [body("1 paragraphs in 1 briefings"), "a wrong plural"],
      [body("x", "**Meetings**\n0 meetings, newest first"), "a count or possessive that reads as debug output"],
      [body("x", "**meetings — who: Vietnamese**"), "a header like debug output (command — option: value)"],
      [body("*pledges — who: UK*\n\n\nNo pledges by UK"), "blank lines in a row"],
      [body("x", "**Search**", "Showing 1 of 1"), "a footer counting everything shown"],
      [
        body(
          "**24 Jan 2024 · A met B**\n> q\n— [H](https://e.org/1) · O · 24 Jan 2024 · ¶1\n\n**25 Jan 2024 · A met C**\n> r\n— [H](https://e.org/1) · O · 24 Jan 2024 · ¶2",
        ),
        "a briefing cited in full twice",
      ],
      [
        body("**24 Jan 2024 · Pledge · Cambodia**\nDate: 24 Jan 2024\nActor: Cambodia\nKind: Pledge\n> q\n— H"),
        "an event block over four lines",
      ],
      [body("• Sar Kheng · 3 mentions · [(link)](https://e.org)"), "'(link)' or an actor label in brackets"],
      [body("**24 Jan 2024 · Vietnam (per To Lam) — pledge**\n> q\n— H"), "'(link)' or an actor label in brackets"],
    ];
    for (const [message, problem] of cases) expect(readingProblems(message)).toContain(problem);
    const good = renderAnswer(events(3)).message;
    expect(readingProblems(good)).toEqual([]);
    expect(readingProblems({ embeds: [{ title: "A" }, { title: "A" }] })).toContain("a headline twice");
  });
});
