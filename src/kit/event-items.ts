import type { EventItem } from "./answer.ts";
import type { Citation } from "../briefings/briefing.ts";
import type { EventDate, Meeting, Party, Pledge, PledgeKind } from "../extraction/event.ts";
import { humanDate } from "./human-date.ts";

/**
 * Meetings and pledges as answer items, the same in every answer and the digest: one heading line that says what
 * happened ("24 Jan 2024 · Hun Manet met To Lam · Phnom Penh"; "24 Jan 2024 · Cambodia and Vietnam — pledge"),
 * the facts the heading does not say (renderers drop those the quote already says), the quote and its citation.
 */

export const KIND_WORD: Record<PledgeKind, string> = { pledge: "pledge", agreement: "agreement", request: "request" };

/** An event's date for a person: "24 Jan 2024", or what the text said when no year is known. */
export function eventDate(e: EventDate): string {
  return e.date ? humanDate(e.date) : (e.dateText ?? "date not stated");
}

/** "A, B and C". */
export function andList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

const names = (parties: readonly Party[]) => parties.map((p) => p.name);

export function meetingItem(m: Meeting, citation: Citation): EventItem {
  const [first, ...others] = names(m.participants);
  const who = first
    ? others.length
      ? `${first} met ${andList(others)}`
      : `${first} met (others not named)`
    : "A meeting";
  const facts: Array<[string, string]> = m.participants
    .filter((p) => p.role)
    .map((p) => [p.name, p.role!] as [string, string]);
  if (m.topic) facts.push(["Topic", m.topic]);
  return {
    kind: "event",
    heading: [eventDate(m), who, m.place].filter(Boolean).join(" · "),
    facts,
    quote: m.quote,
    citation,
  };
}

export function pledgeItem(p: Pledge, citation: Citation): EventItem {
  const others = andList(names(p.counterparts));
  const what =
    p.kind === "request"
      ? `request${others ? ` of ${others}` : ""}`
      : `${KIND_WORD[p.kind]}${others ? ` with ${others}` : ""}`;
  const facts: Array<[string, string]> = [];
  if (p.speaker) facts.push(["Said by", p.speaker.name]);
  facts.push([p.kind === "request" ? "Asked" : "What", p.commitment]);
  return {
    kind: "event",
    heading: `${eventDate(p)} · ${p.actor.name} — ${what}`,
    facts,
    quote: p.quote,
    citation,
  };
}
