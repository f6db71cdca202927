/**
 * One analysed sentence, and the helpers meetings and pledges share: who a mention stands
 * for, the object after a verb, when something happened, and whether a verb is denied,
 * hoped for or still to come.
 */
import { clauseAt, coordinated, isPrepositional, type ClauseView } from "./clauses.ts";
import { isVerbish } from "./coref.ts";
import { HONORIFICS } from "./lexicon.ts";
import type { DateMention } from "./dates.ts";
import { affiliatedPerson, NUMBER_WORDS, type Mention } from "./mentions.ts";
import type { PersonRecord } from "./people-registry.ts";
import type { Sentence } from "./sentences.ts";
import type { Token } from "./tokens.ts";
import type { EventDate, Party } from "./event.ts";

export interface SentenceCtx {
  source: string;
  paragraph: number;
  /** The paragraph's text; every offset below is into it. */
  ptext: string;
  sent: Sentence;
  tokens: Token[];
  mentions: Mention[];
  view: ClauseView;
  dates: DateMention[];
  published: string | null;
  /** The speaker of the quotation holding token i: a person, null (unknown), or undefined (not quoted). */
  quoteSpeaker(i: number): PersonRecord | null | undefined;
  /** The quotation (paragraph offsets) holding token i, if any. */
  quoteSpan?(i: number): { start: number; end: number } | undefined;
}

export interface ExtractState {
  /** Date in force: the last day-level date read. */
  context: EventDate | null;
  /** People of the last meeting found, for "the two sides". */
  lastMeeting: Party[];
  /** Most recently named people, for groups with no meeting before them. */
  recentPeople: () => PersonRecord[];
  /** The leader of the last delegation named ("a delegation led by X"), for "the delegation" later. */
  delegationLeader?: Party;
  /** Countries named so far, most recent last, for "both countries" and "the two nations". */
  countries?: string[];
}

export const personParty = (p: PersonRecord): Party => ({ name: p.name, kind: "person", role: p.roles[0] ?? null });

/** The parties a mention stands for (resolved people, the country, the body, a group's members). */
export function partiesOf(m: Mention, ctx: SentenceCtx, state: ExtractState): Party[] {
  switch (m.kind) {
    case "person":
    case "role":
      return m.people.map(personParty);
    case "pronoun": {
      if (m.word === "i" || m.word === "we") {
        const speaker = ctx.quoteSpeaker(m.first);
        return speaker ? [personParty(speaker)] : [];
      }
      return m.people.map(personParty);
    }
    case "country":
      return [{ name: m.party ?? m.text, kind: "country", role: null }];
    case "body": {
      // "Vietnam's Ministry of Agriculture": the country the body belongs to stays with it.
      const name = m.party ?? m.text;
      const owner = ctx.mentions.find(
        (x) => x.last === m.first - 1 && x.kind === "country" && ctx.tokens[x.last].possessive,
      );
      if (owner && /^\p{Lu}/u.test(name) && !name.includes(owner.party ?? owner.text))
        return [
          {
            name: `${ctx.ptext.slice(ctx.tokens[owner.first].start, ctx.tokens[owner.last].end)} ${name}`,
            kind: "body",
            role: null,
          },
        ];
      return [{ name, kind: "body", role: null }];
    }
    case "group": {
      // "Our officers" in a quotation: the speaker's side.
      if (/^(?:our|my)$/.test(ctx.tokens[m.first]?.low ?? "")) {
        const speaker = ctx.quoteSpeaker(m.first);
        if (speaker) return [personParty(speaker)];
      }
      // "The national police chiefs of Thailand and Laos": the group names its members.
      if (ctx.tokens[m.last + 1]?.low === "of") {
        const of = ctx.mentions.find((x) => x.first === m.last + 2);
        if (of) {
          const members = coordinated(ctx.view, of, ctx.tokens.length).flatMap((x) => partiesOf(x, ctx, state));
          if (members.length >= 2) return members;
        }
      }
      // "… by A, B and C, after the three held talks": the people the sentence has just named.
      const count = NUMBER_WORDS.get(ctx.tokens[m.first + 1]?.low ?? "") ?? (m.word.startsWith("both") ? 2 : null);
      // "both countries", "the two nations": the last two countries the briefing named.
      if (
        /\b(?:countries|nations)$/.test(m.word) &&
        (count === 2 || count === null) &&
        (state.countries?.length ?? 0) >= 2
      )
        return state.countries!.slice(-2).map((name) => ({ name, kind: "country" as const, role: null }));
      if (count !== null && count > 2) {
        const named = ctx.mentions.filter((x) => x.last < m.first && x.kind === "person").flatMap((x) => x.people);
        const unique = [...new Set(named)];
        if (unique.length >= count) return unique.slice(-count).map(personParty);
      }
      if (state.lastMeeting.length >= 2 && (count === null || state.lastMeeting.length === count || count === 2))
        return state.lastMeeting;
      if (count !== null && count > 2) {
        const recentN = state
          .recentPeople()
          .filter((p) => p.lastSeen >= 0)
          .slice(0, count);
        if (recentN.length === count) return recentN.map(personParty);
      }
      const recent = state
        .recentPeople()
        .filter((p) => p.lastSeen >= 0)
        .slice(0, 2);
      return recent.length === 2 ? recent.map(personParty) : [{ name: m.text, kind: "body", role: null }];
    }
  }
}

