/**
 * Cleaning a briefing's body: site furniture out (headline tickers, "Related News" trailers),
 * the headline line recognised, the rest split into paragraphs numbered from 1.
 * The text of every kept paragraph stays verbatim; only outer white space is trimmed.
 */

/** Lines after which nothing belongs to the article (the site's own lists of other stories). */
const TRAILER =
  /^(related (news|articles?|stories|posts|content|coverage)|read (more|also|next)|more (news|stories|from)|you (may|might) also (like|be interested( in)?)|most (read|popular|viewed)|recommended( for you)?|latest news|trending( now)?|see also|also read)\s*:?\s*$/i;

/** Lines that are furniture wherever they stand. */
const FURNITURE =
  /^(advertisement|advertising|sponsored( content)?|share( this( article| story)?| on \w+)?|print( this( article| story)?)?|tags?: .{0,200}|click here to .{0,80}|subscribe( now| to our newsletter.{0,80})?)\s*$/i;

/** White space including the no-break space that scraped pages leave behind. */
const trimAll = (s: string) => s.replace(/^[\s\u00a0\u200b\ufeff]+|[\s\u00a0\u200b\ufeff]+$/g, "");

export interface CleanedBody {
  /** The headline line found in the body (when the body starts with one), or null. */
  headline: string | null;
  paragraphs: string[];
}

/** A run of ` | `-separated titles: another stories' headlines, not the article. */
export function isTicker(block: string): boolean {
  const parts = block.split("|").map(trimAll).filter(Boolean);
  if (parts.length < 2) return false;
  // Each piece reads like a headline: short, one line, not a run of sentences.
  return parts.every((p) => p.length <= 200 && !p.includes("\n") && (p.match(/[.!?]\s+\p{Lu}/gu) ?? []).length === 0);
}

/** A headline: one short line with no sentence-ending full stop, mostly capitalised words. */
export function looksLikeHeadline(block: string): boolean {
  if (block.includes("\n") || block.length > 200 || block.length < 8) return false;
  if (/[.:;,]$/.test(block)) return false;
  const words = block.split(/\s+/);
  if (words.length < 3) return false;
  const capitalised = words.filter((w) => /^[\p{Lu}\p{N}"“‘']/u.test(w)).length;
  return capitalised / words.length >= 0.5;
}

/** Split into blocks: on blank lines, or on every line when the text has no blank lines. */
function splitBlocks(body: string): string[] {
  const text = body.replace(/\r\n?/g, "\n");
  const hasBlankLines = /\n[ \t\u00a0]*\n/.test(text);
  const raw = hasBlankLines ? text.split(/\n[ \t\u00a0]*\n/) : text.split("\n");
  return raw
    .map((b) => b.split("\n").map(trimAll).filter(Boolean).join(" "))
    .map(trimAll)
    .filter(Boolean);
}

const normaliseForCompare = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/**
 * Clean a body. `knownTitle` is the front matter's title, if any: a first line that repeats it
 * is the headline, not a paragraph.
 */
export function cleanBody(body: string, knownTitle: string | null): CleanedBody {
  let blocks = splitBlocks(body);

  // Cut trailers and everything after them.
  const trailerAt = blocks.findIndex((b) => TRAILER.test(b));
  if (trailerAt >= 0) blocks = blocks.slice(0, trailerAt);

  blocks = blocks.filter((b) => !isTicker(b) && !FURNITURE.test(b));

  let headline: string | null = null;
  const first = blocks[0];
  if (first !== undefined) {
    const repeatsTitle = knownTitle !== null && normaliseForCompare(first) === normaliseForCompare(knownTitle);
    if (repeatsTitle || (knownTitle === null && blocks.length > 1 && looksLikeHeadline(first))) {
      headline = first;
      blocks = blocks.slice(1);
    }
  }
  return { headline, paragraphs: blocks };
}

/** "PHNOM PENH: In the era…" → dateline "PHNOM PENH", rest "In the era…". The text itself is kept whole. */
export function splitDateline(text: string): { dateline: string | null; rest: string } {
  const m = /^([\p{Lu}][\p{Lu}\s.'’-]{1,40}?)(?:,\s*[\p{Lu}][\p{L}\s.]{0,30})?\s*(?:\([^)]{1,40}\))?\s*[:—–-]\s+/u.exec(
    text,
  );
  if (!m || /\p{Ll}/u.test(m[1])) return { dateline: null, rest: text };
  return { dateline: trimAll(m[1]), rest: text.slice(m[0].length) };
}
