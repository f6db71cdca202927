/**
 * Extraction of one briefing: its people, meetings and pledges. Pure and deterministic
 * (same briefing in, same events out), so the Library caches the result with its index.
 *
 * Two passes over the sentences: the first collects the names the briefing introduces
 * (with titles, appositions or a verb); the second reads every sentence with those names
 * known, resolves "he", "she" and "the minister", attributes quotations, dates what
 * happened and finds the meetings and pledges. Only sentences holding a trigger word
 * (MEETING_HINT, PLEDGE_HINT) are parsed into clauses and read for events; headlines and
 * site furniture the cleaner left in are skipped.
 */
import { splitDateline } from "../briefings/clean.ts";
import type { Briefing } from "../briefings/briefing.ts";
import { clauseBoundaries } from "./clauses.ts";
import type { ExtractState, SentenceCtx } from "./sentence-context.ts";
import { Coref } from "./coref.ts";
import { findDates } from "./dates.ts";
import { findMeetings, MEETING_HINT, sameMeeting, trimTopic, type FoundMeeting } from "./meetings.ts";
import { findGatherings, GATHERING_HINT } from "./gatherings.ts";
import { KnownMeetings } from "./known-meetings.ts";
import { COUNTRIES, DEMONYMS, lower } from "./lexicon.ts";
import { findMentions, type Mention } from "./mentions.ts";
import { findNameCandidates, nameRuns, type NameCandidate } from "./names.ts";
import { PersonRegistry, type PersonRecord } from "./people-registry.ts";
import { findPledges, PLEDGE_HINT, type FoundPledge } from "./pledges.ts";
import { quoteSpans, splitSentences, type Sentence, type Span } from "./sentences.ts";
import { tokenize, type Token } from "./tokens.ts";
import type { BriefingEvents, Meeting, Pledge } from "./event.ts";

export { EXTRACT_VERSION } from "./version.ts";

interface Para {
  n: number;
  text: string;
  sentences: Array<{ sent: Sentence; tokens: Token[]; names?: NameCandidate[] }>;
}

/** "The request came on August 18 when …", "The pledge came during a meeting …": a date for what came before. */
const BACK_REFERENCE =
  /^(?:The|This|That|These|Their|His|Her|Its)\s+(?:\w+\s+)?(?:request|requests|pledge|pledges|commitment|commitments|promise|promises|vow|agreement|agreements|appeal|call|announcement|remarks?|comments?|statement|assurance|offer|deal|accord|memorandum|mou|decision|move|meeting|talks|visit|discussion|discussions)\s+(?:came|was made|were made|was given|was signed|were signed|was announced|was reached|took place|followed|happened|was delivered)\b/i;

/**
 * Datelines the cleaner's rule leaves in place: a date or an agency with a double dash
 * ("PHNOM PENH, June 20 (Xinhua) -- …", "HANOI, 5 March (VNA) – …").
 */
const DATELINE =
  /^\p{Lu}[\p{Lu}\s.'’-]{1,40}?,\s*(?:\p{Lu}\p{L}+\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+\p{Lu}\p{L}+\.?(?:\s+\d{4})?)\s*(?:\([^)]{1,40}\))?\s*(?:--|[:—–-])\s+|^\p{Lu}[\p{Lu}\s.'’-]{1,40}?\s*(?:\([^)]{1,40}\))?\s*--\s+/u;

/**
 * Datelines in any outlet's style: "Jakarta (Antara) - …", "(KPL/Xinhua) — …", "MANILA, Philippines—…",
 * "Metro Manila (CNN Philippines, January 31) — …", "Nay Pyi Taw (Myanmar) 9 May 2013 – …",
 * "Phnom Penh (FN), Aug. 28 – …", "Tokyo: …". A short run of capitalised words, then an agency in
 * brackets, a date or a country after a comma, then a dash or colon: never a party.
 */
