/**
 * Cleaning a briefing's body: site furniture out, the headline line recognised, the rest split
 * into paragraphs numbered from 1. Furniture is known by its shape and where it stands: at the
 * top (tickers, section labels, bylines, date lines, captions) and at the bottom (bylines,
 * agency tags, subscription blocks, comments, footers, a "Related" heading with the list after
 * it); inside the article only what cannot be text (a caption with its credit, "Advertisement",
 * a "Read more: …" link). Every removal is reported. Kept text stays verbatim; only outer white
 * space is trimmed, and an agency tag closing the last paragraph is cut off (and reported).
 */
import { MAX_REMOVED_TEXT, type Removal, type RemovalKind } from "./removal.ts";
import {
  hasDashCredit,
  isAgencyTagLine,
  isCapitalsOnly,
  isHeadlineLike,
  isLabel,
  isProse,
  isListLine,
  isTimeStamp,
  looksLikeHeadline,
  normaliseForCompare,
  opensWithDateline,
  outletNames,
  shapeOf,
  trailerHeading,
  trailingTag,
  trimAll,
  type Shape,
} from "./shapes.ts";
import { splitUnits, type Unit } from "./units.ts";

export { isTicker, looksLikeHeadline } from "./shapes.ts";

export interface CleanedBody {
  /** The headline line found in the body (when the body starts with one), or null. */
  headline: string | null;
  paragraphs: string[];
  /** What was taken out, in the order it stood. */
  removed: Removal[];
}

export interface CleanOptions {
  /** The front matter's outlet: its name alone on a line is furniture. */
  outlet?: string | null;
  /** Lines before the body in the file (the front matter), so removals name the file's lines. */
  lineOffset?: number;
}

/** What becomes of a unit: kept (null), the headline, or removed as furniture of a kind. */
type Fate = RemovalKind | "headline" | null;

/** The units of one body and what becomes of each: the cleaner's working state. */
interface Page {
  units: Unit[];
  shapes: (Shape | null)[];
  fate: Fate[];
  title: string | null;
  /** The first unit of running text; the top of the page is everything before it. */
  bodyStart: number;
  /** An agency tag cut off the end of the last kept unit. */
  cutTag: { unit: number; tag: string } | null;
}

const sameText = (a: string, b: string | null) => b !== null && normaliseForCompare(a) === normaliseForCompare(b);

/** The first line of running text, past captions credited after a dash when a dateline line follows. */
function findBodyStart(units: readonly Unit[], shapes: readonly (Shape | null)[], title: string | null): number {
  const datelineWithin = (i: number) => units.slice(i + 1, i + 3).some((u) => opensWithDateline(u.text));
  for (let i = 0; i < units.length; i++) {
    const t = units[i].text;
    if (shapes[i] || sameText(t, title) || !isProse(t)) continue;
    if (hasDashCredit(t) && !opensWithDateline(t) && datelineWithin(i)) continue;
    return i;
  }
  const firstText = shapes.findIndex((s, i) => s === null && !sameText(units[i].text, title));
  return firstText < 0 ? units.length : firstText;
}

/** Which line at the top is the headline: the one repeating the title, or else the last headline there. */
function findHeadline(page: Page): number {
  const { units, shapes, title, bodyStart } = page;
  if (title !== null) {
    for (let i = 0; i <= Math.min(bodyStart, units.length - 1); i++) if (sameText(units[i].text, title)) return i;
    return -1;
  }
  for (let i = bodyStart - 1; i >= 0; i--) {
    const t = units[i].text;
    if (shapes[i] === null && isHeadlineLike(t) && !isCapitalsOnly(t)) return i;
  }
  // A body of one-line paragraphs without a sentence among them: the old rule, a title-cased first line.
  return bodyStart === 0 && units.length > 1 && shapes[0] === null && looksLikeHeadline(units[0].text) ? 0 : -1;
}

