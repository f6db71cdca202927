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
export const unescape = (s: string) => s.replace(/\*\*/g, "").replace(/\\([^\w\s])/g, "$1");

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
