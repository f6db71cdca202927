/**
 * Who a pledge belongs to when the sentence names its maker only by a pronoun, a title or
 * "both sides" (issue 12): invented briefings, each with a twin showing what must not change.
 */
import { describe, expect, it } from "vitest";
import { lastParagraph } from "../support/extract-paragraphs.ts";

/** The actors of the pledges of the last paragraph, lower-cased and joined. */
const actorsOfLast = (paragraphs: string[]) =>
  lastParagraph(paragraphs)
    .pledges.map((p) => p.actor.toLowerCase())
    .join(" || ");

describe("pronoun and title coreference for pledges", () => {
  it("a quotation's 'he said' is not a person named inside the quotation", () => {
    const actors = actorsOfLast([
      "President Tomas Belo received Prime Minister Ana Vasquez of Ruritania on Monday.",
      "Belo said he and Vasquez had discussed river trade and the border.",
      "“I renewed my pledge to work closely with [Vasquez] on the border crossings,” he said.",
    ]);
    expect(actors).toContain("belo");
    expect(actors).not.toContain("vasquez");
  });

  it("the second of two coordinated people does not become the subject a later 'he' stands for", () => {
    const actors = actorsOfLast([
      "Minister Tomas Belo met his counterpart Karl Moreau on Monday.",
      "Belo said he and Moreau had reviewed the customs agreement.",
      "He also pledged to open two more border posts next year.",
    ]);
    expect(actors).toBe("tomas belo");
  });

  it("a fronted participle's object is not the subject ('Informing X …, he pledged')", () => {
    const actors = actorsOfLast([
      "Deputy Minister Tomas Belo paid a courtesy call on Minister Karl Moreau in Arlen on Monday.",
      "Briefing the host on his talks with his counterpart Gen. Ivo Stanek, he pledged to speed up joint patrols.",
    ]);
    expect(actors).toBe("tomas belo");
  });

  it("a fronted participle with a person who is its subject is left alone", () => {
    const actors = actorsOfLast([
      "Minister Karl Moreau met the visiting delegation on Monday.",
      "Speaking to reporters, Karl Moreau pledged to speed up joint patrols.",
    ]);
    expect(actors).toBe("karl moreau");
  });

  it("'the XYZ chief' is the person earlier named with the acronym in his title", () => {
    const actors = actorsOfLast([
      "RNP Director General Paulo Serrano met the Arlenian Ambassador Ines Kuro on Tuesday.",
      "The RNP chief vowed to tell the embassy about every arrest of its nationals.",
    ]);
    expect(actors).toBe("paulo serrano");
  });

  it("'the XYZ chief' with nobody of that body named stays unresolved, not another chief", () => {
    const actors = actorsOfLast([
      "Ambassador Ines Kuro met Police Chief Paulo Serrano on Tuesday.",
      "The FTB chief vowed to tell the embassy about every arrest of its nationals.",
    ]);
    expect(actors).not.toContain("serrano");
    expect(actors).not.toContain("kuro");
  });

  it("'According to X, both sides agreed' resolves both sides to the people who met", () => {
    const actors = actorsOfLast([
      "Senior minister Chea Vanna met with Li Wenbo, deputy director of Arland's anti-fraud bureau, on Monday.",
      "According to the ministry, both sides agreed to share information on fraud suspects.",
    ]);
    expect(actors).toContain("chea vanna");
    expect(actors).toContain("li wenbo");
  });
});