/** The top of the page: the headline, and around it tickers, labels, bylines, date lines and captions. */
function markTop(page: Page): void {
  const { units, shapes, fate, title, bodyStart } = page;
  const headlineAt = findHeadline(page);
  if (headlineAt >= 0) fate[headlineAt] = "headline";
  const titleCasedRun = (i: number) =>
    looksLikeHeadline(units[i].text) &&
    [i - 1, i + 1].some((j) => j >= 0 && j < bodyStart && looksLikeHeadline(units[j].text));
  for (let i = 0; i < bodyStart; i++) {
    const t = units[i].text;
    if (fate[i] !== null) continue;
    if (shapes[i]) fate[i] = shapes[i]!.kind;
    else if (sameText(t, title)) fate[i] = "headline repeated";
    else if (isCapitalsOnly(t))
      continue; // a dateline alone on its line stays in the text
    else if (i < headlineAt) fate[i] = isLabel(t) ? "section label" : isHeadlineLike(t) ? "ticker" : "navigation";
    else if (isLabel(t)) fate[i] = "section label";
    else if (headlineAt < 0 && title !== null && titleCasedRun(i)) fate[i] = "ticker";
    else if (hasDashCredit(t)) fate[i] = "caption";
  }
  // A byline or date line just under the first paragraph (some pages put the deck first).
  for (let i = bodyStart + 1; i <= bodyStart + 3 && i < units.length; i++) {
    const kind = shapes[i]?.kind;
    if (kind === "byline" || kind === "outlet name" || (kind === "date line" && isTimeStamp(units[i].text)))
      fate[i] = kind;
  }
}

/** Whether everything from `from` on is a list of other stories: headlines, short lines, a teaser under each. */
function isListOfStories(page: Page, from: number, heading: "list" | "link"): boolean {
  const { units, shapes } = page;
  const seen = new Set<string>();
  const texts = units.slice(from).map((u) => normaliseForCompare(u.text));
  for (let j = from; j < units.length; j++) {
    const t = units[j].text;
    const key = texts[j - from];
    const repeated = seen.has(key) || texts.indexOf(key, j - from + 1) >= 0;
    seen.add(key);
    if (shapes[j] || isListLine(t) || trailerHeading(t) || isAgencyTagLine(t)) continue;
    const underHeadline = j > from && isListLine(units[j - 1].text);
    if (heading === "list" && (underHeadline || repeated)) continue;
    return false;
  }
  return true;
}

/** A trailer heading ("Related News", "Read more" at the end) and the list after it; returns where it starts. */
function markTrailer(page: Page): number {
  const { units, fate, bodyStart } = page;
  for (let i = bodyStart + 1; i < units.length; i++) {
    const heading = fate[i] === null ? trailerHeading(units[i].text) : null;
    if (heading && isListOfStories(page, i + 1, heading)) {
      fate.fill("trailer", i);
      return i;
    }
  }
  return units.length;
}

/** Inside the article, what cannot be its text: captions, advertisements, buttons, links to other stories. */
function markAnywhere(page: Page, end: number): void {
  const { units, shapes, fate, bodyStart } = page;
  for (let i = Math.max(bodyStart, 0); i < end; i++) {
    if (fate[i] !== null) continue;
    if (shapes[i]?.anywhere) {
      fate[i] = shapes[i]!.kind;
      // A caption marker alone on its line ("Photo:") takes the rest of its block with it.
      if (fate[i] === "caption" && isLabel(units[i].text))
        for (let j = i + 1; j < end && units[j].group === units[i].group; j++) fate[j] = "caption";
    } else {
      const heading = trailerHeading(units[i].text);
      if (heading) fate[i] = heading === "link" ? "page button" : "trailer";
    }
  }
}

/**
 * The bottom of the page, after the last paragraph of running text: from the first furniture
 * line there (a byline, an agency tag, a subscription block…) everything goes; short lines
 * between take the kind of the furniture above them. With no furniture, only a run of
 * title-cased headlines goes (other stories, one a line).
 */
function markBottom(page: Page, end: number): void {
  const { units, shapes, fate, bodyStart } = page;
  const isFurniture = (j: number) => fate[j] !== null || shapes[j] !== null || isAgencyTagLine(units[j].text);
  // Lines of a block that holds furniture go with it (a footer's address lines).
  const furnitureGroups = new Set<number>();
  const belongs = (j: number) => {
    const t = units[j].text;
    if (isFurniture(j)) return furnitureGroups.add(units[j].group);
    return isListLine(t) || (furnitureGroups.has(units[j].group) && !isProse(t));
  };
  let start = end;
  while (start - 1 > bodyStart && belongs(start - 1)) start--;
  let first = -1;
  for (let j = start; j < end && first < 0; j++) if (isFurniture(j)) first = j;
  if (first < 0) {
    const run = units.slice(start, end);
    if (run.length >= 2 && run.every((u) => looksLikeHeadline(u.text))) fate.fill("list of other stories", start, end);
    return;
  }
  let kind: RemovalKind = "end matter";
  for (let j = first; j < end; j++) {
    const own = fate[j] ?? shapes[j]?.kind ?? (isAgencyTagLine(units[j].text) ? "agency tag" : null);
    if (own && own !== "headline") kind = own;
    else if (isHeadlineLike(units[j].text) && !furnitureGroups.has(units[j].group)) kind = "list of other stories";
    fate[j] = kind;
  }
}

