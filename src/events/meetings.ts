/**
 * Meetings (CAMEO 040–046): two or more parties meet, talk, visit, host, receive a
 * courtesy call, hold talks or a video conference, speak by phone. Only what happened:
 * "will meet", "is expected to meet" and "to meet with" are intentions; "meeting the
 * targets" and "following the meeting" are not new meetings.
 */
import { subjectOf } from "./clauses.ts";
import {
  eventDate,
  isDeniedOrModal,
  mentionsFuture,
  objectAfter,
  partiesOf,
  quoteFor,
  slice,
  tokenAt,
  uniqueParties,
  type ChosenDate,
  type ExtractState,
  type SentenceCtx,
} from "./context.ts";
import type { Mention } from "./mentions.ts";
import type { Meeting, Party } from "./types.ts";

export interface FoundMeeting {
  meeting: Meeting;
  how: ChosenDate["how"];
}

type Shape = "verb" | "host" | "call-on" | "held" | "spoke" | "by-phone" | "between" | "noun-with";

const TRIGGERS: Array<[RegExp, Shape]> = [
  [/\bmet(?:\s+with)?\b/gi, "verb"],
  [/\b(?:received|hosted|welcomed)\b(?:\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:dinner|lunch|luncheon|banquet|reception|breakfast|meeting)\s+(?:for|with)\b)?/gi, "host"],
  [/\b(?:paid|made)\s+(?:a\s+|an\s+)?(?:courtesy\s+|official\s+|farewell\s+|working\s+)?(?:call|visit)s?\s+(?:on|upon|to)\b/gi, "call-on"],
  [/\b(?:held|had|conducted)\s+(?:a\s+|an\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:talks|meetings?|discussions|consultations|video\s*conference|videoconference|teleconference|(?:phone|telephone|video)\s+(?:call|conversation)|session|dialogue|audience|courtesy\s+call)\b(?:\s+with\b)?/gi, "held"],
  [/\b(?:spoke|talked|conferred)\b(?:\s+(?:by|over|on|via)\s+(?:the\s+)?(?:tele)?phone|\s+(?:via|by|over)\s+video(?:\s*(?:link|conference|call))?)?\s+(?:with|to)\b/gi, "spoke"],
  [/\b(?:in|during|via|over|through)\s+(?:a|an|their)\s+(?:[\w-]+\s+){0,2}?(?:telephone|phone|video|virtual|online)\s+(?:call|conversation|conference|meeting|talks)\b/gi, "by-phone"],
  [/\b(?:meeting|talks|discussions|courtesy\s+call|conversation|summit|audience|phone\s+call|video\s+call)\s+between\b/gi, "between"],
  [/\b(?:meeting|talks|discussions|courtesy\s+call|conversation|audience)\s+with\b/gi, "noun-with"],
];

const NOUN_DETERMINERS = /\b(?:a|an|the|their|his|her|its|during|in|at|bilateral|private|closed-door|separate|recent)\s+(?:[\w-]+\s+){0,4}$/i;

/** Meetings in one sentence. */
export function findMeetings(ctx: SentenceCtx, state: ExtractState): FoundMeeting[] {
  const out: FoundMeeting[] = [];
  const text = ctx.sent.text;
  const used = new Set<number>();
  for (const [re, shape] of TRIGGERS) {
    for (const m of text.matchAll(re)) {
      const startOffset = ctx.sent.start + m.index;
      const k = tokenAt(ctx, startOffset);
      const endTok = tokenAt(ctx, startOffset + m[0].length - 1);
      if ([...used].some((u) => Math.abs(u - k) <= 3)) continue;
      if (ctx.quoteSpeaker(k) !== undefined) continue; // in a quotation: the speaker's words, not a report
      const before = text.slice(0, m.index);
      if (shape === "noun-with" && !NOUN_DETERMINERS.test(before)) continue;
      if (shape === "noun-with" && /\b(?:following|after|since|before|ahead of)\s+(?:the|a|their)\s+$/i.test(before)) continue;
      if (isDeniedOrModal(ctx, k, true)) continue;
      if (/\b(?:to|will|would|shall|could|expected to|scheduled to|set to|plans? to|due to|is to|are to|agreed to)\s+(?:\w+\s+)?$/i.test(before.slice(-30)) && shape !== "between") continue;
      if (mentionsFuture(ctx, k, ctx.tokens.length)) continue;

      const parties = participantsFor(ctx, state, shape, k, endTok);
      if (!parties) continue;
      const date = eventDate(ctx, k, state);
      if (date.date && ctx.published && date.date > ctx.published) continue;
      used.add(k);
      out.push({
        meeting: {
          source: ctx.source,
          paragraph: ctx.paragraph,
          date: date.date,
          yearStated: date.yearStated,
          participants: parties,
          place: placeIn(ctx, endTok),
          topic: topicIn(ctx, endTok),
          quote: quoteFor(ctx, k),
        },
        how: date.how,
      });
    }
  }
  return out;
}

