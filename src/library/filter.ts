/**
 * The search filters (source, date range) as a test on global paragraph ids: each
 * paragraph's briefing (its place in the Library's list) and each briefing's day as a
 * number, so a filter costs two array reads per paragraph.
 */

/** "2024-01-25" → 20240125; -1 for no date. */
export function dayNumber(iso: string | null | undefined): number {
  return iso ? Number(iso.slice(0, 10).replaceAll("-", "")) : -1;
}

export interface DocFilter {
  /** The briefing's place in the list; undefined for any briefing, -1 for one that is not there (nothing passes). */
  source?: number;
  /** Inclusive ISO dates on the briefing's published date. */
  from?: string;
  to?: string;
}

/** A test on paragraph ids for `f`, or undefined when it keeps everything. */
export function docFilter(
  docBriefing: Int32Array,
  briefingDay: Int32Array,
  f: DocFilter,
): ((id: number) => boolean) | undefined {
  const { source } = f;
  const from = f.from === undefined ? -Infinity : dayNumber(f.from);
  const to = f.to === undefined ? Infinity : dayNumber(f.to);
  const dated = f.from !== undefined || f.to !== undefined;
  if (source === undefined && !dated) return undefined;
  return (id) => {
    const b = id < docBriefing.length ? docBriefing[id] : -1;
    if (b < 0 || (source !== undefined && b !== source)) return false;
    if (!dated) return true;
    const day = briefingDay[b];
    return day >= 0 && day >= from && day <= to;
  };
}
