/** Meetings, pledges and the people named around them, extracted from one briefing. */

export type PartyKind = "person" | "country" | "body";

export interface Party {
  /** Full name as the briefing gives it ("Tina Redshaw", "Vietnam", "Ministry of Interior"). */
  name: string;
  kind: PartyKind;
  /** Role as the briefing gives it ("outgoing British ambassador to Cambodia"), or null. */
  role: string | null;
}

export interface EventDate {
  /** ISO `YYYY-MM-DD`, or null when neither the text nor the briefing gives a year. */
  date: string | null;
  /** Whether the text stated the year (false: inferred from the published date). */
  yearStated: boolean;
  /** When `date` is null but the text gave one: "14 May (year not stated)", "Monday (no published date …)". */
  dateText?: string | null;
}

export interface Meeting extends EventDate {
  source: string;
  paragraph: number;
  participants: Party[];
  place: string | null;
  topic: string | null;
  /** The verbatim sentence(s) the meeting is found in. */
  quote: string;
  /** Other sentences of the briefing that tell of the same meeting (restatements, its co-chairs, a signing there). */
  evidence?: Array<{ paragraph: number; quote: string }>;
}

export type PledgeKind = "pledge" | "agreement" | "request";

export interface Pledge extends EventDate {
  source: string;
  paragraph: number;
  /** The committed party as one party ("Cambodia and Vietnam" when several act together). */
  actor: Party;
  /** Each committed party on its own. */
  actors: Party[];
  /** Who said so, when that is someone else than the actor ("the government", per Chou Bun Eng). */
  speaker: Party | null;
  /** Other parties to an agreement, or who a request was made of. */
  counterparts: Party[];
  kind: PledgeKind;
  commitment: string;
  quote: string;
}

/** A person as named in one briefing: full name, the short forms used, roles given. */
export interface PersonMention {
  name: string;
  aliases: string[];
  roles: string[];
  /** Paragraph numbers that name the person (by full name, alias or reference). */
  paragraphs: number[];
}

/** A person across all briefings (see people.ts `mergePeople`). */
export interface Person {
  name: string;
  aliases: string[];
  roles: string[];
  /** Briefings that name the person. */
  sources: string[];
  /** Paragraphs that name the person, over all briefings. */
  mentions: number;
  /** The latest briefing naming the person (by published date, then id). */
  latest: { source: string; published: string | null; paragraph: number } | null;
}

export interface BriefingEvents {
  meetings: Meeting[];
  pledges: Pledge[];
  people: PersonMention[];
}
