/**
 * An article page's HTML to an article: its text by Mozilla's Readability (over linkedom's DOM), cut into the
 * paragraphs the page's block elements make, and its metadata from what news sites publish for search engines and
 * social cards: JSON-LD `NewsArticle`, Open Graph (`og:title`, `og:site_name`, `article:published_time`), `<time>`,
 * the canonical link. The site furniture Readability leaves (share bars, bylines, "Read more" lines) is removed later
 * by the same cleaning as a pasted page.
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

export interface HtmlArticle {
  title: string | null;
  outlet: string | null;
  /** ISO `YYYY-MM-DD`, or null. */
  published: string | null;
  url: string | null;
  paragraphs: string[];
}

/** The few DOM members used here (the project type-checks without the DOM library). */
interface El {
  nodeType: number;
  tagName?: string;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}

const BLOCKS = new Set([
  "P",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "LI",
  "BLOCKQUOTE",
  "PRE",
  "DT",
  "DD",
  "DIV",
  "SECTION",
  "ARTICLE",
  "UL",
  "OL",
  "DL",
  "TABLE",
  "TR",
  "TD",
  "TH",
  "HEADER",
  "FOOTER",
  "MAIN",
]);
/** Never the article's text: pictures and their captions, forms, scripts. */
const SKIP = new Set(["FIGURE", "FIGCAPTION", "SCRIPT", "STYLE", "NOSCRIPT", "BUTTON", "FORM", "SVG", "IFRAME", "NAV"]);

const squash = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();
const tag = (n: El) => (n.nodeType === 1 ? (n.tagName ?? "").toUpperCase() : "");

/** Blocks that hold text itself: a `<time>` in one is part of a sentence; elsewhere it is the page's date stamp. */
const TEXT_BLOCKS = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "DT", "DD", "TD", "TH"]);
const BLOCK_SELECTOR = [...BLOCKS].map((t) => t.toLowerCase()).join(",");

/** An inline element's text as written (links, emphasis), pictures and scripts left out, `<br>` a line break. */
function inlineText(el: El): string {
  let text = "";
  for (const child of Array.from(el.childNodes)) {
    const name = tag(child);
    if (SKIP.has(name)) continue;
    if (name === "BR") text += "\n";
    else if (child.nodeType === 1) text += inlineText(child);
    else if (child.nodeType === 3) text += child.textContent ?? "";
  }
  return text;
}

/** The text of an element cut at its block children: each block, and each run of inline text between, a paragraph. */
function collectParagraphs(root: El, out: string[]): void {
  const stampsAreFurniture = !TEXT_BLOCKS.has(tag(root));
  let run = "";
  const flush = () => {
    const text = squash(run);
    if (text) out.push(text);
    run = "";
  };
  for (const child of Array.from(root.childNodes)) {
    const name = tag(child);
    if (SKIP.has(name) || (name === "TIME" && stampsAreFurniture)) continue;
    if (name === "BR") {
      // Two line breaks in a row end a paragraph in pages that use them instead of <p>.
      if (/\n\s*$/.test(run)) flush();
      else run += "\n";
    } else if (BLOCKS.has(name) || (child.nodeType === 1 && child.querySelector(BLOCK_SELECTOR))) {
      flush();
      collectParagraphs(child, out);
    } else if (child.nodeType === 1) run += inlineText(child);
    else if (child.nodeType === 3) run += child.textContent ?? "";
  }
  flush();
}

const meta = (doc: El, ...keys: string[]) => {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = squash(el?.getAttribute("content"));
    if (value) return value;
  }
  return null;
};

type Json = Record<string, unknown>;
const ARTICLE_TYPES = /^(?:News|Reportage|Analysis|Opinion|Report|Background|Review)?Article$|^BlogPosting$/;

/** The page's JSON-LD article object (NewsArticle, Article, BlogPosting…), searched through arrays and @graph. */
function jsonLdArticle(doc: El): Json | null {
  const found: Json[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 4 || v === null || typeof v !== "object") return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Json;
    const types = ([] as unknown[]).concat(o["@type"] ?? []);
    if (types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) found.push(o);
    visit(o["@graph"], depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ""), 0);
    } catch {
      // a malformed block: other metadata still counts
    }
  }
  return found[0] ?? null;
}

