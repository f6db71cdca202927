/**
 * Meetings (CAMEO 040–046): two or more parties meet, talk, visit, host, receive a
 * courtesy call, hold talks or a video conference, speak by phone. The phrasings are read
 * as families: active ("met", "sat down with", "called on"), passive ("was received by"),
 * held gatherings ("held talks / a working lunch / a phone call with"), nouns ("a meeting
 * with / between"), openers ("At a separate meeting, A and B …", "after meeting X"), and
 * delegations with their leaders ("a delegation … led by X"). Only what happened: "will
 * meet", "is set to travel … for talks" and "to meet with" are intentions; "meeting the
 * targets", "met the deadline" and "following the meeting" are not new meetings.
 */
import { subjectOf } from "./clauses.ts";
import { isVerbish } from "./coref.ts";
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
} from "./sentence-context.ts";
import { DEMONYM_GROUPS, type Mention } from "./mentions.ts";
import type { Meeting, Party } from "./event.ts";
import { matchesOf } from "../text/matches.ts";

export interface FoundMeeting {
  meeting: Meeting;
  how: ChosenDate["how"];
  /** Told as part of a meeting already reported ("The meeting was co-chaired by …", a signing there): joins it. */
  joins?: boolean;
}

type Shape =
  | "verb"
  | "joint"
  | "co-chair"
  | "fronted"
  | "gerund"
  | "passive"
  | "host"
  | "call-on"
  | "held"
  | "spoke"
  | "by-phone"
  | "between"
  | "noun-with"
  | "during";

/** Get-togethers one holds or has: talks, a meeting, a working lunch, a phone call, an audience. */
const GATHERING =
  "talks|meetings?|discussions|consultations|video\\s*conference|videoconference|teleconference|(?:phone|telephone|video|conference)\\s+(?:call|conversation)|calls?|session|dialogue|audience|courtesy\\s+call|(?:working\\s+|official\\s+|private\\s+|state\\s+)?(?:lunch|luncheon|dinner|breakfast|banquet)|tête-à-tête|round\\s+of\\s+talks|exchange\\s+of\\s+views|summit|round-?table|working\\s+session";

/**
 * A word every trigger below needs (a cheap test first: sentences without one are not parsed
 * for meetings). Keep it in step with TRIGGERS.
 */
export const MEETING_HINT =
  /\b(?:met|meet|meeting|meetings|telephoned|phoned|rang|contacted|contacting|receiving|hosting|welcoming|co-chaired|co-hosted|co-presided|received|hosted|welcomed|greeted|called|visited|paid|made|held|had|conducted|organised|organized|presided|spoke|talked|conferred|consulted|chatted|sat|huddled|exchanged|discussed|call|conversation|conference|talks|discussions|consultations|summit|audience|lunch|dinner)\b/i;

