/**
 * The shapes of one line (or paragraph) of a pasted page: a headline, a label, a byline, a
 * date line, a caption, a ticker… Each test looks at the whole line; where a line stands
 * (top, bottom, inside the article) is decided by the cleaner, not here.
 */
import type { RemovalKind } from "./removal.ts";
import { matchesOf } from "../text/matches.ts";

/** White space including the no-break space that scraped pages leave behind. */
export const trimAll = (s: string) => s.replace(/^[\s\u00a0\u200b\ufeff]+|[\s\u00a0\u200b\ufeff]+$/g, "");

export const normaliseForCompare = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** Words a full stop follows without ending a sentence ("Gen. Neth", "Jan. 15"). */
const ABBREVIATIONS = new Set(
  (
    "gen col lt maj sen rep gov dr mr mrs ms jr sr st no nos vol capt sgt brig adm cmdr pol dep prof hon " +
    "jan feb mar apr jun jul aug sep sept oct nov dec vs etc inc ltd co corp dept approx est fig pp"
  ).split(" "),
);

/** Whether the text ends a sentence: a full stop, question or exclamation mark, maybe inside quotes. */
export const endsSentence = (s: string) => /[.!?…]["”’'»)\]]*$/u.test(s);

const SENTENCE_BREAK = /([.!?])["”’)]*\s+["“‘(]?[\p{Lu}\p{N}]/gu;
const LETTER = /\p{L}/u;

/** Whether a sentence ends inside the text and another begins ("… met. They …"), abbreviations aside. */
export function hasInnerSentenceEnd(s: string): boolean {
  for (const m of matchesOf(SENTENCE_BREAK, s)) {
    // The word before the mark, read backwards (a lookbehind over \p{L}+ is slow on long paragraphs).
    let from = m.index;
    while (from > 0 && LETTER.test(s[from - 1])) from--;
    const word = s.slice(from, m.index);
    if (word === "") continue;
    const initial = word.length <= 2 || /^\p{Lu}+$/u.test(word);
    if (m[1] !== "." || !(initial || ABBREVIATIONS.has(word.toLowerCase()))) return true;
  }
  return false;
}

/** A line of running text: at least six words that end a sentence, or longer than a headline is. */
export function isProse(s: string): boolean {
  const n = words(s).length;
  if (n < 6) return false;
  return endsSentence(s) || s.length > 200 || hasInnerSentenceEnd(s);
}

/** A short line that does not end a sentence: a label, a list item, a headline. */
export const isShortLine = (s: string, max = 100) => s.length <= max && !endsSentence(s);

/** One to three words, no sentence: a section label ("Crime", "Off the wire"), a counter ("4"). */
export const isLabel = (s: string) =>
  s.length <= 30 && words(s).length <= 3 && !endsSentence(s) && !/^\p{Lu}[\p{Lu}\s.'’-]+$/u.test(s);

/** A dateline alone on its line ("PHNOM PENH"): capitals only. It stays in the text. */
export const isCapitalsOnly = (s: string) => /^\p{Lu}[\p{Lu}\s.,'’-]{1,40}$/u.test(s) && !/\p{Ll}/u.test(s);

/** A headline: one line of 3–30 words, starting with a capital, no sentence end inside or at the end. */
export function isHeadlineLike(s: string): boolean {
  if (s.includes("\n") || s.length < 8 || s.length > 200) return false;
  const n = words(s).length;
  if (n < 3 || n > 30) return false;
  if (!/^[\p{Lu}\p{N}"“‘'([]/u.test(s) || /[.!…,;:]["”’)]*$/u.test(s)) return false;
  return !hasInnerSentenceEnd(s);
}

/** A headline in title case: most words capitalised ("Minister Opens New Border Post"). */
export function looksLikeHeadline(block: string): boolean {
  if (block.includes("\n") || block.length > 200 || block.length < 8) return false;
  if (/[.:;,]$/.test(block)) return false;
  const ws = words(block);
  if (ws.length < 3) return false;
  const capitalised = ws.filter((w) => /^[\p{Lu}\p{N}"“‘']/u.test(w)).length;
  return capitalised / ws.length >= 0.5;
}

/** A run of titles separated by `|` or `•`: other stories' headlines, not the article. */
export function isTicker(block: string): boolean {
  const parts = block.split(/[|•·]/).map(trimAll).filter(Boolean);
  if (parts.length < 2) return false;
  // Each piece reads like a headline: capitalised, short, one line, no sentence ending inside or at its end.
  return parts.every(
    (p) =>
      /^[\p{Lu}\p{N}"“‘'([]/u.test(p) &&
      p.length <= 200 &&
      !p.includes("\n") &&
      !hasInnerSentenceEnd(p) &&
      !endsSentence(p),
  );
}

/** A line that may close a page's list or trailer: short, no sentence end, not running text. */
export const isListLine = (s: string) => isShortLine(s, 200) && !isProse(s);

const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DATE = new RegExp(
  [
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}\\b`,
    `\\b${MONTH}\\s*,?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`,
    `\\b\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}\\b`,
    `\\b\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}\\b`,
  ].join("|"),
  "gi",
);
const TIME =
  /\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?=\W|$)|\b(?:IST|GMT|UTC|ICT|WIB|SGT|HKT|JST|KST|PST|EST)(?:[+-]\d+)?\b/gi;
const STAMP_WORDS =
  /\b(?:published|updated|last updated|created|posted|modified|on|at|reading time|read time|mins?|minutes?|read|adjust font size|font size|comments?|print|e-?mail|share|by|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b|\d+|[|•·,:()\-–—]/gi;

/** A line giving when (and by whom) the page was published: "Published Sep 2, 2021 09:02 pm", "PTI | Updated: …". */
export function isDateLine(s: string): boolean {
  if (s.length > 120 || (endsSentence(s) && !/[ap]\.?m\.$/i.test(s))) return false;
  const hasDate = new RegExp(DATE.source, "i").test(s);
  const stamped = /\b(?:published|updated|posted|created|reading time|read time)\b/i.test(s);
  if (!hasDate && !(stamped && new RegExp(TIME.source, "i").test(s))) return false;
  const rest = s.replace(DATE, " ").replace(TIME, " ").replace(STAMP_WORDS, " ");
  return words(rest).length <= 4;
}

/** A date line with a time, a weekday or "Published"/"Updated": the page's stamp, not a letter's date. */
export const isTimeStamp = (s: string) =>
  isDateLine(s) &&
  (new RegExp(TIME.source, "i").test(s) ||
    /\b(?:published|updated|posted|created|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i.test(s));

const NAME = "\\p{Lu}[\\p{L}'’.-]*";
const BYLINE = new RegExp(
  `^(?:(?:written|reported|story|text|words) )?by:?\\s+(?:${NAME}\\s*){1,5}([,;|(•–-].*)?$`,
  "iu",
);
const BYLINE_SMALL_WORDS = new Set(["of", "and", "the", "in", "at", "for", "de", "van", "von", "bin", "binti", "da"]);

/** A byline: "By A. Reporter, The Daily, Vientiane", "| A. Reporter |", "Reporting by …", an e-mail address. */
export function isByline(s: string): boolean {
  if (s.length > 160) return false;
  const m = BYLINE.exec(s);
  if (m) {
    // What follows the name is an outlet, a place or an address, not a clause ("By Monday, the two sides will…").
    const lower = words(m[1] ?? "").filter((w) => /^\p{Ll}/u.test(w) && !BYLINE_SMALL_WORDS.has(w));
    return lower.length <= 1 && !endsSentence(s) && !hasInnerSentenceEnd(s);
  }
  if (/^\(?(?:reporting|writing|editing|additional reporting|compiled|edited) by\b/i.test(s)) return true;
  if (new RegExp(`^\\|\\s*(?:${NAME}\\s*){1,5}\\|$`, "u").test(s)) return true;
  return /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(s);
}

/** The names an outlet goes by: "The Star (The Daily/ANN)" → the star, the daily, ann. */
export function outletNames(outlet: string | null): Set<string> {
  const out = new Set<string>();
  if (!outlet) return out;
  for (const part of [outlet, ...outlet.split(/[()/,]/)]) {
    const name = normaliseForCompare(part);
    if (name.length >= 2) out.add(name);
  }
  return out;
}

/** The outlet's name alone ("=THE DAILY"), or a source line ("Source: Agency Kampuchea Press"). */
export function isOutletLine(s: string, names: ReadonlySet<string>): boolean {
  if (s.length <= 80 && names.has(normaliseForCompare(s))) return true;
  return (
    /^(?:source|sources|credit|courtesy|via)\s*[:：]\s*\S.{1,80}$/i.test(s) && !endsSentence(s.replace(/\.$/, "x"))
  );
}

/** An agency tag or end mark alone on a line: "(WAH)", "(END)", "-VNA", "Enditem", "###", "(Xinhua)". */
export const isAgencyTagLine = (s: string) =>
  /^(?:[([=–—-]+\s*)?\p{Lu}[\p{Lu}\p{N}&./ -]{1,24}(?:\s*[)\]=–—-]+)?\.?$/u.test(s) ||
  /^\([\p{L}./ -]{2,30}\)$/u.test(s) ||
  /^(?:enditem|end item|ends?|-+\s*ends?\s*-+|#{3}|-30-|\*{3})$/i.test(s);

/** An agency tag closing the last paragraph: "… on Tuesday. - Bernama", "…for 2017.-VNA", "… (Yonhap)". */
export function trailingTag(s: string): string | null {
  const m =
    /(?<=[.!?"”’)])\s*(?:[-–—=]\s*\p{Lu}[\p{L}]{1,15}(?:\s\p{Lu}[\p{L}]{1,15}){0,2}|\((?:\p{Lu}[\p{L}./ ]{1,25})\)|enditem|\(?end\)?)\s*$/iu.exec(
      s,
    ) ?? /\s*(?:…\s*)?read (?:the )?full(?: this)? (?:story|article)\s*[.…»›]*$/iu.exec(s);
  return m && m.index > 0 ? m[0] : null;
}

/** A photo caption or credit: "… (Photo: X)", "… [File: X/AFP]", "Picture by X", "photo: X", "(Agency/Name)". */
export function isCaption(s: string): boolean {
  if (s.length > 400 || s.includes("\n")) return false;
  return (
    /\((?:photos?|pictures?|images?|file photo|photo credit)\b[^)]{0,80}\)\s*$/i.test(s) ||
    /\[(?:file|photos?|images?)\b[^\]]{0,80}\]\s*$/i.test(s) ||
    /\b(?:photos?|pictures?|images?)\s*(?:by|credit|courtesy(?: of)?)\s*:?\s*[^.]{1,60}$/i.test(s) ||
    /(?:^|[.!?)]\s*|\s[-–—|]\s)photos?\s*:\s*[^.]{1,60}$/i.test(s) ||
    /\(\p{Lu}[\p{L}]+\/[\p{L} .'’-]{2,40}\)\s*$/u.test(s) ||
    /^leftcenterrightdel\b/i.test(s)
  );
}

/** A caption credited after a dash ("… in 2021. - Interior Ministry"): one only where a dateline follows. */
export const hasDashCredit = (s: string) =>
  s.length <= 400 && /[.!?]["”’)]*\s+[-–—]\s+\p{Lu}[\p{L}]+(?:\s\p{L}+){0,4}$/u.test(s);

const NAVIGATION =
  /^(?:skip to (?:main(?: content)?|content)\b.*|toggle (?:navigation|notifications|menu)\b.*|you are here\s*:?.*|home\s*[>›»/].*|adjust font size:?|font size:?|main menu|breadcrumb)$/i;
/** "Back to News": a link at the top or the bottom; inside an article it may be a subheading ("Back to school"). */
const BACK_LINK = /^back to .{2,60}$/i;
const COMMENTS =
  /^(?:leave a (?:reply|comment)|comments? (?:are|is) closed\.?|\d+ comments?|post a comment|add a comment|join the conversation|(?:show|view|load) comments|your email address will not be published\b.*|required fields are marked\b.*)$/i;
const ADVERTISEMENT =
  /^(?:advertisement|advertising|sponsored(?: content)?|ads? by \w+|scroll to continue(?: with content)?)$/i;
const PAGE_BUTTON =
  /^(?:share(?: this(?: article| story)?| on \w+)?|print(?: this(?: article| story)?)?|e-?mail this(?: article| story)?|click here to .{0,80}|listen to (?:this|the) (?:article|story)|copy link|save(?: article)?)$/i;
const TAGS = /^(?:tags?|topics?|keywords?)\s*[:：]\s*.{1,200}$/i;
/** Words of a subscription offer that no article sentence uses ("Cancel anytime", "for new subscribers"). */
const SUBSCRIPTION =
  /\b(?:subscribe now|subscribers? only|for new subscribers|already a subscriber|premium (?:plan|access|content|member)|free trial|unlimited access|cancel anytime|ads?[- ]free|\/month|\/year|billed as|auto-renewal|follow us on|follow .{1,30} on (?:facebook|twitter|x|telegram|whatsapp|google news|instagram|tiktok|youtube)|like us on facebook)\b/i;
/** Words an offer shares with articles: a price, "newsletter", "per month": two of them, or one outside a sentence. */
const SUBSCRIPTION_WEAK =
  /(?:RM|US\$|S\$|\$|€|£)\d[\d.,]*|\b(?:subscribe(?: to| today)?|subscription|newsletter|sign up (?:for|to)|per month|billed (?:monthly|annually)|download (?:our|the) app|log ?in)\b/gi;
const FOOTER =
  /(?:all rights reserved|copyright\s*©|©\s*(?:\d{4}|copyright)|this website is best viewed|contact .{1,40} for (?:the )?full (?:article|story))/i;
/** Footer links: only a line that is not a sentence ("Terms of Use | Privacy Policy"). */
const FOOTER_LINKS = /\b(?:terms of (?:use|service)|privacy policy|cookie (?:policy|settings)|about us|contact us)\b/i;

/** Subscription offers: a line with one of their own words, or with two shared ones (a price and "per month"). */
function isSubscription(s: string): boolean {
  if (s.length > 250) return false;
  if (SUBSCRIPTION.test(s)) return true;
  const hits = new Set([...s.matchAll(SUBSCRIPTION_WEAK)].map((m) => m[0].toLowerCase()));
  return hits.size >= 2 || (hits.size === 1 && !isProse(s));
}

/** A comma list of short keywords: "Thailand , Malaysia , police , cross border". */
function isKeywordList(s: string): boolean {
  if (s.length > 200 || endsSentence(s)) return false;
  const items = s.split(/\s*,\s*/);
  return items.length >= 3 && items.every((it) => it.length > 0 && words(it).length <= 3);
}

export interface Shape {
  kind: RemovalKind;
  /** Furniture wherever it stands (a caption, an advertisement); otherwise only at the top or the bottom. */
  anywhere: boolean;
}

/** What furniture a line is, or null for anything else (text, a headline, a label). */
export function shapeOf(s: string, outlets: ReadonlySet<string>): Shape | null {
  const anywhere = (kind: RemovalKind): Shape => ({ kind, anywhere: true });
  const edge = (kind: RemovalKind): Shape => ({ kind, anywhere: false });
  if (ADVERTISEMENT.test(s)) return anywhere("advertisement");
  if (PAGE_BUTTON.test(s)) return anywhere("page button");
  if (NAVIGATION.test(s)) return anywhere("navigation");
  if (COMMENTS.test(s)) return anywhere("comments");
  if (isCaption(s)) return anywhere("caption");
  if (isLinkToStory(s)) return anywhere("link to another story");
  if (TAGS.test(s) && !endsSentence(s)) return anywhere("tags");
  if (BACK_LINK.test(s)) return edge("navigation");
  if (isDateLine(s)) return edge("date line");
  if (isByline(s)) return edge("byline");
  if (isOutletLine(s, outlets)) return edge("outlet name");
  if (s.length <= 400 && (FOOTER.test(s) || (FOOTER_LINKS.test(s) && !isProse(s)))) return edge("footer");
  if (isTicker(s)) return edge("ticker");
  if (isSubscription(s)) return edge("subscription block");
  if (isKeywordList(s)) return edge("tags");
  return null;
}

/** "Read more: Other Story's Headline", "READ: …", "See also – …": a link to another story. */
export function isLinkToStory(s: string): boolean {
  const m =
    /^(?:read more|read also|also read|read|see also|related|more|watch|listen|recommended)\b(?:\s+(?:on|about) [^:]{1,60})?\s*[:»›|–—-]\s*(.+)$/i.exec(
      s,
    );
  return m !== null && s.length <= 250 && (isHeadlineLike(m[1]) || /^https?:\/\/\S+$/.test(m[1]));
}

/** Headings of the site's lists of other stories: what follows them is not the article. */
const LIST_HEADING =
  /^(?:related(?: (?:news|articles?|stories|posts|content|coverage|topics|reading|links))?|more (?:news|stories|headlines)(?: from .{1,40})?|more (?:from|in|on) .{1,40}|you (?:may|might) also (?:like|be interested(?: in)?|want to read)|most (?:read|popular|viewed|shared|commented)|recommended(?: for you| stories| articles)?|latest(?: news| stories| headlines| articles)?|trending(?: now| stories| news)?|editor'?s'? picks?|top stories|other (?:news|stories)|next in .{1,40}|further reading|popular (?:posts|stories|articles)|what to read next|don'?t miss|in other news)\s*[:»›…>]*$/iu;
/** Words that may close a page or only open the rest of it ("Read more" as a button mid-article). */
const LINK_WORDS =
  /^(?:read (?:more|also|next)|see also|also read|continue reading|read (?:the )?full(?: this)? (?:story|article))\s*[:»›…>.]*$/i;

/** A trailer heading alone on its line: "list" for a list's heading ("Related News"), "link" for "Read more". */
export function trailerHeading(s: string): "list" | "link" | null {
  if (s.length > 60) return null;
  if (LINK_WORDS.test(s)) return "link";
  return LIST_HEADING.test(s) ? "list" : null;
}

/** A line that opens the article: a dateline ("PHNOM PENH:", "Phnom Penh (VNA) –", "BEIJING, May 24 (Xinhua) --"). */
export const opensWithDateline = (s: string) =>
  /^\p{Lu}[\p{Lu}\s.'’-]{1,40}(?:,\s*[\p{L}\d .]{1,30})?\s*(?:\([^)]{1,40}\))?\s*(?:[:—–]|--?)\s+/u.test(s) ||
  /^(?:\p{Lu}[\p{L}.'’-]*[ ,]*){1,4}\((?:[^)]{2,40})\)\s*(?:[:—–]|--?)\s+/u.test(s);
