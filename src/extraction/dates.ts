/**
 * Dates in a sentence, resolved to ISO `YYYY-MM-DD` against the briefing's published date.
 *
 * - Calendar dates ("August 18", "9 October 2023", "the afternoon of January 2, 2024") come
 *   from chrono-node's strict parser. Without a year they take the published year, and
 *   the year before when that would put them after publication (news reports the past).
 * - Weekdays ("on Monday", "last Tuesday"), "yesterday" and "today" count back from the
 *   published date.
 * - "later that day", "the same day", "the next day" are relative to the date in force
 *   before the sentence.
 * Without a published date, only a date whose year the text states is resolved; others
 * are null. Free text never goes through `new Date(string)`.
 */
// English only: the full package loads every locale (ten times the start-up cost).
import * as chrono from "chrono-node/en";
import { addDays } from "date-fns/addDays";
import { format } from "date-fns/format";
import { getDay } from "date-fns/getDay";
import { isValid } from "date-fns/isValid";
import { parseISO } from "date-fns/parseISO";
import { subDays } from "date-fns/subDays";
import { MONTHS, WEEKDAYS } from "./lexicon.ts";
import { matchesOf } from "../text/matches.ts";

export interface DateMention {
  /** Offsets in the text given to `findDates` (plus its offset). */
  start: number;
  end: number;
  date: string | null;
  yearStated: boolean;
  /** "since", "by", "until"… before it: a deadline or a span, not when something happened. */
  bounded: boolean;
  /** Resolved from a previous date ("later that day"). */
  anaphoric: boolean;
  /** What the text says when it cannot be resolved: "14 May" with no year, "Monday" with no published date. */
  stated?: string;
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const MONTH_WORD = new RegExp(`\\b(?:${Object.keys(MONTHS).join("|")})\\b\\.?`, "i");
/** A month next to a number ("August 18", "9 October", "the 3rd of May"): the only text worth chrono's time. */
const MONTH_DAY = new RegExp(
  `\\b(?:${Object.keys(MONTHS).join("|")})\\b\\.?,?\\s+\\d|\\d(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${Object.keys(MONTHS).join("|")})\\b`,
  "i",
);
const NUMERIC_DATE = /\b\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\b/;
const WEEKDAY =
  /\b(?:(last|this|past|on|next|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;
const RELATIVE = /\b(yesterday|today|earlier today|this (?:morning|afternoon|evening))\b/gi;
const ANAPHORIC =
  /\b(later (?:that|the same) (?:day|morning|afternoon|evening|night)|(?:later|earlier) in the (?:day|morning|afternoon|evening)|(?:on )?the same (?:day|morning|afternoon|evening|night)|earlier (?:that|the same) (?:day|morning|afternoon)|that (?:same )?(?:day|morning|afternoon|evening|night)|hours (?:later|earlier)|the (?:following|next) (?:day|morning|afternoon|evening)|the day after|(?:a|one|two|three|four|five|six|\d) days? (?:later|after(?:wards)?|earlier|before)|the (?:previous|preceding) (?:day|evening|night)|the day before)\b/gi;
const COUNT: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const BOUND_WORDS =
  /\b(?:since|until|till|by|before|through|from|ahead of|starting|effective|as of|no later than)\s+(?:the\s+)?(?:(?:morning|afternoon|evening|end) of\s+)?$/i;

const iso = (d: Date) => format(d, "yyyy-MM-dd");

function ymd(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const parsed = parseISO(s);
  return isValid(parsed) && iso(parsed) === s ? s : null;
}

/** A month and day without a year: the published year, or the year before if that is later than publication. */
export function resolveYearless(month: number, day: number, published: string | null): string | null {
  if (!published) return null;
  const year = Number(published.slice(0, 4));
  const same = ymd(year, month, day);
  if (same && same <= published) return same;
  return ymd(year - 1, month, day);
}

function weekdayBefore(published: string, weekday: number, strictlyBefore: boolean): string {
  const pub = parseISO(published);
  let back = (getDay(pub) - weekday + 7) % 7;
  if (back === 0 && strictlyBefore) back = 7;
  return iso(subDays(pub, back));
}

/** One sentence's text and the dates found in it so far. */
interface DateScan {
  text: string;
  published: string | null;
  offset: number;
  out: DateMention[];
  /** Whether a bounding word ("since", "until") comes just before `start`. */
  bounded: (start: number) => boolean;
  /** Whether a date already found overlaps the span. */
  overlaps: (s: number, e: number) => boolean;
}

/** Calendar dates: "5 April", "April 5, 2024", "05/04/2024". */
function calendarDates(scan: DateScan): void {
  const { text, published, offset, out, bounded } = scan;
  if (MONTH_DAY.test(text) || NUMERIC_DATE.test(text)) {
    const ref = published ? parseISO(published) : new Date(2000, 0, 1);
    for (const r of chrono.strict.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false })) {
      const c = r.start;
      if (!c.isCertain("month") || !c.isCertain("day")) continue;
      const month = c.get("month");
      const day = c.get("day");
      if (month === null || day === null) continue;
      // "on 5 April": chrono's match may start with "on".
      const lead = /^(?:on|in|at)\s+/i.exec(r.text)?.[0].length ?? 0;
      const start = r.index + lead;
      const yearStated = c.isCertain("year");
      const year = c.get("year");
      const date = yearStated && year !== null ? ymd(year, month, day) : resolveYearless(month, day, published);
      out.push({
        start: start + offset,
        end: r.index + r.text.length + offset,
        date,
        yearStated,
        bounded: bounded(start),
        anaphoric: false,
        stated: date === null ? `${day} ${MONTH_NAMES[month - 1]} (year not stated)` : undefined,
      });
    }
  }
}

/** A date counted from the publication date (null, and saying so, when the briefing has none). */
function countedFrom(scan: DateScan, m: RegExpMatchArray & { index: number }, start: number, date: string | null) {
  return {
    start: start + scan.offset,
    end: m.index + m[0].length + scan.offset,
    date,
    yearStated: false,
    bounded: scan.bounded(m.index),
    anaphoric: false,
    stated: date === null ? `${m[0]} (no published date to count from)` : undefined,
  };
}

/** Weekdays: "on Wednesday", "last Friday" (the one before publication). */
function weekdayDates(scan: DateScan): void {
  const { text, published, out, overlaps } = scan;
  for (const m of matchesOf(WEEKDAY, text)) {
    const qualifier = (m[1] ?? "").toLowerCase();
    if (qualifier === "next" || qualifier === "coming") continue;
    const start = m.index + (m[1] ? m[0].length - m[2].length : 0);
    if (overlaps(m.index, m.index + m[0].length)) continue;
    // "on Wednesday (January 10)" or "Wednesday, January 10": the calendar date says it.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    if (
      /^\s*[(,]?\s*\p{Lu}/u.test(after) &&
      MONTH_WORD.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))
    )
      continue;
    const date = published
      ? weekdayBefore(published, WEEKDAYS[m[2].toLowerCase()], qualifier === "last" || qualifier === "past")
      : null;
    out.push(countedFrom(scan, m, start, date));
  }
}

