import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EDITS } from "../../commands/index.ts";
import type { EditContext } from "../../src/kit/action.ts";
import { Library } from "../../src/library/library.ts";
import { readInput } from "../../src/library/ingest/input.ts";
import { DEFAULT_FETCH_LIMITS, type FetchLimits } from "../../src/library/ingest/safe-fetch.ts";
import { BORDER_STORY, HARBOUR_STORY, WESTERN_STORY } from "../support/article-pages.ts";
import { startArticleServer, type ArticleServer } from "../support/article-server.ts";
import { sampleFolder } from "../support/folders.ts";
import { refusalOf } from "../support/refusal.ts";

/**
 * Adding a link: pages fetched from a local web server in the shapes news sites use, and every page the fetcher must
 * refuse, each with one line and the folder unchanged.
 */
let server: ArticleServer;
let folder: { dir: string; cleanup: () => void };
let library: Library;
const limits: FetchLimits = { ...DEFAULT_FETCH_LIMITS, allowPrivate: true, timeoutMs: 1500 };
const reopen = (previous: Library) => Library.open({ dataDir: previous.dataDir, cacheDir: null, previous });
const context: EditContext = {
  fetch: limits,
  refresh: (previous) => reopen(previous),
};

async function addLink(path: string) {
  const answer = await EDITS.add.perform(library, { kind: "link", url: server.url(path) }, context);
  library = await reopen(library);
  return answer.json as Record<string, unknown>;
}

const refusal = (url: string, fetch: FetchLimits = limits) =>
  refusalOf(folder.dir, () => EDITS.add.perform(library, { kind: "link", url }, { ...context, fetch }));

beforeAll(async () => {
  server = await startArticleServer();
  folder = sampleFolder();
  library = await Library.open({ dataDir: folder.dir, cacheDir: null });
});
afterAll(async () => {
  await server.stop();
  folder.cleanup();
});

describe("adding a link to an article page", () => {
  it("Open Graph + JSON-LD page: headline, outlet, date, canonical link; byline, share bar, related list, banner gone", async () => {
    const json = await addLink("/news/border");
    expect(json).toMatchObject({
      source: "2025-06-03_valdoria-and-kestria-agree-to-reopen-the-nordgate-crossing",
      title: BORDER_STORY.headline,
      outlet: "The Valdor Times",
      published: "2025-06-03",
      url: server.url("/news/border"),
      paragraphCount: BORDER_STORY.paragraphs.length,
      loaded: true,
    });
    const stored = library.get(String(json.source))!;
    expect(stored.paragraphs.map((p) => p.text)).toEqual(BORDER_STORY.paragraphs);
    expect(library.search({ query: "Nordgate customs post" }).hits[0].briefing.id).toBe(json.source);
  });

  it("follows redirects (each hop checked) to a page already stored: a duplicate by its link", async () => {
    expect(await refusal(server.url("/r/1"))).toMatch(/already in the briefings as 2025-06-03_valdoria.*the same link/);
    expect(server.hits.slice(-3)).toEqual(["/r/1", "/r/2", "/news/border"]);
  });

  it("a gzip page with JSON-LD only: its headline, publisher and date", async () => {
    expect(await addLink("/news/harbour")).toMatchObject({
      title: HARBOUR_STORY.headline,
      outlet: "Selm Harbour Herald",
      published: "2025-02-17",
      paragraphCount: HARBOUR_STORY.paragraphs.length,
    });
  });

  it("a windows-1252 page, declared in the header or only in a <meta>: its characters right", async () => {
    const json = await addLink("/news/cafe");
    expect(json).toMatchObject({ title: WESTERN_STORY.headline, outlet: "Brügen Courier", published: "2025-04-09" });
    expect(library.get(String(json.source))!.paragraphs.map((p) => p.text)).toEqual(WESTERN_STORY.paragraphs);
    const viaMeta = await readInput({ kind: "link", url: server.url("/news/cafe-meta") }, limits);
    expect(viaMeta.body).toContain("The mayor’s office said the tax — the first");
  });
});

describe("refusing what the bot must not fetch or store", () => {
  it("a PDF, an image, a page with no article, a 404", async () => {
    expect(await refusal(server.url("/report.pdf"))).toMatch(/^That link is a PDF, not an article page/);
    expect(await refusal(server.url("/picture"))).toMatch(/^That link is an image, not an article/);
    expect(await refusal(server.url("/section"))).toMatch(/^The page has no article text/);
    expect(await refusal(server.url("/missing"))).toBe("The site answered 404 Not Found.");
  });

  it("pages over the size cap, declared or not; a redirect loop; a site that does not answer in time", async () => {
    expect(await refusal(server.url("/huge"))).toMatch(/^The page is larger than 5 MB/);
    expect(await refusal(server.url("/huge-chunked"))).toMatch(/^The page is larger than 5 MB/);
    expect(await refusal(server.url("/r/loop"))).toBe("The link redirects more than 5 times.");
    const started = Date.now();
    expect(await refusal(server.url("/slow"), { ...limits, timeoutMs: 300 })).toBe("The site did not answer in 0.3 s.");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("private and loopback addresses, by number or by name, unless allowed; links that are not http(s)", async () => {
    const strict = { ...limits, allowPrivate: false };
    const hits = server.hits.length;
    expect(await refusal(server.url("/news/harbour"), strict)).toMatch(/private or local address \(127\.0\.0\.1\)/);
    expect(await refusal(server.url("/news/harbour").replace("127.0.0.1", "localhost"), strict)).toMatch(
      /private or local address/,
    );
    expect(await refusal("http://[::1]/", strict)).toMatch(/private or local address \(::1\)/);
    expect(await refusal("http://169.254.169.254/latest/meta-data/", strict)).toMatch(/private or local address/);
    expect(server.hits.length).toBe(hits); // never connected
    expect(await refusal("ftp://files.example/story.txt")).toMatch(/Only http and https links/);
    expect(await refusal("not a link")).toMatch(/is not a link/);
  });
});
