import type { APIEmbed, APIMessage } from "discord-api-types/v10";

/**
 * A message the bot sent, as HTML that looks the way Discord shows it (dark theme): content, embeds with their colour
 * bar, author line, linked title, description markdown (bold, italics, links, code, block quotes), footer and
 * buttons, styled by discord.css beside this file. Only the markdown the bot writes is understood; it is a picture
 * for people, not a Discord clone.
 */

const html = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const MONTHS = "January February March April May June July August September October November December".split(" ");

/** A Discord timestamp as Discord shows it (here in UTC): "2 December 2026 01:30", or "3 hours ago" for :R. */
function timeText(seconds: number, style: string): string {
  const at = new Date(seconds * 1000);
  if (style !== "R") {
    const hm = at.toISOString().slice(11, 16);
    return `${at.getUTCDate()} ${MONTHS[at.getUTCMonth()]} ${at.getUTCFullYear()} ${hm}`;
  }
  const ago = Math.round((Date.now() - at.getTime()) / 60_000);
  const [n, unit] =
    Math.abs(ago) < 60
      ? [Math.abs(ago), "minute"]
      : Math.abs(ago) < 1440
        ? [Math.round(Math.abs(ago) / 60), "hour"]
        : [Math.round(Math.abs(ago) / 1440), "day"];
  const span = `${n} ${unit}${n === 1 ? "" : "s"}`;
  return ago >= 0 ? `${span} ago` : `in ${span}`;
}

/** One line of Discord markdown as HTML. */
export function inline(text: string): string {
  const escaped: string[] = [];
  let s = text.replace(/\\([^a-zA-Z0-9\s])/g, (_, c: string) => `\uE000${escaped.push(c) - 1}\uE000`);
  s = html(s);
  s = s.replace(/`([^`]+)`/g, "<code>$1</code>");
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
  s = s.replace(/\*\*(.+?)\*\*/g, "<b>$1</b>");
  s = s.replace(/(^|[^*\w])\*([^*]+?)\*(?!\w)/g, "$1<i>$2</i>");
  s = s.replace(/&lt;@&amp;?!?\d+&gt;/g, '<span class="mention">@mention</span>');
  s = s.replace(/&lt;#\d+&gt;/g, '<span class="mention">#channel</span>');
  s = s.replace(
    /&lt;t:(\d+):(\w)&gt;/g,
    (_, t: string, style: string) => `<span class="time">${timeText(Number(t), style)}</span>`,
  );
  return s.replace(/\uE000(\d+)\uE000/g, (_, i: string) => html(escaped[Number(i)]));
}

/** A block of Discord markdown (lines, block quotes) as HTML. */
export function block(text: string): string {
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length) out.push(`<blockquote>${quote.join("<br>")}</blockquote>`);
    quote = [];
  };
  for (const line of text.split("\n")) {
    if (line.startsWith("> ")) quote.push(inline(line.slice(2)));
    else {
      flush();
      out.push(line === "" ? '<div class="gap"></div>' : `<div>${inline(line)}</div>`);
    }
  }
  flush();
  return out.join("");
}

function embedHtml(e: APIEmbed): string {
  const colour = `#${(e.color ?? 0x1e1f22).toString(16).padStart(6, "0")}`;
  const parts = [
    e.author ? `<div class="author">${html(e.author.name)}</div>` : "",
    e.title
      ? `<div class="title">${e.url ? `<a href="${html(e.url)}">${html(e.title)}</a>` : html(e.title)}</div>`
      : "",
    e.description ? `<div class="description">${block(e.description)}</div>` : "",
    e.footer ? `<div class="footer">${html(e.footer.text)}</div>` : "",
  ];
  return `<div class="embed" style="border-left-color:${colour}">${parts.join("")}</div>`;
}

function buttonsHtml(m: Pick<APIMessage, "components">): string {
  const rows = (m.components ?? []) as unknown as Array<{
    components: Array<{ label?: string; style: number; disabled?: boolean }>;
  }>;
  return rows
    .map(
      (r) =>
        `<div class="buttons">${r.components
          .map(
            (b) =>
              `<span class="button${b.style === 1 ? " primary" : ""}${b.disabled ? " disabled" : ""}">${html(b.label ?? "")}</span>`,
          )
          .join("")}</div>`,
    )
    .join("");
}

/** A page of messages: what someone asked (a line above each), then the bot's message. */
export function page(title: string, messages: Array<{ asked: string; message: Partial<APIMessage> }>): string {
  const body = messages
    .map(
      ({ asked, message }) => `<div class="message"><div class="avatar"></div>
<div class="ask">${html(asked)}</div><div><span class="name">Briefings</span><span class="bot">APP</span></div>
${message.content ? `<div class="content">${block(message.content)}</div>` : ""}
${(message.embeds ?? []).map(embedHtml).join("")}${buttonsHtml(message as APIMessage)}</div>`,
    )
    .join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${html(title)}</title><link rel="stylesheet" href="../../tools/screenshots/discord.css"></head><body>${body}</body></html>\n`;
}