/** "today", "yesterday": from the publication date. */
function relativeDates(scan: DateScan): void {
  const { text, published, out, overlaps } = scan;
  for (const m of matchesOf(RELATIVE, text)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    const word = m[1].toLowerCase();
    const date = published ? (word === "yesterday" ? iso(subDays(parseISO(published), 1)) : published) : null;
    out.push(countedFrom(scan, m, m.index, date));
  }
}

/** "the following day", "two days earlier": from the date in force. */
function anaphoricDates(scan: DateScan, context: string | null): void {
  const { text, offset, out, overlaps } = scan;
  for (const m of matchesOf(ANAPHORIC, text)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    const phrase = m[1].toLowerCase();
    let date: string | null = null;
    if (context) {
      const base = parseISO(context);
      const n = /^(a|one|two|three|four|five|six|\d) days?/.exec(phrase);
      const count = n ? (COUNT[n[1]] ?? Number(n[1])) : 1;
      if (/^hours/.test(phrase)) date = context;
      else if (/following|next|later$|after(?:wards)?$|day after/.test(phrase)) date = iso(addDays(base, count));
      else if (/previous|preceding|day before|earlier$|before$/.test(phrase)) date = iso(subDays(base, count));
      else date = context;
    }
    out.push({
      start: m.index + offset,
      end: m.index + m[0].length + offset,
      date,
      yearStated: false,
      bounded: false,
      anaphoric: true,
    });
  }
}

/**
 * Every date in `text`. `context` is the date in force before this sentence (for "later that
 * day"); `offset` is added to the returned positions.
 */
export function findDates(text: string, published: string | null, context: string | null, offset = 0): DateMention[] {
  const out: DateMention[] = [];
  const bounded = (start: number) => BOUND_WORDS.test(text.slice(Math.max(0, start - 40), start));
  const overlaps = (s: number, e: number) => out.some((d) => d.start - offset < e && s < d.end - offset);

  const scan: DateScan = { text, published, offset, out, bounded, overlaps };

  calendarDates(scan);
  weekdayDates(scan);
  relativeDates(scan);
  anaphoricDates(scan, context);
  return out.sort((a, b) => a.start - b.start);
}
