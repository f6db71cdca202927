/**
 * Pledges (CAMEO 030–033, 057): an actor commits to do something — pledge, vow, promise,
 * "is committed to", "will provide", "is set to", agree to, reiterate a commitment, sign an
 * agreement or memorandum. Requests and appeals (CAMEO 02x: ask, urge, call on, appeal)
 * are found the same way and kept apart by `kind`. Not events: denials and their kin
 * ("did not pledge", "stopped short of", "declined to", "made no commitment"), opinions
 * ("should", "must", "need to"), hopes, plans ("is set to travel"), questions ("when it
 * will open"), things that "will" do something ("the railway would cut costs"), and praise
 * of someone else's commitment ("welcomed Japan's pledge"). In reported speech the party
 * said to be committed is the actor and the one who said so its speaker.
 */
import { clauseAt, HOPE_VERBS, reportingVerb, SPEECH_VERBS, subjectOf } from "./clauses.ts";
import {
  eventDate,
  isDeniedOrModal,
  quoteFor,
  partiesOf,
  personParty,
  tokenAt,
  uniqueParties,
  type ChosenDate,
  type ExtractState,
  type SentenceCtx,
} from "./sentence-context.ts";
import { lower, TITLES } from "./lexicon.ts";
import type { Mention } from "./mentions.ts";
import type { Party, Pledge, PledgeKind } from "./event.ts";
import { matchesOf } from "../text/matches.ts";

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
  /** A vow not to do something ("we will not allow …"): the negation is the promise. */
  negative?: boolean;
  /** Lower-case stems one of which the sentence must hold for the trigger to be tried (a cheap test first). */
  keys: string[];
  /** The document is the subject ("a joint statement was approved"): the parties are the signers or the meeting's. */
  passive?: boolean;
}

const WILL_VERBS =
  "provide|supply|fund|finance|donate|give|send|deploy|continue|support|help|assist|offer|contribute|train|build|share|open|establish|set up|cooperate|work|strengthen|boost|step up|increase|expand|deliver|grant|allocate|invest|keep|review|cut|ensure|bring|hand over|return|release|extend|launch|implement|dispatch|equip|upgrade|double|triple|create|host|sponsor|cover|pay|install|repair|restore|protect|fight|combat|tackle|crack down|dismantle|prosecute|pursue|maintain|enhance|bolster|deepen|promote|facilitate|waive|lift|reduce|lower|raise|purchase|buy|import|export|sign|join|respect|honour|honor|uphold|abide|comply|stand|repatriate|extradite|deport|resume|accelerate|speed up|simplify|ease|allow|permit|register|recruit|hire|conduct|investigate|punish|compensate|resettle|rebuild|renovate|construct|complete|finish|clear|remove|ban|abolish|scrap|suspend|halt|stop|end|withdraw|prioritise|prioritize|submit|publish|disclose|exchange|coordinate|mobilise|mobilize|earmark|set aside|disburse|transfer|lend|forgive|write off|ship|reopen|hunt down|track down|monitor|patrol|safeguard|secure|guarantee|enforce|introduce|adopt|ratify|approve|expedite|streamline|welcome|accept|receive|treat|release|free|pardon|halve|make (?:every|all|further|more|greater|concerted|utmost) efforts?|do (?:his|her|its|their|our|my) (?:utmost|best)|exert|spare no effort|redouble|endeavou?r|identify|carry out|instruct|take (?:measures|steps|action|firm action|all)|create|explore|strive|direct|step in|intensify|push forward|carry forward|work closely|abide by|firmly abide";

/**
 * A stem every trigger below needs (a cheap test first: sentences without one are not read
 * for pledges). Keep it in step with TRIGGERS.
 */
