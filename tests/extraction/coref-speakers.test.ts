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

  it("'They' right after 'A and B vowed …' are A and B, not the pair of an older meeting", () => {
    const actors = actorsOfLast([
      "Minister Tomas Belo and Governor Ivo Stanek signed a border accord on Friday.",
      "While meeting Senator Karl Moreau, Belo said the border had been calm.",
      "Belo and Stanek also vowed to double the number of joint patrols.",
      "They also agreed to meet again in March.",
    ]);
    expect(actors).toContain("belo");
    expect(actors).toContain("stanek");
    expect(actors).not.toContain("moreau");
  });

  it("'They' far from any plural subject still falls back to the people who met", () => {
    const actors = actorsOfLast([
      "Minister Tomas Belo met Senator Karl Moreau on Friday.",
      "Belo said the border had been calm for a year.",
      "The region's trade grew by a tenth last year.",
      "They also agreed to meet again in March.",
    ]);
    expect(actors).toContain("belo");
    expect(actors).toContain("moreau");
  });

  it("'X said Y “has given … and has vowed …”': the same auxiliary keeps Y as the subject", () => {
    const actors = actorsOfLast([
      "The Interior Ministry on Monday said Secretary Paulo Serrano “has given a firm assurance and has vowed to speed up the deportations.”",
    ]);
    expect(actors).toBe("paulo serrano");
  });

  it("'X promised that a body would … and said …' still goes back to X", () => {
    const actors = actorsOfLast([
      "Minister Tomas Belo promised that Arland would fund the school and said he would visit it in May.",
    ]);
    expect(actors).toContain("belo");
  });

  it("'A and <long title of a body> B pledged': both people are the pledge's makers", () => {
    const actors = actorsOfLast([
      "Arlenian prime minister Tomas Belo and outgoing ambassador of the Nordic Council (NC) to Arland Ines Kuro pledged to widen trade ties on Monday.",
    ]);
    expect(actors).toContain("tomas belo");
    expect(actors).toContain("ines kuro");
  });

  it("'A and a verb phrase mentioning a body' is no coordination with a later person", () => {
    const actors = actorsOfLast([
      "Minister Tomas Belo and the Nordic Council agreed to work with Ambassador Ines Kuro on trade.",
    ]);
    expect(actors).toContain("belo");
    expect(actors).not.toContain("kuro");
  });
});
