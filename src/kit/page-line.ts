import type { Answer } from "./answer.ts";

/** Where an answer's items are counted from: the page offset, and the total when it is paged. */
function counted(answer: Answer): { offset: number; total: number } {
  const p = answer.page;
  if (!p) return { offset: 0, total: answer.items.length };
  const offset = (p.page - 1) * p.pageSize;
  return { offset, total: Math.max(p.total, offset + answer.items.length) };
}

/**
 * "Showing 6–10 of 34 · +24 more": which items one rendering shows — `count` items from index `start` of the
 * answer's items — for every renderer; null when it shows them all (the answer says how many) or none.
 */
export function shownLine(answer: Answer, start: number, count: number): string | null {
  const { offset, total } = counted(answer);
  if (count <= 0) return null;
  const first = offset + start + 1;
  const last = offset + start + count;
  if (first === 1 && last >= total) return null;
  const range = first === last ? `${first}` : `${first}–${last}`;
  return `Showing ${range} of ${total}${last < total ? ` · +${total - last} more` : ""}`;
}

/** The same for an answer shown whole (the terminal): null when it is not paged or shows everything. */
export function pageLine(answer: Answer): string | null {
  return shownLine(answer, 0, answer.items.length);
}