const TRIGGERS: Array<[RegExp, Shape]> = [
  // "the Lao minister was received by …", "was hosted by", "was welcomed by", "were met by".
  [
    /\b(?:was|were|been|being)\s+(?:(?:\w+ly|later|then|also|first|again|warmly)\s+)?(?:received|hosted|welcomed|greeted|met|paid\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:call|visit))\s+(?:\S+\s+){0,6}?by\b/gi,
    "passive",
  ],
  [/\bmet(?:\s+(?:up\s+)?with)?\b/gi, "verb"],
  // "X was in Hanoi on Monday to meet Y": a trip told in the past, and whom it was made to meet.
  [
    /\b(?:was|were)\s+(?:in|at)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}(?:\s+[^\s.;:“”"]+){0,5}?\s+to\s+meet(?:\s+(?:up\s+)?with)?\b/gu,
    "verb",
  ],
  [/\b(?:telephoned|phoned|rang|contacted)\b/gi, "verb"],
  // "X and his counterpart Y co-chaired the Joint Commission meeting".
  [/\bco-(?:chaired|hosted|presided\s+over)\b/gi, "co-chair"],
  [
    /\b(?:received|hosted|welcomed|greeted)\b(?:\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:(?:dinner|lunch|luncheon|banquet|reception|breakfast|meeting)\s+(?:for|with)|(?:call|visit)\s+(?:from|by))\b)?/gi,
    "host",
  ],
  // "King X granted an audience to Y".
  [/\bgranted\s+(?:an?\s+)?(?:\w+\s+)?audience\s+(?:to|for)\b/gi, "host"],
  // "Ambassador X called on Prime Minister Y at the Peace Palace" (a visit; "called on Y to …" is a request).
  [
    /\bcalled\s+on\b(?!\s+(?:the\s+)?(?:government|authorities|countries|nations|states|all|both|members|donors|people|public|international|community|parties)\b)/gi,
    "call-on",
  ],
  // "…, Anwar said after meeting his Thai counterpart Srettha", "After meeting X, Y said …": a meeting just held.
  [
    /\b(?:after|following|while|during|when|upon|on)\s+(?:(?:a\s+)?meeting(?:\s+with)?|(?:receiving|hosting|welcoming|contacting)\b|(?:paying|making)\s+(?:a\s+|an\s+)?(?:courtesy\s+|official\s+|farewell\s+|working\s+)?(?:call|visit)\s+(?:on|upon|to)|holding\s+(?:talks|a\s+meeting|discussions)\s+with|(?:talking|speaking)\s+(?:by\s+(?:tele)?phone\s+)?with)\b(?!\s+(?:the|its|their|a|an)\s+(?:targets?|goals?|demands?|needs?|requirements?|criteria|standards?|deadlines?|obligations?|conditions?|expectations?))/gi,
    "gerund",
  ],
  // "At a separate meeting on Thursday, A and B reviewed …": a meeting opens the sentence, its subjects met.
  [
    /^(?:At|During|In|Over)\s+(?:a|an|their|the)\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|session|discussions|consultations|lunch|dinner|breakfast|call|video\s+conference)\b(?![^,]*\bwith\b)/g,
    "fronted",
  ],
  // "Interpol's director visited Pheakdey at the ministry": a visit to a person (places are not met).
  [/\bvisited\b/gi, "call-on"],
  // "held an official welcome ceremony for X".
  [
    /\b(?:held|hosted|organised|organized|presided\s+over)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:welcome|welcoming|reception|farewell)\s+(?:ceremony|reception|dinner|banquet|lunch|luncheon)?\s*(?:for|in\s+honou?r\s+of)\b/gi,
    "host",
  ],
  [
    /\b(?:paid|made)\s+(?:a\s+|an\s+)?(?:(?:separate|courtesy|official|farewell|working|brief|private|introductory|goodwill)\s+){0,2}(?:call|visit)s?\s+(?:on|upon|to)\b/gi,
    "call-on",
  ],
  [
    new RegExp(
      `\\b(?:held|had|conducted)\\s+(?:a\\s+|an\\s+|their\\s+|his\\s+|her\\s+)?(?:[\\w-]+\\s+){0,3}?(?:${GATHERING})\\b(?:\\s+(?:by\\s+(?:tele)?phone\\s+|by\\s+video(?:\\s*(?:link|conference|call))?\\s+|online\\s+|virtually\\s+))?(?:\\s+with\\b)?`,
      "gi",
    ),
    "held",
  ],
  [
    /\b(?:spoke|talked|conferred|consulted|chatted|sat\s+down|huddled|exchanged\s+views)\b(?:\s+(?:by|over|on|via)\s+(?:the\s+)?(?:tele)?phone|\s+(?:via|by|over)\s+video(?:\s*(?:link|conference|call))?|\s+(?:separately|privately|briefly|virtually|online))?\s+(?:with|to)\b/gi,
    "spoke",
  ],
  [
    /\b(?:in|during|via|over|through)\s+(?:a|an|their)\s+(?:[\w-]+\s+){0,2}?(?:telephone|phone|video|virtual|online)\s+(?:call|conversation|conference|meeting|talks)\b/gi,
    "by-phone",
  ],
  [
    /\b(?:meeting|talks|discussions|consultations|courtesy\s+call|conversation|summit|audience|phone\s+call|video\s+call|video\s+conference|lunch|dinner)\s+(?:(?:(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|morning|afternoon|evening|\d{1,2}\s+\p{Lu}\p{L}+|\p{Lu}\p{L}+\s+\d{1,2})|yesterday|today)\s+)?(?:(?:was|were)\s+(?:\w+ly\s+)?held\s+)?between\b/giu,
    "between",
  ],
  // "The signing ceremony of the agreement, titled …, was held between A and B": whatever was held, between people.
  [/\b(?:(?:was|were)\s+(?:\w+ly\s+)?held|took\s+place)\s+between\b/gi, "between"],
  [
    /\b(?:meeting|talks|discussions|consultations|courtesy\s+call|conversation|audience|phone\s+call|video\s+call|video\s+conference|working\s+lunch|working\s+dinner)\s+with\b/gi,
    "noun-with",
  ],
  // "He made the request to X during their meeting at …", "A and B pledged …, speaking during a farewell call".
  [
    /(?<=\S\s+)(?:during|at|in)\s+(?:their|a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|(?:courtesy|farewell|phone|video)\s+call|discussions|conversation|audience)\b(?!\s+(?:with|between|of|on\s+\p{Lu})\b)/giu,
    "during",
  ],
  // Two or more people as the subject, no object: "A and B discussed a joint reserve", "the two ministers
  // spoke by telephone in March", "A and B agreed …, after bilateral talks in Putrajaya".
  [
    /\b(?:discussed|(?:spoke|talked|conferred)\s+(?:(?:by|over|via|on)\s+(?:the\s+)?(?:tele)?phone|(?:via|by|over)\s+video(?:\s*(?:link|conference|call))?))\b(?!\s+(?:with|to)\b)/gi,
    "joint",
  ],
  [
    /\b(?:after|following)\s+(?:(?:their|his|her)\s+)?(?:(?:bilateral|closed-door|lengthy|official|formal|separate|private|high-level)\s+)?(?:talks|discussions|consultations)\b(?!\s+(?:with|between|of|on\s+\p{Lu})\b)/giu,
    "joint",
  ],
];

