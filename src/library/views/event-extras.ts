/**
 * Filters beyond who/with/date that `meetings`, `pledges` and questions share: a month of
 * any year ("in October"), a place ("in Siem Reap"), and whether an undated event may still
 * belong to a date range (its briefing was published then, or names the year).
 */
import type { Briefing } from "../../briefings/briefing.ts";
import { MONTHS } from "../../extraction/lexicon.ts";
import type { Meeting, Person, Pledge } from "../../extraction/event.ts";
import { mentionForms, mentions } from "./mentions.ts";

type Event = Meeting | Pledge;

const MONTH_NAMES = Object.entries(MONTHS);

/** Does the text name the month (1–12), in full or abbreviated? */
function namesMonth(text: string, month: number): boolean {
  const words = MONTH_NAMES.filter(([, n]) => n === month).map(([w]) => w);
  return new RegExp(`\\b(${words.join("|")})\\b`, "i").test(text);
}

/** In that month of any year; an undated event when its sentence names the month or its briefing was published then. */
export function monthFits(e: Event, month: number, briefing?: Briefing): boolean {
  if (e.date !== null) return Number(e.date.slice(5, 7)) === month;
  if (namesMonth(e.quote, month)) return true;
  const published = briefing?.meta.published;
  return published ? Number(published.slice(5, 7)) === month : false;
}

const YEAR = /(?<![\d\-–/])(?:19|20)\d{2}(?![\d\-–/])/g;

/**
 * May an undated event fall within [from, to]? When its briefing was published then, or —
 * with no publication date — when its sentence or briefing names a year in the range.
 */
export function undatedFits(e: Event, from: string | undefined, to: string | undefined, briefing?: Briefing): boolean {
  const inside = (d: string) => (from === undefined || d >= from) && (to === undefined || d <= to.slice(0, d.length));
  const published = briefing?.meta.published;
  if (published) return inside(published);
  const texts = [e.quote, briefing?.meta.title ?? "", ...(briefing?.paragraphs.map((p) => p.text) ?? [])];
  for (const t of texts) {
    for (const y of t.match(YEAR) ?? []) {
      if ((from === undefined || y >= from.slice(0, 4)) && (to === undefined || y <= to.slice(0, 4))) return true;
    }
  }
  return false;
}

/**
 * Whether an event took place at `place`, by its place or its sentence ("in Siem Reap", "the Philippines"). The
 * place's forms are worked out once (they look the name up among `people`), then each event is only read.
 */
export function placeTest(place: string, people: readonly Person[]): (e: Event) => boolean {
  return placeFormsTest(mentionForms(place, people));
}

/** Whether an event's place or sentence names one of `forms` (see `mentionForms`). */
export function placeFormsTest(forms: readonly string[]): (e: Event) => boolean {
  return (e) => ("place" in e && e.place !== null && mentions(forms, e.place)) || mentions(forms, e.quote);
}

/** The month and place tests of a query together, or null when it gives neither. */
export function placeAndMonthTest(
  month: number | undefined,
  forms: readonly string[] | undefined,
  briefingOf: (source: string) => Briefing | undefined,
): ((e: Event) => boolean) | null {
  if (month === undefined && forms === undefined) return null;
  const atPlace = forms === undefined ? null : placeFormsTest(forms);
  return (e) => (month === undefined || monthFits(e, month, briefingOf(e.source))) && (!atPlace || atPlace(e));
}
