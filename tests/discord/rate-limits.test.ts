import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResponseLike } from "discord.js";
import { pacedRequests, type HeaderlessInfo } from "../../src/discord/rate-limits.ts";
import { startHarness, type BotHarness } from "../support/bot-harness.ts";

/**
 * 429s end to end, on the real bot's discord.js client (a mention's answer is its REST post): one with Discord's
 * `X-RateLimit-*` headers is waited out; one without them (Cloudflare's kind) no longer makes discord.js send the
 * request again at once, over and over (before: 31 requests in 67 ms), but holds requests for a wait that doubles.
 */
let h: BotHarness;
let channel: string;
const path = () => `/channels/${channel}/messages`;
const posts = () => h.emu.callsTo("POST", path());
/** A short first wait, so that the test does not sleep for seconds. */
const WAIT = { firstMs: 100, maxMs: 400 };

beforeAll(async () => {
  h = await startHarness({}, () => ({}), { client: { headerlessWait: WAIT } });
  channel = h.emu.channelIds[0]!;
});
afterAll(async () => {
  await h?.stop();
});

describe("rate limits (emulated Discord)", () => {
  it("a 429 with X-RateLimit-* headers is waited out, then the answer is posted once", async () => {
    const before = posts().length;
    h.emu.rateLimitNext({ method: "POST", path: path() }, { retryAfter: 0.15 });
    const reply = await h.emu.mentionBot("who met Tina Redshaw?").reply();
    expect(reply.content + JSON.stringify(reply.embeds)).toMatch(/Redshaw/);
    const calls = posts().slice(before);
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(140);
  });

  it.each([
    ["a retry_after in its body", "body" as const],
    ["no wait given at all", "neither" as const],
  ])("a 429 without rate-limit headers and %s is not retried in a tight loop", async (_what, where) => {
    const before = posts().length;
    const failing = h.emu.rateLimitNextWithoutHeaders(
      { method: "POST", path: path() },
      { retryAfter: 0.001, in: where, times: Infinity },
    );
    const reply = h.emu.mentionBot("who met Tina Redshaw?").reply({ timeoutMs: 10_000 });
    const first = await h.emu.waitFor((c) => c.status === 429 && c.path === path(), { includePast: false });
    await sleep(650);
    // Waits of 150, 250 and 450 ms (the floor, doubling, plus discord.js's 50 ms): at most 4 requests in 650 ms from
    // the first 429 (plain discord.js sends hundreds).
    const during = posts().filter((c) => c.seq >= first.seq).length;
    expect(during).toBeGreaterThanOrEqual(2);
    expect(during).toBeLessThanOrEqual(4);
    failing.cancel();
    await reply;
    const calls = posts().slice(before);
    expect(calls.filter((c) => c.status === 200)).toHaveLength(1);
    expect(calls.at(-1)!.status).toBe(200);
    expect(h.logs()).toMatch(
      new RegExp(
        `Discord answered POST ${path()} with 429 but no rate-limit headers \\(1 in a row; Cloudflare .*\\): holding all requests for 0\\.1 s`,
      ),
    );
  });

  it("a header-less 429 holds the requests to other channels too; after a success the wait starts from the first", async () => {
    h.emu.rateLimitNextWithoutHeaders({ method: "POST", path: path() }, { retryAfter: 0.001 });
    const first = h.emu.mentionBot("who met Tina Redshaw?").reply();
    const limited = await h.emu.waitFor((c) => c.status === 429 && c.path === path(), { includePast: false });
    const elsewhere = h.emu.channelIds[1]!;
    const other = await h.emu.mentionBot("who met Tina Redshaw?", { channelId: elsewhere }).reply();
    await first;
    const answered = h.emu
      .callsTo("POST", `/channels/${elsewhere}/messages`)
      .find((c) => c.resultMessage?.id === other.id)!;
    expect(answered.at - limited.at).toBeGreaterThanOrEqual(95);
    const lines = h
      .logs()
      .split("\n")
      .filter((l) => l.includes("no rate-limit headers"));
    expect(lines.at(-1)).toMatch(/\(1 in a row; .*holding all requests for 0\.1 s/);
  });
});

describe("pacedRequests (the request function discord.js is given)", () => {
  const response = (status: number, body: string, headers: Record<string, string> = {}) =>
    new Response(body, { status, headers }) as unknown as ResponseLike;
  const calls: HeaderlessInfo[] = [];
  const answers: ResponseLike[] = [];
  const paced = pacedRequests(
    (i) => calls.push(i),
    { firstMs: 1000, maxMs: 3000 },
    async () => answers.shift()!,
  );
  const send = () => paced("https://discord.com/api/v10/channels/1/messages?x=1", { method: "POST" });

  it("passes Discord's own 429 (with X-RateLimit-* headers) and every other answer through untouched", async () => {
    const own = response(429, "{}", { "retry-after": "2", "x-ratelimit-scope": "user" });
    answers.push(own);
    expect(await send()).toBe(own);
    answers.push(response(200, "[]"));
    expect((await send()).status).toBe(200);
    expect(calls).toEqual([]);
  });

  it("turns a header-less 429 into a global wait: the longest of what it asks and a floor that doubles", async () => {
    answers.push(response(429, "<html>Too many requests</html>", { "retry-after": "0.5" }));
    const first = await send();
    expect([first.headers.get("retry-after"), first.headers.get("x-ratelimit-global")]).toEqual(["1", "true"]);
    expect(await first.text()).toBe("<html>Too many requests</html>");
    answers.push(response(429, JSON.stringify({ retry_after: 2.5 })));
    expect((await send()).headers.get("retry-after")).toBe("2.5");
    answers.push(response(429, ""), response(429, ""));
    await send();
    expect((await send()).headers.get("retry-after")).toBe("3");
    expect(calls.map((c) => [c.method, c.path, c.waitMs, c.inRow])).toEqual([
      ["POST", "/channels/1/messages", 1000, 1],
      ["POST", "/channels/1/messages", 2500, 2],
      ["POST", "/channels/1/messages", 3000, 3],
      ["POST", "/channels/1/messages", 3000, 4],
    ]);
    answers.push(response(200, "{}"), response(429, ""));
    await send();
    await send();
    expect(calls.at(-1)).toMatchObject({ waitMs: 1000, inRow: 1 });
  });
});
