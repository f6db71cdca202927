import type { APIEmbed } from "discord.js";
import { countsLine, digestEventItems, type Digest, type DigestBriefing } from "../digest/build.ts";
import { humanDate } from "../kit/human-date.ts";
import { plural } from "../kit/plural.ts";
import { shorten } from "../kit/shorten.ts";
import { ACCENT, embedChars, LIMITS } from "./layout.ts";
import { md, prose, withMoment } from "./markdown.ts";

/**
 * A digest as Discord messages, one where it fits: a content line with the counts, one embed per briefing (the
 * headline as the linked title, the outlet as author, the lead as description, a footer with its date and events),
 * then one compact embed of the meetings and pledges in them, one line each. A digest that outgrows one message
 * (10 embeds, 6,000 characters) continues in the next, never dropping an item.
 *
 * Each message carries the digest's reference where people do not read it: in the link of its first embed's author
 * line (the briefing's own address with a `#digest-…` fragment), which lets a restart recognise a message already
 * posted when reading the channel's history.
 */

/** The body of one channel message, in Discord's wire format (nonce added when posting). */
export interface DigestMessageBody {
  [key: string]: unknown;
  content?: string;
  embeds: APIEmbed[];
  allowed_mentions: { parse: never[] };
}

const NO_PINGS = { parse: [] as never[] };
/** Where the reference goes when the briefing has no address of its own. */
const NO_ADDRESS = "https://briefings.invalid/digest";

export const partRef = (digestId: string, part: number) => `digest-${digestId}.${part}`;

/**
 * The reference a message carries, from the link of any of its embeds' author lines: [digest id, part]. A message
 * posted by an earlier version carried it in its footer ("digest <id>.<part> · message 1 of 3"); that is still read,
 * so that a digest recorded before an upgrade is not posted twice.
 */
export function refIn(
  embeds: ReadonlyArray<{ author?: { url?: string }; footer?: { text?: string } }> | undefined,
): [string, number] | null {
  for (const e of embeds ?? []) {
    const m =
      /#digest-([0-9a-z]+)\.(\d+)$/.exec(e.author?.url ?? "") ??
      /^digest ([0-9a-f]{16})\.(\d+) ·/.exec(e.footer?.text ?? "");
    if (m) return [m[1], Number(m[2])];
  }
  return null;
}

function briefingEmbed(digest: Digest, b: DigestBriefing): APIEmbed {
  const meetings = digest.meetings.filter((m) => m.source === b.id).length;
  const pledges = digest.pledges.filter((p) => p.source === b.id).length;
  const footer = [
    `Published ${humanDate(b.published)}`,
    ...(meetings ? [plural(meetings, "meeting")] : []),
    ...(pledges ? [plural(pledges, "pledge")] : []),
  ].join(" · ");
  return {
    title: shorten(b.title ?? "Untitled briefing", LIMITS.title),
    ...(b.url ? { url: b.url } : {}),
    author: { name: shorten(b.outlet ?? "Briefing", LIMITS.author) },
    description: md(b.lead) || "(no text)",
    footer: { text: footer },
    color: ACCENT,
  };
}

/** The meetings and pledges, one line each, pointing at their briefing above; split when longer than an embed. */
function eventEmbeds(digest: Digest): APIEmbed[] {
  const { items, notes } = digestEventItems(digest);
  if (items.length === 0) return [];
  const headline = (source: string) => digest.briefings.find((b) => b.id === source)?.title ?? "the briefing";
  const lines = items.map((item) => {
    const what = item.facts.find(([k]) => k === "What" || k === "Asked")?.[1];
    const line = `${item.heading}${what ? `: ${shorten(what, 110)}` : ""}`;
    return `• ${md(shorten(line, 300))} — *${md(shorten(headline(item.citation.source), 50))}*, ¶${item.citation.paragraph}`;
  });
  const texts = [...lines, ...notes.map((n) => prose(n))];
  const embeds: APIEmbed[] = [];
  let current = "";
  for (const text of texts) {
    if (current && current.length + text.length + 1 > LIMITS.description) {
      embeds.push({ description: current, color: ACCENT });
      current = "";
    }
    current = current ? `${current}\n${text}` : text;
  }
  embeds.push({ description: current, color: ACCENT });
  embeds[0].author = { name: "Meetings and pledges in these briefings" };
  return embeds;
}

/** Embeds into messages of at most 10 embeds and 6,000 characters, in order. */
function intoMessages(embeds: APIEmbed[]): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  for (const e of embeds) {
    const next = [...current, e];
    if (current.length && (next.length > LIMITS.embeds || embedChars(next) > LIMITS.total)) {
      messages.push(current);
      current = [e];
    } else current = next;
  }
  if (current.length) messages.push(current);
  return messages;
}

/** The reference in the first embed's author link: the briefing's address with a fragment, never shown as text. */
function withRef(embeds: APIEmbed[], digestId: string, part: number): APIEmbed[] {
  const [first, ...rest] = embeds;
  const base = (first.url ?? NO_ADDRESS).replace(/#.*$/, "");
  const author = { name: first.author?.name ?? "Briefings digest", url: `${base}#${partRef(digestId, part)}` };
  return [{ ...first, author }, ...rest];
}

/** "Since the last digest, …": words that start a line. */
const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** The digest's messages; when nothing is new (and a note is wanted), one short message saying so. */
export function digestMessages(digest: Digest, digestId: string, heading = "Briefings digest"): DigestMessageBody[] {
  const embeds: APIEmbed[] = [];
  if (digest.counts.briefings === 0) {
    const none = withMoment(`No new briefings ${digest.since}.`, digest.sinceMoment);
    embeds.push({ description: shorten(none, LIMITS.description), color: ACCENT });
  }
  embeds.push(...digest.briefings.map((b) => briefingEmbed(digest, b)), ...eventEmbeds(digest));
  const content = shorten(
    `**${md(heading)}** · ${countsLine(digest.counts)}\n${withMoment(sentence(digest.since), digest.sinceMoment)}`,
    LIMITS.content,
  );
  return intoMessages(embeds).map((group, i) => ({
    ...(i === 0 && digest.counts.briefings > 0 ? { content } : {}),
    embeds: withRef(group, digestId, i + 1),
    allowed_mentions: NO_PINGS,
  }));
}
