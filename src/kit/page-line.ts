import type { Answer } from "./answer.ts";

/** "results 11–20 of 34": the page an answer shows, for every renderer; null when it is not paged. */
export function pageLine(answer: Answer): string | null {
  const p = answer.page;
  if (!p || p.total === 0) return null;
  const first = (p.page - 1) * p.pageSize + 1;
  const last = Math.min(p.total, p.page * p.pageSize);
  if (first > p.total) return null;
  return `results ${first}–${last} of ${p.total}`;
}
