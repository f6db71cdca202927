import { describe, expect, it } from "vitest";
import { cleanBody, splitDateline } from "../../src/briefings/clean.ts";
import { loadBriefings } from "../../src/briefings/load.ts";
import { describeRemovals } from "../../src/briefings/removal.ts";
import { SAMPLES_DIR } from "../support/folders.ts";

describe("cleaning site furniture", async () => {
  const { briefings } = await loadBriefings(SAMPLES_DIR);
  const b002 = briefings.find((b) => b.id === "002_12f7e6579d666584")!;

  it("drops the headline ticker and the Related News trailer", () => {
    const all = b002.paragraphs.map((p) => p.text).join("\n");
    expect(all).not.toMatch(/Evercore|Japanese Finance Minister|Related News|\|/);
  });

  it("numbers paragraphs from 1 in the cleaned body, keeping the dateline in the text", () => {
    expect(b002.paragraphs[0]).toEqual({
      n: 1,
      text: expect.stringMatching(/^PHNOM PENH: In the era of advanced technology/),
    });
    expect(b002.paragraphs.every((p, i) => p.n === i + 1)).toBe(true);
  });

  it("keeps paragraphs verbatim (curly quotes, no-break spaces inside)", () => {
    const b004 = briefings.find((b) => b.id === "004_47f2573022b012a6")!;
    expect(b004.paragraphs[0].text).toBe(
      "Cambodia and Vietnam are committed to robust collaboration, particularly in combating drugs and transnational crime.",
    );
    expect(b004.paragraphs[1].text).toContain("Vietnam’s Minister of Public Security To Lam");
  });

  it("recognises a headline line when there is no front matter title", () => {
    const body =
      "Other Story One | Other Story Two |\n\nMinister Opens New Border Post In Koh Kong\n\nKOH KONG: The minister opened a post.\n\nRelated News\n\nAnother story";
    const cleaned = cleanBody(body, null);
    expect(cleaned).toMatchObject({
      headline: "Minister Opens New Border Post In Koh Kong",
      paragraphs: ["KOH KONG: The minister opened a post."],
    });
    expect(describeRemovals(cleaned.removed)).toBe(
      "removed: ticker line 1; trailer 'Related News' and 1 line after it (lines 7–9)",
    );
  });

  it("does not take a first sentence for a headline", () => {
    const body = "Minister of Interior Sar Kheng met the envoy on Monday.\n\nThey discussed crime.";
    expect(cleanBody(body, null).headline).toBeNull();
  });

  it("splits one-paragraph-per-line text without blank lines", () => {
    expect(cleanBody("First paragraph here.\nSecond paragraph here.", null).paragraphs).toHaveLength(2);
  });

  it("separates a dateline without mistaking it for anything else", () => {
    expect(splitDateline("PHNOM PENH: In the era of advanced technology")).toEqual({
      dateline: "PHNOM PENH",
      rest: "In the era of advanced technology",
    });
    expect(splitDateline("Minister: we will act").dateline).toBeNull();
  });
});

describe("site furniture is never found or cited", async () => {
  const { Library } = await import("../../src/library/library.ts");
  const { execute } = await import("../../commands/index.ts");
  const library = await Library.open({ dataDir: SAMPLES_DIR, cacheDir: null });

  it.each([
    "Evercore Asia Expresses Interest in Cambodia’s Growth",
    "Japanese Finance Minister Vows to Further Strengthen Japan-Cambodia Relations",
    "Justice Minister Reviews Year-Long Campaign Progress Amid Judicial Reforms",
    "Cambodian Police Return Thai National Suspected of Murdering Former MP",
    "Related News",
  ])("%s", (headline) => {
    const outcome = execute(library, "search", { query: headline, limit: 25 });
    const texts = outcome.ok
      ? (outcome.answer.json as { results: Array<{ text: string }> }).results.map((r) => r.text).join("\n")
      : "";
    expect(texts).not.toMatch(
      /Evercore|Japanese Finance Minister|Justice Minister Reviews|Murdering Former MP|Related News/,
    );
    for (const event of [...library.meetings, ...library.pledges])
      expect(event.quote).not.toMatch(/Evercore|Japanese Finance Minister|Related News/);
  });
});