export const PLEDGE_HINT =
  /pledg|vow|promis|commit|resolve|stance|minutes|determin|readiness|willing|ready|prepared|\bset\s+to\b|undert|offer|guarant|assur|\bwill\b|\bshall\b|\bwon['’]t\b|\bwould\b|sign|\binked\b|conclu|seal|initial|exchang|reached|agree|request|\bask|urg|\bcall|appeal|press|implor|plead|petition|demand|sought|encourag|\b(?:is|are)\s+to\b|announc|earmark|unveil|push|lobb|adopt|endors|approv|issued|decided|concurr|consent|suggest|propos|recommend|ratif/i;

/** An amount of money: "US$2 million", "€15 million", "2.4 billion yen", "Rp 850 billion". */
const MONEY =
  "(?:(?:US|A|S|NZ|HK|C)?\\$|€|£|¥|Rp\\.?\\s?|RM\\s?|THB\\s?|USD\\s?|EUR\\s?)?\\d[\\d,.]*\\s*(?:million|billion|trillion|m|bn)?(?:\\s+(?:yen|baht|dong|riel|kip|dollars|euros|yuan|won|ringgit|rupiah|pesos|rupees|pounds|francs))?";

const TRIGGERS: Trigger[] = [
  { re: /\b(?:pledged|pledges|pledge|pledging)\b/gi, kind: "pledge", verb: true, keys: ["pledg"] },
  { re: /\b(?:vowed|vows|vow|vowing)\b/gi, kind: "pledge", verb: true, keys: ["vow"] },
  { re: /\b(?:promised|promises|promise|promising)\b/gi, kind: "pledge", verb: true, keys: ["promis"] },
  {
    re: /\b(?:am|is|are|was|were|be|been|being|remain|remains|remained|stay|stays|stayed|fully|firmly|strongly|deeply|totally|still|always|also)\s+(?:\w+ly\s+)?committed\s+(?:itself\s+|themselves\s+)?to\b/gi,
    kind: "pledge",
    keys: ["committed"],
  },
  {
    re: /(?<!\b(?:crimes?|offences?|offenses?|atrocities|abuses|violations|acts|murders?|fraud|were|was|is|are|be|been|being|remain|remains|remained|stay|stays|stayed|fully|firmly|strongly|deeply|totally|still|always|also)\s+)\bcommitted\s+(?:\S+\s+){0,4}?to\b/gi,
    kind: "pledge",
    keys: ["committed"],
  },
  {
    re: /\b(?:reiterated|reaffirmed|affirmed|renewed|expressed|confirmed|stressed|underlined|underscored|restated|voiced|made|gave|announced|highlighted|emphasised|emphasized|signalled|signaled|reiterating|reaffirming)\s+(?:\S+\s+){0,4}?(?:commitment|commitments|pledge|resolve|determination|readiness|willingness|(?:firm\s+)?stance(?=\s+(?:\S+\s+){0,5}?to\s))\b/gi,
    kind: "pledge",
    keys: ["commitment", "pledge", "resolve", "determination", "readiness", "willingness", "stance"],
  },
  { re: /\b(?:is|are|was|were)\s+set\s+to\b/gi, kind: "pledge", keys: ["set"] },
  {
    re: /\b(?:is|are|was|were|stands?|stood|remains?|remained)\s+(?:\w+ly\s+)?(?:ready|prepared|willing)\s+to\b/gi,
    kind: "pledge",
    keys: ["ready", "prepared", "willing"],
  },
  {
    re: /\b(?:undertook|undertakes|offered|offers|guaranteed|guarantees)\s+to\b/gi,
    kind: "pledge",
    keys: ["undert", "offer", "guarant"],
  },
  { re: /\b(?:assured|assures)\b(?=(?:\s+\S+){0,6}?\s+(?:that|of)\b)/gi, kind: "pledge", keys: ["assur"] },
  // "She also guaranteed that Korean employers would pay …": a guarantee of what others will do.
  { re: /\b(?:guaranteed|guarantees)\b(?=(?:\s+\S+){0,3}?\s+that\b)/gi, kind: "pledge", verb: true, keys: ["guarant"] },
  {
    re: /\b(?:gave|offered|provided|extended)\s+(?:\w+\s+){0,2}?(?:assurances?|guarantees?)\b(?=(?:\s+\S+){0,4}?\s+that\b)/gi,
    kind: "pledge",
    keys: ["assuranc", "guarantee"],
  },
  {
    re: /\b(?:is|are|was|were|remains?|remained)\s+(?:\w+ly\s+)?determined\s+to\b/gi,
    kind: "pledge",
    keys: ["determined"],
  },
  {
    re: new RegExp(
      `\\b(?:will|shall)\\s+(?:also\\s+|further\\s+|soon\\s+|now\\s+|immediately\\s+|jointly\\s+|always\\s+|still\\s+|continue\\s+to\\s+|\\w+ly\\s+)?(?:${WILL_VERBS})\\b`,
      "gi",
    ),
    kind: "pledge",
    keys: ["will", "shall"],
  },
  // "We will finish the road by June": a first-person future is a promise, whatever the verb.
  {
    re: /\b(?:will|shall)\s+(?:also\s+|further\s+|soon\s+|now\s+|\w+ly\s+)?(?!be\b|have\b|need\b|not\b|see\b|know\b|decide\b|consider\b|discuss\b|meet\b|wait\b|try\b)[a-z]+\b/g,
    kind: "pledge",
    firstPerson: true,
    keys: ["will", "shall"],
  },
  // "We will not approve any new concession": a first-person vow not to do something.
  {
    re: /\b(?:will|shall)\s+not\s+(?:\w+ly\s+)?(?!be\b|have\b|need\b|commit\b|pledge\b|promise\b|agree\b|comment\b|say\b|know\b|decide\b|rule\b|hesitate\b|accept\b)[a-z]+\b|\bwon['’]t\s+(?!be\b|have\b|need\b|commit\b|comment\b|say\b|know\b|decide\b)[a-z]+\b/g,
    kind: "pledge",
    firstPerson: true,
    negative: true,
    keys: ["will", "shall", "won"],
  },
  // "The EU is to provide €10 million": the British "is to" future.
  {
    re: new RegExp(`\\b(?:is|are)\\s+to\\s+(?:also\\s+|\\w+ly\\s+)?(?:${WILL_VERBS})\\b`, "gi"),
    kind: "pledge",
    keys: ["is to", "are to"],
  },
  // "Japan offered US$2 million in emergency aid", "Korea announced a US$10 million grant": aid put on the table.
  {
    re: new RegExp(
      `\\b(?:offered|announced|earmarked|unveiled)\\s+(?:an?\\s+|a\\s+further\\s+|an\\s+additional\\s+|another\\s+|new\\s+)*${MONEY}\\s+(?:[\\w-]+\\s+){0,3}?(?:grants?|aid|assistance|loans?|funding|funds|donations?|package|contribution|support|credit|financing|investment)\\b`,
      "gi",
    ),
    kind: "pledge",
    keys: ["offered", "announced", "earmarked", "unveiled"],
  },
  {
    re: new RegExp(
      `\\bwould\\s+(?:also\\s+|further\\s+|soon\\s+|always\\s+|still\\s+|continue\\s+to\\s+|\\w+ly\\s+)?(?:${WILL_VERBS})\\b`,
      "gi",
    ),
    kind: "pledge",
    reported: true,
    keys: ["would"],
  },
  {
    re: /\b(?:signed|inked|concluded|sealed|initialled|initialed|exchanged|signing|(?:witnessed|oversaw|presided\s+over)\s+the\s+(?:signing|exchange)\s+of)\s+(?:\S+\s+){0,8}?(?:agreements?|memorand(?:um|a)|mous?|accords?|pacts?|deals?|treat(?:y|ies)|protocols?|letters? of intent|declarations?|contracts?|charters?|roadmaps?|action plans?|(?:diplomatic\s+)?notes|(?:cooperation\s+)?documents|instruments|minutes|work\s+plans?|plans?\s+of\s+action|exchange\s+of\s+notes)\b/gi,
    kind: "agreement",
    keys: ["sign", "inked", "conclu", "sealed", "initial", "exchange"],
  },
  {
    re: /\breached\s+(?:an?\s+)?(?:\S+\s+){0,3}?(?:agreements?|deals?|accords?|consensus|consensuses|understanding)\b/gi,
    kind: "agreement",
    keys: ["reached"],
  },
  // "agreed on Monday to", "agreed last month to": a date between the verb and "to".
  {
    re: /\b(?:agreed|agreeing|agree)\s+(?:(?:on|last|this|earlier|in)\s+(?:\p{Lu}\p{L}+|week|month|year)\s+(?:\d{1,2}\s+)?)?(?:to|on|upon|that)\b/giu,
    kind: "agree",
    verb: true,
    keys: ["agree"],
  },
  // "They also decided to dispatch …", "the ministers concurred to …", "resolved to step up …": a joint decision.
  {
    re: /\b(?:decided|resolved|concurred|consented)\s+(?:(?:on|last|this|earlier|in)\s+(?:\p{Lu}\p{L}+|week|month|year)\s+)?to\b(?!\s+be\b)/giu,
    kind: "agree",
    verb: true,
    keys: ["decided", "resolved", "concurred", "consented"],
  },
  // "Laos suggested that Thai authorities …", "proposed that the ministry continue …": a request.
  {
    re: /\b(?:suggested|proposed|recommended)\b(?=\s+(?:that\b|the\s+idea\b|\p{Ll}+ing\b|(?:(?:closer|further|more|joint|mutual|bilateral|enhanced)\s+)?(?:cooperation|collaboration|coordination|exchanges?|establishment|creation|setting)\b|(?:the|a|an|its|their|his|her)\s+(?:\S+\s+){0,5}?(?:\w+ing|to|be|should)\b))/giu,
    kind: "request",
    verb: true,
    keys: ["suggested", "proposed", "recommended"],
  },
  { re: /\b(?:requested|requesting)\b/gi, kind: "request", verb: true, keys: ["request"] },
  { re: /\b(?:request|requests)\b/gi, kind: "request", verb: true, firstPerson: true, keys: ["request"] },
  {
    re: /\b(?:asked|asking)\b(?!\s+(?:about|whether|if|why|how|what|when|by|for comment))/gi,
    kind: "request",
    verb: true,
    needsTo: true,
    keys: ["ask"],
  },
  { re: /\b(?:ask|asks)\b/gi, kind: "request", verb: true, firstPerson: true, needsTo: true, keys: ["ask"] },
  { re: /\b(?:urged|urging)\b/gi, kind: "request", verb: true, keys: ["urg"] },
  { re: /\b(?:urge|urges)\b/gi, kind: "request", verb: true, firstPerson: true, keys: ["urg"] },
  { re: /\b(?:called|calling)\s+(?:on|upon)\b/gi, kind: "request", verb: true, needsTo: true, keys: ["call"] },
  { re: /\b(?:called|calling)\s+for\b/gi, kind: "request", verb: true, keys: ["call"] },
  // "called on broader public awareness of …": "called on" a thing is "called for" it.
  {
    re: /\b(?:called|calling)\s+(?:on|upon)\s+(?=(?:greater|broader|more|stronger|increased|further|wider|urgent|immediate|concerted|all-out|enhanced|closer)\b(?!\s+than\b))/gi,
    kind: "request",
    verb: true,
    keys: ["call"],
  },
  // "a joint statement was approved", "The … Declaration adopted today was signed by A and B", "communiqué ratified".
  {
    re: /\b(?:joint\s+(?:statement|communiqu[ée])|declaration|agreement|memorandum(?:\s+of\s+understanding)?|mou|minutes|plan\s+of\s+action|action\s+plan|work\s+plan|protocol|accord|treaty)\s+(?:(?:\S+\s+){0,2}?(?:was|were)\s+(?:\w+ly\s+)?(?:approved|adopted|signed|ratified|issued|inked|endorsed)|ratified\s+by)\b/gi,
    kind: "agreement",
    passive: true,
    keys: ["approved", "adopted", "signed", "ratified", "issued", "inked", "endorsed"],
  },
  { re: /\b(?:call|calls)\s+(?:on|upon|for)\b/gi, kind: "request", verb: true, firstPerson: true, keys: ["call"] },
  { re: /\b(?:appealed|appealing)\s+(?:to|for)\b/gi, kind: "request", verb: true, keys: ["appeal"] },
  { re: /\b(?:appeal|appeals)\s+(?:to|for)\b/gi, kind: "request", verb: true, firstPerson: true, keys: ["appeal"] },
  {
    re: /\b(?:pushed|lobbied|pressed|pressing|pushing|lobbying)\s+for\b/gi,
    kind: "request",
    verb: true,
    keys: ["pushed", "lobbied", "pressed", "pressing", "pushing", "lobbying"],
  },
  {
    re: /\b(?:adopted|endorsed|approved|issued|ratified)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:joint\s+(?:statement|declaration|communiqu[ée]|action\s+plan|roadmap)|action\s+plan|plan\s+of\s+action|work\s+plan|roadmap|declaration|proposals?\s+(?:to|for|of)|resolution)\b/gi,
    kind: "agreement",
    keys: ["adopted", "endorsed", "approved", "issued"],
  },
  {
    re: /\b(?:pressed|implored|pleaded with|petitioned|demanded|sought)\b/gi,
    kind: "request",
    verb: true,
    needsTo: false,
    keys: ["press", "implor", "plead", "petition", "demand", "sought"],
  },
  {
    re: /\b(?:encouraged|encourages)\b(?=(?:\s+\S+){1,8}?\s+to\s+\w)/gi,
    kind: "request",
    verb: true,
    keys: ["encourag"],
  },
  {
    re: /\b(?:am|is|are|was|were)\s+(?:asking|urging|appealing|requesting|calling\s+(?:on|for))\b/gi,
    kind: "request",
    keys: ["asking", "urging", "appealing", "requesting", "calling"],
  },
];

/** After "will", "is set to": going somewhere or meeting someone is a plan, not a commitment. */
const SCHEDULE_VERB =
  /^(?:will|shall|would|is|are|was|were)\s+(?:also\s+|then\s+|soon\s+|\w+ly\s+)?(?:set\s+to\s+|scheduled\s+to\s+|due\s+to\s+|expected\s+to\s+)?(?:travel|fly|visit|tour|meet|attend|arrive|leave|depart|return\s+(?:to|home)|head|go|lead\s+(?:a|the|an)\s+(?:\w+\s+)?delegation|chair|address|speak|attend|take\s+part|participate|sit\s+down|hold\s+(?:talks|a\s+meeting|meetings|discussions)|host\s+(?:a|the|an)\s+(?:\w+\s+){0,2}(?:meeting|summit|conference|forum|visit|delegation|counterpart|dinner|reception)|retire|step\s+down|(?:pay|make)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:visit|call|trip|tour)|complete\s+(?:his|her|their|its)\s+(?:[\w-]+\s+)?(?:posting|assignment|term|tour|mission|tenure)|take\s+(?:over|up)\s+(?:the|his|her|a)\s+(?:[\w-]+\s+)?(?:role|post|position|office|job|duties)|assume\s+(?:the|his|her)\s+(?:[\w-]+\s+)?(?:role|post|position|office|duties)|succeed)\b/i;

