/**
 * Meetings told in passing (issue 12): a trip "to meet" told in the past, attendance reported
 * by a statement, a request made "to X, <title> to <country>, during their meeting", a person
 * and another country's leaders who "discussed". Invented briefings, each with a negative twin.
 */
import { describe, expect, it } from "vitest";
import { meetingNames } from "../support/extract-paragraphs.ts";

describe("meetings told in passing", () => {
  it("'X was in <place> yesterday to meet Y' is a meeting", () => {
    const m = meetingNames([
      "Arlenian Police Chief Gen Tomas Belo was in Port Ivo yesterday to meet Borduria Police counterparts on the island.",
    ]);
    expect(m.count).toBe(1);
    expect(m.all).toContain("tomas belo");
    expect(m.all).toContain("borduria police");
  });

  it("'X will be in <place> to meet Y' and 'X is in <place> to meet Y next week' are plans", () => {
    expect(
      meetingNames(["Police Chief Gen Tomas Belo will be in Port Ivo to meet Borduria Police counterparts."]).count,
    ).toBe(0);
    expect(
      meetingNames(["Police Chief Gen Tomas Belo is in Port Ivo to meet Borduria Police counterparts next week."])
        .count,
    ).toBe(0);
  });

  it("a request 'to X, <title> to <country>, during their meeting' is a meeting of both", () => {
    const m = meetingNames([
      "Gen. Ivo Stanek, head of the Arland demining centre, asked his Nordish counterpart for more training.",
      "He made the request to Colonel Karl Moreau, Nordish Defence Attaché to Arland during their meeting at the centre on May 3.",
    ]);
    expect(m.count).toBe(1);
    expect(m.all).toContain("ivo stanek");
    expect(m.all).toContain("karl moreau");
  });

  it("'<title> of Police <honorific> <name> attended the meeting', told by a statement, is attendance", () => {
    const m = meetingNames([
      "Police chiefs of Arland and Borduria held their annual review in Port Ivo on Tuesday.",
      "A statement was posted stating that Inspector-General of Police Tan Sri Haris Rahmat attended the meeting, accompanied by two state police chiefs.",
    ]);
    expect(m.all).toContain("haris rahmat");
  });

  it("'<title> of Police <name>' is a person, '<body> of Police <words>' is not", () => {
    const m = meetingNames(["Commissioner of Police Haris Rahmat met Ambassador Ines Kuro on Tuesday."]);
    expect(m.all).toContain("haris rahmat");
    const body = meetingNames(["The Academy of Police Science Research met on Tuesday to review the curriculum."]);
    expect(body.all).not.toContain("science research");
  });

  it("'he and <demonym> leaders discussed' is a meeting of the person and those leaders", () => {
    const m = meetingNames([
      "Deputy Prime Minister Ahmad Rahim of Arland paid a two-day visit to Laos this week.",
      "Ahmad said during his visit, he and Lao leaders discussed border security and smuggling.",
    ]);
    expect(m.count).toBe(1);
    expect(m.all).toContain("ahmad rahim");
    expect(m.all).toContain("lao leaders");
  });

  it("'<demonym> leaders discussed' alone, with no person, is no meeting", () => {
    expect(meetingNames(["Lao leaders discussed border security on Monday."]).count).toBe(0);
  });

  it("'Speaking at …, X said during her mission, she met Y': she is X, named by a long title with its remit", () => {
    const m = meetingNames([
      "The UN Special Rapporteur on the rights of migrants in Arland, Ana Vasquez, on Friday ended her visit to the country.",
      "Speaking at a press conference, Vasquez said during her mission, she met with Senate president Karl Moreau and Deputy Minister Ivo Stanek.",
    ]);
    expect(m.count).toBe(1);
    expect(m.all).toContain("ana vasquez");
    expect(m.all).toContain("karl moreau");
  });

  it("'Speaking with X, she said …': the person in the participle's phrase is still not 'she'", () => {
    const m = meetingNames([
      "Senator Ines Kuro met Ambassador Ana Vasquez on Friday.",
      "Speaking with Vasquez after the talks, she said she had met with Deputy Minister Ivo Stanek.",
    ]);
    expect(m.all).not.toContain("vasquez");
  });
});
