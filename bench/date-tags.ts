import type { SearchCase } from "./queries.ts";

/**
 * Publication dates as FlexSearch tags. A tag search keeps what carries any one of the tags asked for, so a date window
 * is asked as the fewest whole years, months and days that cover it: each paragraph carries its year ("2024"), month
 * ("2024-03") and day ("2024-03-05").
 */

export const dateTags = (day: string | null): string[] => (day === null ? [] : [day.slice(0, 4), day.slice(0, 7), day]);

const DAY_MS = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const at = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The first day of "2024", "2024-03" or "2024-03-05"; the last day of it. */
export const firstDay = (s: string) => (s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s);
export function lastDay(s: string): string {
  if (s.length === 4) return `${s}-12-31`;
  if (s.length !== 7) return s;
  const [y, m] = s.split("-").map(Number);
  return iso(Date.UTC(y, m, 0)); // day 0 of the next month
}

/** The fewest year, month and day tags whose days are exactly `from`…`to` (ISO days, both included). */
export function coverDays(from: string, to: string): string[] {
  const out: string[] = [];
  const end = at(to);
  for (let t = at(from); t <= end;) {
    const d = new Date(t);
    const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()];
    if (m === 0 && d.getUTCDate() === 1 && Date.UTC(y, 11, 31) <= end) {
      out.push(String(y));
      t = Date.UTC(y + 1, 0, 1);
    } else if (d.getUTCDate() === 1 && Date.UTC(y, m + 1, 0) <= end) {
      out.push(iso(t).slice(0, 7));
      t = Date.UTC(y, m + 1, 1);
    } else {
      out.push(iso(t));
      t += DAY_MS;
    }
  }
  return out;
}

/**
 * The tags for a case's dates, within the days the index holds (`known`: every tag some paragraph carries) — FlexSearch
 * 0.8 answers nothing at all when one tag asked for is carried by no paragraph, so those are left out; an empty list
 * means no paragraph can match. Null when the case has no dates.
 */
export function dateTagsFor(
  c: Pick<SearchCase, "from" | "to">,
  span: { first: string; last: string },
  known: ReadonlySet<string>,
): string[] | null {
  if (c.from === undefined && c.to === undefined) return null;
  const from = c.from === undefined ? span.first : firstDay(c.from);
  const to = c.to === undefined ? span.last : lastDay(c.to);
  const lo = from > span.first ? from : span.first;
  const hi = to < span.last ? to : span.last;
  return lo > hi ? [] : coverDays(lo, hi).filter((tag) => known.has(tag));
}