const DETERMINER_BEFORE =
  /\b(?:a|an|the|this|that|these|those|his|her|its|their|our|my|your|new|fresh|earlier|latest|such|any|no)\s+(?:[\w-]+\s+)?$/i;
const RELATIVE_BEFORE = /\b(?:[Ww]ho|[Ww]hich|[Tt]hat)\s+$/; // not "the WHO will"

interface Hit {
  k: number;
  endTok: number;
  trigger: Trigger;
}

/** The triggers' keys, each once (several triggers share one), and each trigger's keys as places in that list. */
const KEYS = [...new Set(TRIGGERS.flatMap((t) => t.keys))];
const KEYS_OF = TRIGGERS.map((t) => t.keys.map((k) => KEYS.indexOf(k)));

/** Where each trigger matches in the sentence, in token order (longest first at one start). */
function triggerHits(ctx: SentenceCtx): Hit[] {
  const text = ctx.sent.text;
  const hits: Hit[] = [];
  const low = text.toLowerCase();
  // Per key: 0 not looked for yet, 1 in the sentence, 2 not.
  const held = new Uint8Array(KEYS.length);
  const holds = (key: number) => (held[key] ||= low.includes(KEYS[key]) ? 1 : 2) === 1;
  for (let t = 0; t < TRIGGERS.length; t++) {
    const trigger = TRIGGERS[t];
    if (!KEYS_OF[t].some(holds)) continue;
    for (const m of matchesOf(trigger.re, text)) {
      const before = text.slice(0, m.index);
      // "made no commitment to …", "gave no assurance": the noun is denied.
      if (
        /\b(?:no|any)\b/i.test(m[0]) &&
        /(?:commitment|pledge|resolve|determination|readiness|willingness|agreements?|deals?|assurances?|guarantees?)s?$/i.test(
          m[0],
        )
      )
        continue;
      // ("the two agreed", "the three signed": a group, not a determiner before a noun.)
      if (
        trigger.verb &&
        DETERMINER_BEFORE.test(before) &&
        !/\b(?:that|who)\s+$/i.test(before) &&
        !agentBeforePast(before, m[0])
      )
        continue;
      // "welcomed Japan's pledge to …", "lauded Korea's vow": someone's pledge, named as a thing.
      if (trigger.verb && /['’]s?\s+(?:[\w-]+\s+)?$/u.test(before) && /\p{L}['’]s?\s+(?:[\w-]+\s+)?$/u.test(before))
        continue;
      if (/^(?:will|shall)/i.test(m[0]) && RELATIVE_BEFORE.test(before)) continue;
      const k = tokenAt(ctx, ctx.sent.start + m.index);
      const endTok = tokenAt(ctx, ctx.sent.start + m.index + m[0].length - 1);
      hits.push({ k, endTok, trigger });
    }
  }
  hits.sort((a, b) => a.k - b.k || b.endTok - a.endTok);
  return hits;
}

