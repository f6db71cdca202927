/**
 * Article pages in the shapes news sites publish, with invented stories: Open Graph and JSON-LD metadata, a byline,
 * a share bar, a related-stories list, a cookie banner, a newsletter box. Used by the local article server.
 */

export interface PageStory {
  headline: string;
  site: string;
  published: string;
  paragraphs: string[];
  /** Where the page says it lives (canonical link), absolute. */
  canonical?: string;
  /** Put the date in JSON-LD only (no Open Graph date). */
  jsonLdOnly?: boolean;
  charset?: string;
}

export const BORDER_STORY: PageStory = {
  headline: "Valdoria and Kestria agree to reopen the Nordgate crossing",
  site: "The Valdor Times",
  published: "2025-06-03T09:30:00+02:00",
  paragraphs: [
    "VALDOR CITY: The foreign ministers of Valdoria and Kestria met in Valdor City on Tuesday and agreed to reopen the Nordgate border crossing before the end of the year, officials said.",
    "Valdorian Foreign Minister Ilse Marren said her government would provide 2 million euros to rebuild the customs post, and Kestria pledged to send engineers to help with the work.",
    "The crossing has been closed since floods damaged its bridge two winters ago, forcing lorries onto a mountain road that adds three hours to every journey.",
    "Traders on both sides welcomed the news, although several said they would wait for the first lorries to pass before believing it.",
  ],
};

export const HARBOUR_STORY: PageStory = {
  headline: "Port of Selm to double its cold-storage capacity",
  site: "Selm Harbour Herald",
  published: "2025-02-17",
  jsonLdOnly: true,
  paragraphs: [
    "SELM: The port authority of Selm announced on Monday that it will double the size of its cold-storage warehouses by next spring, as fish exports to the south continue to grow.",
    "Harbour master Tomas Brede said the work would cost about 40 million crowns and would be paid for by a loan from the regional development bank.",
    "Fishing cooperatives have complained for years that catches spoil on the quay while they wait for space in the existing warehouses.",
  ],
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

const FURNITURE_TOP = `
  <div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience. By continuing to browse you agree to our use of cookies.</p><button>Accept all</button></div>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav></header>`;

const SHARE_BAR = `<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Copy link</a></div>`;

const RELATED = `
  <aside class="related"><h3>Related News</h3><ul>
    <li><a href="/a">Ferry operators raise winter fares</a></li>
    <li><a href="/b">New customs rules for farm produce take effect</a></li>
    <li><a href="/c">Mountain road to close for repairs in April</a></li>
  </ul></aside>
  <div class="newsletter"><p>Subscribe to our morning newsletter for the day's top stories.</p></div>
  <footer><p>© 2025 The Publisher. All rights reserved.</p><a href="/privacy">Privacy Policy</a></footer>`;

/** An article page: metadata in the head, furniture around the story, a byline and date in the article. */
export function articlePage(story: PageStory): string {
  const jsonLd = {
    "@context": "https://schema.org",
    "@graph": [
      { "@type": "WebSite", name: story.site },
      {
        "@type": "NewsArticle",
        headline: story.headline,
        datePublished: story.published,
        author: { "@type": "Person", name: "Mira Holt" },
        publisher: { "@type": "Organization", name: story.site },
        ...(story.canonical ? { mainEntityOfPage: { "@id": story.canonical } } : {}),
      },
    ],
  };
  const og = story.jsonLdOnly
    ? ""
    : `<meta property="og:title" content="${esc(story.headline)} | ${esc(story.site)}">
  <meta property="og:site_name" content="${esc(story.site)}">
  <meta property="article:published_time" content="${story.published}">`;
  return `<!DOCTYPE html>
<html lang="en"><head>
  <meta charset="${story.charset ?? "utf-8"}">
  <title>${esc(story.headline)} - ${esc(story.site)}</title>
  ${og}
  ${story.canonical ? `<link rel="canonical" href="${story.canonical}">` : ""}
  <script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
</head><body>
  ${FURNITURE_TOP}
  <main><article>
    <h1>${esc(story.headline)}</h1>
    <p class="byline">By Mira Holt</p>
    <time datetime="${story.published}">${story.published.slice(0, 10)}</time>
    ${SHARE_BAR}
    <figure><img src="/bridge.jpg" alt=""><figcaption>The damaged bridge at the crossing. (Photo: Archive)</figcaption></figure>
    ${story.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n    ")}
    ${SHARE_BAR}
  </article></main>
  ${RELATED}
</body></html>`;
}

/** A section front: headlines and links, no article. */
export function sectionPage(): string {
  const items = Array.from(
    { length: 12 },
    (_, i) => `<li><a href="/story/${i}">Headline number ${i + 1} of the day</a></li>`,
  );
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>World news</title></head><body>
  ${FURNITURE_TOP}<main><h1>World</h1><ul>${items.join("")}</ul></main>${RELATED}</body></html>`;
}

/** A story with characters windows-1252 writes differently from UTF-8 (’ “ ” é ü —), in that encoding. */
export const WESTERN_STORY: PageStory = {
  headline: "Café owners in Brügen protest the new terrace tax",
  site: "Brügen Courier",
  published: "2025-04-09",
  charset: "windows-1252",
  paragraphs: [
    "BRÜGEN: Owners of more than forty cafés gathered outside the town hall on Wednesday to protest against a new tax on terraces, which they say will cost each of them “thousands” a year.",
    "The mayor’s office said the tax — the first in the town’s history — would pay for wider pavements, and promised to meet the owners’ association next week.",
    "Several owners said they would keep their terraces closed until the council agreed to review the measure.",
  ],
};

/** Text as windows-1252 bytes (only the characters this file's stories use beyond Latin-1). */
export function windows1252(text: string): Buffer {
  const extra: Record<string, number> = { "’": 0x92, "“": 0x93, "”": 0x94, "—": 0x97, "‘": 0x91, "–": 0x96 };
  return Buffer.from(Array.from(text, (ch) => extra[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f)));
}