/** Objects of "met (with)" that are not parties: targets, deadlines, reactions. */
const NOT_MET =
  /^(?:(?:the|its|their|his|her|all|a|an|most|some|many|these|those|several|every|both|strong|fierce|stiff|mixed|widespread|little|much|no|any|growing|broad|public|international|local)\s+)*(?:[\w-]+\s+)?(?:targets?|goals?|deadlines?|demands?|needs|requirements?|criteria|criterion|standards?|expectations?|obligations?|conditions?|costs?|quotas?|thresholds?|benchmarks?|commitments?|pledges?|promises?|obstacles?|challenges?|resistance|opposition|criticism|approval|protests?|scepticism|skepticism|success|failure|delays?|support|anger|outrage|silence|praise|condemnation|interest|enthusiasm|applause|backlash|concerns?|objections?|disapproval|acclaim|setbacks?|difficulties|problems?|fate|end|death)\b/i;

/** A plural subject that meets on its own: officials, delegations, leaders, ministers, chiefs, representatives. */
const GROUP_SUBJECT =
  /\b(?:officials|officers|delegations|delegates|leaders|ministers|chiefs|representatives|counterparts|heads|commanders|envoys|negotiators|members|sides)\b/i;

const PAST_TRIGGER = /^(?:met|held|had|spoke|paid|made|sat|\w+ed)$/;

const FUTURE_BEFORE =
  /\b(?:will|shall|would|(?:is|are|was|were)\s+(?:set|scheduled|expected|due|slated|poised|going|planning|about|to|due\s+in)|(?:plans?|planned|planning|intends?|intended|aims?|hopes?|hoped|wants?|seeks?|prepares?|preparing)\s+to)\b/;

const NOUN_DETERMINERS =
  /\b(?:a|an|the|their|his|her|its|during|in|at|bilateral|private|closed-door|separate|recent)\s+(?:[\w-]+\s+){0,4}$/i;

