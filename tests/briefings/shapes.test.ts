/** Furniture shapes, one family per shape: lines that are it, and article lines that only look close. */
import { describe, expect, it } from "vitest";
import { cleanBody } from "../../src/briefings/clean.ts";
import { describeRemovals } from "../../src/briefings/removal.ts";
import {
  isByline,
  isCaption,
  isDateLine,
  isLinkToStory,
  isTicker,
  outletNames,
  shapeOf,
  trailerHeading,
  trailingTag,
} from "../../src/briefings/shapes.ts";

const kindOf = (line: string, outlet: string | null = null) => shapeOf(line, outletNames(outlet))?.kind ?? null;

describe("shapes", () => {
  it("ticker: titles between | or •, not a sentence quoting 'A | B'", () => {
    expect(isTicker("Port Reopens After Storm | Court Jails Two Smugglers | Rice Prices Fall |")).toBe(true);
    expect(isTicker("Ferry services resume • Heatwave grips the north • Dollar steadies")).toBe(true);
    expect(isTicker('Under the scheme, called "Safe Roads | Safe Homes", drivers will be checked.')).toBe(false);
    expect(isTicker("the figures were: Cases | Arrests | Seizures")).toBe(false);
  });

  it("byline: a name with an outlet or place, not a clause", () => {
    expect(isByline("By A. Reporter, The Daily, Vientiane")).toBe(true);
    expect(isByline("By Mara Lind (mara@example.org)")).toBe(true);
    expect(isByline("| Somchai Keo |")).toBe(true);
    expect(isByline("Reporting by Dara Keo; Editing by Jan Ruiz")).toBe(true);
    expect(isByline("reporter@example.org")).toBe(true);
    expect(isByline("By Monday, the two sides will have signed the deal")).toBe(false);
    expect(isByline("By then the talks had ended.")).toBe(false);
  });

  it("date line: when the page was published, not a sentence with a date", () => {
    expect(isDateLine("Published 4 May 2024, 10:15 am")).toBe(true);
    expect(isDateLine("Thursday 31 October 2019, 12:32PM")).toBe(true);
    expect(isDateLine("2024-01-18")).toBe(true);
    expect(isDateLine("Agency, March 12, 2024 Adjust font size:")).toBe(true);
    expect(isDateLine("The two ministers met on 5 May 2024 in Vientiane.")).toBe(false);
    expect(isDateLine("Police said the ring had operated since 12 March 2021 across three provinces")).toBe(false);
  });

  it("outlet name: the outlet alone or a source line, not a sentence naming it", () => {
    expect(kindOf("=THE DAILY", "The Daily")).toBe("outlet name");
    expect(kindOf("The Daily", "The Star (The Daily/ANN)")).toBe("outlet name");
    expect(kindOf("Source: National News Agency")).toBe("outlet name");
    expect(kindOf("The Daily reported that the talks had ended.", "The Daily")).toBeNull();
  });

  it("caption: a line ending with its credit, not a sentence about photographs", () => {
    expect(isCaption("The minister greets the delegation. (Photo: Ministry of Interior)")).toBe(true);
    expect(isCaption("Customs officers inspect parcels. [File: Lee Min/Agency]")).toBe(true);
    expect(isCaption("Officials cut a ribbon at the new building. Picture by Dara Keo")).toBe(true);
    expect(isCaption("photo: PNP-PIO")).toBe(true);
    expect(isCaption("The minister meets the envoy in Beijing. (Agency/Li Wen)")).toBe(true);
    expect(isCaption("Police released photos of the suspects and asked the public for help.")).toBe(false);
    expect(isCaption("The photo exhibition by local artists opened on Monday.")).toBe(false);
  });

  it("subscription block: an offer, not an article sentence about newsletters or prices", () => {
    expect(kindOf("Cancel anytime. No ads. Unlimited access to the web and app.")).toBe("subscription block");
    expect(kindOf("Get unlimited access for $4.99 per month")).toBe("subscription block");
    expect(kindOf("Follow us on our official WhatsApp channel for breaking news!")).toBe("subscription block");
    expect(kindOf("The ministry also publishes a monthly newsletter for border officers.")).toBeNull();
    expect(kindOf("Victims were told they would earn $800 a month in the call centres.")).toBeNull();
  });

  it("footer: copyright and page links, not a sentence about a privacy policy", () => {
    expect(kindOf("© 2024 Example Media. All rights reserved.")).toBe("footer");
    expect(kindOf("Terms of Use | Privacy Policy | Contact Us")).toBe("footer");
    expect(
      kindOf("The ministry will publish a new privacy policy for the national ID database next month."),
    ).toBeNull();
  });

  it("link to another story: 'Read more: Headline', not a sentence beginning 'Read more'", () => {
    expect(isLinkToStory("Read more: Truck Drivers Welcome Longer Opening Hours")).toBe(true);
    expect(isLinkToStory("READ: Court jails two for smuggling wildlife")).toBe(true);
    expect(isLinkToStory("Read more on trafficking: Police Break Up Ring in the North")).toBe(true);
    expect(isLinkToStory("Read more about the plan on the ministry's website, the statement said.")).toBe(false);
    expect(isLinkToStory("Related: the two sides also discussed trade.")).toBe(false);
  });

  it("trailer heading: a list's heading or a 'Read more' button alone on its line", () => {
    expect(trailerHeading("Related News")).toBe("list");
    expect(trailerHeading("More in this section")).toBe("list");
    expect(trailerHeading("More From Politics »")).toBe("list");
    expect(trailerHeading("You may also like")).toBe("list");
    expect(trailerHeading("Read more")).toBe("link");
    expect(trailerHeading("See also")).toBe("link");
    expect(trailerHeading("Related talks are planned for next year.")).toBeNull();
    expect(trailerHeading("More police will be deployed")).toBeNull();
  });

  it("trailing agency tag: after the last sentence, not a dash inside it", () => {
    expect(trailingTag("The talks will resume in June. - Bernama")).toBe(" - Bernama");
    expect(trailingTag("Both sides signed the plan for 2017.-VNA")).toBe("-VNA");
    expect(trailingTag("He pledged to act at once. (Yonhap)")).toBe(" (Yonhap)");
    expect(trailingTag("They signed the memorandum. Enditem")).toBe(" Enditem");
    expect(trailingTag("The plan covers 2024 - 2026")).toBeNull();
    expect(trailingTag("He met the minister - a first for the two countries.")).toBeNull();
  });
});