/** A "will" or "would" that is not a commitment: a schedule, a gerund not yet done, a modal, a question. */
function notYetOrUnreal(ctx: SentenceCtx, k: number): boolean {
  // "is set to travel to Brussels", "will visit Hanoi next month": a schedule, not a commitment.
  if (
    /^(?:will|shall|would|is|are|was|were)$/.test(ctx.tokens[k].low) &&
    SCHEDULE_VERB.test(ctx.ptext.slice(ctx.tokens[k].start, ctx.sent.end))
  )
    return true;
  // "… must enforce the rules before signing new agreements": a gerund after "before" has not happened.
  if (/^(?:before|without|instead|ahead)$/.test(ctx.tokens[k - 1]?.low ?? "") && /ing$/.test(ctx.tokens[k].low))
    return true;
  if (governedByModal(ctx, k)) return true;
  // "has yet to announce when the centre will open", "asked how Japan would fund it": a future in a question.
  if (
    /^(?:will|would|shall)$/.test(ctx.tokens[k].low) &&
    /\b(?:when|how|why|what|where|which)\b[^,;:“”"]*$/i.test(
      ctx.ptext.slice(ctx.tokens[clauseAt(ctx.view, k).at]?.start ?? ctx.sent.start, ctx.tokens[k].start),
    )
  )
    return true;
  return false;
}

/** Who reported the commitment: the quotation's speaker, the reporting verb's subject or a trailing "X said". */
function speakerFor(
  ctx: SentenceCtx,
  state: ExtractState,
  k: number,
  speechVerb: number | null,
  end: number,
): Party | null {
  const quoted = ctx.quoteSpeaker(k);
  return quoted
    ? personParty(quoted)
    : quoted === undefined && speechVerb !== null
      ? speakerOf(ctx, state, speechVerb)
      : quoted === undefined
        ? trailingSpeaker(ctx, state, end)
        : null;
}

