import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Meeting, Pledge } from "../../src/extraction/event.ts";
import { buildDigest, digestAnswer, leadOf, MAX_EVENTS, unsentBriefings, type Digest } from "../../src/digest/build.ts";
import { digestMessages, refIn } from "../../src/discord/digest-messages.ts";
import { embedChars } from "../../src/discord/layout.ts";
import { partNonce } from "../../src/digest/ports.ts";
import { Library } from "../../src/library/library.ts";
import { sampleFolder } from "../support/folders.ts";
import { addBriefings } from "../fixtures/digest/briefings.ts";
import { messageText, readingProblems } from "../support/discord-text.ts";

/** What a digest says and how it is cut into Discord messages. */
let library: Library;
const folder = sampleFolder();

beforeAll(async () => {
  addBriefings(folder.dir, [1, 2, 3], { sentences: 9 });
  library = await Library.open({ dataDir: folder.dir, cacheDir: null });
});
afterAll(() => folder.cleanup());

const quote = (n: number) =>
  `Officials from ministry ${n} said on Monday that the talks covered border security, customs, migration, trade corridors and the training of police officers in cybercrime investigation, and that a further round would follow in the capital before the end of the year.`;
const party = (name: string) => ({ name, kind: "person" as const, role: null });
const meeting = (n: number, source: string): Meeting => ({
  source,
  paragraph: 2,
  date: "2024-06-09",
  yearStated: true,
  participants: [party(`Minister Number ${n}`), party(`Ambassador Number ${n}`)],
  place: "the Peace Palace in Phnom Penh",
  topic: "border security, customs, migration, trade corridors and police training in cybercrime investigation "
    .repeat(2)
    .trim(),
  quote: quote(n),
});
const pledge = (n: number, source: string): Pledge => ({
  source,
  paragraph: 3,
  date: "2024-06-09",
  yearStated: true,
  actor: party(`Minister Number ${n}`),
  actors: [party(`Minister Number ${n}`)],
  speaker: null,
  counterparts: [party("Vietnam")],
  kind: n % 3 === 0 ? "agreement" : "pledge",
  commitment: "to step up joint patrols along the border and share intelligence on trafficking networks every month",
  quote: quote(n),
});

describe("digest content", () => {
  it("quotes the lead paragraph verbatim, cut at a sentence end", () => {
    const b = library.get("901_digest_1")!;
    const lead = leadOf(b);
    expect(lead.length).toBeLessThanOrEqual(320);
    expect(lead).toMatch(/floods receded\.…$/);
    expect(b.paragraphs[0].text.startsWith(lead.slice(0, -1))).toBe(true);
    const short = library.get("004_47f2573022b012a6")!;
    expect(leadOf(short)).toBe(short.paragraphs[0].text);
  });

  it("new means not yet sent to the channel and not on its way in a recorded digest; newest first", () => {
    const sent = Object.fromEntries(
      library.briefings.filter((b) => !b.id.includes("digest")).map((b) => [b.id, "baseline"]),
    );
    expect(unsentBriefings(library, sent).map((b) => b.id)).toEqual(["901_digest_1", "902_digest_2", "903_digest_3"]);
    expect(unsentBriefings(library, sent, ["902_digest_2"]).map((b) => b.id)).toEqual(["901_digest_1", "903_digest_3"]);
    expect(unsentBriefings(library, {}).map((b) => b.meta.published)).toEqual(
      [...library.briefings.map((b) => b.meta.published)].sort().reverse(),
    );
  });

  it("gathers the meetings and pledges of the new briefings, with counts, and a JSON form", () => {
    const chosen = [library.get("004_47f2573022b012a6")!, library.get("901_digest_1")!];
    const digest = buildDigest(library, chosen, "since the last digest");
    const events = library.perBriefingEvents.get("004_47f2573022b012a6")!;
    expect(digest.counts).toEqual({ briefings: 2, meetings: events.meetings.length, pledges: events.pledges.length });
    const answer = digestAnswer(digest);
    expect(answer.items.filter((i) => i.kind === "passage")).toHaveLength(2);
    expect(answer.items.filter((i) => i.kind === "event")).toHaveLength(events.meetings.length + events.pledges.length);
    const json = answer.json as { briefings: Array<Record<string, unknown>>; counts: unknown };
    expect(json.briefings[0]).toMatchObject({
      source: "004_47f2573022b012a6",
      outlet: "The Phnom Penh Post",
      published: "2024-01-25",
      url: expect.stringContaining("phnompenhpost"),
    });
    expect(json.counts).toEqual(digest.counts);
  });

  it("says plainly when nothing is new", () => {
    const answer = digestAnswer(buildDigest(library, [], "since the last digest, Mon 10 Jun 2024"));
    expect(answer.title).toBe("Digest: nothing new");
    expect(answer.note).toBe("No new briefings since the last digest, Mon 10 Jun 2024.");
  });
});

