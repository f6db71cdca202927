/**
 * Pledges (CAMEO 030–033, 057): an actor commits to do something — pledge, vow, promise,
 * "is committed to", "will provide", "is set to", agree to, reiterate a commitment, sign an
 * agreement or memorandum. Requests and appeals (CAMEO 02x: ask, urge, call on, appeal)
 * are found the same way and kept apart by `kind`. Not events: denials ("did not pledge"),
 * opinions ("should", "must"), hopes, and praise of someone else's commitment.
 */
import { clauseAt, HOPE_VERBS, reportingVerb, subjectOf } from "./clauses.ts";
import { eventDate, isDeniedOrModal, quoteFor, partiesOf, personParty, tokenAt, uniqueParties, type ChosenDate, type ExtractState, type SentenceCtx } from "./context.ts";
import type { Mention } from "./mentions.ts";
import type { Party, Pledge, PledgeKind } from "./types.ts";

export interface FoundPledge {
  pledge: Pledge;
  how: ChosenDate["how"];
}

interface Trigger {
  re: RegExp;
  kind: PledgeKind | "agree";
  /** The word must be a verb: no determiner before it ("the pledge came"). */
  verb?: boolean;
  /** Present-tense forms count only from "I"/"we" ("I ask the UK to …"). */
  firstPerson?: boolean;
  /** Only in reported speech ("said Hanoi would continue"). */
  reported?: boolean;
  /** Needs "… to <verb>" after it ("called on X to …"). */
  needsTo?: boolean;
}

const WILL_VERBS =
  "provide|supply|fund|finance|donate|give|send|deploy|continue|support|help|assist|offer|contribute|train|build|share|open|establish|set up|cooperate|work|strengthen|boost|step up|increase|expand|deliver|grant|allocate|invest|keep|review|cut|ensure|bring|hand over|return|release|extend|launch|implement|dispatch|equip|upgrade|double|triple|create|host|sponsor|cover|pay|install|repair|restore|protect|fight|combat|tackle|crack down|dismantle|prosecute|pursue|maintain|enhance|bolster|deepen|promote|facilitate|waive|lift|reduce|lower|raise|purchase|buy|import|export|sign|join|respect|honour|honor|uphold|abide|comply|stand";

