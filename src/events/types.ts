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
}

export interface Meeting extends EventDate {
  source: string;
  paragraph: number;
  participants: Party[];
  place: string | null;
  topic: string | null;
  /** The verbatim sentence(s) the meeting is found in. */
  quote: string;
}

export type PledgeKind = "pledge" | "agreement" | "request";

export interface Pledge extends EventDate {
  source: string;
  paragraph: number;
  actor: Party;
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

export interface BriefingEvents {
  meetings: Meeting[];
  pledges: Pledge[];
  people: PersonMention[];
}
