import type { APIEmbed } from "discord.js";
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from "discord-api-types/v10";
import type { Answer, NextStep } from "../kit/answer.ts";
import { present } from "../kit/present.ts";
import { shownLine } from "../kit/page-line.ts";
import { stepLine } from "../kit/next-step.ts";
import { shorten } from "../kit/shorten.ts";
import { ACCENT, blockEmbeds, fits, LIMITS, noteText } from "./layout.ts";
import { md, prose } from "./markdown.ts";

export { LIMITS } from "./layout.ts";

/**
 * An Answer as one Discord message, laid out within Discord's limits by a budget: the renderer decides how many of
 * the answer's items fit (up to 10 embeds and 6,000 characters), quoting each as fully as the room allows, and
 * never drops an item silently — the footer says which items it shows, and Next starts at the first it did not.
 */

/** Never ping anyone: no @everyone, no roles, no users, not even the replied-to user. */
export const NO_MENTIONS = { parse: [] as never[], repliedUser: false };

export interface RenderedMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: typeof NO_MENTIONS;
}

/** Where a message starts in an answer: its command page, and how many of that page's items come before it. */
export interface Place {
  page: number;
  /** Items of the page shown before this message; -1: the page's last message. */
  skip: number;
}

export interface Buttons {
  /** The custom_id of a button showing that place. */
  go?: (place: Place) => string;
  /** The custom_id of a button running an empty answer's next step. */
  run?: (step: NextStep) => string;
  share?: string;
}

export interface Rendered {
  message: RenderedMessage;
  /** The items shown, as [first, end) indexes into the answer's items. */
  shown: [number, number];
}

/** Shortest quote window tried before an item is left for the next message. */
const MIN_CAP = 160;

/** The answer's title in bold and its summary — the title left out where the first embed already has it as its own. */
function contentOf(answer: Answer, embeds: readonly APIEmbed[]): string {
  const title = shorten(answer.title, 200);
  const summary = answer.summary ? prose(shorten(answer.summary, 600)) : "";
  const head = embeds[0]?.title === title && summary ? "" : `**${md(title)}**`;
  return shorten([head, summary].filter(Boolean).join("\n"), LIMITS.content);
}

/** The embeds for items [start, start+count) with quotes of at most `cap` characters, the note and footer added. */
function layout(answer: Answer, start: number, count: number, cap: number): APIEmbed[] {
  const offset = answer.page ? (answer.page.page - 1) * answer.page.pageSize : 0;
  const items = answer.items.slice(start, start + count);
  const embeds = blockEmbeds(
    present(items, offset + start + 1, () => cap),
    cap,
  );
  const last = start + count >= answer.items.length;
  if (answer.note && last) {
    const note = noteText(answer.note);
    const tail = embeds.at(-1);
    if (items.length === 0 || !tail) embeds.push({ color: ACCENT, description: note });
    else tail.description = `${tail.description ?? ""}\n\n${note}`.trim();
  }
  if (embeds.length === 0) embeds.push({ color: ACCENT, description: "Nothing to show." });
  const footer = shownLine(answer, start, items.length);
  if (footer) embeds[embeds.length - 1] = { ...embeds.at(-1)!, footer: { text: footer } };
  return embeds;
}

/** The largest quote length (≥ MIN_CAP) with which `count` items fit; null when they do not fit at all. */
function bestCap(answer: Answer, start: number, count: number): number | null {
  if (!fits(layout(answer, start, count, MIN_CAP))) return null;
  const longest = Math.max(MIN_CAP, ...answer.items.slice(start, start + count).map(itemLength));
  if (fits(layout(answer, start, count, longest))) return longest;
  let [lo, hi] = [MIN_CAP, longest];
  while (hi - lo > 20) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(layout(answer, start, count, mid))) lo = mid;
    else hi = mid;
  }
  return lo;
}

const itemLength = (item: Answer["items"][number]) =>
  item.kind === "passage" ? item.text.length : item.kind === "event" ? item.quote.length : item.text.length;