const str = (v: unknown): string | null => (typeof v === "string" && squash(v) ? squash(v) : null);
const nameOf = (v: unknown): string | null =>
  str(v) ?? (v && typeof v === "object" ? nameOf(Array.isArray(v) ? v[0] : (v as Json).name) : null);

/** `2024-03-05T09:00:00+07:00` → `2024-03-05`: the date as the site wrote it (its own day), when it exists. */
export function isoDay(value: string | null | undefined): string | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(value ?? "");
  if (!m) return null;
  const d = new Date(`${m[1]}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === m[1] ? m[1] : null;
}

/**
 * "Headline | The Daily" → "Headline" when the part after the separator is the site's name, or — the site's name
 * unknown — when it follows a bar (headlines rarely hold one) and is short.
 */
function withoutSiteName(title: string | null, site: string | null): string | null {
  const m = title ? /^(.*\S)\s+([|–—·:-])\s+([^|–—·:]+)$/.exec(title) : null;
  if (!m) return title;
  const named = site !== null && m[3].toLowerCase() === site.toLowerCase();
  return named || (site === null && m[2] === "|" && m[3].length <= 40) ? m[1] : title;
}

const httpUrl = (v: string | null, base: string | null): string | null => {
  if (!v) return null;
  try {
    const u = new URL(v, base ?? undefined);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
};

function metadata(doc: El, pageUrl: string | null) {
  const ld = jsonLdArticle(doc);
  const outlet = meta(doc, "og:site_name", "application-name") ?? nameOf(ld?.publisher);
  const title =
    str(ld?.headline) ??
    withoutSiteName(
      meta(doc, "og:title", "twitter:title") ?? (squash(doc.querySelector("title")?.textContent) || null),
      outlet,
    );
  const published =
    isoDay(str(ld?.datePublished)) ??
    isoDay(meta(doc, "article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date")) ??
    isoDay(doc.querySelector("article time[datetime], time[datetime]")?.getAttribute("datetime"));
  const mainEntity = ld?.mainEntityOfPage;
  const url =
    httpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? null, pageUrl) ??
    httpUrl(meta(doc, "og:url"), pageUrl) ??
    httpUrl(str(ld?.url) ?? str(mainEntity) ?? str((mainEntity as Json | undefined)?.["@id"]), pageUrl) ??
    pageUrl;
  return { title: title || null, outlet, published, url };
}

/** The outlet when the page names none: its host, without `www.`. */
const hostName = (url: string | null) => {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, "") : null;
  } catch {
    return null;
  }
};

/** Some sentences of running text, not only headlines, links and labels: a page with an article. */
const MIN_TEXT = 200;
function hasRunningText(paragraphs: readonly string[]): boolean {
  const sentences = paragraphs.filter((p) => /[.!?…"”’)]$/.test(p) && p.split(" ").length >= 8);
  return sentences.reduce((n, p) => n + p.length, 0) >= MIN_TEXT;
}

/**
 * The article in an HTML page, or null when the page has no article text (a home page, a login wall). `pageUrl` is
 * where it came from (relative links resolve against it; the outlet falls back to its host).
 */
export function htmlToArticle(html: string, pageUrl: string | null = null): HtmlArticle | null {
  const { document } = parseHTML(html);
  const doc = document as unknown as El;
  const info = metadata(doc, pageUrl);
  const parsed = new Readability(document as never, { serializer: (node) => node as unknown as El }).parse();
  if (!parsed?.content) return null;
  const paragraphs: string[] = [];
  collectParagraphs(parsed.content, paragraphs);
  const title = info.title ?? squash(parsed.title) ?? null;
  // Readability keeps the page's own headline above the text when it differs from the document title.
  while (paragraphs.length && title && squash(paragraphs[0]).toLowerCase() === title.toLowerCase()) paragraphs.shift();
  if (!hasRunningText(paragraphs)) return null;
  return {
    title: title || null,
    outlet: info.outlet ?? (squash(parsed.siteName) || null) ?? hostName(info.url ?? pageUrl),
    published: info.published ?? isoDay(parsed.publishedTime),
    url: info.url,
    paragraphs,
  };
}