/** "assured the delegation that Cambodian authorities would …": the authorities are committed, per the assurer. */
function assuredActors(
  ctx: SentenceCtx,
  state: ExtractState,
  k: number,
  endTok: number,
  end: number,
  committedActors: Party[],
): { actors: Party[]; assuredBy: Party | null } {
  let actors = committedActors;
  let assuredBy: Party | null = null;
  if (
    /^(?:assure[sd]?|promised|promises|pledged|pledges|vowed|vows|guaranteed|guarantees|confirmed|confirms)$/.test(
      ctx.tokens[k].low,
    )
  ) {
    // "Pheakdey assured the delegation that Cambodian authorities would …": the authorities are committed, per
    // Pheakdey.
    const that = ctx.tokens.findIndex((t, j) => j > endTok && j < end && t.low === "that");
    const committed =
      that > 0
        ? ctx.mentions.find(
            (m) =>
              (m.first === that + 1 || (m.first === that + 2 && ctx.tokens[that + 1].low === "the")) &&
              (m.kind === "body" || m.kind === "country" || m.kind === "group"),
          )
        : undefined;
    if (
      committed &&
      /^(?:will|would|shall|is|are|was|were|remains?|remained)$/.test(ctx.tokens[committed.last + 1]?.low ?? "")
    ) {
      const who = partiesOf(committed, ctx, state);
      if (who.length) {
        assuredBy = actors.find((p) => p.kind === "person") ?? null;
        actors = who.map((p) => ownedBy(p, assuredBy));
      }
    }
  }
  return { actors, assuredBy };
}

/** "KOICA country director Kim Ji-hoon said the agency would …": the body the speaker's title names. */
function speakerBody(ctx: SentenceCtx, actors: Party[], speakerRec: Party | null): Party[] {
  if (
    actors.length === 1 &&
    speakerRec &&
    /^the\s+(?:agency|organi[sz]ation|programme|program|fund|bank|centre|center|commission|institute|foundation)$/i.test(
      actors[0].name,
    )
  ) {
    const sp = ctx.mentions.find((x) => x.kind === "person" && x.people.some((p) => p.name === speakerRec.name));
    const body = sp
      ? ctx.mentions.find(
          (b) =>
            b.kind === "body" &&
            b.last < sp.first &&
            sp.first - b.last <= 4 &&
            ctx.tokens.slice(b.last + 1, sp.first).every((t) => t.kind === "word"),
        )
      : undefined;
    if (body) return [{ name: body.party ?? body.text, kind: "body", role: null }];
  }
  return actors;
}

/** Who is committed: the subject's parties, or whom "it", "they", "the delegation" or "the agency" stand for. */
function actorsFor(
  ctx: SentenceCtx,
  state: ExtractState,
  hit: Hit,
  end: number,
  subj: ReturnType<typeof subjectOf>,
  speechVerb: number | null,
  speakerRec: Party | null,
  found: Party[],
): { actors: Party[]; assuredBy: Party | null } {
  const { k, endTok, trigger } = hit;
  let actors = found.map((p) => ownedBy(p, speakerRec));
  // "The government announced it would allocate …": "it" is who announced.
  if (
    actors.length === 0 &&
    speechVerb !== null &&
    subj.mentions.length > 0 &&
    subj.mentions.every((m) => m.kind === "pronoun" && (m.word === "it" || m.word === "they"))
  ) {
    const reporter = subjectOf(ctx.view, speechVerb, ctx.ptext, 0);
    actors = uniqueParties(
      reporter.mentions.filter((m) => m.kind !== "pronoun").flatMap((m) => partiesOf(m, ctx, state)),
    );
  }
  // "…, when they agreed to resume the tests": "they" who agree are the people who just met.
  if (
    actors.length === 0 &&
    trigger.kind === "agree" &&
    state.lastMeeting.length >= 2 &&
    subj.mentions.length === 1 &&
    subj.mentions[0].kind === "pronoun" &&
    subj.mentions[0].word === "they" &&
    ctx.quoteSpeaker(k) === undefined
  ) {
    actors = state.lastMeeting;
  }
  const assured = assuredActors(ctx, state, k, endTok, end, actors);
  actors = assured.actors;
  // "The delegation promised …" after "a delegation led by X": X's delegation.
  if (actors.length === 1 && state.delegationLeader && /^the\s+(?:\w+\s+)?delegation$/i.test(actors[0].name))
    actors = [{ name: `${state.delegationLeader.name}’s delegation`, kind: "body", role: null }];
  actors = speakerBody(ctx, actors, speakerRec);
  return { actors, assuredBy: assured.assuredBy };
}

/** Pledge, agreement or request: "agree" with two or more parties (or a group) is an agreement. */
function pledgeKind(ctx: SentenceCtx, hit: Hit, parties: Party[], subj: ReturnType<typeof subjectOf>): PledgeKind {
  const { endTok, trigger } = hit;
  let kind: PledgeKind =
    trigger.kind === "agree"
      ? parties.length >= 2 || subj.mentions.some((m) => m.kind === "group")
        ? "agreement"
        : "pledge"
      : trigger.kind;
  if (kind === "pledge" && /\b(?:agreement|memorandum|mou)\b/i.test(ctx.tokens[endTok]?.low ?? "")) kind = "agreement";
  return kind;
}