/** The removal of one unit (neighbours of one kind are merged by `assemble`). */
function removal(kind: RemovalKind, u: Unit, lineOffset: number): Removal {
  const r: Removal = { kind, line: u.line + lineOffset, endLine: u.endLine + lineOffset, lines: u.lines, text: u.text };
  if (kind === "trailer") r.heading = u.text;
  return r;
}

/** Kept units joined back into their paragraphs; removed ones reported, neighbours of one kind together. */
function assemble(page: Page, lineOffset: number): CleanedBody {
  const { units, fate } = page;
  const paragraphs: string[] = [];
  const removed: Removal[] = [];
  let headline: string | null = null;
  let lastKeptGroup = -1;
  units.forEach((u, i) => {
    const f = fate[i];
    if (f === "headline") headline = u.text;
    else if (f === null) {
      if (u.group === lastKeptGroup) paragraphs[paragraphs.length - 1] += ` ${u.text}`;
      else paragraphs.push(u.text);
      lastKeptGroup = u.group;
    } else {
      const prev = removed[removed.length - 1];
      if (prev && fate[i - 1] === f && prev.kind === f) {
        prev.endLine = u.endLine + lineOffset;
        prev.lines += u.lines;
        prev.text = `${prev.text}\n${u.text}`.slice(0, MAX_REMOVED_TEXT);
      } else removed.push(removal(f, u, lineOffset));
    }
  });
  if (page.cutTag) {
    const u = units[page.cutTag.unit];
    const kind = /read/i.test(page.cutTag.tag) ? "page button" : "agency tag";
    const line = u.endLine + lineOffset;
    removed.push({ kind, line, endLine: line, lines: 0, text: page.cutTag.tag, paragraph: paragraphs.length });
    removed.sort((a, b) => a.line - b.line);
  }
  return { headline, paragraphs, removed };
}

/** An agency tag (or "Read full story") closing the last paragraph is cut off it, to be reported. */
function cutTrailingTag(page: Page): void {
  const last = page.fate.lastIndexOf(null);
  if (last < 0) return;
  const u = page.units[last];
  const tag = trailingTag(u.text);
  if (!tag || !isProse(u.text.slice(0, -tag.length))) return;
  page.units[last] = { ...u, text: trimAll(u.text.slice(0, -tag.length)) };
  page.cutTag = { unit: last, tag: trimAll(tag) };
}

/**
 * Clean a body. `knownTitle` is the front matter's title, if any: a line at the top that
 * repeats it is the headline, not a paragraph.
 */
export function cleanBody(body: string, knownTitle: string | null, options: CleanOptions = {}): CleanedBody {
  const units = splitUnits(body);
  const outlets = outletNames(options.outlet ?? null);
  const shapes = units.map((u) => shapeOf(u.text, outlets));
  const page: Page = { units, shapes, fate: units.map(() => null), title: knownTitle, bodyStart: 0, cutTag: null };
  page.bodyStart = findBodyStart(units, shapes, knownTitle);
  markTop(page);
  const end = markTrailer(page);
  markAnywhere(page, end);
  markBottom(page, end);
  cutTrailingTag(page);
  return assemble(page, options.lineOffset ?? 0);
}

/** "PHNOM PENH: In the era…" → dateline "PHNOM PENH", rest "In the era…". The text itself is kept whole. */
export function splitDateline(text: string): { dateline: string | null; rest: string } {
  const m = /^([\p{Lu}][\p{Lu}\s.'’-]{1,40}?)(?:,\s*[\p{Lu}][\p{L}\s.]{0,30})?\s*(?:\([^)]{1,40}\))?\s*[:—–-]\s+/u.exec(
    text,
  );
  if (!m || /\p{Ll}/u.test(m[1])) return { dateline: null, rest: text };
  return { dateline: trimAll(m[1]), rest: text.slice(m[0].length) };
}
