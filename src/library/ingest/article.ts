import { CORE_SCHEMA, dump } from "js-yaml";
import { cleanBody } from "../../briefings/clean.ts";
import { readFrontMatter } from "../../briefings/front-matter.ts";
import { UserError } from "../user-error.ts";

/** What a briefing's front matter says: each field may be unknown. */
export interface ArticleFields {
  title: string | null;
  outlet: string | null;
  /** ISO `YYYY-MM-DD`. */
  published: string | null;
  url: string | null;
}

/** An article on its way into the briefings folder: its fields and its body as the file will hold it. */
export interface Article extends ArticleFields {
  body: string;
}

/** Fields the person adding gave (a modal's boxes, the CLI's --title…): each overrides what the input says. */
export type FieldOverrides = Partial<Record<keyof ArticleFields, string | undefined>>;

const given = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

function merge(found: ArticleFields, overrides: FieldOverrides): ArticleFields {
  return {
    title: given(overrides.title) ?? found.title,
    outlet: given(overrides.outlet) ?? found.outlet,
    published: given(overrides.published) ?? found.published,
    url: given(overrides.url) ?? found.url,
  };
}

/**
 * A text article (a .txt or .md file, pasted text), front matter optional: its fields from the front matter and the
 * overrides, the headline found by cleaning when none is given. The body is kept as written; loading cleans it.
 */
export function articleFromText(text: string, overrides: FieldOverrides = {}): Article {
  if (text.trim() === "") throw new UserError("There is no text to add: the article is empty.");
  const fm = readFrontMatter(text);
  if (!fm.ok) throw new UserError(`The article ${fm.message}.`);
  const d = fm.data;
  const fields = merge(
    { title: d.title ?? null, outlet: d.outlet ?? null, published: d.published ?? null, url: d.url ?? null },
    overrides,
  );
  const headline = fields.title ? null : cleanBody(fm.body, null, { outlet: fields.outlet }).headline;
  return { ...fields, title: fields.title ?? headline, body: fm.body.replace(/^\s*\n/, "") };
}

/**
 * An article page: its text and metadata extracted (see html-article.ts), or a UserError when it holds none. The
 * extractor (Readability over linkedom's DOM) is loaded on the first page: it was about 180 of a start-up's 550 ms
 * of imports, and most runs add no page.
 */
export async function articleFromHtml(
  html: string,
  pageUrl: string | null,
  overrides: FieldOverrides = {},
): Promise<Article> {
  const { htmlToArticle } = await import("../../briefings/html-article.ts");
  const found = htmlToArticle(html, pageUrl);
  if (!found) throw new UserError("The page has no article text (it may be a home page, a list or a login wall).");
  return { ...merge(found, overrides), body: found.paragraphs.join("\n\n") };
}

/** The briefing file's text: the fields known as YAML front matter, then the body. */
export function briefingText(article: Article): string {
  const fields = Object.fromEntries(
    (["title", "outlet", "published", "url"] as const).flatMap((k) => (article[k] ? [[k, article[k]]] : [])),
  );
  const head = Object.keys(fields).length
    ? `---\n${dump(fields, { schema: CORE_SCHEMA, lineWidth: -1, quotingType: '"' })}---\n`
    : "";
  return `${head}${article.body.trimEnd()}\n`;
}