/** The pledge a trigger hit states, with the token its content ends before; null if it states none. */
function pledgeAt(ctx: SentenceCtx, state: ExtractState, hit: Hit): { found: FoundPledge; end: number } | null {
  const { k, endTok, trigger } = hit;
  if (isDeniedOrModal(ctx, k, false)) return null;
  if (/^(?:will|shall|would)/i.test(ctx.tokens[k].low) && ctx.tokens[k + 1]?.low === "not" && !trigger.negative)
    return null;
  const speechVerb = reportingVerb(ctx.view, k) ?? parentheticalAttribution(ctx, k);
  if (speechVerb !== null && HOPE_VERBS.has(ctx.tokens[speechVerb].low)) return null;
  if (trigger.reported && speechVerb === null) return null;
  if (notYetOrUnreal(ctx, k)) return null;
  const end = contentEnd(ctx, endTok + 1);
  if (
    trigger.needsTo &&
    !ctx.tokens
      .slice(endTok + 1, end)
      .some((t, j) => t.low === "to" || (j === 0 && t.low === "that") || t.low === "for")
  )
    return null;

  const subj = subjectOf(ctx.view, k, ctx.ptext, 0);
  const firstPerson = subj.mentions.some((m) => m.kind === "pronoun" && (m.word === "i" || m.word === "we"));
  if (trigger.firstPerson && !firstPerson) return null;

  const speakerRec = speakerFor(ctx, state, k, speechVerb, end);
  const found = trigger.passive ? signersOf(ctx, state, endTok) : actorsOf(ctx, state, subj.mentions, subj.phrase, k);
  if (found === null) return null; // a thing, not an agent, is the subject
  const { actors, assuredBy } = actorsFor(ctx, state, hit, end, subj, speechVerb, speakerRec, found);
  let parties = actors;
  if (parties.length === 0 && speakerRec) parties = [speakerRec];
  if (parties.length === 0) return null;
  const speaker =
    assuredBy ??
    (speakerRec && !parties.some((p) => p.name.includes(speakerRec.name)) && parties.every((p) => p.kind !== "person")
      ? speakerRec
      : null);

  const kind = pledgeKind(ctx, hit, parties, subj);
  const commitment = commitmentText(ctx, trigger, k, endTok, end);
  if (!commitment) return null;
  if (notACommitment(ctx, k, parties, commitment)) return null;
  if (!plausibleDecision(ctx.tokens[k].low, parties, subj.mentions, commitment)) return null;
  const date = eventDate(ctx, k, state);
  const counterparts =
    kind === "request" || kind === "agreement" ? addressees(ctx, state, endTok + 1, end, parties) : [];
  return {
    found: {
      pledge: {
        source: ctx.source,
        paragraph: ctx.paragraph,
        date: date.date,
        dateText: date.dateText ?? null,
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
    },
    end,
  };
}

/** Pledges, agreements and requests in one sentence. */
export function findPledges(ctx: SentenceCtx, state: ExtractState): FoundPledge[] {
  const hits = triggerHits(ctx);
  const out: FoundPledge[] = [];
  let coveredUntil = -1;
  for (const hit of hits) {
    // A commitment inside another's content ("pledged that the plants would be …") is the same pledge.
    if (hit.k <= coveredUntil) continue;
    const pledge = pledgeAt(ctx, state, hit);
    if (!pledge) continue;
    out.push(pledge.found);
    coveredUntil = pledge.end - 1;
  }
  return out;
}

/** Offenders' acts and lures are not commitments: "gangs promising high-paying jobs", "criminals sought hiding". */
const OFFENDERS =
  /\b(?:criminals|gangs?|suspects?|traffickers?|scammers?|fraudsters?|syndicates?|smugglers?|perpetrators?|terrorists?|militants?|fugitives?|recruiters?|individuals)\b/i;

/**
 * Not a commitment whatever the verb: an offender's act, a lure ("promising well-paid work"),
 * a denied commitment ("might not be capable or committed to"), a visit's purpose ("called on
 * the President to discuss ties" is a courtesy call).
 */
function notACommitment(ctx: SentenceCtx, k: number, parties: Party[], commitment: string): boolean {
  const w = ctx.tokens[k].low;
  if (parties.some((p) => p.kind !== "person" && OFFENDERS.test(p.name))) return true;
  if (
    /^promis/.test(w) &&
    /^(?:\S+\s+){0,2}?(?:jobs?|work|employment|salar\w*|wages?|pay|returns?|profits?|income|money)\b/i.test(commitment)
  )
    return true;
  if (w === "committed" && /\bnot\b[^,;.]{0,40}$/i.test(ctx.ptext.slice(ctx.sent.start, ctx.tokens[k].start)))
    return true;
  if (
    w === "called" &&
    /\bto\s+(?:discuss|talk|exchange|review|bid|congratulate|introduce|pay|brief)\b/i.test(commitment)
  )
    return true;
  return false;
}

/**
 * "The court decided to adjourn": one body deciding is not a commitment between parties, so
 * "decided"/"consented" count only for two or more parties ("They also decided to …"). "Police
 * suggested that the victim had drowned": a suggestion about what happened is no request.
 */
function plausibleDecision(verb: string, parties: Party[], subject: Mention[], commitment: string): boolean {
  if (/^(?:decided|consented)$/.test(verb))
    return parties.length >= 2 || subject.some((m) => m.kind === "group" || m.word === "they");
  if (/^(?:suggested|proposed|recommended)$/.test(verb))
    return !(
      /\b(?:could|might|may|was|were|had\s+\w+ed|has\s+been|is\s+likely)\b/i.test(commitment) &&
      !/\b(?:should|need|needs|must|be)\b/i.test(commitment)
    );
  return true;
}

/**
 * Observers' opinions: a modal governs the trigger's clause ("the government must enforce the
 * assessments before signing …", "should work to sign a deal"), read back to the clause's start
 * or its last finite verb.
 */
function governedByModal(ctx: SentenceCtx, k: number): boolean {
  const start = clauseAt(ctx.view, k).at;
  for (let j = k - 1; j >= start && j >= k - 12; j--) {
    const t = ctx.tokens[j];
    if (
      t.text === ";" ||
      t.text === "," ||
      t.text === "”" ||
      t.text === "“" ||
      t.low === "and" ||
      t.low === "but" ||
      t.low === "while"
    )
      return false;
    if (
      /^(?:should|must|ought|shouldn't|mustn't)$/.test(t.low) ||
      (t.low === "need" && ctx.tokens[j + 1]?.low === "to") ||
      (t.low === "needs" && ctx.tokens[j + 1]?.low === "to")
    )
      return true;
    if (
      t.kind === "word" &&
      /^(?:said|says|told|added|announced|stressed|noted|pledged|promised|vowed|agreed|signed|urged|asked|called|was|were|is|are|has|have|had)$/.test(
        t.low,
      )
    )
      return false;
  }
  return false;
}

/**
 * "The ministers agreed", "The delegation promised", "the two agreed": a past tense after a
 * determiner and an agent noun is a verb ("his promised aid", "the newly pledged funds" stay nouns).
 */
function agentBeforePast(before: string, word: string): boolean {
  if (!/^\w+ed\b/i.test(word)) return false;
  const m = /\b(?:the|this|that|these|those|his|her|its|their|our|all|both)\s+([\w-]+)\s+$/i.exec(before);
  if (!m) return false;
  const w = lower(m[1]);
  // "the ASEANAPOL resolved", "the Philippines agreed": a proper name after the article is an agent.
  if (/^\p{Lu}{2}|^\p{Lu}\p{Ll}+s$/u.test(m[1])) return true;
  return (
    /^(?:two|three|four|five|six)$/.test(w) ||
    AGENT_HEADS.has(w) ||
    BODY_HEADS.has(w) ||
    TITLES.has(w) ||
    (w.endsWith("s") && TITLES.has(w.slice(0, -1)))
  );
}

/** Who signed or adopted a document named as the subject: the parties after "by", else the last meeting's. */
function signersOf(ctx: SentenceCtx, state: ExtractState, endTok: number): Party[] | null {
  const by = ctx.tokens.findIndex((t, j) => j >= endTok && t.low === "by");
  if (by >= 0) {
    const after = ctx.mentions.filter((m) => m.first > by && m.kind !== "pronoun");
    const people = after.filter((m) => m.kind === "person" || m.kind === "role");
    const parties = uniqueParties(
      (people.length ? people : after.slice(0, 2)).flatMap((m) => partiesOf(m, ctx, state)),
    );
    if (parties.length) return parties;
  }
  return state.lastMeeting.length ? state.lastMeeting : null;
}

/** "his government" said by Michael Hartigan: "Michael Hartigan’s government". */
function ownedBy(p: Party, speaker: Party | null): Party {
  const m = /^(?:his|her)\s+(.+)$/i.exec(p.name);
  return m && speaker ? { ...p, name: `${speaker.name}’s ${m[1]}` } : p;
}

/** The parties a subject stands for; "We" and "Our officers" in a quotation are the speaker's side. */
function actorsOf(
  ctx: SentenceCtx,
  state: ExtractState,
  mentions: Mention[],
  phrase: string | null,
  k: number,
): Party[] | null {
  const parties = uniqueParties(mentions.flatMap((m) => partiesOf(m, ctx, state)));
  if (parties.length) return parties;
  if (phrase) {
    if (/^(?:our|my)\b/i.test(phrase)) {
      const speaker = ctx.quoteSpeaker(k);
      if (speaker) return [personParty(speaker)];
    }
    if (/^(?:it|this|that|there|which|who)$/i.test(phrase)) return [];
    // "negotiators have promised …": an unnamed, undetermined plural is nobody in particular.
    if (!/^(?:the|a|an|this|both|its|their|his|her|our|all|each)\b/i.test(phrase) && !/\p{Lu}/u.test(phrase.slice(1)))
      return null;
    // "the railway would cut costs", "the project will bring jobs": things predict, only agents commit.
    if (!agentive(phrase)) return null;
    // "A coalition of 14 civil society organisations on Thursday": the date is not the actor.
    const name = phrase.replace(
      /\s+(?:on|last|this|earlier|in)\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b|\d).*$/u,
      "",
    );
    return [{ name, kind: "body", role: null }];
  }
  return [];
}