export function uniqueParties(parties: Party[]): Party[] {
  const seen = new Set<string>();
  return parties.filter((p) => {
    const key = p.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Token index at a paragraph offset. */
export function tokenAt(ctx: SentenceCtx, offset: number): number {
  const i = ctx.tokens.findIndex((t) => t.end > offset);
  return i < 0 ? ctx.tokens.length - 1 : i;
}

export function slice(ctx: SentenceCtx, a: number, b: number): string {
  if (b < a) return "";
  return ctx.ptext.slice(ctx.tokens[a].start, ctx.tokens[b].end);
}

/** Verbs that end a noun phrase ("met Lao officials to discuss", "met X who said"): auxiliaries and reporting verbs. */
const PHRASE_VERBS =
  /^(?:is|are|was|were|has|have|had|will|would|said|says|told|added|noted|discussed|agreed|signed|pledged|vowed|urged|asked|thanked|welcomed|expressed|reviewed|exchanged|held|met)$/;

const OBJECT_STOPS = new Set([
  ",",
  ".",
  ";",
  ":",
  "to",
  "on",
  "in",
  "at",
  "where",
  "who",
  "which",
  "during",
  "about",
  "over",
  "amid",
  "after",
  "before",
  "when",
  "while",
  "for",
  "and",
  "as",
  "”",
  "“",
  "(",
  ")",
]);

/** What follows a verb: the mentions there ("met X and Y"), or the phrase ("met Lao officials"). */
const GAP_WORDS = new Set([
  "the",
  "a",
  "an",
  "his",
  "her",
  "their",
  "its",
  "visiting",
  "outgoing",
  "incoming",
  "new",
  "fellow",
  "both",
  "with",
  "on",
  "upon",
  "to",
  "top",
  "senior",
  "then",
]);

/** The person named right after a role or a country's possessive, across role words and one comma. */
function roleHolder(ctx: SentenceCtx, m: Mention): Mention | null {
  const unresolvedRole = m.kind === "role" && m.people.length === 0;
  const owner = m.kind === "country" && ctx.tokens[m.last].possessive;
  if (!unresolvedRole && !owner) return null;
  const next = ctx.mentions.find((x) => x.first > m.last && x.kind !== "body");
  if (!next || next.kind !== "person" || next.first - m.last > 12) return null;
  const gap = ctx.tokens.slice(m.last + 1, next.first);
  const commas = gap.filter((t) => t.text === ",").length;
  const ok = gap.every(
    (t) =>
      t.text === "," ||
      t.text === "(" ||
      t.text === ")" ||
      (t.kind === "word" && (t.cap || /^(?:of|for|and|the|junta|acting|deputy)$/.test(t.low))),
  );
  return ok && commas <= 1 && (commas === 0 || gap[gap.length - 1].text === ",") ? next : null;
}

/** Who or what follows a verb: the parties met, or the words that stand for them. */
type VerbObject = { parties: Party[]; phrase: string | null; mentions: Mention[] };

/** The first mention after k (the person, where a body or a role names the person's side), and where its gap ends. */
function objectMention(ctx: SentenceCtx, k: number, maxGap: number): { m: Mention | undefined; gapEnd: number } {
  let m = ctx.mentions.find((x) => x.first >= k && x.first - k <= maxGap && x.kind !== "pronoun");
  let gapEnd = m?.first ?? k;
  // "World Health Organization (WHO) Representative … Dr. Kwame Boateng", "Philippine Coast Guard commandant X":
  // the body names the person's side; the person is who was met.
  const person = m ? affiliatedPerson(ctx.tokens, ctx.mentions, m) : null;
  if (m && person) {
    gapEnd = m.first;
    m = person;
  }
  // "with Deputy Commissioner of the Federal Police (AFP) for Capabilities Lesa Gale", "with Myanmar's junta Home
  // Affairs Minister, Tun Naung": the person holding the role is who was met.
  const holder = m ? roleHolder(ctx, m) : null;
  if (m && holder) {
    gapEnd = m.first;
    m = holder;
  }
  return { m, gapEnd };
}

/** Whether a verb, a stop or a word other than a gap word ("the", "his", "visiting") or an honorific comes first. */
function gapBlocked(ctx: SentenceCtx, k: number, gapEnd: number): boolean {
  const gap = ctx.tokens.slice(k, gapEnd);
  return gap.some(
    (t, j) =>
      isVerbish(ctx.tokens, k + j) ||
      [",", ".", ";", "”"].includes(t.text) ||
      !(GAP_WORDS.has(t.low) || HONORIFICS.has(t.low)),
  );
}

/** The parties of an object mention and those coordinated with it ("met X and Y"). */
function mentionedObject(ctx: SentenceCtx, state: ExtractState, m: Mention): VerbObject {
  let ms = coordinated(ctx.view, m, ctx.tokens.length);
  // "his Thai counterpart" with no name anywhere: the words stand for the party.
  let parties = uniqueParties(
    ms.flatMap((x) => {
      const ps = partiesOf(x, ctx, state);
      return ps.length || x.kind !== "role" ? ps : [{ name: x.text, kind: "person" as const, role: x.text }];
    }),
  );
  // "with Myanmar's disaster management officials and the World Food Programme": the owner's people, then the rest.
  const first = m;
  if (ms.length === 1 && first.kind === "country" && ctx.tokens[first.last].possessive) {
    let j = first.last + 1;
    while (
      j < ctx.tokens.length &&
      j <= first.last + 5 &&
      ctx.tokens[j].kind === "word" &&
      !ctx.tokens[j].cap &&
      ctx.tokens[j].low !== "and" &&
      !isVerbish(ctx.tokens, j)
    )
      j++;
    const after =
      ctx.tokens[j]?.low === "and"
        ? ctx.mentions.find(
            (x) =>
              (x.first === j + 1 || (x.first === j + 2 && ctx.tokens[j + 1].low === "the")) && x.kind !== "pronoun",
          )
        : undefined;
    if (j > first.last + 1 && after) {
      const rest = coordinated(ctx.view, after, ctx.tokens.length);
      ms = [first, ...rest];
      parties = uniqueParties([
        { name: slice(ctx, first.first, j - 1), kind: "body", role: null },
        ...rest.flatMap((x) => partiesOf(x, ctx, state)),
      ]);
    }
  }
  return { parties, phrase: null, mentions: ms };
}

/** The words after a verb that name who was met ("met Lao officials"), if they are a phrase; null otherwise. */
function objectPhrase(ctx: SentenceCtx, k: number): string | null {
  let e = k;
  const isVerb = (j: number) => PHRASE_VERBS.test(ctx.tokens[j].low);
  // Inside a capitalised name, "for" and an acronym in brackets belong to it: "the International Organization for
  // Migration", "the World Health Organization (WHO) and the Korea International Cooperation Agency (KOICA)".
  const inName = (j: number) => {
    const t = ctx.tokens[j];
    if (t.low === "for" && j > k && ctx.tokens[j - 1].cap && ctx.tokens[j + 1]?.cap) return 1;
    if (
      t.text === "(" &&
      j > k &&
      ctx.tokens[j - 1].cap &&
      ctx.tokens[j + 2]?.text === ")" &&
      /^\p{Lu}[\p{Lu}\d-]+$/u.test(ctx.tokens[j + 1]?.text ?? "")
    )
      return 3;
    return 0;
  };
  const step = (limit: number) => {
    for (;;) {
      if (e >= ctx.tokens.length || e - k >= limit) return;
      const skip = inName(e);
      if (skip) {
        e += skip;
        continue;
      }
      if (OBJECT_STOPS.has(ctx.tokens[e].low) || isVerb(e)) return;
      e++;
    }
  };
  step(14);
  // "with elders from the Pokot and Turkana communities": keep "from …" and "of …" inside.
  while (
    e < ctx.tokens.length &&
    (ctx.tokens[e].low === "of" || ctx.tokens[e].low === "from" || ctx.tokens[e].low === "and") &&
    e - k < 14
  ) {
    e++;
    step(22);
  }
  if (e > k) {
    const phrase = slice(ctx, k, e - 1)
      .replace(/^(?:with|on|upon|to)\s+/i, "")
      .trim();
    if (/\p{L}{3}/u.test(phrase) && !/^(?:him|her|them|it|this|that|there|here)$/i.test(phrase)) return phrase;
  }
  return null;
}

/**
 * What follows a verb: the mentions there ("met X and Y"), or the phrase ("met Lao officials").
 * `direct`: the object may follow at once; otherwise a preposition first ("met in Nairobi") means there is none.
 */
export function objectAfter(ctx: SentenceCtx, k: number, state: ExtractState, maxGap = 6): VerbObject {
  if (
    k < ctx.tokens.length &&
    ["in", "at", "on", "for", "during", "after", "before", "since", "until", "by", "from"].includes(ctx.tokens[k].low)
  ) {
    return { parties: [], phrase: null, mentions: [] };
  }
  const { m, gapEnd } = objectMention(ctx, k, maxGap);
  if (m && !gapBlocked(ctx, k, gapEnd)) return mentionedObject(ctx, state, m);
  return { parties: [], phrase: objectPhrase(ctx, k), mentions: [] };
}

const NEGATORS = new Set([
  "not",
  "n't",
  "never",
  "no",
  "neither",
  "nor",
  "refused",
  "declined",
  "failed",
  "without",
  "hardly",
  "rejected",
  "denied",
  "cannot",
  "can't",
  "won't",
  "didn't",
  "hasn't",
  "haven't",
  "wasn't",
  "weren't",
  "isn't",
  "aren't",
]);
const MODALS = new Set(["should", "must", "could", "might", "may", "can", "ought"]);
const FUTURE = new Set([
  "will",
  "would",
  "shall",
  "expected",
  "scheduled",
  "plans",
  "planned",
  "planning",
  "intends",
  "intended",
  "due",
  "going",
  "hopes",
  "hoped",
  "hoping",
  "wants",
  "wanted",
  "seeks",
  "sought",
  "aims",
  "set",
  "slated",
  "poised",
  "likely",
  "unlikely",
  "to",
]);
const CONDITIONAL = new Set(["if", "unless", "whether", "should", "once", "when"]);

/**
 * Words right before a verb that say it did not happen: "stopped short of agreeing", "declined to
 * commit", "failed to conclude", "has yet to sign", "without signing", "refused to meet".
 */
const NEGATED_BEFORE =
  /\b(?:(?:stopped|stops|stop|fell|falls|fall|came|comes)\s+short\s+of|(?:refus|declin|fail|hesitat)\w*\s+(?:\w+\s+)?to|(?:unable|unwilling|reluctant|not\s+ready|not\s+prepared|too\s+early)\s+to|(?:has|have|had|is|are|was|were)\s+yet\s+to|yet\s+to|without|instead\s+of|rather\s+than|no\s+longer|not\s+yet|never|(?:ruled|rules|rule)\s+out|(?:denied|denies|dismissed|rejected)\s+(?:reports?\s+|claims?\s+|suggestions?\s+)?that(?:\s+\S+){0,4}|(?:refrained|refrains|refrain)\s+from|(?:refused|rejected|declined|cancell?ed|postponed|called\s+off|turned\s+down|skipped|snubbed|boycotted|shunned)(?:\s+(?:a|an|the|any|their|his|her|its))?(?:\s+[\w-]+)?|(?:avoided|avoids|avoid)|(?:did|does|do|would|could|will)\s+not\s+(?:\w+\s+)?(?:to\s+)?)\s+$/i;

/** Is the verb at k denied ("did not pledge"), conditional, or an opinion ("should have demanded")? */
export function isDeniedOrModal(ctx: SentenceCtx, k: number, extraFuture = false): boolean {
  const start = clauseAt(ctx.view, k).at;
  const at = ctx.tokens[k]?.start ?? 0;
  const from = ctx.tokens[start]?.start ?? ctx.sent.start;
  const lead = ctx.ptext.slice(Math.max(from, at - 60), at);
  if (NEGATED_BEFORE.test(lead)) return true;
  // "Donors are expected to pledge …", "is likely to sign": not yet done.
  if (
    /\b(?:is|are|was|were|be|seems?|appears?)\s+(?:\w+ly\s+)?(?:expected|scheduled|due|likely|unlikely|slated|poised|tipped|rumoured|rumored)\s+to\s+(?:\w+\s+)?$/i.test(
      lead,
    )
  )
    return true;
  // "It remains unclear whether Japan will provide …", "… if the talks succeed, X will sign": conditional.
  const clauseText = ctx.ptext.slice(from, at);
  const cond = /\b(?:whether|if|unless)\b[^,;]*$/i.exec(clauseText);
  if (cond && !/\bas if\b/i.test(cond[0])) return true;
  for (let j = k - 1; j >= Math.max(start, k - 4); j--) {
    const t = ctx.tokens[j];
    if (t.kind === "punct" || t.cap) break;
    const w = t.low;
    if (NEGATORS.has(w) || MODALS.has(w)) return true;
    // "is expected to meet", "will hold": only in the words right before the verb.
    if (extraFuture && FUTURE.has(w) && k - j <= 3) return true;
    if (
      !/ly$/.test(w) &&
      ![
        "also",
        "again",
        "further",
        "not",
        "to",
        "be",
        "then",
        "first",
        "finally",
        "still",
        "reportedly",
        "only",
      ].includes(w) &&
      !FUTURE.has(w) &&
      !MODALS.has(w) &&
      !NEGATORS.has(w) &&
      !["did", "does", "do", "has", "have", "had"].includes(w)
    )
      break;
  }
  const opener = ctx.tokens[start]?.low;
  if (opener && CONDITIONAL.has(opener)) return true;
  return false;
}

/** "next week", "next month", "later this year": the clause is about the future. */
export function mentionsFuture(ctx: SentenceCtx, from: number, to: number): boolean {
  // Only the clause of the verb: "…, and the two ministries agreed to exchange researchers from next year" is another.
  const next = ctx.view.boundaries.find((b) => b.at > from + 1);
  let end = Math.min(to, next ? next.at - 1 : to, ctx.tokens.length - 1);
  const andAt = ctx.tokens.findIndex(
    (t, j) => j > from && j < end && t.text === "," && ["and", "but", "while"].includes(ctx.tokens[j + 1]?.low ?? ""),
  );
  if (andAt > 0) end = andAt;
  const text = slice(ctx, from, end).toLowerCase();
  return /\b(next (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|tomorrow|later this (?:week|month|year)|upcoming|in the coming)\b/.test(
    text,
  );
}

export interface ChosenDate extends EventDate {
  how: "sentence" | "context" | "none";
}

/**
 * When an event at token k happened: a date in its sentence (nearest, not a deadline, not after publication), else the
 * date in force.
 */
export function eventDate(ctx: SentenceCtx, k: number, state: ExtractState): ChosenDate {
  const at = ctx.tokens[k]?.start ?? ctx.sent.start;
  const usable = ctx.dates.filter(
    (d) => !d.bounded && (d.date === null || ctx.published === null || d.date <= ctx.published),
  );
  if (usable.length) {
    const clause = clauseAt(ctx.view, k).at;
    const clauseStart = ctx.tokens[clause]?.start ?? 0;
    const best = [...usable].sort((a, b) => {
      const inA = a.start >= clauseStart ? 0 : 1;
      const inB = b.start >= clauseStart ? 0 : 1;
      return inA - inB || Math.abs(a.start - at) - Math.abs(b.start - at);
    })[0];
    return {
      date: best.date,
      yearStated: best.yearStated || (best.anaphoric && (state.context?.yearStated ?? false)),
      dateText: best.date === null ? (best.stated ?? null) : null,
      how: "sentence",
    };
  }
  if (state.context) return { ...state.context, how: "context" };
  return { date: null, yearStated: false, how: "none" };
}

export { isPrepositional };

/**
 * The verbatim words an event at token k stands on: its sentence, or — when the sentence
 * joins clauses with their own subjects ("Alcaraz urged …, while Lim called for …";
 * "Gantulga said …, and the two ministers signed …") — the clause holding k.
 */
export function quoteFor(ctx: SentenceCtx, k: number): string {
  const t = ctx.tokens;
  const cuts: Array<{ end: number; next: number }> = [];
  for (let j = 1; j < t.length - 1; j++) {
    const contrast = t[j].text === "," && ["while", "whereas", "but"].includes(t[j + 1]?.low ?? "");
    const semicolon = t[j].text === ";";
    const newSubject =
      t[j].text === "," &&
      t[j + 1]?.low === "and" &&
      ctx.mentions.some((m) => m.first === j + 2 && m.kind !== "pronoun");
    if ((contrast || semicolon || newSubject) && ctx.quoteSpeaker(j) === undefined)
      cuts.push({ end: j, next: semicolon ? j + 1 : j + 2 });
  }
  if (cuts.length === 0) {
    // A quotation of several sentences ("“We will not let … . Every request … will be answered …,” said X"): all of it.
    const q = ctx.quoteSpan?.(k);
    if (q && (q.start < ctx.sent.start || q.end > ctx.sent.end)) {
      const tail = /^[^.!?“”"]{0,120}?[.!?](?=\s|$)/u.exec(ctx.ptext.slice(q.end));
      const end = Math.max(ctx.sent.end, q.end + (tail ? tail[0].length : 0));
      return ctx.ptext.slice(Math.min(q.start, ctx.sent.start), end).trim();
    }
    return ctx.sent.text;
  }
  let from = 0;
  for (const c of cuts) {
    if (k < c.end) return ctx.ptext.slice(t[from].start, t[c.end - 1].end).replace(/[\s,;]+$/u, "");
    from = c.next;
  }
  return ctx.ptext.slice(t[Math.min(from, t.length - 1)].start, ctx.sent.end);
}