/** Meetings in one sentence. */
export function findMeetings(ctx: SentenceCtx, state: ExtractState): FoundMeeting[] {
  const out: FoundMeeting[] = [];
  const text = ctx.sent.text;
  const used = new Set<number>();
  for (const [re, shape] of TRIGGERS) {
    for (const m of matchesOf(re, text)) {
      const startOffset = ctx.sent.start + m.index;
      const k = tokenAt(ctx, startOffset);
      const endTok = tokenAt(ctx, startOffset + m[0].length - 1);
      if ([...used].some((u) => Math.abs(u - k) <= 3)) continue;
      if (ctx.quoteSpeaker(k) !== undefined) continue; // in a quotation: the speaker's words, not a report
      const before = text.slice(0, m.index);
      const possessed = /\p{Lu}\p{L}*['’]s?\s+$/u.test(before);
      if (shape === "noun-with" && !NOUN_DETERMINERS.test(before) && !possessed) continue;
      if (shape === "noun-with" && /\b(?:following|after|since|before|ahead of)\s+(?:the|a|their)\s+$/i.test(before))
        continue;
      if (isDeniedOrModal(ctx, k, true)) continue;
      // (Lower case only: "To Lam received …" is a name.)
      if (
        /\b(?:to|will|would|shall|could|expected to|scheduled to|set to|plans? to|due to|is to|are to|agreed to)\s+(?:[a-z]\w*\s+)?$/.test(
          before.slice(-30),
        ) &&
        shape !== "between"
      )
        continue;
      if (mentionsFuture(ctx, k, ctx.tokens.length)) continue;
      // "is set to travel to Brussels for talks with …", "will fly to Hanoi for a meeting with …": a plan.
      if (FUTURE_BEFORE.test(before.slice(before.lastIndexOf(",") + 1))) continue;

      const parties = participantsFor(ctx, state, shape, k, endTok);
      if (!parties) continue;
      const date = eventDate(ctx, k, state);
      if (date.date && ctx.published && date.date > ctx.published) {
        // "held a meeting …, today, August 4, 2023" on a page dated a year earlier: it happened, the date is unsure.
        if (!(date.yearStated && PAST_TRIGGER.test(ctx.tokens[k].low))) continue;
        date.date = null;
        date.yearStated = false;
      }
      used.add(k);
      out.push({
        meeting: meetingAt(ctx, k, date, parties, placeIn(ctx, endTok), topicIn(ctx, endTok)),
        how: date.how,
      });
    }
  }
  return out;
}

/** A meeting found at token k of the sentence. */
export function meetingAt(
  ctx: SentenceCtx,
  k: number,
  date: ChosenDate,
  participants: Party[],
  place: string | null,
  topic: string | null,
): Meeting {
  return {
    source: ctx.source,
    paragraph: ctx.paragraph,
    date: date.date,
    dateText: date.dateText ?? null,
    yearStated: date.yearStated,
    participants,
    place,
    topic,
    quote: quoteFor(ctx, k),
  };
}

function subjectParties(
  ctx: SentenceCtx,
  state: ExtractState,
  k: number,
): { parties: Party[]; phrase: string | null; mentions: Mention[] } {
  let subj = subjectOf(ctx.view, k, ctx.ptext, 0);
  // "The request was made by General X, …, during a meeting with Y": the agent of a passive is who met.
  const agent = subj.mentions.length === 0 ? (passiveAgent(ctx, k) ?? participleSubject(ctx, k)) : null;
  if (agent) subj = { mentions: [agent], phrase: null };
  // "the Lao minister" with nobody to stand for: the words are the party.
  const parties = subj.mentions.flatMap((m) => {
    const ps = partiesOf(m, ctx, state);
    return ps.length || m.kind !== "role" ? ps : [{ name: m.text, kind: "person" as const, role: m.text }];
  });
  // "Informing the host about …", "during a": a participle or a preposition is no party.
  const phrase = subj.phrase && NOT_A_PARTY.test(subj.phrase) ? null : (subj.phrase?.replace(/^of\s+/i, "") ?? null);
  return { parties: uniqueParties(parties), phrase, mentions: subj.mentions };
}

const NOT_A_PARTY =
  /^(?:(?:during|in|at|on|for|with|by|to|from|after|before|while)\s|\p{L}+ing\s+(?:the|a|an|his|her|their|its)\b)/iu;

/** "Informing the host about talks with X, he pledged …": the participle's subject is the main clause's. */
function participleSubject(ctx: SentenceCtx, k: number): Mention | null {
  if (!/ing$/.test(ctx.tokens[0]?.low ?? "") || !ctx.tokens[0].cap) return null;
  const comma = ctx.tokens.findIndex((t, j) => j > k && t.text === ",");
  if (comma < 0) return null;
  return (
    ctx.mentions.find(
      (m) =>
        m.first > comma && m.first <= comma + 3 && (m.kind === "person" || m.kind === "pronoun" || m.kind === "role"),
    ) ?? null
  );
}

/** "… was made by X, …," before token k: X. */
function passiveAgent(ctx: SentenceCtx, k: number): Mention | null {
  for (let j = k - 1; j > 1; j--) {
    if (ctx.tokens[j].low !== "by" || !/^(?:was|were)$/.test(ctx.tokens[j - 2]?.low ?? "")) continue;
    return ctx.mentions.find((m) => m.first > j && m.first <= j + 4 && m.last < k && m.kind === "person") ?? null;
  }
  return null;
}

/** "… led by X", "… headed by X" within the words after a meeting's object: the people named. */
function leaderAfter(ctx: SentenceCtx, state: ExtractState, from: number): Party[] {
  for (let j = from; j < ctx.tokens.length - 2 && j < from + 25; j++) {
    const t = ctx.tokens[j];
    if (t.text === ";" || (t.kind === "word" && isVerbish(ctx.tokens, j) && !/^(?:led|headed)$/.test(t.low))) return [];
    if (/^(?:led|headed)$/.test(t.low) && ctx.tokens[j + 1].low === "by") {
      const m = ctx.mentions.find(
        (x) => x.first >= j + 2 && x.first <= j + 6 && (x.kind === "person" || x.kind === "role"),
      );
      if (!m || ctx.tokens.slice(j + 2, m.first).some((x) => x.kind === "punct")) return [];
      return partiesOf(m, ctx, state).filter((p) => p.kind === "person");
    }
  }
  return [];
}

type PartyPhrase = { parties: Party[]; phrase: string | null; mentions: Mention[] };

const personish = (ps: Party[]) => ps.some((p) => p.kind === "person");

/** The meeting's subject: the clause's, or for "meeting with" the main clause's or the meeting's owner. */
function meetingSubject(ctx: SentenceCtx, state: ExtractState, shape: Shape, k: number, endTok: number): PartyPhrase {
  // "During a January 5 meeting with X, he …": the meeting's host is the main clause's subject.
  let subj = subjectParties(ctx, state, k);
  if (shape === "noun-with") {
    const comma = ctx.tokens.findIndex((t, j) => j > endTok && t.text === ",");
    const fronted = /^(?:during|at|in|on|after|following)$/i.test(ctx.tokens[0]?.low ?? "") && comma > 0;
    if (fronted) {
      const main = ctx.mentions.find((m) => m.first > comma && m.kind !== "body");
      if (main) subj = { parties: partiesOf(main, ctx, state), phrase: null, mentions: [main] };
    }
    // "Following Liu's meeting with X, …": the owner of the meeting met X.
    const owner = ctx.mentions.find((x) => x.last === k - 1 && ctx.tokens[x.last].possessive && x.kind === "person");
    if (owner) subj = { parties: partiesOf(owner, ctx, state), phrase: null, mentions: [owner] };
  }
  return subj;
}

/** "during a meeting": the clause's subject and whoever it addressed before the phrase. */
function duringParties(ctx: SentenceCtx, state: ExtractState, k: number, subj: PartyPhrase): Party[] | null {
  // The clause's subject and whoever it addressed before the phrase ("made the request to X").
  const addressed = ctx.mentions
    .filter((m) => m.first < k && m.kind === "person" && !subj.mentions.includes(m))
    .flatMap((m) => partiesOf(m, ctx, state));
  const parties = uniqueParties([...subj.parties, ...addressed]);
  return parties.length >= 2 && personish(parties) && subj.mentions.every((m) => m.kind !== "body") ? parties : null;
}

/** "jointly": only people who met one another. */
function jointParties(subj: PartyPhrase): Party[] | null {
  // Only people who met one another: two or more named (or "the two ministers" standing for them).
  const people = subj.parties.filter((p) => p.kind === "person");
  // "he and Thai leaders discussed …": a person and another country's officials.
  const officials = subj.mentions.filter((m) => m.kind === "body" && DEMONYM_GROUPS.has(m.word));
  if (people.length === 1 && officials.length > 0 && subj.parties.length >= 2) {
    if (subj.mentions.every((m) => m.kind !== "country" && (m.kind !== "body" || officials.includes(m))))
      return subj.parties;
  }
  if (people.length < 2 || subj.mentions.some((m) => m.kind === "body" || m.kind === "country")) return null;
  return subj.parties;
}

/** "after meeting X": X and who met. */
function gerundParties(ctx: SentenceCtx, state: ExtractState, k: number, endTok: number): Party[] | null {
  // Who met: the subject of the verb the phrase hangs on ("Anwar said after meeting …"), or of the main clause after
  // it.
  const obj = objectAfter(ctx, endTok + 1, state);
  if (!personish(obj.parties) || obj.mentions.some((m) => ctx.tokens[m.last].possessive)) return null;
  let v = k - 1;
  // "The ambassador made the announcement after paying a courtesy call on X": the verb a few words back.
  for (let j = k - 1; j >= 0 && j >= k - 6 && !isVerbish(ctx.tokens, v); j--) {
    if (ctx.tokens[j].kind === "punct") break;
    if (isVerbish(ctx.tokens, j)) v = j;
  }
  if (k === 0 || ctx.tokens[k - 1].text === ",") {
    const comma = ctx.tokens.findIndex((t, j) => j > endTok && t.text === ",");
    if (comma < 0) return null;
    v = comma + 1;
    while (v < ctx.tokens.length && !isVerbish(ctx.tokens, v)) v++;
  }
  if (v < 0 || v >= ctx.tokens.length || !isVerbish(ctx.tokens, v)) return null;
  const who = subjectParties(ctx, state, v);
  const parties = uniqueParties([...who.parties.filter((p) => p.kind === "person"), ...obj.parties]);
  return parties.length >= 2 ? parties : null;
}

/** An opening phrase: the main clause after it. */
function frontedParties(ctx: SentenceCtx, state: ExtractState, endTok: number): Party[] | null {
  // The main clause after the opening phrase: its subject, two or more parties.
  const comma = ctx.tokens.findIndex((t, j) => j > endTok && t.text === ",");
  if (comma < 0) return null;
  let v = comma + 1;
  while (v < ctx.tokens.length && !isVerbish(ctx.tokens, v)) v++;
  if (v >= ctx.tokens.length) return null;
  const main = subjectParties(ctx, state, v);
  return main.parties.length >= 2 && personish(main.parties) ? main.parties : null;
}

/** Who was met: the object after the trigger (by phone: after "with", or whom the main clause's subject told). */
function meetingObject(
  ctx: SentenceCtx,
  state: ExtractState,
  shape: Shape,
  endTok: number,
  subject: PartyPhrase,
): { subj: PartyPhrase; obj: PartyPhrase } {
  let subj = subject;
  let obj =
    shape === "by-phone"
      ? { parties: [] as Party[], phrase: null as string | null, mentions: [] as Mention[] }
      : objectAfter(ctx, endTok + 1, state);
  if (shape === "by-phone") {
    // "In a video call (with X), Y told the council …": Y, X and whom Y told.
    if (ctx.tokens[endTok + 1]?.low === "with") obj = objectAfter(ctx, endTok + 2, state);
    const comma = ctx.tokens.findIndex((t, j) => j > endTok && t.text === ",");
    const fronted =
      /^(?:in|during|via|over|through)$/i.test(ctx.tokens[0]?.low ?? "") && comma > 0 && subj.parties.length === 0;
    if (fronted) {
      const main = ctx.mentions.find((m) => m.first > comma && m.kind !== "body" && m.kind !== "country");
      if (main) {
        subj = { parties: partiesOf(main, ctx, state), phrase: null, mentions: [main] };
        const verb = ctx.tokens[main.last + 1];
        if (
          verb &&
          /^(?:told|briefed|assured|informed|urged|asked|thanked|reassured)$/.test(verb.low) &&
          obj.parties.length === 0 &&
          obj.phrase === null
        )
          obj = objectAfter(ctx, main.last + 2, state);
      }
    }
  }
  // "held talks in Vientiane on Monday with X", "met on Monday with X": the object after a place or a date.
  if (obj.parties.length === 0 && obj.phrase === null && (shape === "held" || shape === "verb" || shape === "spoke")) {
    for (let j = endTok + 1; j < ctx.tokens.length && j <= endTok + 10; j++) {
      const t = ctx.tokens[j];
      if ([";", "”", "“", "(", ")"].includes(t.text) || (t.kind === "word" && isVerbish(ctx.tokens, j))) break;
      if (t.low === "with") {
        obj = objectAfter(ctx, j + 1, state);
        break;
      }
    }
  }
  return { subj, obj };
}

/** A host or a visit: only people (or a delegation) are met, not things or requests. */
function visitMet(ctx: SentenceCtx, k: number, obj: PartyPhrase): boolean {
  // "received support", "paid a visit to Hanoi": only people (or a delegation) are met.
  const delegation =
    /\b(?:delegation|mission|team|officials|leaders|ministers|representatives|ambassadors?|envoys?)\b/i;
  if (
    !personish(obj.parties) &&
    !(obj.phrase && delegation.test(obj.phrase)) &&
    !obj.parties.some((p) => delegation.test(p.name))
  )
    return false;
  // "welcomed the three countries' commitment": what someone has, not someone.
  const lastObj = obj.mentions[obj.mentions.length - 1];
  if (lastObj && ctx.tokens[lastObj.last].possessive) return false;
  // "called on Thailand to release …": a request, not a visit.
  if (
    ctx.tokens[k].low === "visited" &&
    (!lastObj ||
      (lastObj.kind !== "person" && lastObj.kind !== "role") ||
      obj.mentions.length !== obj.mentions.filter((x) => x.kind === "person" || x.kind === "role").length)
  )
    return false;
  if (ctx.tokens[k].low === "called") {
    if (!lastObj || lastObj.kind !== "person") return false;
    const next = ctx.tokens.slice(lastObj.last + 1, lastObj.last + 4).map((t) => t.low);
    const purpose = /^\s*to\s+(?:discuss|talk|exchange|review|bid|congratulate|introduce|brief)\b/i.test(
      ctx.ptext.slice(ctx.tokens[lastObj.last].end, ctx.sent.end),
    );
    if ((next.includes("to") && !purpose) || next[0] === "for" || next[0] === "and" || next[0] === "not") return false;
  }
  return true;
}

/** "a delegation … led by Superintendent General Kim Dae-sung": the leader is met too. */
function withLeader(
  ctx: SentenceCtx,
  state: ExtractState,
  endTok: number,
  object: PartyPhrase,
): { obj: PartyPhrase; extraParties: Party[] } {
  let obj = object;
  let extraParties: Party[] = [];
  const leader = leaderAfter(ctx, state, endTok + 1);
  if (leader.length && /\bdelegation\b/i.test(obj.phrase ?? obj.parties.map((p) => p.name).join(" ")))
    state.delegationLeader = leader[0];
  if (leader.length)
    obj = {
      ...obj,
      parties: obj.parties.length || obj.phrase === null ? uniqueParties([...obj.parties, ...leader]) : obj.parties,
      phrase: obj.phrase,
    };
  if (leader.length && obj.parties.length === 0) extraParties = leader;
  return { obj, extraParties };
}

/** The parties of the meeting: subject and object, or the words that stand for them; null if fewer than two. */
function assembleParties(shape: Shape, subj: PartyPhrase, obj: PartyPhrase, extraParties: Party[]): Party[] | null {
  const parties = uniqueParties([...subj.parties, ...obj.parties]);
  if (obj.parties.length === 0 && obj.phrase)
    parties.push({ name: obj.phrase.replace(/^of\s+/i, ""), kind: "body", role: null });
  for (const p of extraParties) if (!parties.some((x) => x.name === p.name)) parties.push(p);
  if (parties.length === 0 && subj.phrase) parties.push({ name: subj.phrase, kind: "body", role: null });
  if (subj.parties.length === 0 && subj.phrase && parties.every((p) => p.name !== subj.phrase))
    parties.unshift({ name: subj.phrase, kind: "body", role: null });
  if (
    parties.length < 2 &&
    !(parties.length === 1 && (/\band\b/i.test(parties[0].name) || GROUP_SUBJECT.test(parties[0].name)))
  )
    return null;
  if (!personish(parties) && shape !== "held" && shape !== "verb") return null;
  return parties;
}

function participantsFor(
  ctx: SentenceCtx,
  state: ExtractState,
  shape: Shape,
  k: number,
  endTok: number,
): Party[] | null {
  if (shape === "between") {
    const obj = objectAfter(ctx, endTok + 1, state, 3);
    return obj.parties.length >= 2 ? obj.parties : null;
  }
  const subject = meetingSubject(ctx, state, shape, k, endTok);
  if (shape === "during") return duringParties(ctx, state, k, subject);
  if (shape === "joint") return jointParties(subject);
  if (shape === "gerund") return gerundParties(ctx, state, k, endTok);
  if (shape === "fronted") return frontedParties(ctx, state, endTok);
  const met = meetingObject(ctx, state, shape, endTok, subject);
  const subj = met.subj;
  let obj = met.obj;
  if ((shape === "host" || shape === "call-on") && !visitMet(ctx, k, obj)) return null;
  if (shape === "passive") {
    // "X was received by Y": both are people or a delegation, never "a move welcomed by …".
    if (
      !personish(obj.parties) ||
      !(
        personish(subj.parties) ||
        subj.mentions.some((m) => m.kind === "group" || /delegation|team|mission/i.test(m.text))
      )
    )
      return null;
  }
  let extraParties: Party[] = [];
  if (!personish(obj.parties)) ({ obj, extraParties } = withLeader(ctx, state, endTok, obj));
  // "Police contacted the family": only a person contacting a person is a call between parties.
  if (ctx.tokens[k].low === "contacted" && !(personish(subj.parties) && personish(obj.parties))) return null;
  if (shape === "verb" && obj.parties.length === 0 && obj.phrase === null && subj.parties.length < 2) {
    // "Top officials of the two forces met on Thursday": a group meets within itself.
    const head = subj.phrase ?? (k > 0 ? slice(ctx, 0, k - 1) : "");
    if (!(ctx.tokens[k].low === "met" && GROUP_SUBJECT.test(head.split(/\s+/).slice(0, 3).join(" ")))) return null;
    if (subj.parties.length === 1 && !GROUP_SUBJECT.test(subj.parties[0].name))
      subj.parties[0] = { ...subj.parties[0], name: head.replace(/^(?:The|A)\s+/, "") };
  }
  // "met the deadline", "met with strong resistance": things and reactions are not met in person.
  if (shape === "verb" && obj.parties.length === 0 && obj.phrase && NOT_MET.test(obj.phrase)) return null;
  if (shape === "co-chair") {
    if (
      subj.parties.length < 2 &&
      !/\bwith\b/i.test(slice(ctx, endTok + 1, Math.min(ctx.tokens.length - 1, endTok + 12)))
    )
      return null;
    if (subj.parties.length >= 2) obj = { parties: [], phrase: null, mentions: [] };
  }
  return assembleParties(shape, subj, obj, extraParties);
}

const PLACE =
  /\b(?:at|in)\s+((?:the\s+)?\p{Lu}[\p{L}’'-]*(?:\s+(?:of\s+|de\s+)?\p{Lu}[\p{L}’'-]*)*(?:\s+in\s+\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)?)/gu;