describe("where furniture stands", () => {
  const clean = (body: string, title: string | null = "Ministers Meet on Border Crime") => cleanBody(body, title);

  it("a 'Read more' button mid-article goes alone; the article after it stays", () => {
    const body =
      "The ministers met on Monday to discuss border crime.\n\nRead more\n\n" +
      "Border Posts\n\nThey agreed to open two new posts and share patrol schedules.\n\nThe next meeting is in May.";
    const { paragraphs, removed } = clean(body);
    expect(paragraphs).toEqual([
      "The ministers met on Monday to discuss border crime.",
      "Border Posts",
      "They agreed to open two new posts and share patrol schedules.",
      "The next meeting is in May.",
    ]);
    expect(describeRemovals(removed)).toBe("removed: page button line 3");
  });

  it("'Related' with headlines and a teaser under each goes at the end, with all it lists", () => {
    const body =
      "The ministers met on Monday to discuss border crime and agreed to meet again.\n\nRelated\n\n" +
      "Court Jails Two Smugglers\n\nThe court handed down ten-year terms.\n\nPort Reopens After Storm";
    const { paragraphs, removed } = clean(body);
    expect(paragraphs).toHaveLength(1);
    expect(describeRemovals(removed)).toBe("removed: trailer 'Related' and 3 lines after it (lines 3–9)");
  });

  it("a 'Related' heading followed by running text is not a trailer: the text stays", () => {
    const body =
      "The ministers met on Monday to discuss border crime.\n\nRelated\n\nOther Story Headline\n\n" +
      "They agreed to open two new posts and share patrol schedules.\n\nThe next meeting will be held in May.";
    const { paragraphs } = clean(body);
    expect(paragraphs).toContain("They agreed to open two new posts and share patrol schedules.");
    expect(paragraphs).toContain("The next meeting will be held in May.");
  });

  it("inside the article a byline-, date- or back-link-shaped line stays; at the edges it goes", () => {
    const body =
      "By A. Reporter, The Daily\n\nThe ministers met on Monday to discuss border crime.\n\n" +
      "Back to school for 2,000 children\n\nSchools in the border districts reopened after the floods.\n\n" +
      "5 May 2024\n\nOn that day the two sides signed the plan in the capital.\n\nBy A. Reporter";
    const { paragraphs, removed } = clean(body, null);
    expect(paragraphs).toContain("Back to school for 2,000 children");
    expect(paragraphs).toContain("5 May 2024");
    expect(removed.map((r) => r.kind)).toEqual(["byline", "byline"]);
  });

  it("a bullet list that ends the article stays; title-cased headlines that end the page go", () => {
    const list = "The plan covers:\n\n- drug smuggling\n- human trafficking\n- online fraud";
    expect(clean(`The ministers met on Monday to discuss border crime.\n\n${list}`).paragraphs).toHaveLength(3);
    const other = "Court Jails Two Smugglers\n\nPort Reopens After Storm";
    const { paragraphs, removed } = clean(`The ministers met on Monday to discuss border crime.\n\n${other}`);
    expect(paragraphs).toHaveLength(1);
    expect(removed.map((r) => r.kind)).toEqual(["list of other stories"]);
  });

  it("a last paragraph that mentions a newsletter stays", () => {
    const body =
      "The ministers met on Monday to discuss border crime.\n\nThe ministry will publish the plan in its monthly newsletter.";
    expect(clean(body).paragraphs).toHaveLength(2);
  });

  it("a wrapped paragraph stays one paragraph; a block of list lines is looked at line by line", () => {
    const wrapped =
      "The ministers met on Monday to discuss border crime and\nagreed to open two new posts along the river.\n\nThey will meet again in May.";
    expect(clean(wrapped).paragraphs).toEqual([
      "The ministers met on Monday to discuss border crime and agreed to open two new posts along the river.",
      "They will meet again in May.",
    ]);
    // A block of the page's own lines (no blank line between the last paragraph and the list).
    const trailerInBlock =
      "The ministers met on Monday to discuss border crime.\n\n" +
      "They will meet again in May.\nRelated News\nCourt Jails Two Smugglers\nPort Reopens After Storm";
    const { paragraphs, removed } = clean(trailerInBlock);
    expect(paragraphs).toEqual([
      "The ministers met on Monday to discuss border crime.",
      "They will meet again in May.",
    ]);
    expect(describeRemovals(removed)).toBe("removed: trailer 'Related News' and 2 lines after it (lines 4–6)");
  });

  it("a dateline alone on its line stays in the text", () => {
    const body =
      "Crime\n\nMinisters Meet on Border Crime\n\nPHNOM PENH\n\nThe ministers met on Monday to discuss crime.";
    const { paragraphs, headline, removed } = clean(body);
    expect(headline).toBe("Ministers Meet on Border Crime");
    expect(paragraphs).toEqual(["PHNOM PENH", "The ministers met on Monday to discuss crime."]);
    expect(removed.map((r) => r.kind)).toEqual(["section label"]);
  });
});
