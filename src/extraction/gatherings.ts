/**
 * Meetings told as a gathering rather than as people meeting: a named meeting that "was held"
 * ("the 7th Arland-Borduria Security Dialogue was held at the ministry", "delegates to the 34th
 * regional police conference held in Manila"), attendance ("X attended the meeting", "Speaking at
 * the 5th Ministerial Meeting on Drugs, X said"), co-chairs ("The meeting was co-chaired by A and
 * B", "A and B acted as co-chairs"), and a speaker's own words about meeting someone ("Delighted
 * to meet X", "Had a wonderful interaction with X"). The gathering's name is a party (a body)
 * beside the people, so "who attended what" stays answerable when no person is named.
 */
import { subjectOf } from "./clauses.ts";
import { COUNTRIES } from "./lexicon.ts";
import {
  eventDate,
  isDeniedOrModal,
  mentionsFuture,
  partiesOf,
  personParty,
  tokenAt,
  uniqueParties,
  type ExtractState,
  type SentenceCtx,
} from "./sentence-context.ts";
import { meetingAt, type FoundMeeting } from "./meetings.ts";
import type { Party } from "./event.ts";
import { matchesOf } from "../text/matches.ts";

const GATHERING_HEAD =
  "Meetings?|Dialogue|Conference|Consultations?|Summit|Session|Talks|Council|Commission|Committee\\s+meeting|meeting|dialogue|conference|consultations?|summit|session";

/** A gathering's name: "the 7th Arland-Borduria Politico-Military (PM) Dialogue", "the 12th AMMTC + 3". */
const NAMED = `(?:the\\s+|a\\s+)?(?:\\d+(?:st|nd|rd|th)\\s+)?(?:[\\p{Lu}\\d][\\p{L}\\d'’+&-]*\\s+|\\+\\s+|\\(\\p{Lu}+\\)\\s+|(?:on|of|for|and|to|the)\\s+(?=[\\p{Lu}\\d]))*?(?:${GATHERING_HEAD})(?:\\s+(?:on|of|for)\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*)*)?`;

type Form = "held" | "at" | "attended" | "chairs" | "signed" | "first-person";