const TRIGGERS: Trigger[] = [
  { re: /\b(?:pledged|pledges|pledge|pledging)\b/gi, kind: "pledge", verb: true },
  { re: /\b(?:vowed|vows|vow|vowing)\b/gi, kind: "pledge", verb: true },
  { re: /\b(?:promised|promises|promise|promising)\b/gi, kind: "pledge", verb: true },
  { re: /\b(?:am|is|are|was|were|be|been|being|remain|remains|remained|stay|stays|stayed|fully|firmly|strongly|deeply|totally|still|always|also)\s+(?:\w+ly\s+)?committed\s+(?:itself\s+|themselves\s+)?to\b/gi, kind: "pledge" },
  { re: /(?<!\b(?:crimes?|offences?|offenses?|atrocities|abuses|violations|acts|murders?|fraud|were|was|is|are|be|been|being|remain|remains|remained|stay|stays|stayed|fully|firmly|strongly|deeply|totally|still|always|also)\s+)\bcommitted\s+(?:\S+\s+){0,4}?to\b/gi, kind: "pledge" },
  { re: /\b(?:reiterated|reaffirmed|affirmed|renewed|expressed|confirmed|stressed|underlined|underscored|restated|voiced|made|gave|announced|highlighted|emphasised|emphasized|signalled|signaled|reiterating|reaffirming)\s+(?:\S+\s+){0,4}?(?:commitment|commitments|pledge|resolve|determination|readiness|willingness)\b/gi, kind: "pledge" },
  { re: /\b(?:is|are|was|were)\s+set\s+to\b/gi, kind: "pledge" },
  { re: /\b(?:is|are|was|were|stands?|stood|remains?|remained)\s+(?:\w+ly\s+)?(?:ready|prepared|willing)\s+to\b/gi, kind: "pledge" },
  { re: /\b(?:undertook|undertakes|offered|offers|guaranteed|guarantees)\s+to\b/gi, kind: "pledge" },
  { re: /\b(?:assured|assures)\b(?=(?:\s+\S+){0,6}?\s+(?:that|of)\b)/gi, kind: "pledge" },
  { re: new RegExp(`\\b(?:will|shall)\\s+(?:also\\s+|further\\s+|soon\\s+|now\\s+|immediately\\s+|jointly\\s+|continue\\s+to\\s+|\\w+ly\\s+)?(?:${WILL_VERBS})\\b`, "gi"), kind: "pledge" },
  // "We will finish the road by June": a first-person future is a promise, whatever the verb.
  { re: /\b(?:will|shall)\s+(?:also\s+|further\s+|soon\s+|now\s+|\w+ly\s+)?(?!be\b|have\b|need\b|not\b|see\b|know\b|decide\b|consider\b|discuss\b|meet\b|wait\b|try\b)[a-z]+\b/g, kind: "pledge", firstPerson: true },
  { re: new RegExp(`\\bwould\\s+(?:also\\s+|further\\s+|soon\\s+|continue\\s+to\\s+|\\w+ly\\s+)?(?:${WILL_VERBS})\\b`, "gi"), kind: "pledge", reported: true },
  { re: /\b(?:signed|inked|concluded|sealed|initialled|initialed|exchanged|signing|witnessed the signing of)\s+(?:\S+\s+){0,8}?(?:agreements?|memorand(?:um|a)|mous?|accords?|pacts?|deals?|treat(?:y|ies)|protocols?|letters? of intent|declarations?|contracts?|charters?|roadmaps?|action plans?)\b/gi, kind: "agreement" },
  { re: /\breached\s+(?:an?\s+)?(?:\S+\s+){0,2}?(?:agreement|deal|accord|consensus)\b/gi, kind: "agreement" },
  { re: /\b(?:agreed|agreeing|agree)\s+(?:to|on|upon|that)\b/gi, kind: "agree", verb: true },
  { re: /\b(?:requested|requesting)\b/gi, kind: "request", verb: true },
  { re: /\b(?:request|requests)\b/gi, kind: "request", verb: true, firstPerson: true },
  { re: /\b(?:asked|asking)\b(?!\s+(?:about|whether|if|why|how|what|when|by|for comment))/gi, kind: "request", verb: true, needsTo: true },
  { re: /\b(?:ask|asks)\b/gi, kind: "request", verb: true, firstPerson: true, needsTo: true },
  { re: /\b(?:urged|urging)\b/gi, kind: "request", verb: true },
  { re: /\b(?:urge|urges)\b/gi, kind: "request", verb: true, firstPerson: true },
  { re: /\b(?:called|calling)\s+(?:on|upon)\b/gi, kind: "request", verb: true, needsTo: true },
  { re: /\b(?:called|calling)\s+for\b/gi, kind: "request", verb: true },
  { re: /\b(?:call|calls)\s+(?:on|upon|for)\b/gi, kind: "request", verb: true, firstPerson: true },
  { re: /\b(?:appealed|appealing)\s+(?:to|for)\b/gi, kind: "request", verb: true },
  { re: /\b(?:appeal|appeals)\s+(?:to|for)\b/gi, kind: "request", verb: true, firstPerson: true },
  { re: /\b(?:pressed|implored|pleaded with|petitioned|demanded|sought)\b/gi, kind: "request", verb: true, needsTo: false },
  { re: /\b(?:encouraged|encourages)\b(?=(?:\s+\S+){1,8}?\s+to\s+\w)/gi, kind: "request", verb: true },
  { re: /\b(?:am|is|are|was|were)\s+(?:asking|urging|appealing|requesting|calling\s+(?:on|for))\b/gi, kind: "request" },
];

const DETERMINER_BEFORE = /\b(?:a|an|the|this|that|these|those|his|her|its|their|our|my|your|new|fresh|earlier|latest|such|any|no)\s+(?:[\w-]+\s+)?$/i;
const RELATIVE_BEFORE = /\b(?:who|which|that)\s+$/i;

interface Hit {
  k: number;
  endTok: number;
  trigger: Trigger;
}