const DATELINE_ANY =
  /^(?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})?(?<country>,\s*\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+)?)?\s*(?<agency>\([^()]{1,50}\))?\s*(?<date>,?\s*(?:\d{1,2}\s+\p{Lu}\p{L}+\.?(?:\s+\d{4})?|\p{Lu}\p{L}{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?\s*(?:[-–—]{1,2}|(?<colon>:))\s*(?=[\p{Lu}“"‘])/u;
const MONTH_START = /^,?\s*(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;

function datelineLength(text: string): number {
  const m = DATELINE_ANY.exec(text);
  if (!m || m[0].trim().length < 3) return 0;
  const g = m.groups ?? {};
  const place = text
    .slice(0, m[0].length)
    .split(/[,(:–—-]/)[0]
    .trim();
  if (g.colon)
    return place.split(/\s+/).length <= 3 && !g.agency && !g.date && !g.country && place.length > 0 ? m[0].length : 0;
  // A date must be a date ("Aug. 28", "9 May 2013"), not two capitalised words.
  if (g.date && !MONTH_START.test(g.date) && !g.agency && !g.country) return 0;
  return g.agency || g.date || g.country || (place.length > 1 && place === place.toUpperCase()) ? m[0].length : 0;
}

function stripDateline(text: string): string {
  const { dateline, rest } = splitDateline(text);
  if (dateline !== null) return rest;
  const m = DATELINE.exec(text);
  if (m && /\p{Lu}{2}/u.test(m[0])) return text.slice(m[0].length);
  return text.slice(datelineLength(text));
}

/** A site's list of other stories that the cleaner let through ("Related:", "Also read", "Most popular"). */
const TRAILER_LINE =
  /^(?:related|see also|also (?:read|on|see)|read (?:more|also|next)|more (?:on|from|news|stories)|further reading|most (?:read|popular|viewed)|popular|top stories|editor['’]?s? picks?|recommended|trending|latest(?: news)?|you may also like)\b[^.!?]{0,60}$/i;

/**
 * A headline or a ticker, not a sentence of the story: no full stop at the end, short, and
 * mostly capitalised words ("Singapore Pledges S$10 Million to Regional Haze Fund") or pieces
 * set apart by "|", "•" or "·".
 */
export function isHeadlineLike(text: string): boolean {
  const t = text.trim();
  if (/[.!?…:;,”"’')\]]$/u.test(t)) return false;
  if (/\s[|•·]\s/.test(t)) return true;
  if (t.length > 600 || /[.!?]["”’]?\s+\p{Lu}/u.test(t)) return false;
  const words = t.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length < 3) return false;
  // A short line with no full stop at all: a headline in sentence case ("Baht slides as exports disappoint").
  if (t.length <= 120) return true;
  const long = words.filter((w) => w.length > 3);
  const caps = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return long.length > 0 && caps / long.length >= 0.6;
}

function prepare(b: Briefing): Para[] {
  const trailer = b.paragraphs.findIndex((p, i) => i > 0 && TRAILER_LINE.test(p.text.trim()));
  return b.paragraphs.map((p, i) => {
    // Furniture keeps its number, not its words: nothing is read from it.
    if ((trailer > 0 && i >= trailer) || isHeadlineLike(p.text)) return { n: p.n, text: p.text, sentences: [] };
    const rest = stripDateline(p.text);
    const bodyStart = p.text.length - rest.length;
    const sentences = splitSentences(p.text).map((sent) => {
      if (sent.start < bodyStart && sent.end > bodyStart) {
        const cut = { start: bodyStart, end: sent.end, text: p.text.slice(bodyStart, sent.end) };
        return { sent: cut, tokens: tokenize(cut.text, cut.start) };
      }
      return { sent, tokens: tokenize(sent.text, sent.start) };
    });
    return { n: p.n, text: p.text, sentences };
  });
}

const ATTRIBUTION_AFTER =
  /^\s*[,.]?\s*(?:([^“”".,;:!?]{1,80}?)\s+(?:said|says|added|adds|continued|wrote|writes|noted|told|stressed|explained|remarked|declared|insisted|warned|emphasised|emphasized|stated|concluded|posted|recalled|asserted|affirmed)\b|(?:said|says|added|wrote|noted|continued|stressed)\s+([^“”".,;:!?]{1,80}))/u;
const ATTRIBUTION_BEFORE =
  /([^.!?“”"]{1,120}?)\s+(?:said|says|added|wrote|writes|stated|declared|stressed|noted|told\s+[^:,“”"]{1,40})\s*[:,]?\s*$/u;

type Spoken = { sent: Span; tokens: Token[]; mentions: Mention[] };

/**
 * The mentions whose first token starts in [from, to), in sentence order. Sentences come in text order, so the
 * first that can hold one is found by halving (every quotation of a paragraph looks its speaker up here).
 */
function mentionsBetween(sentences: readonly Spoken[], from: number, to: number): Mention[] {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].sent.end <= from) lo = mid + 1;
    else hi = mid;
  }
  const out: Mention[] = [];
  for (let i = lo; i < sentences.length && sentences[i].sent.start < to; i++) {
    const s = sentences[i];
    for (const m of s.mentions) if (s.tokens[m.first].start >= from && s.tokens[m.first].start < to) out.push(m);
  }
  return out;
}

/** Longer than any ATTRIBUTION_BEFORE match (120 + a verb phrase of up to 45 + white space). */
const ATTRIBUTION_REACH = 400;

/** Who speaks each quotation of a paragraph ("…," he said / Sar Kheng wrote: "…"). */
function quoteSpeakers(
  text: string,
  spans: Span[],
  sentences: readonly Spoken[],
  fallback: PersonRecord | null,
): Array<PersonRecord | null> {
  const mentionsIn = (from: number, to: number) => mentionsBetween(sentences, from, to);
  const personIn = (from: number, to: number): PersonRecord | null | undefined => {
    const ms = mentionsIn(from, to);
    if (ms.length === 0) return undefined;
    const m = ms.find((x) => x.people.length > 0);
    if (m) return m.people[0];
    return null; // a body speaks: "the Facebook post said"
  };
  const out: Array<PersonRecord | null> = [];
  spans.forEach((span, i) => {
    let who: PersonRecord | null | undefined;
    const after = ATTRIBUTION_AFTER.exec(text.slice(span.end));
    if (after) {
      const g = after[1] !== undefined ? 1 : 2;
      const at = span.end + after.index + after[0].indexOf(after[g]);
      who = personIn(at, at + after[g].length);
    }
    if (who === undefined) {
      // The attribution ends at the quotation: the text just before it is enough (the whole
      // paragraph before each quotation made a paragraph of many quotations quadratic).
      const from = Math.max(0, span.start - ATTRIBUTION_REACH);
      const before = ATTRIBUTION_BEFORE.exec(text.slice(from, span.start));
      if (before) who = personIn(from + before.index, from + before.index + before[1].length);
    }
    if (who === undefined || who === null) who = (i > 0 ? out[i - 1] : null) ?? fallback;
    out.push(who ?? null);
  });
  return out;
}

/** The first day-level date in the first three paragraphs: when the story's main event happened. */
function leadDate(paras: Para[], published: string | null): { date: string; yearStated: boolean } | null {
  for (const p of paras.slice(0, 3)) {
    for (const { sent } of p.sentences) {
      const d = findDates(sent.text, published, null, sent.start).find(
        (x) => !x.bounded && !x.anaphoric && (published === null || x.date === null || x.date <= published),
      );
      if (d) return d.date ? { date: d.date, yearStated: d.yearStated } : null;
    }
  }
  return null;
}

/** The meeting a sentence adds to ("The meeting was co-chaired by …"): the last one, near and same day. */
function meetingJoined(meetings: KnownMeetings, m: FoundMeeting, paragraph: number): FoundMeeting | undefined {
  const last = meetings.list[meetings.list.length - 1];
  if (!last || paragraph - last.meeting.paragraph > 3) return undefined;
  const a = last.meeting.date;
  const b = m.meeting.date;
  return a === null || b === null || a === b || m.how !== "sentence" ? last : undefined;
}

/** One real-world meeting told twice: the second telling's facts and sentence join the first. */
function mergeInto(same: FoundMeeting, m: FoundMeeting): void {
  const ev = same.meeting;
  ev.place ??= m.meeting.place;
  ev.topic ??= m.meeting.topic;
  ev.date ??= m.meeting.date;
  for (const p of m.meeting.participants) if (!ev.participants.some((x) => x.name === p.name)) ev.participants.push(p);
  if (m.meeting.quote !== ev.quote && !(ev.evidence ?? []).some((e) => e.quote === m.meeting.quote))
    (ev.evidence ??= []).push({ paragraph: m.meeting.paragraph, quote: m.meeting.quote });
}

/** The countries named so far, most recent last, each once. */
function noteCountry(state: ExtractState, name: string): void {
  const list = (state.countries ??= []);
  const at = list.indexOf(name);
  if (at >= 0) list.splice(at, 1);
  list.push(name);
}

type Previous = { meetings: FoundMeeting[]; pledges: FoundPledge[] };
type Analysed = { sent: Sentence; tokens: Token[]; mentions: Mention[] };

/** Pass 1: the names the briefing introduces. */
function collectNames(paras: Para[], registry: PersonRegistry): void {
  let sIndex = 0;
  const runs: string[] = [];
  for (const p of paras) {
    for (const s of p.sentences) {
      s.names = findNameCandidates(s.tokens, s.sent.text, s.sent.start);
      for (const c of s.names) registry.add(c, p.n, sIndex * 1000 + c.first);
      for (const [a, b] of nameRuns(s.tokens))
        if (b > a) runs.push(s.sent.text.slice(s.tokens[a].start - s.sent.start, s.tokens[b].end - s.sent.start));
      sIndex++;
    }
  }
  registry.completeLoneNames(runs);
  for (const rec of registry.people) rec.lastSeen = -1;
}

/** The countries a sentence's mentions, demonyms and hyphenated pairs name. */
function noteSentenceCountries(state: ExtractState, tokens: Token[], mentions: Mention[]): void {
  for (const m of mentions) {
    if (m.kind === "country" && m.party) noteCountry(state, m.party);
    // "Thai police", "the Malaysian side": the country a demonym names.
    const demonym = m.kind === "body" ? DEMONYMS.get(lower(m.party?.split(/\s+/)[0] ?? "")) : undefined;
    if (demonym) noteCountry(state, demonym);
  }
  // "the Thailand-Malaysia annual meeting": both countries of a hyphenated pair.
  for (const t of tokens)
    if (t.text.includes("-"))
      for (const part of t.text.split("-")) {
        const c = COUNTRIES.get(lower(part));
        if (c) noteCountry(state, c);
      }
}

/** A paragraph's sentences with their mentions found and pronouns resolved; returns the next sentence index. */
function analyseParagraph(
  p: Para,
  spans: Span[],
  registry: PersonRegistry,
  coref: Coref,
  state: ExtractState,
  sIndex: number,
): { analysed: Analysed[]; sIndex: number } {
  const analysed = p.sentences.map(({ sent, tokens, names }) => {
    const mentions = findMentions(tokens, sent.text, sent.start, registry, names);
    const inQuote = (i: number) => spans.some((q) => tokens[i] && tokens[i].start > q.start && tokens[i].start < q.end);
    coref.resolve(tokens, mentions, p.n, sIndex++ * 1000, inQuote);
    noteSentenceCountries(state, tokens, mentions);
    return { sent, tokens, mentions };
  });
  return { analysed, sIndex };
}

/** Everything the event rules read about one sentence. */
function sentenceContext(
  briefing: Briefing,
  p: Para,
  { sent, tokens, mentions }: Analysed,
  spans: Span[],
  speakers: ReturnType<typeof quoteSpeakers>,
  parse: boolean,
  state: ExtractState,
): SentenceCtx {
  const published = briefing.meta.published;
  return {
    source: briefing.id,
    paragraph: p.n,
    ptext: p.text,
    sent,
    tokens,
    mentions,
    view: {
      tokens,
      mentions,
      boundaries: parse ? clauseBoundaries(tokens, mentions) : [{ at: 0, speechVerb: null }],
    },
    dates: findDates(sent.text, published, state.context?.date ?? null, sent.start),
    published,
    quoteSpeaker: (i: number) => {
      const at = tokens[i]?.start ?? -1;
      const q = spans.findIndex((s) => at > s.start && at < s.end);
      return q < 0 ? undefined : speakers[q];
    },
    quoteSpan: (i: number) => {
      const at = tokens[i]?.start ?? -1;
      return spans.find((s) => at > s.start && at < s.end);
    },
  };
}

/** A back-reference dates what the sentence before reported, and names its occasion. */
function applyBackReference(ctx: SentenceCtx, foundMeetings: FoundMeeting[], previous: Previous): void {
  const dated = [...foundMeetings.map((m) => m.meeting), ...ctx.dates.filter((d) => !d.bounded && d.date)].length > 0;
  const date = foundMeetings[0]?.meeting.date ?? ctx.dates.find((d) => !d.bounded && d.date)?.date ?? null;
  const yearStated =
    foundMeetings[0]?.meeting.yearStated ?? ctx.dates.find((d) => !d.bounded && d.date)?.yearStated ?? false;
  if (dated && date) {
    for (const f of [...previous.meetings, ...previous.pledges]) {
      if (f.how === "sentence") continue;
      const ev = "meeting" in f ? f.meeting : f.pledge;
      ev.date = date;
      ev.yearStated = yearStated;
      f.how = "sentence";
    }
  }
  const earlier = previous.pledges[previous.pledges.length - 1];
  for (const m of foundMeetings)
    if (m.meeting.topic === null && earlier) m.meeting.topic = trimTopic(earlier.pledge.commitment);
}

/** Merges each found meeting into one already known, or keeps it; returns the kept ones. */
function keepNewMeetings(
  foundMeetings: FoundMeeting[],
  meetings: KnownMeetings,
  paragraph: number,
  state: ExtractState,
): FoundMeeting[] {
  const kept: FoundMeeting[] = [];
  for (const m of foundMeetings) {
    const same =
      meetings.find(
        m,
        (x) => sameMeeting(x.meeting, m.meeting) && (x.meeting.date === m.meeting.date || m.how !== "sentence"),
      ) ?? (m.joins ? meetingJoined(meetings, m, paragraph) : undefined);
    if (same) {
      mergeInto(same, m);
      meetings.refile(same);
      continue;
    }
    meetings.add(m);
    kept.push(m);
    const people = m.meeting.participants.filter((x) => x.kind === "person");
    state.lastMeeting = people.length >= 2 ? people : m.meeting.participants;
  }
  return kept;
}

/** The date in force for what follows; an unresolvable one ("March 3" with no year anywhere) unsets it. */
function updateDateContext(ctx: SentenceCtx, published: string | null, state: ExtractState): void {
  const usable = ctx.dates.filter((d) => !d.bounded && (published === null || d.date === null || d.date <= published));
  const last = usable[usable.length - 1];
  if (last)
    state.context = last.date
      ? { date: last.date, yearStated: last.yearStated || (last.anaphoric && (state.context?.yearStated ?? false)) }
      : { date: null, yearStated: false };
}

/** Events with no date of their own and none before them: the story's date (the first date of its opening). */
function dateUndated(found: Array<FoundMeeting | FoundPledge>, paras: Para[], published: string | null): void {
  const undated = found.filter((f) => f.how === "none");
  const lead = undated.length ? leadDate(paras, published) : null;
  for (const f of undated) {
    if (!lead) continue;
    const ev = "meeting" in f ? f.meeting : f.pledge;
    ev.date = lead.date;
    ev.yearStated = lead.yearStated;
  }
}

/** Meetings, pledges and people of one briefing. Pure and deterministic, so it can be cached. */
export function extractEvents(briefing: Briefing): BriefingEvents {
  const published = briefing.meta.published;
  const paras = prepare(briefing);
  const registry = new PersonRegistry();

  // Pass 1: the names the briefing introduces.
  collectNames(paras, registry);

  // Pass 2: read it again with the names known.
  const coref = new Coref(registry);
  const state: ExtractState = {
    context: null,
    lastMeeting: [],
    recentPeople: () => [...registry.people].sort((a, b) => b.lastSeen - a.lastSeen),
  };
  const meetings = new KnownMeetings();
  const pledges: FoundPledge[] = [];
  let previous: Previous = { meetings: [], pledges: [] };
  let sIndex = 0;

  for (const p of paras) {
    const spans = quoteSpans(p.text);
    const read = analyseParagraph(p, spans, registry, coref, state, sIndex);
    const analysed = read.analysed;
    sIndex = read.sIndex;
    const speakers = quoteSpeakers(p.text, spans, analysed, coref.lastSubject);

    for (const a of analysed) {
      const { sent } = a;
      // Only sentences with a trigger word are parsed into clauses and read for events.
      const meetingHint = MEETING_HINT.test(sent.text);
      const pledgeHint = PLEDGE_HINT.test(sent.text);
      const parse = meetingHint || pledgeHint || GATHERING_HINT.test(sent.text);
      const ctx = sentenceContext(briefing, p, a, spans, speakers, parse, state);

      const foundMeetings = meetingHint ? findMeetings(ctx, state) : [];
      if (foundMeetings.length === 0 && GATHERING_HINT.test(sent.text))
        foundMeetings.push(...findGatherings(ctx, state));
      const met =
        foundMeetings[foundMeetings.length - 1]?.meeting.participants.filter((x) => x.kind === "person") ?? [];
      if (met.length >= 2) state.lastMeeting = met;
      const foundPledges = pledgeHint ? findPledges(ctx, state) : [];

      if (BACK_REFERENCE.test(sent.text)) applyBackReference(ctx, foundMeetings, previous);

      const kept = keepNewMeetings(foundMeetings, meetings, p.n, state);
      pledges.push(...foundPledges);
      if (kept.length || foundPledges.length || ctx.dates.length) previous = { meetings: kept, pledges: foundPledges };

      updateDateContext(ctx, published, state);
    }
  }

  dateUndated([...meetings.list, ...pledges], paras, published);

  return {
    meetings: meetings.list.map((m) => m.meeting),
    pledges: pledges.map((p) => p.pledge),
    people: registry.mentions(),
  };
}

export type { Meeting, Pledge };