const FORMS: Array<[RegExp, Form]> = [
  // "The 7th … Dialogue was held at …", "the 34th … conference held in Manila this week".
  [
    new RegExp(
      `(${NAMED})\\s+(?:was\\s+(?:\\w+ly\\s+)?held|took\\s+place|held\\s+(?:in|at|on|this|last|yesterday|earlier))\\b`,
      "gu",
    ),
    "held",
  ],
  // "The agreement was reached at the 2nd … Council meeting in Sydney", "came at the conclusion of the … Meeting".
  [
    new RegExp(
      `\\b(?:(?:was|were)\\s+(?:reached|signed|agreed|made|announced|adopted|concluded|issued)|came)\\s+(?:\\S+\\s+){0,3}?at\\s+(?:the\\s+(?:conclusion|end|close|sidelines|opening)\\s+of\\s+)?(${NAMED})`,
      "gu",
    ),
    "at",
  ],
  // "A and B signed a memorandum …", "The agreement was signed by A and B": the signers met to sign.
  [/\b(?:signed|(?:was|were)\s+signed\s+(?:\S+\s+){0,8}?by)\b/gu, "signed"],
  // "X attended the meeting", "Speaking at the 7th ASEAN Ministerial Meeting on Drugs, X said".
  [
    new RegExp(
      `\\b(?:attended|participated\\s+in|took\\s+part\\s+in|addressed|joined|[Ss]peaking\\s+at|spoke\\s+at|chaired|presided\\s+over)\\s+(${NAMED})`,
      "gu",
    ),
    "attended",
  ],
  // "The meeting was co-chaired by A and B", "… and A and B acted as co-chairs", "X acted as chairman".
  [
    /\b(?:(?:was|were)\s+(?:co-?)?chaired\s+by|acted\s+as\s+(?:the\s+)?(?:co-?chairs?|chairman|chairperson|chair))\b/giu,
    "chairs",
  ],
  // A speaker's own words: "Delighted to meet X", "Had a wonderful interaction with X", "Fruitful talks with X".
  [
    /(?<=(?:^|[:,]\s*)[“"'‘]{1,2})(?:(?:Delighted|Pleased|Glad|Happy|Honou?red|Great)\s+to\s+(?:meet|have\s+met|receive|welcome)|(?:Had|Held)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:interaction|meeting|conversation|discussions?|talks|exchange|call)\s+with|(?:Insightful|Productive|Fruitful|Excellent|Good|Great|Warm|Useful|Constructive|Wonderful)\s+(?:[\w-]+\s+)?(?:deliberations|discussions?|talks|meeting|interaction|conversation|exchange)\s+with)\b/giu,
    "first-person",
  ],
];

/** A cheap test first: sentences without one of these words are not read for gatherings. */
export const GATHERING_HINT =
  /\b(?:held|took place|signed|came at|(?:reached|agreed|made|adopted|announced|concluded|issued) at|attended|participated|took part|addressed|joined|speaking at|spoke at|chaired|presided|co-chaired|acted as|delighted|pleased|glad|happy|honou?red|interaction|deliberations)\b/i;

/** Countries named inside a gathering's name: "Arland-Borduria Dialogue", "AMMTC + China". */
function countriesIn(name: string): Party[] {
  const out: Party[] = [];
  for (const w of name.split(/[\s+–-]+/)) {
    const c = COUNTRIES.get(w.toLowerCase());
    if (c) out.push({ name: c, kind: "country", role: null });
  }
  return out;
}

const cleanName = (s: string) => s.replace(/^(?:the|a)\s+/i, "").trim();

/** People after a point up to the clause's end ("co-chaired by A and B", "… and A and B acted as co-chairs"). */
function peopleBetween(ctx: SentenceCtx, state: ExtractState, from: number, to: number): Party[] {
  return uniqueParties(
    ctx.mentions
      .filter((m) => m.first >= from && m.first < to && (m.kind === "person" || m.kind === "role"))
      .flatMap((m) => partiesOf(m, ctx, state)),
  );
}

function partiesFor(ctx: SentenceCtx, state: ExtractState, form: Form, k: number, endTok: number, name: string | null) {
  // "attended the meeting": the meeting itself, as the text names it, beside the person.
  const gathering: Party[] = name ? [{ name: cleanName(name), kind: "body", role: null }] : [];
  if (form === "held") {
    // "… was held … and A and B acted as co-chairs": the chairs are named after it.
    const people = peopleBetween(ctx, state, endTok + 1, ctx.tokens.length);
    // "The conference was held in 2019": an unnamed gathering with nobody named is nothing to report.
    if (people.length === 0 && !/[\p{Lu}\d]/u.test(cleanName(name ?? ""))) return [];
    return uniqueParties([...countriesIn(name ?? ""), ...people, ...gathering]);
  }
  if (form === "at") {
    if (!/[\p{Lu}\d]/u.test(cleanName(name ?? ""))) return [];
    return uniqueParties([...countriesIn(name ?? ""), ...gathering]);
  }
  if (form === "signed") {
    const passive = ctx.tokens[k].low !== "signed";
    const people = passive
      ? peopleBetween(ctx, state, endTok + 1, ctx.tokens.length)
      : uniqueParties(
          subjectOf(ctx.view, k, ctx.ptext, 0)
            .mentions.filter((m) => m.kind === "person" || m.kind === "role")
            .flatMap((m) => partiesOf(m, ctx, state)),
        );
    return people.filter((p) => p.kind === "person").length >= 2 ? people : [];
  }
  if (form === "first-person") {
    const speaker = ctx.quoteSpeaker(k);
    const q = ctx.quoteSpan?.(k);
    const qEnd = q ? tokenAt(ctx, q.end - 1) : ctx.tokens.length;
    const met = peopleBetween(ctx, state, endTok + 1, qEnd);
    // "Insightful deliberations with Australia's Defence Minister, Mr. @Handle on …": the words stand for the person.
    if (speaker && met.length === 0 && endTok + 1 < qEnd) {
      const words = ctx.ptext.slice(ctx.tokens[endTok + 1].start, ctx.tokens[qEnd - 1].end);
      const who = /^(.{3,140}?)(?:\s+(?:on|in|at|about|to|for)\s+\p{Ll}|\s+in\s+\p{Lu}|[.,;]?\s*$)/u.exec(words)?.[1];
      if (who)
        return [personParty(speaker), { name: who.replace(/[,.\s]+$/, ""), kind: "person" as const, role: null }];
    }
    return speaker && met.length ? uniqueParties([personParty(speaker), met[0]]) : [];
  }
  if (form === "chairs") {
    const passive = /^(?:was|were)$/.test(ctx.tokens[k].low);
    const people = passive ? peopleBetween(ctx, state, endTok + 1, ctx.tokens.length) : chairsBefore(ctx, state, k);
    // "After that, a consultation with the 12th AMMTC + 3 was held and X acted as chairman": the gathering before.
    const held = /^(.{3,160}?)\s+(?:was|were)\s+held\b/u.exec(
      ctx.sent.text.slice(0, ctx.tokens[k].start - ctx.sent.start),
    );
    const what: Party[] = held
      ? [
          {
            name: held[1].replace(/^(?:After that|Then|Later|Meanwhile),?\s+/i, "").replace(/^(?:the|a|an)\s+/i, ""),
            kind: "body",
            role: null,
          },
        ]
      : gathering;
    return people.length && (people.length >= 2 || what.length) ? uniqueParties([...people, ...what]) : [];
  }
  // Attendance: the subject of the verb, or of the main clause after "Speaking at …,".
  if (/^speaking$/i.test(ctx.tokens[k].low)) {
    const comma = ctx.tokens.findIndex((t, j) => j > endTok && t.text === ",");
    if (comma < 0) return [];
    const main = ctx.mentions.find((m) => m.first > comma && m.first <= comma + 6 && m.kind !== "body");
    if (!main) return [];
    return uniqueParties([...partiesOf(main, ctx, state), ...gathering]);
  }
  const subj = subjectOf(ctx.view, k, ctx.ptext, 0);
  const who = uniqueParties(subj.mentions.flatMap((m) => partiesOf(m, ctx, state)));
  if (!who.some((p) => p.kind === "person")) return [];
  return uniqueParties([...who, ...gathering]);
}

/** "… and A and B acted as co-chairs": the people right before the verb, with those joined to them by "and". */
function chairsBefore(ctx: SentenceCtx, state: ExtractState, k: number): Party[] {
  const out: Party[] = [];
  let at = k;
  for (;;) {
    const m = ctx.mentions.find((x) => x.last === at - 1 && (x.kind === "person" || x.kind === "role"));
    if (!m) break;
    out.unshift(...partiesOf(m, ctx, state));
    if (!/^(?:and|,)$/.test(ctx.tokens[m.first - 1]?.low ?? "")) break;
    at = m.first - 1;
  }
  return uniqueParties(out);
}

/** Gatherings in one sentence, past ones only. */
export function findGatherings(ctx: SentenceCtx, state: ExtractState): FoundMeeting[] {
  const out: FoundMeeting[] = [];
  const text = ctx.sent.text;
  for (const [re, form] of FORMS) {
    for (const m of matchesOf(re, text)) {
      const at = ctx.sent.start + m.index;
      const name = m[1] ?? null;
      // The verb: after the name for "was held", at the start otherwise.
      const verbAt = form === "held" && name ? at + m[0].indexOf(name) + name.length + 1 : at;
      const k = tokenAt(ctx, verbAt);
      const endTok = tokenAt(ctx, at + m[0].length - 1);
      if (form !== "first-person" && ctx.quoteSpeaker(k) !== undefined) continue;
      if (form === "first-person" && !ctx.quoteSpeaker(k)) continue;
      if (isDeniedOrModal(ctx, k, true) || mentionsFuture(ctx, k, ctx.tokens.length)) continue;
      const before = text.slice(Math.max(0, verbAt - ctx.sent.start - 20), verbAt - ctx.sent.start);
      if (/\b(?:will|would|to|shall)\s+(?:\w+\s+)?$/i.test(before)) continue;
      const parties = partiesFor(ctx, state, form, k, endTok, name);
      if (parties.length === 0 || (form !== "held" && form !== "at" && parties.length < 2)) continue;
      const date = eventDate(ctx, k, state);
      if (date.date && ctx.published && date.date > ctx.published) continue;
      out.push({
        meeting: meetingAt(ctx, k, date, parties, null, null),
        how: date.how,
        joins: form === "signed" || form === "chairs" || (form === "attended" && !/[\p{Lu}\d]/u.test(name ?? "")),
      });
    }
  }
  return out;
}
