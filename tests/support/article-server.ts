import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { articlePage, BORDER_STORY, HARBOUR_STORY, sectionPage, WESTERN_STORY, windows1252 } from "./article-pages.ts";

/**
 * A local web server (127.0.0.1, a free port) serving article pages in the shapes news sites use, and the pages a
 * fetcher must refuse: redirects (a chain, a loop), a huge page, a PDF, an image, a page with no article, a page that
 * does not answer, a 404. Extra routes can be served (an attachment's bytes).
 */
export interface ArticleServer {
  url: (path: string) => string;
  /** Paths requested so far, in order. */
  hits: string[];
  serve: (path: string, body: Buffer | string, contentType: string) => void;
  stop: () => Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const send =
  (body: Buffer | string, contentType: string, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(200, { "content-type": contentType, ...headers });
    res.end(body);
  };
const redirect =
  (to: string, status = 302): Handler =>
  (_req, res) => {
    res.writeHead(status, { location: to });
    res.end();
  };

export const HUGE_BYTES = 6 * 1024 * 1024;

function routes(base: () => string): Map<string, Handler> {
  const html = "text/html; charset=utf-8";
  const huge = `<html><body><p>${"Filler text of a page far too big to be an article. ".repeat(HUGE_BYTES / 50)}</p></body></html>`;
  return new Map<string, Handler>([
    [
      "/news/border",
      (req, res) => send(articlePage({ ...BORDER_STORY, canonical: `${base()}/news/border` }), html)(req, res),
    ],
    ["/news/harbour", send(gzipSync(articlePage(HARBOUR_STORY)), html, { "content-encoding": "gzip" })],
    ["/news/cafe", send(windows1252(articlePage(WESTERN_STORY)), "text/html; charset=windows-1252")],
    ["/news/cafe-meta", send(windows1252(articlePage(WESTERN_STORY)), "text/html")],
    ["/r/1", redirect("/r/2")],
    ["/r/2", redirect("/news/border?utm_source=newsletter", 301)],
    ["/r/loop", redirect("/r/loop")],
    ["/huge", send(huge, html)],
    [
      "/huge-chunked",
      (_req, res) => {
        res.writeHead(200, { "content-type": html });
        const chunk = "<p>more and more text</p>".repeat(4096);
        for (let n = 0; n * chunk.length < HUGE_BYTES; n++) res.write(chunk);
        res.end();
      },
    ],
    ["/report.pdf", send("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n", "application/pdf")],
    ["/picture", send(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), "image/png")],
    ["/section", send(sectionPage(), html)],
    ["/slow", (_req, res) => void setTimeout(() => send("<p>late</p>", html)(_req, res), 3000)],
  ]);
}

export async function startArticleServer(): Promise<ArticleServer> {
  let port = 0;
  const base = () => `http://127.0.0.1:${port}`;
  const table = routes(base);
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", base()).pathname;
    hits.push(path);
    const handler = table.get(path);
    if (handler) return handler(req, res);
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `${base()}${path}`,
    hits,
    serve: (path, body, contentType) => table.set(path, send(body, contentType)),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
