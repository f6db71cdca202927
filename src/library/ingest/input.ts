import path from "node:path";
import { bomCharset, charsetOf, decodeText } from "../../briefings/charset.ts";
import { UserError } from "../user-error.ts";
import { articleFromHtml, articleFromText, type Article, type FieldOverrides } from "./article.ts";
import { safeFetch, type Fetched, type FetchLimits } from "./safe-fetch.ts";

/**
 * What can be added, whatever the door: a file's bytes (a .txt, .md or .html file from the command line), a file to
 * download (a Discord attachment: fetched within the same limits as a link), a link to an article page, or pasted
 * text. Each may carry fields the person adding typed, which override what the input says.
 */
export type IngestInput =
  | { kind: "file"; name: string; bytes: Uint8Array; fields?: FieldOverrides }
  | { kind: "download"; name: string; url: string; fields?: FieldOverrides }
  | { kind: "link"; url: string; fields?: FieldOverrides }
  | { kind: "text"; text: string; fields?: FieldOverrides };

type Format = "html" | "text";

const TEXT_EXTENSIONS = new Set([".txt", ".md", ".markdown"]);
const HTML_EXTENSIONS = new Set([".html", ".htm", ".xhtml"]);
const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/;
const TEXT_TYPES = /^(?:text\/plain|text\/markdown|text\/x-markdown)\b/;

const looksLikeHtml = (bytes: Uint8Array) =>
  /^\s*(?:<!doctype html|<html|<head|<body|<meta|<!--)/i.test(Buffer.from(bytes.subarray(0, 512)).toString("latin1"));
const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";

/** What a content type or a file's first bytes say it is, when that is not an article: one line to refuse it. */
function notAnArticle(contentType: string, bytes: Uint8Array, what: string): string | null {
  if (isPdf(bytes) || contentType.startsWith("application/pdf"))
    return `${what} is a PDF, not an article page: copy the article's text and paste it instead.`;
  if ((bytes.includes(0) && !bomCharset(bytes)) || /^(?:image|video|audio|font)\//.test(contentType)) {
    const kind = contentType.split(/[;/]/)[0] || "binary";
    return `${what} is ${kind === "binary" ? "a binary file" : `an ${kind}`}, not an article.`;
  }
  return null;
}

/** A file's format by its extension, else by its first bytes. */
function fileFormat(name: string, bytes: Uint8Array): Format {
  const ext = path.extname(name).toLowerCase();
  const refusal = notAnArticle("", bytes, "That file");
  if (refusal) throw new UserError(refusal);
  if (HTML_EXTENSIONS.has(ext)) return "html";
  if (TEXT_EXTENSIONS.has(ext)) return "text";
  if (ext === "" || ext === ".text") return looksLikeHtml(bytes) ? "html" : "text";
  throw new UserError(`A ${ext} file cannot be added: give a .txt, .md or .html file, a link, or paste the text.`);
}

/** A fetched page's format by its content type (sniffed when the site sends none). */
function pageFormat(page: Fetched): Format {
  const refusal = notAnArticle(page.contentType, page.bytes, "That link");
  if (refusal) throw new UserError(refusal);
  if (HTML_TYPES.test(page.contentType)) return "html";
  if (TEXT_TYPES.test(page.contentType)) return "text";
  if (!page.contentType || page.contentType.startsWith("application/octet-stream"))
    return looksLikeHtml(page.bytes) ? "html" : "text";
  throw new UserError(`That link is ${page.contentType.split(";")[0]}, not an article page.`);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UserError("That file is not UTF-8 text: save it again with UTF-8 encoding.");
  }
}

/** Text by its declared charset or byte-order mark (UTF-16 from Windows Notepad); otherwise it must be UTF-8. */
const decodeTextFile = (bytes: Uint8Array, declared: string | null) =>
  declared || bomCharset(bytes) ? decodeText(bytes, declared, false) : decodeUtf8(bytes);

function toArticle(
  format: Format,
  bytes: Uint8Array,
  declared: string | null,
  url: string | null,
  fields: FieldOverrides,
): Article | Promise<Article> {
  if (format === "html") return articleFromHtml(decodeText(bytes, declared), url, fields);
  return articleFromText(decodeTextFile(bytes, declared), fields);
}

/** Read the input into an article: fetch what must be fetched, extract a page's article, parse text. */
export async function readInput(input: IngestInput, limits: FetchLimits): Promise<Article> {
  const fields = input.fields ?? {};
  switch (input.kind) {
    case "text":
      return articleFromText(input.text, fields);
    case "file":
      if (input.bytes.length > limits.maxBytes)
        throw new UserError(`That file is larger than ${Math.round(limits.maxBytes / 1048576)} MB.`);
      return toArticle(fileFormat(input.name, input.bytes), input.bytes, null, null, fields);
    case "download": {
      const got = await safeFetch(input.url, limits);
      return toArticle(fileFormat(input.name, got.bytes), got.bytes, charsetOf(got.contentType), null, fields);
    }
    case "link": {
      const page = await safeFetch(input.url, limits);
      const article = await toArticle(pageFormat(page), page.bytes, charsetOf(page.contentType), page.url, fields);
      return { ...article, url: article.url ?? page.url };
    }
  }
}
