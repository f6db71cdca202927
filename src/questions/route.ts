/**
 * Question routing: "who met Tina Redshaw?" → meetings with who=Tina Redshaw; "what did
 * Vietnam pledge?" → pledges; "who is Chea Pov?" → the person; "what happened in 2023?" →
 * the events of 2023; anything else → a search for the words that carry the question.
 * Dates become date filters (a month alone is any year's), "in <Place>" a place filter,
 * "latest"/"recent" newest first.
 */
import { readDates } from "./dates.ts";
import { partiesIn, placeIn } from "./names.ts";
import { contentWords } from "./words.ts";

export type Route = "meetings" | "pledges" | "person" | "events" | "search";

export interface Routed {
  route: Route;
  /** The routed command's options: who, with, kind, from, to, month, place; name; query. */
  options: Record<string, string>;
  /** Other words the question is about ("about internet fraud", "on drugs"): they rank events. */
  topic: string[];
  /** "latest", "recent": newest first rather than best match first. */
  newest: boolean;
  /** The event words as asked ("met", "promise"): what a passage about the event would say too. */
  verbs?: string[];
}

const MEETING =
  /\b(meet|meets|met|meeting|meetings|talks|talked|visit|visited|visits|host|hosts|hosted|received|call(?:ed)? on|paid a (?:courtesy )?call on|courtesy call|(?:spoke|speak|talk) with|(?:sat|sit|sits) down with|(?:hold|held|holds) talks|confer(?:red)? with|discuss(?:ed|es)?)\b/i;
const PLEDGE =
  /\b(pledge[sd]?|promise[sd]?|vow(?:s|ed)?|commit(?:s|ted|ment|ments)?|undert(?:ake|akes|ook)|assure[sd]?|guarantee[sd]?)\b/i;
const AGREEMENT =
  /\b(agree[sd]?|agreement|agreements|sign(?:s|ed)?|ink(?:s|ed)?|deal|deals|pact|pacts|treaty|treaties|mou|memorand(?:um|a)|accord)\b/i;
const REQUEST =
  /\b(request(?:s|ed)?|ask(?:s|ed)?|urge[sd]?|appeal(?:s|ed)?|call(?:s|ed)? for|press(?:ed)? for|push(?:ed)? for|seek(?:s)?|sought|demand(?:s|ed)?)\b/i;
const PROPOSAL = /\b(propos(?:e[sd]?|al|als)|offer(?:s|ed)?|suggest(?:s|ed)?)\b/i;
const EVENT_VERBS = new RegExp([MEETING, PLEDGE, AGREEMENT, REQUEST, PROPOSAL].map((r) => r.source).join("|"), "gi");

const ASKS_ABOUT_EVENTS = /^(who|whom|what|when|did|does|do|has|have|had|which|list|show|will|was|were)\b/i;
const NEWEST = /\b(latest|most recent|recent(?:ly)?|newest|lately|last time)\b/i;
const WHO_IS = /^\s*(?:who\s+(?:is|was|are)|who['’]s|tell me about|what do we know about)\s+(.+?)\s*\??\s*$/i;
const WHAT_HAPPENED = /^\s*(?:what|anything)\b.*\b(happen(?:ed|s|ing)?|new|going on)\b/i;

function kindOf(text: string): "pledge" | "agreement" | "request" | "proposal" | null {
  if (PLEDGE.test(text)) return "pledge";
  if (AGREEMENT.test(text)) return "agreement";
  if (REQUEST.test(text)) return "request";
  if (PROPOSAL.test(text)) return "proposal";
  return null;
}

/** "who is Chea Pov?" → the person's name, when the rest is only a name. */
function personAsked(text: string): string | null {
  const m = WHO_IS.exec(text);
  if (!m) return null;
  const parties = partiesIn(m[1]);
  if (parties.length !== 1) return null;
  const extra = contentWords(m[1]).filter((w) => !parties[0].split(/\s+/).includes(w));
  return extra.length === 0 ? parties[0] : null;
}

/** Words left once names, verbs and question words are gone, lower case. */
function topicOf(rest: string, parties: string[]): string[] {
  const named = new Set(parties.flatMap((p) => p.toLowerCase().split(/\s+/)));
  return contentWords(rest.replace(EVENT_VERBS, " | "))
    .map((w) => w.toLowerCase())
    .filter((w) => !named.has(w) && !/^(do|say|anything|something)$/.test(w));
}

function dateOptions(d: ReturnType<typeof readDates>): Record<string, string> {
  const out: Record<string, string> = {};
  if (d.from) out.from = d.from;
  if (d.to) out.to = d.to;
  if (d.month) out.month = String(d.month);
  return out;
}

function eventRoute(text: string, kind: ReturnType<typeof kindOf>, newest: boolean): Routed {
  const dates = readDates(text);
  const { place, rest } = placeIn(dates.rest);
  const parties = partiesIn(rest.replace(EVENT_VERBS, " | "));
  const meeting = MEETING.test(text);
  const route = kind && !(meeting && /\b(meet|met)\b/i.test(text)) ? "pledges" : "meetings";
  const options: Record<string, string> = {};
  if (parties[0]) options.who = parties[0];
  if (parties[1]) options.with = parties[1];
  if (route === "pledges" && kind && kind !== "proposal") options.kind = kind;
  Object.assign(options, dateOptions(dates));
  if (place) options.place = place;
  const verbs = [...new Set((text.match(EVENT_VERBS) ?? []).map((v) => v.toLowerCase()))];
  const named = [...parties, ...partiesIn(rest.replace(EVENT_VERBS, " | "), true)];
  return { route, options, topic: topicOf(rest, named), newest, verbs };
}

export function routeQuestion(question: string): Routed {
  const text = question.trim();
  const newest = NEWEST.test(text);
  const name = personAsked(text);
  if (name) return { route: "person", options: { name }, topic: [], newest };
  const kind = kindOf(text);
  const asks = ASKS_ABOUT_EVENTS.test(text) || /\?$/.test(text);
  if (asks && (MEETING.test(text) || kind)) return eventRoute(text, kind, newest);

  const dates = readDates(text);
  const searchDates = { ...(dates.from ? { from: dates.from } : {}), ...(dates.to ? { to: dates.to } : {}) };
  // With a month alone the month stays a word to look for: a search filters by full dates only.
  const words = contentWords(dates.month ? text.replace(/\|/g, " ") : dates.rest, true);
  if (words.length === 0 && (dates.from || dates.to || dates.month) && WHAT_HAPPENED.test(text)) {
    return { route: "events", options: dateOptions(dates), topic: [], newest: true };
  }
  const query = words.length ? words.join(" ") : text;
  return { route: "search", options: { query, ...(dates.month ? {} : searchDates) }, topic: [], newest };
}
