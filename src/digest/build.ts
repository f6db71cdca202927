import type { Answer, AnswerItem, EventItem, Moment, PassageItem } from "../kit/answer.ts";
import type { Citation } from "../briefings/briefing.ts";
import type { Briefing } from "../briefings/briefing.ts";
import { shorten } from "../kit/shorten.ts";
import { toMeetingJSON, toPledgeJSON } from "../library/views/events-json.ts";
import type { Meeting, Pledge } from "../extraction/event.ts";
import type { Library } from "../library/library.ts";
import { newestFirst } from "../briefings/briefing.ts";
import { meetingItem, pledgeItem } from "../kit/event-items.ts";
import { plural } from "../kit/plural.ts";

/**
 * What a digest says, whatever carries it: the briefings it brings (headline, outlet, date,
 * lead paragraph quoted and link), the meetings and pledges found in them, and counts.
 */

/** A lead is quoted up to this many characters, cut at a sentence end when there is one. */
export const LEAD_MAX = 320;
/** Events listed per kind; the counts still say how many there are. */
export const MAX_EVENTS = 15;

export interface DigestBriefing {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  /** The lead paragraph, verbatim, shortened at a sentence boundary (ending "…" when cut). */
  lead: string;
  citation: Citation;
}

export interface Digest {
  /** What "new" is measured from, in words: "since the last digest (…)" or "published since 2024-06-01". */
  since: string;
  /** The moment `since` names, for a renderer that shows moments its own way (Discord: in each reader's zone). */
  sinceMoment?: Moment;
  briefings: DigestBriefing[];
  meetings: Meeting[];
  pledges: Pledge[];
  counts: { briefings: number; meetings: number; pledges: number };
}

/** The lead paragraph of a briefing: its first, shortened at a sentence end near LEAD_MAX. */
export function leadOf(briefing: Briefing, max = LEAD_MAX): string {
  return shorten(briefing.paragraphs[0]?.text ?? "", max);
}

/** Briefings of `library` not in `sent` nor on their way (`pending`), newest first. */
export function unsentBriefings(
  library: Library,
  sent: Readonly<Record<string, string>>,
  pending: Iterable<string> = [],
): Briefing[] {
  const onTheWay = new Set(pending);
  return library.briefings.filter((b) => !Object.hasOwn(sent, b.id) && !onTheWay.has(b.id)).sort(newestFirst);
}

/** The digest of these briefings (in the order given). */
export function buildDigest(
  library: Library,
  briefings: readonly Briefing[],
  since: string,
  sinceMoment?: Moment,
): Digest {
  const meetings: Meeting[] = [];
  const pledges: Pledge[] = [];
  for (const b of briefings) {
    const events = library.perBriefingEvents.get(b.id);
    meetings.push(...(events?.meetings ?? []));
    pledges.push(...(events?.pledges ?? []));
  }
  return {
    since,
    ...(sinceMoment ? { sinceMoment } : {}),
    briefings: briefings.map((b) => ({ id: b.id, ...b.meta, lead: leadOf(b), citation: library.citation(b.id, 1) })),
    meetings,
    pledges,
    counts: { briefings: briefings.length, meetings: meetings.length, pledges: pledges.length },
  };
}

/** "3 new briefings · 2 meetings · 1 pledge, agreement or request". */
export function countsLine(counts: Digest["counts"]): string {
  return [
    plural(counts.briefings, "new briefing"),
    plural(counts.meetings, "meeting"),
    `${counts.pledges} ${counts.pledges === 1 ? "pledge, agreement or request" : "pledges, agreements or requests"}`,
  ].join(" · ");
}

function citationFor(digest: Digest, source: string, paragraph: number): Citation {
  const b = digest.briefings.find((x) => x.id === source);
  return {
    source,
    paragraph,
    title: b?.title ?? null,
    outlet: b?.outlet ?? null,
    published: b?.published ?? null,
    url: b?.url ?? null,
  };
}

const more = (shown: number, total: number, what: string) =>
  total > shown ? `${total - shown} more ${what} in these briefings: ask the bot (\`ask\`) for them.` : undefined;

/** The digest's meetings then pledges as items (at most MAX_EVENTS of each), and notes saying how many were left. */
export function digestEventItems(digest: Digest): {
  meetings: EventItem[];
  pledges: EventItem[];
  items: EventItem[];
  notes: string[];
} {
  const meetings = digest.meetings
    .slice(0, MAX_EVENTS)
    .map((m) => meetingItem(m, citationFor(digest, m.source, m.paragraph)));
  const pledges = digest.pledges
    .slice(0, MAX_EVENTS)
    .map((p) => pledgeItem(p, citationFor(digest, p.source, p.paragraph)));
  const notes = [
    more(MAX_EVENTS, digest.meetings.length, "meetings"),
    more(MAX_EVENTS, digest.pledges.length, "pledges, agreements or requests"),
  ].filter((n): n is string => n !== undefined);
  return { meetings, pledges, items: [...meetings, ...pledges], notes };
}

export function briefingItem(b: DigestBriefing): PassageItem {
  return { kind: "passage", text: b.lead, marks: [], citation: b.citation };
}

/** A digest's sections, each a list of items under a title; empty sections are left out. */
export interface DigestSection {
  title: string;
  items: AnswerItem[];
  /** Set when some items were left out (events past MAX_EVENTS). */
  note?: string;
}

export function digestSections(digest: Digest): DigestSection[] {
  const sections: DigestSection[] = [];
  if (digest.briefings.length)
    sections.push({ title: `New briefings (${digest.briefings.length})`, items: digest.briefings.map(briefingItem) });
  const { meetings, pledges } = digestEventItems(digest);
  if (meetings.length) {
    sections.push({
      title: `Meetings in them (${digest.meetings.length})`,
      items: meetings,
      note: more(MAX_EVENTS, digest.meetings.length, "meetings"),
    });
  }
  if (pledges.length) {
    sections.push({
      title: `Pledges, agreements and requests in them (${digest.pledges.length})`,
      items: pledges,
      note: more(MAX_EVENTS, digest.pledges.length, "pledges, agreements or requests"),
    });
  }
  return sections;
}

/** The machine-readable digest (`--json`). */
export function digestJson(digest: Digest, extra: Record<string, unknown> = {}) {
  return {
    ...extra,
    since: digest.since,
    counts: digest.counts,
    briefings: digest.briefings.map((b) => ({
      source: b.id,
      title: b.title,
      outlet: b.outlet,
      published: b.published,
      url: b.url,
      lead: b.lead,
    })),
    // The same shapes as `meetings --json` and `pledges --json`.
    meetings: digest.meetings.map(toMeetingJSON),
    pledges: digest.pledges.map(toPledgeJSON),
  };
}

/** The whole digest as one Answer (terminal, JSON). Discord splits it into messages instead. */
export function digestAnswer(digest: Digest, extraJson: Record<string, unknown> = {}): Answer {
  const sections = digestSections(digest);
  const items = sections.flatMap((s) => s.items);
  const notes = sections.map((s) => s.note).filter((n): n is string => !!n);
  return {
    command: "digest",
    title: digest.counts.briefings
      ? `Digest: ${plural(digest.counts.briefings, "new briefing")}`
      : "Digest: nothing new",
    summary: `${countsLine(digest.counts)} — ${digest.since}`,
    items,
    note: digest.counts.briefings === 0 ? `No new briefings ${digest.since}.` : notes.join(" ") || undefined,
    json: digestJson(digest, extraJson),
  };
}
