import type { APIEmbed } from "discord.js";
import type { Answer } from "../kit/answer.ts";
import { LIMITS, renderAnswer } from "./render.ts";
import { shorten } from "../kit/shorten.ts";
import { countsLine, digestSections, type Digest, type DigestSection } from "../digest/build.ts";

/**
 * A digest as Discord messages: one embed each, rendered by the bot's ordinary renderer
 * (`renderAnswer`, which keeps every message within Discord's limits and never cuts a
 * citation), split so that no item is dropped. Each message's footer carries the digest's
 * reference (`digest <id>.<part>`), which lets a restart recognise a message already posted.
 */

/** The body of one channel message, in Discord's wire format (nonce added when posting). */
export interface DigestMessageBody {
  [key: string]: unknown;
  embeds: APIEmbed[];
  allowed_mentions: { parse: never[] };
}

/** Items per message at most; fewer when they are long. */
const MAX_ITEMS_PER_MESSAGE = 6;
const NO_PINGS = { parse: [] as never[] };

export const partRef = (digestId: string, part: number) => `digest ${digestId}.${part}`;

/** Render items [from, from+count) of a section; null when renderAnswer had to leave one out. */
function tryRender(
  answer: Omit<Answer, "items">,
  section: DigestSection,
  from: number,
  count: number,
): APIEmbed | null {
  // renderAnswer numbers items from the page offset: page 2 of size `from` starts at from+1.
  const page = from > 0 ? { page: 2, pageSize: from, total: from + count } : undefined;
  const last = from + count >= section.items.length;
  const a: Answer = {
    ...answer,
    items: section.items.slice(from, from + count),
    ...(page ? { page } : {}),
    ...(last && section.note ? { note: section.note } : {}),
  };
  const rendered = renderAnswer(a);
  if (rendered.shown[1] - rendered.shown[0] < count || rendered.message.embeds.length !== 1) return null;
  const { footer: _pageLine, ...rest } = rendered.message.embeds[0];
  return rest;
}

/** The digest's messages; `note` (when nothing is new and a note is wanted) makes a one-line message. */
export function digestMessages(digest: Digest, digestId: string, heading = "Briefings digest"): DigestMessageBody[] {
  const embeds: APIEmbed[] = [];
  if (digest.counts.briefings === 0) {
    embeds.push({ description: shorten(`No new briefings ${digest.since}.`, LIMITS.description), color: 0x2f6f9f });
  }
  for (const [s, section] of digestSections(digest).entries()) {
    for (let from = 0; from < section.items.length;) {
      const first = s === 0 && from === 0;
      const base = {
        command: "digest",
        title: shorten(`${first ? `${heading}: ` : ""}${section.title}${from > 0 ? " (continued)" : ""}`, LIMITS.title),
        ...(first ? { summary: `${countsLine(digest.counts)} — ${digest.since}` } : {}),
        json: null,
      };
      let count = Math.min(MAX_ITEMS_PER_MESSAGE, section.items.length - from);
      let embed = tryRender(base, section, from, count);
      while (!embed && count > 1) embed = tryRender(base, section, from, --count);
      if (!embed) throw new Error(`digest item ${from + 1} of "${section.title}" does not fit in a Discord message`);
      embeds.push(embed);
      from += count;
    }
  }
  return embeds.map((embed, i) => ({
    embeds: [{ ...embed, footer: { text: `${partRef(digestId, i + 1)} · message ${i + 1} of ${embeds.length}` } }],
    allowed_mentions: NO_PINGS,
  }));
}
