/** Dates as a person reads them: "24 Jan 2024", joined by non-breaking spaces so a phone never wraps inside one. */

const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
const DAYS = "Sun Mon Tue Wed Thu Fri Sat".split(" ");
export const NBSP = "\u00a0";

/** "2024-01-24" → "24 Jan 2024", "2024-01" → "Jan 2024", "2024" → "2024"; anything else is returned as given. */
export function humanDate(iso: string | null | undefined, fallback = "undated"): string {
  if (!iso) return fallback;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, year, month, day] = m;
  const parts = [day ? String(Number(day)) : null, month ? MONTHS[Number(month) - 1] : null, year];
  return parts.filter((p): p is string => p !== null && p !== undefined).join(NBSP);
}

/** "Mon 10 Jun" for a moment, in UTC unless a zone offset is folded in by the caller. */
export function humanDay(at: Date): string {
  return [DAYS[at.getUTCDay()], String(at.getUTCDate()), MONTHS[at.getUTCMonth()]].join(NBSP);
}
