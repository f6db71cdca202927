import type { Moment } from "../kit/answer.ts";
import type { TextWindow } from "../kit/window.ts";
import { findCommand } from "../../commands/index.ts";

/** Discord markdown for the renderer: escaping, marked quotes, and command lines in slash syntax. */

/**
 * Text shown as written, on one line: every character Discord reads as markdown escaped (bold, italics, underline,
 * strike, code, spoilers, masked links; a heading, list or quote marker at the start), so that a quote reads
 * exactly as the briefing has it. (discord.js's escapeMarkdown does the same but is too slow to run for every window
 * size the layout budget tries.)
 */
export const md = (s: string) =>
  s
    .replace(/\n+/g, " ")
    .replace(/[\\*_~`|[\]]/g, "\\$&")
    .replace(/^(\s*)(#{1,3} |-# |[-+*>] )/, "$1\\$2")
    .replace(/^(\s*\d+)\. /, "$1\\. ");

/** A moment as Discord shows it to each reader, in their own zone: "12 June 2024 08:00 (in 3 hours)". */
export function discordTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `<t:${s}:f> (<t:${s}:R>)`;
}

/** Text escaped by `escape`, the words in it that name `moment` shown as Discord's time in each reader's zone. */
export function withMoment(text: string, moment: Moment | undefined, escape: (s: string) => string = md): string {
  const at = moment ? text.indexOf(moment.text) : -1;
  const ms = moment ? Date.parse(moment.at) : NaN;
  if (!moment || at < 0 || Number.isNaN(ms)) return escape(text);
  const after = text.slice(at + moment.text.length);
  return `${escape(text.slice(0, at))}${discordTime(ms)}${after ? escape(after) : ""}`;
}

/** A link with a label, safe for Discord's masked-link syntax. */
export function link(label: string, url: string | null): string {
  if (!url) return label;
  return `[${label.replace(/[[\]]/g, "")}](${url.replace(/\)/g, "%29")})`;
}

/** A window of a paragraph with its marks bold and "…" where it cuts the paragraph. */
export function markedQuote(w: TextWindow): string {
  let out = "";
  let at = 0;
  for (const [s, e] of w.marks) {
    if (s < at) continue;
    out += md(w.text.slice(at, s)) + `**${md(w.text.slice(s, e))}**`;
    at = e;
  }
  out += md(w.text.slice(at));
  return `${w.cutStart ? "…" : ""}${out}${w.cutEnd ? "…" : ""}`;
}

/** Split a command line into words, keeping "quoted words" together (quotes dropped). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/**
 * A command line as the terminal takes it (`meetings --who "Sar Kheng"`, `search cybercrime UK`) in Discord's slash
 * syntax (`/meetings who:Sar Kheng`, `/search query:cybercrime UK`); null when it names no command.
 */
export function slashSyntax(line: string): string | null {
  const [name, ...rest] = words(line.trim());
  const command = name ? findCommand(name) : undefined;
  if (!command) return null;
  const parts: string[] = [];
  const bare: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const option = /^--([a-z-]+)$/.exec(rest[i]);
    if (option) {
      const value = rest[i + 1] !== undefined && !rest[i + 1].startsWith("--") ? rest[++i] : "true";
      parts.push(`${option[1]}:${value}`);
    } else bare.push(rest[i]);
  }
  const positional = command.options.find((o) => o.positional);
  if (bare.length && positional) parts.unshift(`${positional.name}:${bare.join(" ")}`);
  return [`/${command.name}`, ...parts].join(" ");
}

/**
 * Prose from a command (a note, a summary) for Discord: `code spans` naming a command become that command in slash
 * syntax, kept as code; *words in asterisks* stay italic; everything else is escaped so it reads as written.
 */
export function prose(text: string): string {
  return text
    .split(/(`[^`]+`|\*[^*\s](?:[^*]*[^*\s])?\*)/)
    .map((part) => {
      if (/^\*[^*]+\*$/.test(part)) return `*${md(part.slice(1, -1))}*`;
      if (!/^`[^`]+`$/.test(part)) return md(part);
      const inner = part.slice(1, -1);
      return `\`${slashSyntax(inner) ?? inner}\``;
    })
    .join("");
}
