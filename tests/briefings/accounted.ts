import type { Briefing } from "../../src/briefings/briefing.ts";
import { normaliseForCompare } from "../../src/briefings/shapes.ts";

/**
 * The lines of a briefing file that cleaning neither kept nor reported: for each non-blank
 * line after the front matter, it must stand in a kept paragraph, be the headline (the title),
 * or lie in a reported removal (an agency tag cut off a line counts with the rest of the line kept).
 */
export function unaccountedLines(source: string, bodyStartLine: number, b: Briefing): string[] {
  const removed = b.removed ?? [];
  const texts = b.paragraphs.map((p) => p.text);
  const title = b.meta.title === null ? null : normaliseForCompare(b.meta.title);
  const lost: string[] = [];
  source
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .forEach((raw, i) => {
      const n = i + 1;
      const line = raw.replace(/^[\s\u00a0\u200b\ufeff]+|[\s\u00a0\u200b\ufeff]+$/g, "");
      if (n < bodyStartLine || line === "") return;
      if (removed.some((r) => r.lines > 0 && r.line <= n && n <= r.endLine)) return;
      const tag = removed.find((r) => r.paragraph !== undefined && r.line === n && line.endsWith(r.text));
      const rest = tag ? line.slice(0, -tag.text.length).trim() : line;
      if (texts.some((t) => t.includes(rest)) || normaliseForCompare(line) === title) return;
      lost.push(`line ${n}: ${line}`);
    });
  return lost;
}

/** The first line of the body: after the front matter, when the file has one. */
export function bodyStartLine(source: string): number {
  const m = /^\ufeff?---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  return m ? (m[0].match(/\n/g) ?? []).length + 1 : 1;
}