function subjectParties(ctx: SentenceCtx, state: ExtractState, k: number): { parties: Party[]; phrase: string | null; mentions: Mention[] } {
  const subj = subjectOf(ctx.view, k, ctx.ptext, 0);
  return { parties: uniqueParties(subj.mentions.flatMap((m) => partiesOf(m, ctx, state))), phrase: subj.phrase, mentions: subj.mentions };
}

function participantsFor(ctx: SentenceCtx, state: ExtractState, shape: Shape, k: number, endTok: number): Party[] | null {
  const personish = (ps: Party[]) => ps.some((p) => p.kind === "person");
  if (shape === "between") {
    const obj = objectAfter(ctx, endTok + 1, state, 3);
    return obj.parties.length >= 2 ? obj.parties : null;
  }
  // "During a January 5 meeting with X, he …": the meeting's host is the main clause's subject.
  let subj = subjectParties(ctx, state, k);
  if (shape === "noun-with") {
    const comma = ctx.tokens.findIndex((t, j) => j > endTok && t.text === ",");
    const fronted = /^(?:during|at|in|on|after|following)$/i.test(ctx.tokens[0]?.low ?? "") && comma > 0;
    if (fronted) {
      const main = ctx.mentions.find((m) => m.first > comma && m.kind !== "body");
      if (main) subj = { parties: partiesOf(main, ctx, state), phrase: null, mentions: [main] };
    }
  }
  let obj = shape === "by-phone" ? { parties: [] as Party[], phrase: null as string | null, mentions: [] as Mention[] } : objectAfter(ctx, endTok + 1, state);
  if (shape === "by-phone") {
    // "In a video call (with X), Y told the council …": Y, X and whom Y told.
    if (ctx.tokens[endTok + 1]?.low === "with") obj = objectAfter(ctx, endTok + 2, state);
    const comma = ctx.tokens.findIndex((t, j) => j > endTok && t.text === ",");
    const fronted = /^(?:in|during|via|over|through)$/i.test(ctx.tokens[0]?.low ?? "") && comma > 0 && subj.parties.length === 0;
    if (fronted) {
      const main = ctx.mentions.find((m) => m.first > comma && m.kind !== "body" && m.kind !== "country");
      if (main) {
        subj = { parties: partiesOf(main, ctx, state), phrase: null, mentions: [main] };
        const verb = ctx.tokens[main.last + 1];
        if (verb && /^(?:told|briefed|assured|informed|urged|asked|thanked|reassured)$/.test(verb.low) && obj.parties.length === 0 && obj.phrase === null) obj = objectAfter(ctx, main.last + 2, state);
      }
    }
  }
  if (shape === "host" || shape === "call-on") {
    // "received support", "paid a visit to Hanoi": only people (or a delegation) are met.
    if (!personish(obj.parties) && !(obj.phrase && /\bdelegation|officials|leaders|ministers|representatives|ambassadors?\b/i.test(obj.phrase))) return null;
  }
  if (shape === "verb" && obj.parties.length === 0 && obj.phrase === null && subj.parties.length < 2) return null;
  const parties = uniqueParties([...subj.parties, ...obj.parties]);
  if (obj.parties.length === 0 && obj.phrase) parties.push({ name: obj.phrase, kind: "body", role: null });
  if (parties.length === 0 && subj.phrase) parties.push({ name: subj.phrase, kind: "body", role: null });
  if (subj.parties.length === 0 && subj.phrase && parties.every((p) => p.name !== subj.phrase)) parties.unshift({ name: subj.phrase, kind: "body", role: null });
  if (parties.length < 2 && !(parties.length === 1 && /\band\b|\bsides\b|\bchiefs\b|\bleaders\b|\bministers\b/i.test(parties[0].name))) return null;
  if (!personish(parties) && shape !== "held" && shape !== "verb") return null;
  return parties;
}

