/**
 * The public JSON shapes of meetings and pledges (`meetings --json`, `pledges --json`).
 * Required fields first, as agreed; extra fields after them.
 */
import type { Meeting, Pledge } from "../../extraction/event.ts";

export interface MeetingJSON {
  source: string;
  paragraph: number;
  date: string | null;
  participants: string[];
  place: string | null;
  topic: string | null;
  quote: string;
  yearStated: boolean;
  participantRoles: Array<string | null>;
  /** The date as the text gives it when it cannot be resolved ("14 May (year not stated)"), else null. */
  dateText: string | null;
  /** Other sentences telling of the same meeting: restatements, its co-chairs, a signing there. */
  evidence: Array<{ paragraph: number; quote: string }>;
}

export interface PledgeJSON {
  source: string;
  paragraph: number;
  date: string | null;
  actor: string;
  kind: Pledge["kind"];
  commitment: string;
  quote: string;
  yearStated: boolean;
  /** Who stated it, when not the actor ("the government" per "Chou Bun Eng"). */
  speaker: string | null;
  counterparts: string[];
  dateText: string | null;
}

export function toMeetingJSON(m: Meeting): MeetingJSON {
  return {
    source: m.source,
    paragraph: m.paragraph,
    date: m.date,
    participants: m.participants.map((p) => p.name),
    place: m.place,
    topic: m.topic,
    quote: m.quote,
    yearStated: m.yearStated,
    participantRoles: m.participants.map((p) => p.role),
    dateText: m.date === null ? (m.dateText ?? null) : null,
    evidence: m.evidence ?? [],
  };
}

/** The actor as one line: "Vietnam (per To Lam)" when someone else said it. */
export function actorLabel(p: Pledge): string {
  return p.speaker ? `${p.actor.name} (per ${p.speaker.name})` : p.actor.name;
}

export function toPledgeJSON(p: Pledge): PledgeJSON {
  return {
    source: p.source,
    paragraph: p.paragraph,
    date: p.date,
    actor: actorLabel(p),
    kind: p.kind,
    commitment: p.commitment,
    quote: p.quote,
    yearStated: p.yearStated,
    speaker: p.speaker?.name ?? null,
    counterparts: p.counterparts.map((c) => c.name),
    dateText: p.date === null ? (p.dateText ?? null) : null,
  };
}
