import { pageLine } from "../kit/page-line.ts";
import type { Answer, NextStep } from "../kit/answer.ts";
import { stepLine } from "../kit/next-step.ts";
import { findCommand } from "../../commands/index.ts";
import { present, type Block, type BriefingHead, type EventBlock, type GroupBlock } from "../kit/present.ts";
import type { TextWindow } from "../kit/window.ts";
import { shorten } from "../kit/shorten.ts";

/**
 * Terminal rendering of an Answer, from the presentation model every renderer shares: passages grouped under their
 * briefing (headline, outlet, date and link once), events as a heading, the quote and the citation. Bold and colour
 * only on a terminal that wants them; piped output is plain text whose quotes are the briefings' own characters.
 */

export interface TextStyle {
  /** Wrap a matched term (bold yellow in a colour terminal; nothing when piped). */
  mark: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
  /** Whether long paragraphs are shown as a window around their first marked word (a person reading). */
  windows: boolean;
}

const same = (s: string) => s;
export const PLAIN: TextStyle = { mark: same, dim: same, bold: same, windows: false };
export const ANSI: TextStyle = {
  mark: (s) => `\x1b[1;33m${s}\x1b[0m`,
  dim: (s) => `\x1b[2m${s}\x1b[0m`,
  bold: (s) => `\x1b[1m${s}\x1b[0m`,
  windows: true,
};
/** A terminal without colour (NO_COLOR): windows for a person reading, but no escape codes. */
export const MONO: TextStyle = { ...PLAIN, windows: true };

/** The style for an output stream: colour only on a terminal, and not when NO_COLOR is set. */
export function styleFor(output: { isTTY?: boolean }, noColor = false): TextStyle {
  return output.isTTY ? (noColor ? MONO : ANSI) : PLAIN;
}

/** How much of a long paragraph a person reading in a terminal is shown around its first marked word. */
const WINDOW = 700;

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

const windowText = (w: TextWindow, style: TextStyle) =>
  `${w.cutStart ? "…" : ""}${applyMarks(w.text, w.marks, style.mark)}${w.cutEnd ? "…" : ""}`;

/** "Headline — Outlet · 24 Jan 2024": a briefing as cited. */
export function headText(h: BriefingHead): string {
  const title = h.title ? `"${h.title}"` : "(no headline)";
  return [title, [h.outlet ?? "outlet unknown", h.date].join(" · ")].join(" — ");
}

function groupText(g: GroupBlock, style: TextStyle): string[] {
  const lines = [style.bold(headText(g.head)), ...(g.head.url ? [style.dim(g.head.url)] : [])];
  for (const p of g.passages) {
    const label = `[${p.n}] ¶${p.paragraph}${p.asked ? "  ← the paragraph asked for" : ""}`;
    lines.push(`  ${p.asked ? style.bold(label) : style.dim(label)}`, `  ${windowText(p.window, style)}`);
    if (p.unmarked) lines.push(style.dim("  (found through its headline or a related word)"));
  }
  return lines;
}

function eventText(e: EventBlock, style: TextStyle): string[] {
  const where = e.sameAsPrevious
    ? `¶${e.paragraph}, same briefing as above`
    : e.sameBriefingAs !== null
      ? `¶${e.paragraph} of "${shorten(e.head.title ?? "the briefing above", 60)}"`
      : `${headText(e.head)} · ¶${e.paragraph}${e.head.url ? ` · ${e.head.url}` : ""}`;
  return [
    style.bold(`[${e.n}] ${e.heading}`),
    ...e.facts.map(([k, v]) => `    ${k}: ${v}`),
    `    ${e.quote}`,
    style.dim(`    — ${where}`),
  ];
}

function blockText(b: Block, style: TextStyle): string[] {
  switch (b.kind) {
    case "group":
      return groupText(b, style);
    case "event":
      return eventText(b, style);
    case "line":
      return [`  ${b.text}${b.id ? `  [${b.id}]` : ""}`];
  }
}

/** "search grey list (search without the filters)": the next step as a command line to type, and what it does. */
function nextLine(step: NextStep): string {
  const positional = findCommand(step.command)?.options.find((o) => o.positional)?.name;
  return `${stepLine(step, positional)}  (${step.label.charAt(0).toLowerCase()}${step.label.slice(1)})`;
}

export function renderText(answer: Answer, style: TextStyle = PLAIN): string {
  const lines = [style.bold(answer.title)];
  if (answer.summary) lines.push(style.dim(answer.summary));
  const offset = answer.page ? (answer.page.page - 1) * answer.page.pageSize : 0;
  const size = () => (style.windows && answer.command !== "source" ? WINDOW : Infinity);
  const blocks = present(answer.items, offset + 1, size);
  for (const [i, b] of blocks.entries()) {
    if (b.kind !== "line" || (i > 0 && blocks[i - 1].kind !== "line")) lines.push("");
    lines.push(...blockText(b, style));
  }
  if (answer.note) lines.push("", answer.note);
  if (answer.next) lines.push(`${answer.note ? "" : "\n"}Next step: ${nextLine(answer.next)}`);
  const pl = pageLine(answer);
  if (pl) lines.push(style.dim(pl));
  return lines.join("\n");
}
