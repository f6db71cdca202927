import { describe, expect, it } from "vitest";
import type { Answer, PassageItem } from "../../src/kit/answer.ts";
import { ButtonStates } from "../../src/discord/button-state.ts";
import { LIMITS, renderAnswer } from "../../src/discord/render.ts";
import { shorten } from "../../src/kit/shorten.ts";

const longParagraph = Array.from(
  { length: 60 },
  (_, i) => `Sentence number ${i} talks about @everyone and <@&123456789012345678> in detail.`,
).join(" ");

function answerWith(n: number, text = longParagraph): Answer {
  const items: PassageItem[] = Array.from({ length: n }, (_, i) => ({
    kind: "passage",
    text,
    marks: [[0, 8]],
    citation: {
      source: `id_${i}`,
      paragraph: i + 1,
      title: "A headline [with brackets] ".repeat(6),
      outlet: "The Outlet",
      published: "2024-01-02",
      url: "https://example.org/a_(b)",
    },
  }));
  return {
    command: "search",
    title: "Search: x".repeat(60),
    items,
    page: { page: 1, pageSize: n, total: 40 },
    json: {},
  };
}

const embedTotal = (m: ReturnType<typeof renderAnswer>) =>
  m.embeds.reduce(
    (sum, e) => sum + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0),
    0,
  );

describe("rendering an answer for Discord", () => {
  it.each([1, 5, 25])("fits Discord's limits with %i results of thousands of characters", (n) => {
    const m = renderAnswer(answerWith(n), { previous: "p", next: "n", share: "s" });
    const [embed] = m.embeds;
    expect(embed.title!.length).toBeLessThanOrEqual(LIMITS.title);
    expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.description);
    expect(embedTotal(m)).toBeLessThanOrEqual(LIMITS.total);
    // Every shown item keeps its whole citation (never cut in half).
    const citations =
      embed.description!.match(
        /\*\*\[\d+\]\*\* \[[^\]]*\]\(https:\/\/example\.org\/a_\(b%29\)( — The Outlet · 2024-01-02 · ¶\d+ `id_\d+`)?$/gm,
      ) ?? [];
    expect(citations.length).toBe(n);
    expect(embed.description).toContain("2024-01-02 · ¶");
    expect(embed.footer?.text).toBe(`results 1–${n} of 40`);
    expect(m.allowedMentions).toEqual({ parse: [], repliedUser: false });
  });

  it("cuts quotes at a sentence boundary with an ellipsis and bolds the matched words", () => {
    const m = renderAnswer(answerWith(5));
    const quote = m.embeds[0].description!.split("\n")[0];
    expect(quote.startsWith("> **Sentence**")).toBe(true);
    expect(quote).toMatch(/detail\.…$/);
  });

  it("shortens plain text at sentences, then words", () => {
    expect(shorten("One two. Three four five six.", 15)).toBe("One two.…");
    expect(shorten("Alpha beta gamma delta epsilon", 17)).toBe("Alpha beta gamma…");
    expect(shorten("short", 10)).toBe("short");
  });

  it("offers Previous/Next (Previous disabled on page 1) and Share when asked", () => {
    const m = renderAnswer(answerWith(5), { previous: "p", next: "n", share: "s" });
    const row = m.components[0].components as Array<{ label: string; disabled?: boolean; custom_id: string }>;
    expect(row.map((b) => [b.label, b.disabled ?? false])).toEqual([
      ["Previous", true],
      ["Next", false],
      ["Share to channel", false],
    ]);
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
    const long = { ...short, options: { query: "money laundering ".repeat(20) } };
    const longId = states.encode(long);
    expect(longId.length).toBeLessThanOrEqual(100);
    expect(states.decode(longId)).toEqual(long);
  });

  it("refuses foreign, malformed or forgotten ids", () => {
    const states = new ButtonStates(null);
    for (const bad of [
      "hello",
      "b1|page|search|x|",
      "b1|drop|search|1|",
      "b1|page|search|1|@missingkey",
      "b1|page|search|1|q=%E0",
    ]) {
      expect(states.decode(bad)).toBeNull();
    }
  });
});
