import { describe, expect, it } from "vitest";
import { ParagraphIndex, type IndexDoc } from "../../src/search/index.ts";
import { withinBriefing, WITHIN_BRIEFING } from "../../src/search/within-briefing.ts";

/** An invented story: the topic's words in most paragraphs (and the lead), the asked-for detail in one. */
const STORY = [
  "Laos and Cambodia held their annual border security talks in Vientiane on Monday, the interior ministry said.",
  "The border security talks covered drug smuggling, human trafficking and illegal crossings along the border.",
  "Officials from both sides said border security had improved since the last round of talks.",
  "The meeting, held behind closed doors at a riverside hotel, was co-chaired by Deputy Minister Bounmy Keola and his Cambodian counterpart.",
  "Both delegations agreed to share information on border crossings each month.",
];
/** Another briefing on the same subject, weaker on the query. */
const OTHER = ["Thailand said its own border security review would finish next year."];

function build(): { index: ParagraphIndex; briefingOf: (id: number) => number } {
  const docs: IndexDoc[] = [...STORY, ...OTHER].map((text, id) => ({
    id,
    text,
    title: "",
    names: "",
    n: id < STORY.length ? id + 1 : id - STORY.length + 1,
  }));
  return { index: ParagraphIndex.build(docs), briefingOf: (id) => (id < STORY.length ? 0 : 1) };
}

describe("the second look within a briefing: the paragraph with the asked-for detail, not the topic's lead", () => {
  const query = "who chaired the border security talks";

  it("puts the paragraph holding the rare concept above the lead that repeats the topic", () => {
    const { index, briefingOf } = build();
    const found = index.search(query).hits;
    // BM25 with the lead prior: the lead (or another topic paragraph) first, the chaired paragraph below.
    expect(found[0].id).not.toBe(3);
    const again = withinBriefing(found, briefingOf, (ids) => index.conceptScores(query, ids));
    expect(again[0].id).toBe(3);
    // The briefing keeps the scores it had: the same multiset, handed out in the new order.
    expect(again.map((h) => h.score)).toEqual(found.map((h) => h.score));
    expect(new Set(again.map((h) => h.id))).toEqual(new Set(found.map((h) => h.id)));
  });

  it("leaves a briefing alone when its other hits are far below its best, and never reorders briefings", () => {
    const hits = [
      { id: 0, score: 10 },
      { id: 5, score: 9 },
      { id: 3, score: 6 }, // below 0.65 × 10: not in the contest
    ];
    let looked = false;
    const out = withinBriefing(
      hits,
      (id) => (id === 5 ? 1 : 0),
      () => {
        looked = true;
        throw new Error("no contest, no look");
      },
    );
    expect(out).toEqual(hits);
    expect(looked).toBe(false);
  });

  it("keeps hits past the window in their order", () => {
    const { index, briefingOf } = build();
    const many = Array.from({ length: WITHIN_BRIEFING.window + 4 }, (_, i) => ({ id: i % 6, score: 100 - i }));
    const out = withinBriefing(many, briefingOf, (ids) => index.conceptScores(query, ids));
    expect(out.slice(WITHIN_BRIEFING.window)).toEqual(many.slice(WITHIN_BRIEFING.window));
  });
});