/** "Malaysia, he added, would contribute …": the speech verb of an attribution set off by commas before k. */
function parentheticalAttribution(ctx: SentenceCtx, k: number): number | null {
  const t = ctx.tokens;
  const start = clauseAt(ctx.view, k).at;
  for (let j = k - 1; j > start + 1; j--) {
    if (t[j].text !== ",") continue;
    const verb = j - 1;
    if (!SPEECH_VERBS.has(t[verb].low)) continue;
    const m = ctx.mentions.find(
      (x) => x.last === verb - 1 && (x.kind === "person" || x.kind === "pronoun" || x.kind === "role"),
    );
    if (m && t[m.first - 1]?.text === ",") return verb;
  }
  return null;
}

/** Head nouns that can commit to something: bodies, groups, people by their role. */
const AGENT_HEADS = new Set([
  "side",
  "sides",
  "firm",
  "firms",
  "company",
  "companies",
  "donor",
  "donors",
  "investor",
  "investors",
  "operator",
  "operators",
  "bloc",
  "alliance",
  "partners",
  "partner",
  "members",
  "member",
  "states",
  "state",
  "country",
  "countries",
  "nation",
  "nations",
  "people",
  "residents",
  "villagers",
  "workers",
  "unions",
  "union",
  "employers",
  "farmers",
  "producers",
  "exporters",
  "importers",
  "lenders",
  "banks",
  "agencies",
  "group",
  "groups",
  "organisations",
  "organizations",
  "coalition",
  "team",
  "teams",
  "council",
  "board",
  "panel",
  "authorities",
  "officials",
  "leaders",
  "leadership",
  "administration",
  "regime",
  "junta",
  "province",
  "city",
]);