const PLACE = /\b(?:at|in)\s+((?:the\s+)?\p{Lu}[\p{L}’'-]*(?:\s+(?:of\s+|de\s+)?\p{Lu}[\p{L}’'-]*)*(?:\s+in\s+\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)?)/gu;
const NOT_PLACE = /^(?:the\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/;

/** "at the Peace Palace in Phnom Penh", "in Vientiane". */
function placeIn(ctx: SentenceCtx, from: number): string | null {
  const text = ctx.ptext.slice(ctx.tokens[Math.min(from, ctx.tokens.length - 1)].start, ctx.sent.end);
  for (const m of text.matchAll(PLACE)) {
    const place = m[1].replace(/['’]s$/u, "");
    if (NOT_PLACE.test(place)) continue;
    const at = ctx.tokens[from].start + m.index + m[0].length - m[1].length;
    const inPerson = ctx.mentions.some((x) => (x.kind === "person" || x.kind === "role") && ctx.tokens[x.nameFirst].start <= at && ctx.tokens[x.nameLast].end > at);
    if (inPerson) continue;
    return place;
  }
  return null;
}

/** "to discuss X", "talks on X", "discussed X". */
function topicIn(ctx: SentenceCtx, from: number): string | null {
  const rest = ctx.ptext.slice(ctx.tokens[Math.min(from, ctx.tokens.length - 1)].start, ctx.sent.end);
  const m =
    /\bto discuss\s+(.+)/i.exec(rest) ??
    /\b(?:discussed|reviewed|exchanged views on|focused on|talked about|spoke about)\s+(.+)/i.exec(rest) ??
    /\b(?:talks|discussions|call|conference|meeting|session|conversation)\s+(?:on|about|over|regarding)\s+(.+)/i.exec(rest) ??
    /\babout\s+(.+)/i.exec(rest) ??
    /^\s*(?:\S+\s+){0,8}?on\s+((?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the (?:afternoon|morning|evening|sidelines))\b)[a-z][^,]+)/.exec(rest);
  if (!m) return null;
  return trimTopic(m[1]);
}

/** A topic up to the end of its clause. */
export function trimTopic(text: string): string | null {
  let topic = text;
  topic = topic.split(/,\s*(?:and|while|where|which|who|but|the|according|said|officials|a\s+statement)\b|;|\s+(?:on|last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\s+in\s+a\s+(?:tele)?phone|\s+(?:at|in)\s+the\s+\p{Lu}|\s+in\s+\p{Lu}\p{L}+\s+on\b|\s+on\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/u)[0];
  topic = topic.split(/,\s*(?:because|as|since|which|who|despite|although|though)\b/)[0];
  topic = topic.replace(/[.,;:”"]+$/u, "").trim();
  return topic.length >= 3 ? topic : null;
}

/** Two meetings are one when they name the same people on the same day. */
export function sameMeeting(a: Meeting, b: Meeting): boolean {
  const names = (m: Meeting) => m.participants.map((p) => p.name).sort().join("|");
  const people = a.participants.filter((p) => p.kind === "person").length;
  return people >= 2 && names(a) === names(b) && (a.date === b.date || a.date === null || b.date === null);
}

export { slice };