const NOT_PLACE =
  /^(?:the\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b/;

/** "at the Peace Palace in Phnom Penh", "in Vientiane". */
function placeIn(ctx: SentenceCtx, from: number): string | null {
  const text = ctx.ptext.slice(ctx.tokens[Math.min(from, ctx.tokens.length - 1)].start, ctx.sent.end);
  for (const m of matchesOf(PLACE, text)) {
    const place = m[1].replace(/['’]s$/u, "");
    if (NOT_PLACE.test(place)) continue;
    const at = ctx.tokens[from].start + m.index + m[0].length - m[1].length;
    const inPerson = ctx.mentions.some(
      (x) =>
        (x.kind === "person" || x.kind === "role") &&
        ctx.tokens[x.nameFirst].start <= at &&
        ctx.tokens[x.nameLast].end > at,
    );
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
    /\b(?:talks|discussions|call|conference|meeting|session|conversation)\s+(?:on|about|over|regarding)\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b|\d)(.+)/i.exec(
      rest,
    ) ??
    /\babout\s+(.+)/i.exec(rest) ??
    /^\s*(?:\S+\s+){0,8}?on\s+((?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the (?:afternoon|morning|evening|sidelines))\b)[a-z][^,]+)/.exec(
      rest,
    );
  if (!m) return null;
  return trimTopic(m[1]);
}

/** A topic up to the end of its clause. */
export function trimTopic(text: string): string | null {
  let topic = text;
  topic = topic.split(
    /,\s*(?:and|while|where|which|who|but|the|according|said|officials|a\s+statement)\b|;|\s+(?:on|last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\s+in\s+a\s+(?:tele)?phone|\s+(?:at|in)\s+the\s+\p{Lu}|\s+in\s+\p{Lu}\p{L}+\s+on\b|\s+on\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/u,
  )[0];
  topic = topic.split(/,\s*(?:because|as|since|which|who|despite|although|though)\b/)[0];
  topic = topic.replace(/[.,;:”"]+$/u, "").trim();
  return topic.length >= 3 ? topic : null;
}

/** Two meetings are one when they name the same people on the same day. */
export function sameMeeting(a: Meeting, b: Meeting): boolean {
  if (namesKey(a) !== namesKey(b) || !(a.date === b.date || a.date === null || b.date === null)) return false;
  return a.participants.filter((p) => p.kind === "person").length >= 2;
}

/**
 * Each participant list's sorted names, kept while the list keeps its length (a merge only
 * appends): a briefing with thousands of meetings compares each new one with all before it,
 * and sorting names at every comparison made that the slowest part of reading it.
 */
const namesKeys = new WeakMap<Meeting["participants"], { length: number; key: string }>();

export function namesKey(m: Meeting): string {
  const known = namesKeys.get(m.participants);
  if (known && known.length === m.participants.length) return known.key;
  const key = m.participants
    .map((p) => p.name)
    .sort()
    .join("|");
  namesKeys.set(m.participants, { length: m.participants.length, key });
  return key;
}

export { slice };