/** Pledges, agreements and requests in one sentence. */
export function findPledges(ctx: SentenceCtx, state: ExtractState): FoundPledge[] {
  const text = ctx.sent.text;
  const hits: Hit[] = [];
  for (const trigger of TRIGGERS) {
    for (const m of text.matchAll(trigger.re)) {
      const before = text.slice(0, m.index);
      if (trigger.verb && DETERMINER_BEFORE.test(before) && !/\b(?:that|who)\s+$/i.test(before)) continue;
      if (/^(?:will|shall)/i.test(m[0]) && RELATIVE_BEFORE.test(before)) continue;
      const k = tokenAt(ctx, ctx.sent.start + m.index);
      const endTok = tokenAt(ctx, ctx.sent.start + m.index + m[0].length - 1);
      hits.push({ k, endTok, trigger });
    }
  }
  hits.sort((a, b) => a.k - b.k || b.endTok - a.endTok);

  const out: FoundPledge[] = [];
  let coveredUntil = -1;
  for (const hit of hits) {
    const { k, endTok, trigger } = hit;
    // A commitment inside another's content ("pledged that the plants would be …") is the same pledge.
    if (k <= coveredUntil) continue;
    if (isDeniedOrModal(ctx, k, false)) continue;
    if (/^(?:will|shall|would)/i.test(ctx.tokens[k].low) && ctx.tokens[k + 1]?.low === "not") continue;
    const speechVerb = reportingVerb(ctx.view, k);
    if (speechVerb !== null && HOPE_VERBS.has(ctx.tokens[speechVerb].low)) continue;
    if (trigger.reported && speechVerb === null) continue;
    const end = contentEnd(ctx, endTok + 1);
    if (trigger.needsTo && !ctx.tokens.slice(endTok + 1, end).some((t, j) => t.low === "to" || (j === 0 && t.low === "that") || t.low === "for")) continue;

    const subj = subjectOf(ctx.view, k, ctx.ptext, 0);
    const firstPerson = subj.mentions.some((m) => m.kind === "pronoun" && (m.word === "i" || m.word === "we"));
    if (trigger.firstPerson && !firstPerson) continue;

    const quoted = ctx.quoteSpeaker(k);
    const speakerRec: Party | null = quoted ? personParty(quoted) : quoted === undefined && speechVerb !== null ? speakerOf(ctx, state, speechVerb) : null;
    const actors = actorsOf(ctx, state, subj.mentions, subj.phrase, k).map((p) => ownedBy(p, speakerRec));
    let parties = actors;
    if (parties.length === 0 && speakerRec) parties = [speakerRec];
    if (parties.length === 0) continue;
    const speaker = speakerRec && !parties.some((p) => p.name.includes(speakerRec.name)) && parties.every((p) => p.kind !== "person") ? speakerRec : null;

    let kind: PledgeKind = trigger.kind === "agree" ? (parties.length >= 2 || subj.mentions.some((m) => m.kind === "group") ? "agreement" : "pledge") : trigger.kind;
    if (kind === "pledge" && /\b(?:agreement|memorandum|mou)\b/i.test(ctx.tokens[endTok]?.low ?? "")) kind = "agreement";

    const commitment = commitmentText(ctx, trigger, k, endTok, end);
    if (!commitment) continue;
    const date = eventDate(ctx, k, state);
    const counterparts = kind === "request" || kind === "agreement" ? addressees(ctx, state, endTok + 1, end, parties) : [];
    out.push({
      pledge: {
        source: ctx.source,
        paragraph: ctx.paragraph,
        date: date.date,
        yearStated: date.yearStated,
        actor: combine(parties),
        actors: parties,
        speaker,
        counterparts,
        kind,
        commitment,
        quote: quoteFor(ctx, k),
      },
      how: date.how,
    });
    coveredUntil = end - 1;
  }
  return out;
}

/** "his government" said by Michael Hartigan: "Michael Hartigan’s government". */
function ownedBy(p: Party, speaker: Party | null): Party {
  const m = /^(?:his|her)\s+(.+)$/i.exec(p.name);
  return m && speaker ? { ...p, name: `${speaker.name}’s ${m[1]}` } : p;
}