/** How many items from `start` one message holds (at least one), and the quote length to use. */
export function fitFrom(answer: Answer, start: number): { count: number; cap: number } {
  const left = answer.items.length - start;
  if (left <= 0) return { count: 0, cap: MIN_CAP };
  // More items never fit where fewer do not: search for the most that fit with the shortest quotes.
  let [lo, hi] = [1, left];
  if (fits(layout(answer, start, hi, MIN_CAP))) lo = hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(layout(answer, start, mid, MIN_CAP))) lo = mid;
    else hi = mid;
  }
  return { count: lo, cap: bestCap(answer, start, lo) ?? 60 };
}

/** Where each message of an answer's page starts, when the page is read from its first item. */
export function messageStarts(answer: Answer): number[] {
  const starts = [0];
  for (let at = 0; ;) {
    at += Math.max(1, fitFrom(answer, at).count);
    if (at >= answer.items.length) return starts;
    starts.push(at);
  }
}

/** The answer from `skip` (the page's last message for -1) as one message, with paging and share buttons. */
export function renderAnswer(shown: Answer, buttons: Buttons = {}, skip = 0): Rendered {
  const answer = buttons.run ? shown : withStepInNote(shown);
  const starts = skip < 0 || skip > 0 ? messageStarts(answer) : [0];
  const start = skip < 0 ? starts.at(-1)! : Math.min(skip, Math.max(0, answer.items.length - 1));
  const { count, cap } = fitFrom(answer, start);
  const embeds = layout(answer, start, count, cap);
  const before = starts.filter((s) => s < start).at(-1);
  const message: RenderedMessage = {
    content: contentOf(answer, embeds),
    embeds,
    components: buttonRows(answer, buttons, { start, count, before }),
    allowedMentions: NO_MENTIONS,
  };
  return { message, shown: [start, start + count] };
}

/** Where no button can run an empty answer's next step (a reply to a mention), the note says what to type. */
function withStepInNote(answer: Answer): Answer {
  if (!answer.next) return answer;
  return { ...answer, note: [answer.note, `Next: \`${stepLine(answer.next)}\`.`].filter(Boolean).join(" ") };
}

function button(label: string, id: string, disabled: boolean, primary = false): APIComponentInMessageActionRow {
  const style = primary ? ButtonStyle.Primary : ButtonStyle.Secondary;
  return { type: ComponentType.Button, style, label, custom_id: id, disabled };
}

/** Previous and Next from what this message shows; an empty answer's next step; Share when the answer is private. */
function buttonRows(
  answer: Answer,
  buttons: Buttons,
  at: { start: number; count: number; before: number | undefined },
): RenderedMessage["components"] {
  const row: APIComponentInMessageActionRow[] = [];
  const page = answer.page?.page ?? 1;
  const laterPages = answer.page !== undefined && page * answer.page.pageSize < answer.page.total;
  const moreHere = at.start + at.count < answer.items.length;
  if (buttons.go && (moreHere || laterPages || at.start > 0 || page > 1)) {
    const previous: Place | null =
      at.start > 0 ? { page, skip: at.before ?? 0 } : page > 1 ? { page: page - 1, skip: -1 } : null;
    const next: Place | null = moreHere
      ? { page, skip: at.start + at.count }
      : laterPages
        ? { page: page + 1, skip: 0 }
        : null;
    // A disabled button is never pressed, but its custom_id must still differ from the other's.
    row.push(button("Previous", previous ? buttons.go(previous) : "none|previous", previous === null));
    row.push(button("Next", next ? buttons.go(next) : "none|next", next === null));
  }
  if (answer.next && buttons.run)
    row.push(button(shorten(answer.next.label, 80), buttons.run(answer.next), false, true));
  if (buttons.share) row.push(button("Share to channel", buttons.share, false, true));
  return row.length ? [{ type: ComponentType.ActionRow, components: row }] : [];
}

/** A short plain message (errors, notices): ephemeral by the caller, never pinging. */
export function renderNotice(text: string): { content: string; allowedMentions: typeof NO_MENTIONS } {
  return { content: shorten(prose(text), LIMITS.content), allowedMentions: NO_MENTIONS };
}
