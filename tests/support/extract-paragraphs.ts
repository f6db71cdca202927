/** A small invented briefing from paragraphs, and the events its last paragraph yields. */
import type { Briefing } from "../../src/briefings/briefing.ts";
import { extractEvents } from "../../src/extraction/extract.ts";
import { toMeetingJSON, toPledgeJSON } from "../../src/library/views/events-json.ts";

export function briefingOf(paragraphs: string[], published: string | null = "2024-08-09"): Briefing {
  return {
    id: "t",
    file: "t.txt",
    meta: { title: null, outlet: null, published, url: null },
    paragraphs: paragraphs.map((text, i) => ({ n: i + 1, text })),
    hash: "t",
  };
}

export function lastParagraph(paragraphs: string[], published: string | null = "2024-08-09") {
  const e = extractEvents(briefingOf(paragraphs, published));
  const n = paragraphs.length;
  return {
    meetings: e.meetings.map(toMeetingJSON).filter((m) => m.paragraph === n),
    pledges: e.pledges.map(toPledgeJSON).filter((p) => p.paragraph === n),
    people: e.people,
  };
}

export const who = (names: string[]) => names.join(" | ").toLowerCase();

/** The last paragraph yields a meeting naming every one of `names` among its participants. */
export function meetingNames(paragraphs: string[]): { count: number; all: string } {
  const { meetings } = lastParagraph(paragraphs);
  return { count: meetings.length, all: meetings.map((m) => who(m.participants)).join(" || ") };
}
