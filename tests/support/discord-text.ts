import type { APIEmbed } from "discord-api-types/v10";

/**
 * Reading what the bot sent to Discord as a person would: the text of a message, the passages and quotes it shows,
 * with Discord's markdown escapes and bold marks taken off again.
 */
export interface SentMessage {
  content?: string | null;
  embeds?: APIEmbed[];
  components?: unknown[];
}

/** Every piece of text a person reads in a message. */
export function messageText(m: SentMessage): string {
  const parts = [m.content ?? ""];
  for (const e of m.embeds ?? []) {
    parts.push(e.author?.name ?? "", e.title ?? "", e.description ?? "", e.footer?.text ?? "");
  }
  return parts.filter(Boolean).join("\n");
}

/** Text as Discord shows it: escapes undone, bold marks gone. */
export const unescape = (s: string) => s.replace(/\*\*/g, "").replace(/\\([^a-zA-Z0-9\s])/g, "$1");

/** Every block quote line, as shown, with its "…" window marks. */
export function quotes(m: SentMessage): string[] {
  return (m.embeds ?? []).flatMap((e) =>
    (e.description ?? "")
      .split("\n")
      .filter((l) => l.startsWith("> "))
      .map((l) => unescape(l.slice(2))),
  );
}

/** The item numbers shown ("**[7]**"), in order. */
export function numbersShown(m: SentMessage): number[] {
  return [...messageText(m).matchAll(/\*\*\[(\d+)\]\*\*/g)].map((x) => Number(x[1]));
}

/** The footer's "Showing a–b of n" range, or null. */
export function footerRange(m: SentMessage): { first: number; last: number; total: number } | null {
  const footer = m.embeds?.at(-1)?.footer?.text ?? "";
  const r = /^Showing (\d+)(?:–(\d+))? of (\d+)/.exec(footer);
  return r ? { first: Number(r[1]), last: Number(r[2] ?? r[1]), total: Number(r[3]) } : null;
}

/** A quote's text without the "…" that mark where a window cuts its paragraph. */
export const unwindowed = (q: string) => q.replace(/^…/, "").replace(/…$/, "");

/** The message's buttons: label, custom_id, disabled. */
export function buttonsOf(m: SentMessage): Array<{ label: string; custom_id: string; disabled?: boolean }> {
  const row = m.components?.[0] as { components?: Array<{ label: string; custom_id: string; disabled?: boolean }> };
  return row?.components ?? [];
}

/** Marks of the other renderers' syntax that must not reach Discord. */
export const TERMINAL_SYNTAX = /\\`|(?<![\w-])--[a-z]+/;

/** A message's text without its block quotes (the briefings' own words, which may say anything). */
function ownWords(m: SentMessage): string {
  return messageText(m)
    .split("\n")
    .filter((l) => !l.startsWith("> "))
    .join("\n");
}

/** Counts a person reads with the wrong plural ("1 paragraphs"). */
const WRONG_PLURAL =
  /(?<![\d.,])1 (paragraph|briefing|meeting|pledge|result|mention|request|agreement|neighbour|message|person)s\b/;

/** Full event citations ("— [headline](url) · outlet · date · ¶n") per address: a briefing is cited in full once. */
function fullCitations(m: SentMessage): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of m.embeds ?? []) {
    for (const x of (e.description ?? "").matchAll(/^— \[[^\]]*\]\(([^)]+)\) · /gm)) {
      counts.set(x[1], (counts.get(x[1]) ?? 0) + 1);
    }
  }
  return counts;
}

/** The lines of each event block (a bold heading, then its quote) in a message. */
function eventBlocks(m: SentMessage): string[][] {
  return (m.embeds ?? [])
    .flatMap((e) => (e.description ?? "").split("\n\n"))
    .map((b) => b.split("\n"))
    .filter((lines) => /^\*\*[^[]/.test(lines[0]) && lines.some((l) => l.startsWith("> ")));
}

/**
 * What a reader of a Discord message would trip over, each in a few words (none for a message that reads well):
 * machine dates, wrong plurals, debug-like headers, blank gaps, a footer that counts what is all there, a briefing
 * cited twice, event blocks that say things twice, link text "(link)", actor labels in brackets.
 */
export function readingProblems(m: SentMessage): string[] {
  const problems: string[] = [];
  const words = ownWords(m);
  const say = (bad: boolean, what: string) => bad && problems.push(what);
  say(/\b\d{4}-\d{2}-\d{2}\b/.test(words), "an ISO date");
  say(/\b\d{1,2}:\d{2}:\d{2}\b|T\d{2}:\d{2}/.test(words), "a machine time");
  say(WRONG_PLURAL.test(words), "a wrong plural");
  say(/\b0 \w+(, \w+)*, newest first|'s options/.test(words), "a count or possessive that reads as debug output");
  say(/^\*\*\w+ — \w+: /m.test(m.content ?? ""), "a header like debug output (command — option: value)");
  const texts = [m.content ?? "", ...(m.embeds ?? []).map((e) => e.description ?? "")];
  say(
    texts.some((t) => /\n\s*\n\s*\n/.test(t) || /^\s*\n/.test(t)),
    "blank lines in a row",
  );
  const range = footerRange(m);
  say(range !== null && range.first === 1 && range.last >= range.total, "a footer counting everything shown");
  const titles = (m.embeds ?? []).map((e) => e.title).filter(Boolean);
  say(new Set(titles).size !== titles.length, "a headline twice");
  say(
    [...fullCitations(m).values()].some((n) => n > 1),
    "a briefing cited in full twice",
  );
  say(
    eventBlocks(m).some((lines) => lines.length > 4),
    "an event block over four lines",
  );
  say(/\(link\)|\]\(link\)|\(per [A-Z]/.test(words), "'(link)' or an actor label in brackets");
  return problems;
}
