import { describe, expect, it } from "vitest";
import type { Briefing } from "../../src/briefings/briefing.ts";
import { findDates, resolveYearless } from "../../src/extraction/dates.ts";
import { extractEvents } from "../../src/extraction/extract.ts";
import { toMeetingJSON, toPledgeJSON } from "../../src/library/views/events-json.ts";
import { matchesParty, mergePeople, personChoices } from "../../src/library/views/people.ts";
import { dateLabel } from "../../src/library/views/events-query.ts";
import { byDateDesc } from "../../src/library/views/events-view.ts";
import { splitSentences } from "../../src/extraction/sentences.ts";

function briefing(id: string, published: string | null, ...paragraphs: string[]): Briefing {
  return {
    id,
    file: `${id}.txt`,
    meta: { title: null, outlet: null, published, url: null },
    paragraphs: paragraphs.map((text, i) => ({ n: i + 1, text })),
    hash: id,
  };
}

describe("sentences", () => {
  it("does not end a sentence at ranks, initials or dotted acronyms", () => {
    const s = splitSentences(
      "U.S. Deputy Secretary Karen J. Whitfield met Lt. Gen. Sok Pheara and Dr. Mey Sovann. They spoke.",
    );
    expect(s.map((x) => x.text)).toEqual([
      "U.S. Deputy Secretary Karen J. Whitfield met Lt. Gen. Sok Pheara and Dr. Mey Sovann.",
      "They spoke.",
    ]);
  });
  it("keeps a quotation's attribution with its last sentence", () => {
    const s = splitSentences("“We are committed. Cambodia will continue,” he said. Later, he left.");
    expect(s.map((x) => x.text)).toEqual([
      "“We are committed.",
      "Cambodia will continue,” he said.",
      "Later, he left.",
    ]);
  });
});

describe("dates", () => {
  it("gives a year-less date the published year, or the year before when that would be after publication", () => {
    expect(resolveYearless(8, 18, "2022-08-19")).toBe("2022-08-18");
    expect(resolveYearless(12, 30, "2024-01-03")).toBe("2023-12-30");
    expect(resolveYearless(8, 18, null)).toBeNull();
  });
  it("keeps a stated year and says so; without a published date a year-less date is null", () => {
    const [stated] = findDates("on the afternoon of January 2, 2024.", null, null);
    expect(stated).toMatchObject({ date: "2024-01-02", yearStated: true });
    const [bare] = findDates("met on March 3 in Ulaanbaatar", null, null);
    expect(bare).toMatchObject({ date: null, yearStated: false });
  });
  it("counts weekdays back from the published date", () => {
    expect(findDates("held talks on Wednesday", "2024-03-15", null)[0].date).toBe("2024-03-13");
    expect(findDates("a call last Tuesday", "2023-06-16", null)[0].date).toBe("2023-06-13");
    expect(findDates("on Friday", "2024-03-15", null)[0].date).toBe("2024-03-15");
  });
  it("reads 'later that day' and 'the next day' against the date in force", () => {
    expect(findDates("Later that day, she spoke by phone", "2023-11-08", "2023-11-06")[0]).toMatchObject({
      date: "2023-11-06",
      anaphoric: true,
    });
    expect(findDates("The next day, they met", "2023-11-08", "2023-11-06")[0].date).toBe("2023-11-07");
  });
  it("marks deadlines, which do not date an event", () => {
    expect(findDates("open three posts before December 1", "2024-07-19", null)[0].bounded).toBe(true);
  });
});

describe("meetings", () => {
  it("finds people it has never seen through their titles, with roles kept apart from names", () => {
    const e = extractEvents(
      briefing(
        "x1",
        "2025-03-06",
        "Outgoing Norwegian ambassador to Laos Ingrid Haugland met Minister of Energy Phetsamone Vongsa on March 5 to discuss hydropower exports.",
      ),
    );
    expect(e.meetings).toHaveLength(1);
    const m = toMeetingJSON(e.meetings[0]);
    expect(m.participants).toEqual(["Ingrid Haugland", "Phetsamone Vongsa"]);
    expect(m.participantRoles).toEqual(["Outgoing Norwegian ambassador to Laos", "Minister of Energy"]);
    expect(m.date).toBe("2025-03-05");
    expect(m.topic).toBe("hydropower exports");
  });
  it("does not take intentions, other senses of 'meeting' or back-references for meetings", () => {
    const e = extractEvents(
      briefing(
        "x2",
        "2025-03-06",
        "Finance Minister Aroha Tane said the province was meeting the targets of its plan.",
        "Tane will meet Deputy Governor Luis Ferreira next week. Following the meeting, officials left.",
        "Tane is expected to meet the delegation in April.",
      ),
    );
    expect(e.meetings).toEqual([]);
  });
  it("dates a meeting with no year and no published date as null, and says 'year not stated'", () => {
    const e = extractEvents(
      briefing("x3", null, "Mining Minister Batu Ganbold met Industry Minister Aida Serikova on March 3 in Astana."),
    );
    expect(e.meetings[0]).toMatchObject({ date: null, yearStated: false });
    expect(dateLabel(e.meetings[0])).toBe("year not stated");
  });
  it("links short forms and pronouns to the person named earlier", () => {
    const e = extractEvents(
      briefing(
        "x4",
        "2025-02-01",
        "Prime Minister Kao Rithy received Thai Foreign Minister Somsak Prasert on January 30.",
        "Rithy said Cambodia will provide land for a new border market.",
        "“We will finish the road by June,” he said.",
      ),
    );
    expect(e.people.find((p) => p.name === "Kao Rithy")?.aliases).toContain("Rithy");
    const actors = e.pledges.map(toPledgeJSON).map((p) => p.actor);
    expect(actors).toEqual(["Cambodia (per Kao Rithy)", "Kao Rithy"]);
  });
});

