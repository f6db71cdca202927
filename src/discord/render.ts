import { escapeMarkdown, type APIEmbed } from "discord.js";
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from "discord-api-types/v10";
import type { Answer, AnswerItem } from "../kit/answer.ts";
import type { Citation } from "../briefings/briefing.ts";
import { pageLine } from "../kit/page-line.ts";
import { shortenAt, shorten } from "../kit/shorten.ts";

/** Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = { title: 256, description: 4096, footer: 2048, total: 6000, content: 2000 } as const;
const ACCENT = 0x2f6f9f;

/** Never ping anyone: no @everyone, no roles, no users, not even the replied-to user. */
export const NO_MENTIONS = { parse: [] as never[], repliedUser: false };

export interface RenderedMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: typeof NO_MENTIONS;
}

export interface Buttons {
  previous?: string;
  next?: string;
  share?: string;
}

const md = (s: string) =>
  escapeMarkdown(s, { numberedList: true, bulletedList: true, heading: true, maskedLink: true });

/** Quote text with its matched terms bold, shortened to `max` characters of output. */
function quoteWithMarks(text: string, marks: ReadonlyArray<[number, number]>, max: number): string {
  let limit = max;
  for (let attempt = 0; attempt < 6; attempt++) {
    const end = shortenAt(text, limit);
    let out = "";
    let at = 0;
    for (const [s, e] of marks) {
      if (s < at || e > end) continue;
      out += md(text.slice(at, s)) + `**${md(text.slice(s, e))}**`;
      at = e;
    }
    out += md(text.slice(at, end));
    if (end < text.length) out = `${out.trimEnd()}…`;
    out = out.replace(/\n/g, " ");
    if (out.length <= max) return out;
    limit -= out.length - max + 8;
    if (limit < 20) break;
  }
  return md(shorten(text, Math.max(10, Math.floor(max / 2))));
}

/** "[1] Headline — Outlet · date · ¶n `id`", linked; compact when room is short. Never cut. */
function citationLine(c: Citation, n: number, budget: number): string {
  const link = (label: string) => (c.url ? `[${label}](${c.url.replace(/\)/g, "%29")})` : label);
  const where = [c.outlet ? md(c.outlet) : null, c.published ?? "undated", `¶${c.paragraph}`]
    .filter(Boolean)
    .join(" · ");
  const title = md(shorten(c.title ?? c.source, 90).replace(/[[\]]/g, ""));
  const full = `**[${n}]** ${link(c.url ? title : `“${title}”`)} — ${where} \`${c.source}\``;
  if (full.length <= budget / 2) return full;
  return `**[${n}]** ${link(where)}`;
}

function itemBlock(item: AnswerItem, n: number, budget: number): string {
  switch (item.kind) {
    case "passage": {
      const cite = citationLine(item.citation, n, budget);
      return `> ${quoteWithMarks(item.text, item.marks, Math.max(40, budget - cite.length - 4))}\n${cite}`;
    }
    case "event": {
      const cite = citationLine(item.citation, n, budget);
      const facts = item.facts.map(([k, v]) => `**${md(k)}:** ${md(shorten(v, 200))}`).join("\n");
      const head = `**${md(shorten(item.heading, 200))}**\n${facts}`;
      return `${head}\n> ${quoteWithMarks(item.quote, [], Math.max(40, budget - head.length - cite.length - 6))}\n${cite}`;
    }
    case "line": {
      const text = `• ${md(shorten(item.text, Math.max(40, budget - 4)))}`;
      return item.citation?.url ? `${text} ([link](${item.citation.url.replace(/\)/g, "%29")}))` : text;
    }
  }
}

/** One embed holding the answer, shortened to fit Discord's limits; citations are never cut. */
export function renderAnswer(answer: Answer, buttons: Buttons = {}): RenderedMessage {
  const title = shorten(answer.title, LIMITS.title);
  const footer = pageLine(answer) ?? undefined;
  const head = answer.summary ? `*${md(shorten(answer.summary, 300))}*\n\n` : "";
  const note = answer.note ? `\n\n${md(shorten(answer.note, 600))}` : "";
  const room =
    Math.min(LIMITS.description, LIMITS.total - title.length - (footer?.length ?? 0)) - head.length - note.length;
  const offset = answer.page ? (answer.page.page - 1) * answer.page.pageSize : 0;
  const separators = Math.max(0, answer.items.length - 1) * 2;
  const budget = answer.items.length ? Math.floor((room - separators) / answer.items.length) : room;

  const blocks: string[] = [];
  let used = 0;
  for (const [i, item] of answer.items.entries()) {
    const block = itemBlock(item, offset + i + 1, budget);
    if (used + block.length + 2 > room) break; // never send half an item
    blocks.push(block);
    used += block.length + 2;
  }
  const description = `${head}${blocks.join("\n\n")}${note}`.trim() || "Nothing to show.";
  const embed: APIEmbed = { title, description, color: ACCENT, ...(footer ? { footer: { text: footer } } : {}) };
  return { embeds: [embed], components: buttonRows(buttons, answer), allowedMentions: NO_MENTIONS };
}

function buttonRows(buttons: Buttons, answer: Answer): RenderedMessage["components"] {
  const row: APIComponentInMessageActionRow[] = [];
  const p = answer.page;
  const hasPages = p !== undefined && p.total > p.pageSize;
  if (hasPages && buttons.previous) {
    row.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: "Previous",
      custom_id: buttons.previous,
      disabled: p.page <= 1,
    });
  }
  if (hasPages && buttons.next) {
    row.push({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: "Next",
      custom_id: buttons.next,
      disabled: p.page * p.pageSize >= p.total,
    });
  }
  if (buttons.share)
    row.push({
      type: ComponentType.Button,
      style: ButtonStyle.Primary,
      label: "Share to channel",
      custom_id: buttons.share,
    });
  return row.length ? [{ type: ComponentType.ActionRow, components: row }] : [];
}

/** A short plain message (errors, notices): ephemeral by the caller, never pinging. */
export function renderNotice(text: string): { content: string; allowedMentions: typeof NO_MENTIONS } {
  return { content: shorten(text, LIMITS.content), allowedMentions: NO_MENTIONS };
}