describe("digest messages for Discord", () => {
  const big = (): Digest => {
    const base = buildDigest(library, unsentBriefings(library, {}), "since the digest was set up");
    const meetings = Array.from({ length: 20 }, (_, i) => meeting(i + 1, "901_digest_1"));
    const pledges = Array.from({ length: 12 }, (_, i) => pledge(i + 1, "902_digest_2"));
    return {
      ...base,
      meetings,
      pledges,
      counts: { ...base.counts, meetings: meetings.length, pledges: pledges.length },
    };
  };

  it("one message where it fits: a content line, one embed per briefing, one compact events embed", () => {
    const digest = buildDigest(library, unsentBriefings(library, {}).slice(0, 3), "since the digest was set up");
    const withEvents = {
      ...digest,
      meetings: [meeting(1, digest.briefings[0].id)],
      counts: { ...digest.counts, meetings: 1 },
    };
    const [message, ...rest] = digestMessages(withEvents, "0123456789abcdef");
    expect(rest).toHaveLength(0);
    expect(message.content).toBe(
      "**Briefings digest** · 3 new briefings · 1 meeting · 0 pledges, agreements or requests\nSince the digest was set up",
    );
    expect(message.embeds).toHaveLength(4);
    const [first] = message.embeds;
    expect(first.title).toBe(digest.briefings[0].title);
    expect(first.url).toBe(digest.briefings[0].url);
    expect(first.author!.name).toBe(digest.briefings[0].outlet);
    expect(first.footer!.text).toMatch(/^Published \d{1,2}\u00a0\w{3}\u00a0\d{4} · 1 meeting$/);
    const events = message.embeds[3];
    expect(events.author!.name).toBe("Meetings and pledges in these briefings");
    expect(events.description).toMatch(
      /^• 9\u00a0Jun\u00a02024 · Minister Number 1 met Ambassador Number 1 · the Peace Palace in Phnom Penh — \*.+\*, ¶2$/,
    );
    expect(refIn(message.embeds)).toEqual(["0123456789abcdef", 1]);
    expect(JSON.stringify(message)).not.toMatch(/"(text|name|title|description|content)":"[^"]*0123456789abcdef/);
  });

  it("split a long digest into messages within Discord's limits, never dropping an item", () => {
    const digest = big();
    const messages = digestMessages(digest, "0123456789abcdef");
    expect(messages.length).toBeGreaterThan(1);
    let briefings = 0;
    let events = 0;
    messages.forEach((m, i) => {
      expect(m.embeds.length).toBeLessThanOrEqual(10);
      expect(embedChars(m.embeds)).toBeLessThanOrEqual(6000);
      for (const e of m.embeds) expect(e.description!.length).toBeLessThanOrEqual(4096);
      expect(refIn(m.embeds)).toEqual(["0123456789abcdef", i + 1]);
      expect(m.allowed_mentions).toEqual({ parse: [] });
      briefings += m.embeds.filter((e) => e.title && e.footer?.text.startsWith("Published")).length;
      events += m.embeds.reduce((n, e) => n + (e.description!.match(/^• /gm) ?? []).length, 0);
    });
    expect(briefings).toBe(digest.briefings.length);
    expect(events).toBe(MAX_EVENTS + 12);
    const all = messages.flatMap((m) => m.embeds.map((e) => e.description)).join("\n");
    expect(all).toContain("5 more meetings in these briefings: ask the bot (`/ask`) for them.");
    expect(all).not.toContain("Commitment");
    // Each part reads as the digest it is: no "(continued)" titles, no internal reference, nothing said twice.
    for (const m of messages) {
      expect(messageText(m)).not.toMatch(/continued|digest [0-9a-f]{16}/i);
      expect(readingProblems(m)).toEqual([]);
    }
  });

  it("a nothing-new note is one short message", () => {
    const messages = digestMessages(
      buildDigest(library, [], "since the last digest, Mon 10 Jun 2024"),
      "0123456789abcdef",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0].embeds[0].description).toBe("No new briefings since the last digest, Mon 10 Jun 2024.");
    expect(refIn(messages[0].embeds)).toEqual(["0123456789abcdef", 1]);
  });

  it("reads the reference where this version puts it, and in the footer where earlier versions did", () => {
    expect(refIn([{ author: { url: "https://example.org/a#digest-0123456789abcdef.2" } }])).toEqual([
      "0123456789abcdef",
      2,
    ]);
    expect(refIn([{ footer: { text: "digest 0123456789abcdef.3 · message 3 of 4" } }])).toEqual([
      "0123456789abcdef",
      3,
    ]);
    expect(
      refIn([{ footer: { text: "Published 9 Jun 2024" } }, { author: { url: "https://example.org/a" } }]),
    ).toBeNull();
  });

  it("nonces fit Discord's 25 characters", () => {
    expect(partNonce("0123456789abcdef", 999).length).toBeLessThanOrEqual(25);
  });
});
