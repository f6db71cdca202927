import { describe, expect, it } from "vitest";
import { htmlToArticle, isoDay } from "../../src/briefings/html-article.ts";

const LONG =
  "The regional assembly voted by a wide margin on Tuesday to extend the ferry subsidy for another five years.";
const SECOND =
  "Opposition members said the money would be better spent on the coastal road, which floods every winter.";

describe("an HTML page to an article", () => {
  it("a page without metadata: headline from <title> without the site's suffix, outlet from the host, date from <time>", () => {
    const page = `<html><head><title>Assembly extends ferry subsidy | Coast News</title></head><body>
      <article><time datetime="2025-11-20T18:00:00Z">20 Nov</time><p>${LONG}</p><p>${SECOND}</p></article></body></html>`;
    expect(htmlToArticle(page, "https://www.coastnews.example/politics/ferry")).toEqual({
      title: "Assembly extends ferry subsidy",
      outlet: "coastnews.example",
      published: "2025-11-20",
      url: "https://www.coastnews.example/politics/ferry",
      paragraphs: [LONG, SECOND],
    });
  });

  it("paragraphs made with <br><br> instead of <p>; captions and scripts left out", () => {
    const page = `<html><body><div id="story"><figure><figcaption>A ferry at the quay.</figcaption></figure>
      ${LONG}<br><br>${SECOND}<script>track()</script></div></body></html>`;
    expect(htmlToArticle(page)?.paragraphs).toEqual([LONG, SECOND]);
  });

  it("a <time> inside a sentence stays in it", () => {
    const page = `<html><body><article><p>The vote is due on <time datetime="2025-12-01">1 December</time>, officials said, after a long debate in the assembly about the ferry.</p><p>${SECOND}</p></article></body></html>`;
    expect(htmlToArticle(page)?.paragraphs[0]).toMatch(/^The vote is due on 1 December, officials said/);
  });

  it("a page with no running text is no article; impossible dates are no date", () => {
    expect(htmlToArticle("<html><body><ul><li><a href='/a'>One headline</a></li></ul></body></html>")).toBeNull();
    expect(isoDay("2025-02-30T10:00:00Z")).toBeNull();
    expect(isoDay("2025-02-28 10:00")).toBe("2025-02-28");
  });
});