const BODY_HEADS = new Set([
  "ministry",
  "government",
  "commission",
  "committee",
  "council",
  "department",
  "agency",
  "bank",
  "embassy",
  "union",
  "association",
  "organisation",
  "organization",
  "network",
  "office",
  "forum",
  "university",
  "court",
  "parliament",
  "assembly",
  "army",
  "forces",
  "force",
  "senate",
  "party",
  "fund",
  "institute",
  "centre",
  "center",
  "foundation",
  "authority",
  "bureau",
  "service",
  "secretariat",
  "cabinet",
  "corporation",
  "academy",
  "navy",
  "police",
  "gendarmerie",
  "guard",
  "federation",
  "chamber",
  "mission",
  "delegation",
  "military",
  "kingdom",
  "republic",
  "ngo",
  "ngos",
  "charity",
  "watchdog",
  "regulator",
]);

function agentive(phrase: string): boolean {
  const words = phrase.split(/\s+/);
  // A proper name inside ("the Global Fund", "Korea Eximbank") speaks for itself.
  if (
    words.slice(1).some((w) => /^\p{Lu}/u.test(w)) ||
    (/^\p{Lu}\p{L}*$/u.test(words[0]) && !/^(?:The|A|An|This|Both|Its|Their|His|Her|Our|All|Each)$/.test(words[0]))
  )
    return true;
  const ofAt = words.findIndex((w, i) => i > 0 && /^(?:of|from|in|at|with|for|on)$/i.test(w));
  const head = lower(words[(ofAt > 0 ? ofAt : words.length) - 1] ?? "").replace(/[’']s?$/u, "");
  return (
    AGENT_HEADS.has(head) ||
    BODY_HEADS.has(head) ||
    TITLES.has(head) ||
    TITLES.has(head.replace(/s$/, "")) ||
    /(?:ers|ists|ants|ents)$/.test(head)
  );
}

/** "…, Seiha Pov said": a person attributed right after the content. */
function trailingSpeaker(ctx: SentenceCtx, state: ExtractState, end: number): Party | null {
  if (ctx.tokens[end]?.text !== ",") return null;
  const m = ctx.mentions.find(
    (x) => x.first === end + 1 && (x.kind === "person" || x.kind === "role" || x.kind === "pronoun"),
  );
  if (!m || !SPEECH_VERBS.has(ctx.tokens[m.last + 1]?.low ?? "")) return null;
  return partiesOf(m, ctx, state).find((p) => p.kind === "person") ?? null;
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
    // A quotation's end ends the content; a phrase quoted inline ("would “take firm action” against …") does not.
    if (
      t[j].text === ";" ||
      ((t[j].text === "”" || t[j].text === '"') &&
        j > from &&
        (t[j - 1].kind === "punct" || ctx.quoteSpeaker(from) !== undefined))
    )
      return j;
    if (
      t[j].text === "," &&
      [
        "while",
        "whereas",
        "but",
        "saying",
        "adding",
        "noting",
        "according",
        "stressing",
        "he",
        "she",
        "officials",
        "the",
      ].includes(t[j + 1]?.low ?? "")
    )
      return j;
    if (
      w === "and" &&
      [
        "said",
        "added",
        "noted",
        "stressed",
        "told",
        "appealed",
        "urged",
        "called",
        "asked",
        "agreed",
        "pledged",
        "vowed",
        "promised",
        "reiterated",
        "signed",
        "requested",
        "that",
      ].includes(t[j + 1]?.low ?? "")
    )
      return j;
    if (t[j].text === "," && t[j + 1]?.low === "and" && ctx.mentions.some((m) => m.first === j + 2)) return j;
    // "…, Prime Minister Anwar Ibrahim said after …": the attribution is not the content.
    if (t[j].text === ",") {
      const m = ctx.mentions.find((x) => x.first === j + 1 && x.kind !== "body");
      if (m && SPEECH_VERBS.has(t[m.last + 1]?.low ?? "")) return j;
    }
    // "…, after Minister X held talks with …": a clause of its own.
    if (
      t[j].text === "," &&
      ctx.view.boundaries.some((b) => b.at === j + 2 && b.speechVerb === null) &&
      /^(?:after|before|when|because|since|until|once|as|although|though)$/.test(t[j + 1]?.low ?? "")
    )
      return j;
  }
  let e = t.length;
  while (e > from && t[e - 1].kind === "punct" && t[e - 1].text !== ")") e--;
  return e;
}

function commitmentText(ctx: SentenceCtx, trigger: Trigger, k: number, endTok: number, end: number): string | null {
  const t = ctx.tokens;
  let from = endTok + 1;
  // "signed a 2024 cooperation agreement", "reiterated Vietnam’s commitment to …": the trigger says what.
  if (
    trigger.kind === "agreement" ||
    /^(?:commitments?|pledge|resolve|determination|readiness|willingness)$/.test(t[endTok].low)
  )
    from = k + 1;
  // "will provide 12 patrol boats": from the verb after "will".
  else if (/^(?:will|would|shall)$/.test(t[k].low)) from = k + 1;
  // "assured the delegation that Cambodia would …": what was assured.
  else if (/^assure/.test(t[k].low)) {
    const that = t.findIndex((x, j) => j > k && j < end && (x.low === "that" || x.low === "of"));
    if (that > 0) from = that + 1;
  }
  // "a joint statement was approved": the document, as named.
  if (trigger.passive) {
    let a = k;
    while (a > 0 && k - a < 8 && t[a - 1].kind === "word" && !/^(?:a|an|the|and|was|were|by)$/i.test(t[a - 1].low)) a--;
    return ctx.ptext.slice(t[a].start, t[Math.max(endTok, end - 1)].end).replace(/[\s,;:“”"]+$/u, "");
  }
  if (from >= end) return trigger.kind === "agreement" ? ctx.ptext.slice(t[k].start, t[endTok].end) : null;
  let s = ctx.ptext.slice(t[from].start, t[end - 1].end);
  s = s
    .replace(/^(?:to|that|on|upon|of)\s+/i, "")
    .replace(/[\s,;:“”"]+$/u, "")
    .trim();
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
  const name =
    names.length === 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return { name, kind: parties.every((p) => p.kind === parties[0].kind) ? parties[0].kind : "body", role: null };
}
