/**
 * Dates in a question: "in March 2016", "on 3 March 2025", "since 2023", "before June 2024",
 * "in October" (a month of any year). A year inside a number or a range ("2023-2028",
 * "2021-2027 programme") is not a date. What is read is cut from the text.
 */
import { endOfMonth } from "date-fns/endOfMonth";
import { format } from "date-fns/format";
import { MONTHS } from "../extraction/lexicon.ts";

export interface QuestionDates {
  from?: string;
  to?: string;
  /** A month without a year (1–12): events in that month of any year. */
  month?: number;
  /** The question with the date phrases cut out (a "|" where each was, so names split there). */
  rest: string;
}

const MONTH_WORD = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const LEAD =
  "(?:(in|during|on|since|from|after|before|until|till|by|of|through|between|to|and)\\s+)?(?:(?:early|mid|late)[- ])?";
// A year never touches a digit or a dash, so "2023-2028" and "20234" are not years.
const YEAR = "(?<![\\d\\-–/])((?:19|20)\\d{2})(?![\\d\\-–/])";
const DAY_MONTH_YEAR = new RegExp(`\\b${LEAD}(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_WORD})\\.?,?\\s+${YEAR}`, "i");
const MONTH_DAY_YEAR = new RegExp(`\\b${LEAD}(${MONTH_WORD})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+${YEAR}`, "i");
const MONTH_YEAR = new RegExp(`\\b${LEAD}(${MONTH_WORD})\\.?,?\\s+(?:of\\s+)?${YEAR}`, "i");
// A year alone is a date only after a word that makes it one ("in 2023", "since 2021"), not in "targets for 2024".
const YEAR_ALONE = new RegExp(
  `\\b(in|during|since|from|after|before|until|till|by|between|to|through)\\s+(?:early|mid|late)?[- ]?${YEAR}(?:'s)?`,
  "i",
);
const MONTH_ALONE = new RegExp(`\\b${LEAD}(${MONTH_WORD})\\b\\.?`, "gi");

const iso = (d: Date) => format(d, "yyyy-MM-dd");
const monthOf = (word: string) => MONTHS[word.toLowerCase()];

/** The range a lead word gives a period [start, end]. */
function ranged(lead: string | undefined, start: Date, end: Date): { from?: string; to?: string } {
  switch ((lead ?? "").toLowerCase()) {
    case "since":
    case "from":
    case "between":
      return { from: iso(start) };
    case "after":
      return { from: iso(new Date(end.getFullYear(), end.getMonth(), end.getDate() + 1)) };
    case "before":
      return { to: iso(new Date(start.getFullYear(), start.getMonth(), start.getDate() - 1)) };
    case "until":
    case "till":
    case "by":
    case "through":
    case "to":
    case "and":
      return { to: iso(end) };
    default:
      return { from: iso(start), to: iso(end) };
  }
}

type Reader = (m: RegExpExecArray) => { from?: string; to?: string } | null;

const READERS: Array<[RegExp, Reader]> = [
  [
    DAY_MONTH_YEAR,
    (m) => {
      const d = new Date(Number(m[4]), monthOf(m[3]) - 1, Number(m[2]));
      return ranged(m[1], d, d);
    },
  ],
  [
    MONTH_DAY_YEAR,
    (m) => {
      const d = new Date(Number(m[4]), monthOf(m[2]) - 1, Number(m[3]));
      return ranged(m[1], d, d);
    },
  ],
  [
    MONTH_YEAR,
    (m) => {
      const d = new Date(Number(m[3]), monthOf(m[2]) - 1, 1);
      return ranged(m[1], d, endOfMonth(d));
    },
  ],
  [YEAR_ALONE, (m) => ranged(m[1], new Date(Number(m[2]), 0, 1), new Date(Number(m[2]), 11, 31))],
];

/** "May" and "March" are also ordinary words: alone, a month needs a capital or a lead word. */
function monthAlone(text: string): { month: number; at: RegExpExecArray } | null {
  for (const m of text.matchAll(MONTH_ALONE)) {
    const word = m[2];
    const capital = /^\p{Lu}/u.test(word);
    const ambiguous = /^(may|march|mar|sat|sun|jan|dec|sept?|oct|nov|aug|jun|jul|apr|feb)$/i.test(word);
    if (
      (m[1] && (capital || !ambiguous || /^(in|during|since|until|before|after)$/i.test(m[1]))) ||
      (capital && !ambiguous)
    )
      return { month: monthOf(word), at: m as RegExpExecArray };
  }
  return null;
}

/** Read the dates a question gives and cut them out of it. */
export function readDates(question: string): QuestionDates {
  let rest = question;
  const out: QuestionDates = { rest };
  for (const [re, read] of READERS) {
    const m = re.exec(rest);
    if (!m) continue;
    const range = read(m);
    if (!range) continue;
    Object.assign(out, range);
    rest = rest.slice(0, m.index) + " | " + rest.slice(m.index + m[0].length);
    // "from 2022 to 2024", "between March and June 2024": a second bound.
    const second = re.exec(rest);
    const secondRange = second ? read(second) : null;
    if (second && secondRange && /^(to|until|till|and|through)$/i.test(second[1] ?? "")) {
      if (secondRange.to) out.to = secondRange.to;
      rest = rest.slice(0, second.index) + " | " + rest.slice(second.index + second[0].length);
    }
    return { ...out, rest };
  }
  const alone = monthAlone(rest);
  if (alone) {
    out.month = alone.month;
    rest = rest.slice(0, alone.at.index) + " | " + rest.slice(alone.at.index + alone.at[0].length);
  }
  return { ...out, rest };
}