/** The parties a subject stands for; "We" and "Our officers" in a quotation are the speaker's side. */
function actorsOf(ctx: SentenceCtx, state: ExtractState, mentions: Mention[], phrase: string | null, k: number): Party[] {
  const parties = uniqueParties(mentions.flatMap((m) => partiesOf(m, ctx, state)));
  if (parties.length) return parties;
  if (phrase) {
    if (/^(?:our|my)\b/i.test(phrase)) {
      const speaker = ctx.quoteSpeaker(k);
      if (speaker) return [personParty(speaker)];
    }
    if (/^(?:it|this|that|there|which|who)$/i.test(phrase)) return [];
    // "negotiators have promised …": an unnamed, undetermined plural is nobody in particular.
    if (!/^(?:the|a|an|this|both|its|their|his|her|our|all|each)\b/i.test(phrase) && !/\p{Lu}/u.test(phrase.slice(1))) return [];
    // "A coalition of 14 civil society organisations on Thursday": the date is not the actor.
    const name = phrase.replace(/\s+(?:on|last|this|earlier|in)\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b|\d).*$/u, "");
    return [{ name, kind: "body", role: null }];
  }
  return [];
}

function speakerOf(ctx: SentenceCtx, state: ExtractState, verb: number): Party | null {
  const subj = subjectOf(ctx.view, verb, ctx.ptext, 0);
  const people = subj.mentions.flatMap((m) => partiesOf(m, ctx, state)).filter((p) => p.kind === "person");
  return people[0] ?? null;
}

/** Where a pledge's content ends: the clause's end, a new clause or the next reporting verb. */
function contentEnd(ctx: SentenceCtx, from: number): number {
  const t = ctx.tokens;
  for (let j = from; j < t.length; j++) {
    const w = t[j].low;
    if (t[j].text === ";" || t[j].text === "”" || (t[j].text === '"' && j > from)) return j;
    if (t[j].text === "," && ["while", "whereas", "but", "saying", "adding", "noting", "according", "stressing", "he", "she", "officials", "the"].includes(t[j + 1]?.low ?? "")) return j;
    if (w === "and" && ["said", "added", "noted", "stressed", "told", "appealed", "urged", "called", "asked", "agreed", "pledged", "vowed", "promised", "reiterated", "signed", "requested", "that"].includes(t[j + 1]?.low ?? "")) return j;
    if (t[j].text === "," && t[j + 1]?.low === "and" && ctx.mentions.some((m) => m.first === j + 2)) return j;
  }
  let e = t.length;
  while (e > from && t[e - 1].kind === "punct" && t[e - 1].text !== ")") e--;
  return e;
}

function commitmentText(ctx: SentenceCtx, trigger: Trigger, k: number, endTok: number, end: number): string | null {
  const t = ctx.tokens;
  let from = endTok + 1;
  // "signed a 2024 cooperation agreement", "reiterated Vietnam’s commitment to …": the trigger says what.
  if (trigger.kind === "agreement" || /^(?:commitments?|pledge|resolve|determination|readiness|willingness)$/.test(t[endTok].low)) from = k + 1;
  // "will provide 12 patrol boats": from the verb after "will".
  else if (/^(?:will|would|shall)$/.test(t[k].low)) from = k + 1;
  // "assured the delegation that Cambodia would …": what was assured.
  else if (/^assure/.test(t[k].low)) {
    const that = t.findIndex((x, j) => j > k && j < end && (x.low === "that" || x.low === "of"));
    if (that > 0) from = that + 1;
  }
  if (from >= end) return trigger.kind === "agreement" ? ctx.ptext.slice(t[k].start, t[endTok].end) : null;
  let s = ctx.ptext.slice(t[from].start, t[end - 1].end);
  s = s.replace(/^(?:to|that|on|upon|of)\s+/i, "").replace(/[\s,;:“”"]+$/u, "").trim();
  return s.length >= 3 ? s : null;
}

/** Who a request is made of, or the other side of an agreement. */
function addressees(ctx: SentenceCtx, state: ExtractState, from: number, end: number, actors: Party[]): Party[] {
  const m = ctx.mentions.find((x) => x.first >= from && x.first < Math.min(end, from + 4) && x.kind !== "pronoun");
  if (!m) return [];
  return partiesOf(m, ctx, state).filter((p) => !actors.some((a) => a.name === p.name));
}

/** Several parties acting together, as one: "Cambodia and Vietnam". */
export function combine(parties: Party[]): Party {
  if (parties.length === 1) return parties[0];
  const names = parties.map((p) => p.name);
  const name = names.length === 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return { name, kind: parties.every((p) => p.kind === parties[0].kind) ? parties[0].kind : "body", role: null };
}