describe("pledges", () => {
  it("keeps requests apart, skips denials and opinions, and gives reported commitments their speaker", () => {
    const e = extractEvents(
      briefing(
        "x5",
        "2025-05-02",
        "Health Minister Nadia Karim urged donors to fund 40 new clinics.",
        "Karim did not pledge new money. Analyst Tom Reyes said the ministry should hire more nurses.",
        "Ministry spokesman Ali Osman told reporters that the government remained committed to free vaccination.",
      ),
    );
    const p = e.pledges.map(toPledgeJSON);
    expect(p.map((x) => x.kind)).toEqual(["request", "pledge"]);
    expect(p[0].actor).toBe("Nadia Karim");
    expect(p[1].actor).toBe("the government (per Ali Osman)");
    expect(p.some((x) => /did not pledge|should hire/.test(x.quote))).toBe(false);
  });
  it("reads agreements with several parties and carries a back-referenced date", () => {
    const e = extractEvents(
      briefing(
        "x6",
        "2025-04-10",
        "Valdoria and Kestria are committed to sharing grid data.",
        "The pledge came during a meeting between President Ana Ruiz and Premier Olaf Berg in Sarn on April 8.",
        "On April 9, Ruiz and Berg signed a memorandum of understanding on power trading.",
      ),
    );
    const [first, second] = e.pledges.map(toPledgeJSON);
    expect(first).toMatchObject({ actor: "Valdoria and Kestria", date: "2025-04-08", kind: "pledge" });
    expect(second).toMatchObject({ actor: "Ana Ruiz and Olaf Berg", date: "2025-04-09", kind: "agreement" });
    expect(e.meetings.map(toMeetingJSON)[0]).toMatchObject({
      participants: ["Ana Ruiz", "Olaf Berg"],
      date: "2025-04-08",
      place: "Sarn",
    });
  });
});

describe("people across briefings", () => {
  const people = mergePeople([
    {
      source: "a",
      published: "2024-01-01",
      people: [{ name: "Tina Redshaw", aliases: ["Redshaw"], roles: ["British ambassador"], paragraphs: [1, 2] }],
    },
    {
      source: "b",
      published: "2024-02-01",
      people: [
        { name: "Redshaw", aliases: [], roles: [], paragraphs: [3] },
        { name: "Sar Kheng", aliases: [], roles: ["Minister of Interior"], paragraphs: [1] },
      ],
    },
  ]);
  it("merges a person over briefings and keeps the latest mention", () => {
    const tina = people.find((p) => p.name === "Tina Redshaw")!;
    expect(tina).toMatchObject({ sources: ["a", "b"], mentions: 3, latest: { source: "b", paragraph: 3 } });
  });
  it("matches names case- and accent-insensitively, by surname, alias or country spelling", () => {
    expect(matchesParty("kheng", "Sar Kheng")).toBe(true);
    expect(matchesParty("SAR  KHÉNG", "Sar Kheng")).toBe(true);
    expect(matchesParty("Redshaw", "Tina Redshaw")).toBe(true);
    expect(matchesParty("Viet Nam", "Cambodia and Vietnam")).toBe(true);
    expect(matchesParty("Kim", "Sar Kheng")).toBe(false);
  });
  it("offers people by any name word's prefix, at most 25", () => {
    expect(personChoices(people, "red")).toEqual(["Tina Redshaw"]);
    expect(personChoices(people, "")).toHaveLength(2);
  });
  it("sorts events newest first with undated ones last", () => {
    const ev = (date: string | null, paragraph: number) => ({ date, source: "s", paragraph });
    expect([ev(null, 1), ev("2024-01-01", 2), ev("2024-03-01", 3)].sort(byDateDesc).map((e) => e.paragraph)).toEqual([
      3, 2, 1,
    ]);
  });
});
