import type { APIEmbed } from "discord.js";
import { ApplicationCommandOptionType, type RESTPostAPIApplicationCommandsJSONBody } from "discord-api-types/v10";
import { commandDefinitions } from "./definitions.ts";
import type { Block, EventBlock, GroupBlock, LineBlock, PassageView } from "../kit/present.ts";
import { shorten } from "../kit/shorten.ts";
import { windowAround } from "../kit/window.ts";
import { link, markedQuote, md, prose, withMoment } from "./markdown.ts";

/**
 * Blocks of the presentation model as Discord embeds: one embed per briefing a passage comes from (its headline as
 * the linked title, outlet and date as the author line, then each passage with its ¶), events and lines packed into
 * plain embeds. `cap` bounds every quote (a verbatim window with "…" at its cut ends) so that the caller can fit
 * more items by quoting less of each.
 */

/** Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  title: 256,
  description: 4096,
  footer: 2048,
  author: 256,
  total: 6000,
  content: 2000,
  embeds: 10,
} as const;
export const ACCENT = 0x2f6f9f;

function passageText(p: PassageView): string {
  const label = `**[${p.n}]** ¶${p.paragraph}${p.asked ? " · the paragraph asked for" : ""}`;
  const hint = p.unmarked ? "\n*Found through its headline or a related word.*" : "";
  return `${label}\n> ${markedQuote(p.window)}${hint}`;
}

function eventText(e: EventBlock, cap: number): string {
  const facts = e.facts.map(([k, v]) => `${md(k)}: ${md(shorten(v, 200))}`).join(" · ");
  const quote = markedQuote(windowAround(e.quote, [], cap));
  const where = e.sameAsPrevious
    ? `¶${e.paragraph}, same briefing as above`
    : e.sameBriefingAs !== null
      ? `¶${e.paragraph} of ${link(`*${md(shorten(e.head.title ?? "the briefing above", 60))}*`, e.head.url)}`
      : `${link(md(shorten(e.head.title ?? e.head.outlet ?? "the briefing", 120)), e.head.url)}` +
        `${e.head.outlet && e.head.title ? ` · ${md(e.head.outlet)}` : ""} · ${e.head.date} · ¶${e.paragraph}`;
  return [`**${md(shorten(e.heading, 250))}**`, ...(facts ? [facts] : []), `> ${quote}`, `— ${where}`].join("\n");
}

/** What Discord offers, by command name: the definitions deploy-commands registers. */
let offered: Map<string, RESTPostAPIApplicationCommandsJSONBody> | null = null;

/** A help line: the command as Discord offers it — slash syntax, required options as code, subcommands named. */
function commandLine(line: LineBlock): string | null {
  offered ??= new Map(commandDefinitions().map((d) => [d.name, d]));
  const definition = line.command ? offered.get(line.command) : undefined;
  if (!definition || !("options" in definition) || !definition.description) return null;
  const options = (definition.options ?? []) as Array<{ name: string; type: number; required?: boolean }>;
  const subcommands = options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand).map((o) => o.name);
  const required = options.filter((o) => o.required).map((o) => ` \`${o.name}\``);
  const optional = options.filter((o) => !o.required && o.type !== ApplicationCommandOptionType.Subcommand);
  const more = optional.length ? ` · options: ${optional.map((o) => o.name).join(", ")}` : "";
  const subs = subcommands.length ? ` ${subcommands.join(" · ")}` : "";
  return `**/${definition.name}**${subs}${required.join("")} — ${md(definition.description)}${more}`;
}

function lineText(line: LineBlock, cap: number): string {
  const asCommand = commandLine(line);
  if (asCommand) return `• ${asCommand}`;
  const text = shorten(line.text, Math.max(60, cap));
  const linked = line.link && line.url && text.startsWith(line.link) ? line.link : null;
  const body = linked ? `${link(md(linked), line.url)}${md(text.slice(linked.length))}` : withMoment(text, line.moment);
  return `• ${body}${line.id ? ` · \`${line.id}\`` : ""}`;
}

/** A briefing's passages: its embed(s), the headline linked once; a long group continues in an untitled embed. */
function groupEmbeds(g: GroupBlock): APIEmbed[] {
  const title = shorten(g.head.title ?? g.head.outlet ?? "Untitled briefing", LIMITS.title);
  const author = [g.head.outlet, g.head.date].filter(Boolean).join(" · ");
  const first: APIEmbed = {
    title,
    ...(g.head.url ? { url: g.head.url } : {}),
    author: { name: shorten(author, LIMITS.author) },
    color: ACCENT,
  };
  return packed(
    g.passages.map((p) => ({ text: passageText(p) })),
    first,
  );
}

/** A text and what separates it from the one before: a blank line, or a line break between list lines. */
type Piece = { text: string; tight?: boolean };

/** Texts joined into as few embeds as hold them, the first starting from `first`. */
function packed(pieces: Piece[], first: APIEmbed = { color: ACCENT }): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let current: APIEmbed = { ...first };
  for (const { text, tight } of pieces) {
    const joined = current.description ? `${current.description}${tight ? "\n" : "\n\n"}${text}` : text;
    if (joined.length > LIMITS.description && current.description) {
      embeds.push(current);
      current = { color: ACCENT, description: text };
    } else current.description = joined;
  }
  embeds.push(current);
  return embeds;
}

/** The embeds for blocks, with quotes at most `cap` characters long. */
export function blockEmbeds(blocks: readonly Block[], cap: number): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  let loose: Piece[] = [];
  const flush = () => {
    if (loose.length) embeds.push(...packed(loose));
    loose = [];
  };
  for (const b of blocks) {
    if (b.kind === "group") {
      flush();
      embeds.push(...groupEmbeds(b));
    } else if (b.kind === "event") loose.push({ text: eventText(b, cap) });
    else loose.push({ text: lineText(b, cap), tight: loose.length > 0 });
  }
  flush();
  return embeds;
}

/** A note below the items, in Discord's words: commands named in slash syntax. */
export const noteText = (note: string) => prose(shorten(note, 900));

/** The characters Discord counts towards a message's 6,000. */
export function embedChars(embeds: readonly APIEmbed[]): number {
  return embeds.reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0),
    0,
  );
}

/** Whether embeds are within every limit of one message. */
export function fits(embeds: readonly APIEmbed[]): boolean {
  return (
    embeds.length <= LIMITS.embeds &&
    embedChars(embeds) <= LIMITS.total &&
    embeds.every((e) => (e.description?.length ?? 0) <= LIMITS.description && (e.title?.length ?? 0) <= LIMITS.title)
  );
}
