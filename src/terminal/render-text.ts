import { pageLine } from "../kit/page-line.ts";
import type { Answer, AnswerItem } from "../kit/answer.ts";
import type { Citation } from "../briefings/briefing.ts";

/** Terminal rendering of an Answer: numbered passages, block-quoted, with citations. */

export interface TextStyle {
  /** Wrap a matched term (bold in a colour terminal). */
  mark: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

export const PLAIN: TextStyle = { mark: (s) => `*${s}*`, dim: (s) => s, bold: (s) => s };
export const ANSI: TextStyle = {
  mark: (s) => `\x1b[1;33m${s}\x1b[0m`,
  dim: (s) => `\x1b[2m${s}\x1b[0m`,
  bold: (s) => `\x1b[1m${s}\x1b[0m`,
};

/** Apply marks ([start, end) offsets) to text. */
export function applyMarks(text: string, marks: ReadonlyArray<[number, number]>, wrap: (s: string) => string): string {
  let out = "";
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at) continue;
    out += text.slice(at, start) + wrap(text.slice(start, end));
    at = end;
  }
  return out + text.slice(at);
}

export function citationText(c: Citation): string {
  const parts = [
    c.outlet ?? "outlet unknown",
    c.title ? `"${c.title}"` : c.source,
    c.published ?? "undated",
    `¶${c.paragraph}`,
  ];
  return parts.join(", ") + (c.url ? ` — ${c.url}` : "") + ` [${c.source}]`;
}

function itemText(item: AnswerItem, number: number, style: TextStyle): string {
  switch (item.kind) {
    case "passage":
      return `${style.bold(`[${number}]`)} > ${applyMarks(item.text, item.marks, style.mark)}\n    ${style.dim(citationText(item.citation))}`;
    case "event":
      return [
        `${style.bold(`[${number}]`)} ${item.heading}`,
        ...item.facts.map(([k, v]) => `    ${k}: ${v}`),
        `    > ${item.quote}`,
        `    ${style.dim(citationText(item.citation))}`,
      ].join("\n");
    case "line":
      return `  ${item.text}`;
  }
}

export function renderText(answer: Answer, style: TextStyle = PLAIN): string {
  const lines = [style.bold(answer.title)];
  if (answer.summary) lines.push(style.dim(answer.summary));
  const offset = answer.page ? (answer.page.page - 1) * answer.page.pageSize : 0;
  answer.items.forEach((item, i) => lines.push(itemText(item, offset + i + 1, style)));
  if (answer.note) lines.push(answer.note);
  const pl = pageLine(answer);
  if (pl) lines.push(style.dim(pl));
  return lines.join("\n");
}
