import { Writable } from "node:stream";
import path from "node:path";
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Env } from "../../src/runtime/settings.ts";
import { ManualClock } from "../../src/digest/clock.ts";
import { readStateFile, STATE_FILE } from "../../src/digest/store.ts";
import { runBot, type RunningBot } from "../../src/discord/start.ts";
import { createLogger } from "../../src/runtime/log.ts";
import { startEmulator, type DiscordEmulator, type FailureHandle } from "../support/emulator/index.ts";
import { sampleFolder, tempDir } from "../support/folders.ts";
import { messageText } from "../support/discord-text.ts";
import { addBriefings, briefingCounts, refOf } from "../fixtures/digest/briefings.ts";
import { digestEnv } from "../support/bot-harness.ts";

/**
 * Scheduled digests end to end: the real bot on a real discord.js client against the Discord
 * emulator, with a clock the test moves. A fast schedule (every 10 s) posts to #briefings and
 * to #locked (where the bot has no access), a weekday 08:00 Phnom Penh schedule to #newsroom.
 */
const MONDAY_0759_PP = Date.parse("2024-06-10T00:59:00Z");
const EPHEMERAL = 1 << 6;
const MANAGE_GUILD = (1n << 5n).toString();

let emu: DiscordEmulator;
let bot: RunningBot | null = null;
let env: Env;
let logs = "";
let locked: FailureHandle;
const clock = new ManualClock(MONDAY_0759_PP);
const folder = sampleFolder();
const cache = tempDir("digest-e2e-cache-");
const state = tempDir("digest-e2e-state-");
let ch: { general: string; briefings: string; newsroom: string; locked: string };
const added: Array<{ url: string; title: string }> = [];

const start = async () => {
  const sink = new Writable({ write: (c, _e, cb) => ((logs += c.toString()), cb()) });
  bot = await runBot(
    env,
    createLogger("info", [emu.token], sink),
    { globalRequestsPerSecond: 10_000 },
    {
      digest: { clock, retry: { attempts: 4, backoffMs: () => 5 } },
      watch: { settleMs: 30 },
    },
  );
  await bot.digest!.idle();
};
const stop = async () => {
  await bot?.stop();
  bot = null;
};
/** Move the clock and wait for whatever it set off. */
const advance = async (ms: number) => {
  clock.advance(ms);
  await bot!.digest!.idle();
};
/** Add briefing files and wait for the running bot to reload them. */
const addAndReload = async (numbers: number[], opts: { sentences?: number } = {}) => {
  const next = bot!.watcher!.nextRebuild();
  const files = addBriefings(folder.dir, numbers, opts);
  const result = await next;
  expect(result.ok).toBe(true);
  added.push(...files);
  return files;
};
const posts = (channel: string) => emu.callsTo("POST", `/channels/${channel}/messages`);
const digestState = () => {
  const read = readStateFile(path.join(state.dir, STATE_FILE));
  if (!read.ok) throw new Error(read.problem);
  return read.state;
};

beforeAll(async () => {
  emu = await startEmulator({ guilds: [{ channels: ["general", "briefings", "newsroom", "locked"] }] });
  ch = emu.info.channels as typeof ch;
  const schedules = `*/10 * * * * *|Asia/Phnom_Penh|${ch.briefings}; 0 8 * * 1-5|${ch.newsroom}; */10 * * * * *|UTC|${ch.locked}`;
  env = await digestEnv(emu, { DATA_DIR: folder.dir, CACHE_DIR: cache.dir, STATE_DIR: state.dir }, schedules);
  locked = emu.failChannel(ch.locked); // 403 Missing Access, until the test lifts it
  await start();
});

afterAll(async () => {
  await stop();
  await emu?.stop();
  folder.cleanup();
  cache.cleanup();
  state.cleanup();
});

describe("scheduled digests in Discord (emulated)", () => {
  it("registers /digest with preview, now and status, for Manage Server by default, in servers only", () => {
    const digest = emu.commands(emu.guildId).find((c) => c.name === "digest")!;
    expect(digest.options?.map((o) => [o.type, o.name])).toEqual([
      [1, "preview"],
      [1, "now"],
      [1, "status"],
    ]);
    expect(digest.default_member_permissions).toBe(MANAGE_GUILD);
    expect(digest.contexts).toEqual([0]);
  });

  it("first start takes the briefings already there as the baseline and posts nothing", () => {
    expect(posts(ch.briefings)).toHaveLength(0);
    expect(posts(ch.newsroom)).toHaveLength(0);
    const s = digestState();
    expect(Object.keys(s.channels).sort()).toEqual([ch.briefings, ch.locked, ch.newsroom].sort());
    expect(Object.values(s.channels[ch.briefings].sent)).toEqual([
      "baseline",
      "baseline",
      "baseline",
      "baseline",
      "baseline",
    ]);
  });

  it("a new briefing file produces exactly one post, with headline, outlet, date, quoted lead and link", async () => {
    const [b] = await addAndReload([1]);
    await advance(10_000);
    const messages = emu.messages(ch.briefings);
    expect(messages).toHaveLength(1);
    const embed = messages[0].embeds[0];
    expect(messages[0].content).toMatch(/^\*\*Briefings digest\*\* · 1 new briefing · 0 meetings/);
    // What it is new since, as a Discord time each reader sees in their own zone: no zone name, no ISO.
    expect(messages[0].content).toMatch(/\nSince the (last digest|digest was set up), <t:(\d+):f> \(<t:\2:R>\)$/);
    expect(embed.title).toBe(b.title);
    expect(embed.url).toBe(b.url);
    expect(embed.author?.name).toBe("Test Gazette");
    expect(embed.description).toMatch(/^Ferry operators in province 1 reported that crossing number 1 reopened/);
    expect(embed.footer?.text).toBe("Published 9\u00a0Jun\u00a02024");
    // The reference that finds it again after a restart is in no text a person reads.
    expect(messageText(messages[0])).not.toMatch(/digest[- ][0-9a-f]{16}/);
    const body = posts(ch.briefings)[0].body as Record<string, unknown>;
    expect(body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(body.nonce).toMatch(/^[0-9a-f]{16}\.1$/);

    await advance(10_000);
    await advance(10_000);
    expect(emu.messages(ch.briefings)).toHaveLength(1); // nothing new: nothing posted
  });

  it("a permanently failing channel (403) is logged clearly, not retried in a loop, and does not block the others", () => {
    expect(posts(ch.locked).length).toBeGreaterThan(0);
    expect(posts(ch.locked).every((c) => c.status === 403)).toBe(true);
    // One try per run: a 403 is not retried with backoff.
    const pending = digestState().pending.filter((p) => p.channel === ch.locked);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ permanent: true, retryAt: null });
    expect(pending[0].attempts).toBe(posts(ch.locked).length);
    expect(logs).toMatch(
      new RegExp(
        `digest not posted to channel ${ch.locked}: 403 Missing Access \\(code 50001\\): give the bot View Channel`,
      ),
    );
  });

  it("the weekday 08:00 Asia/Phnom_Penh schedule runs at 01:00 UTC, once", async () => {
    expect(posts(ch.newsroom)).toHaveLength(0);
    clock.set(Date.parse("2024-06-10T01:00:00Z"));
    await bot!.digest!.idle();
    const messages = emu.messages(ch.newsroom);
    expect(messages).toHaveLength(1);
    expect(messages[0].embeds[0].url).toBe("https://example.org/digest-test/1");
    await advance(60_000);
    expect(emu.messages(ch.newsroom)).toHaveLength(1);
  });

  it("a restart produces no repeat", async () => {
    const before = emu.messages(ch.briefings).length;
    await stop();
    await start();
    await advance(10_000);
    await advance(10_000);
    expect(emu.messages(ch.briefings)).toHaveLength(before);
    expect(emu.messages(ch.newsroom)).toHaveLength(1);
  });

  it("a run missed while the bot was stopped is caught up on start, once", async () => {
    await stop();
    const [b] = addBriefings(folder.dir, [2]);
    added.push(b);
    const briefingsBefore = emu.messages(ch.briefings).length;
    clock.set(Date.parse("2024-06-11T01:00:30Z")); // Tuesday 08:00:30 in Phnom Penh: many runs missed
    await start();
    const fresh = emu.messages(ch.briefings).slice(briefingsBefore);
    expect(fresh).toHaveLength(1);
    expect(fresh[0].embeds[0].url).toBe("https://example.org/digest-test/2");
    expect(emu.messages(ch.newsroom)).toHaveLength(2);
    expect(emu.messages(ch.newsroom)[1].embeds[0].url).toBe("https://example.org/digest-test/2");
    const lastRun = digestState().schedules[`0 8 * * 1-5|Asia/Phnom_Penh|${ch.newsroom}`].lastRun;
    expect(lastRun).toMatchObject({ due: "2024-06-11T01:00:00.000Z", outcome: "posted" });
    await advance(10_000);
    await advance(60_000);
    expect(emu.messages(ch.briefings)).toHaveLength(briefingsBefore + 1);
    expect(emu.messages(ch.newsroom)).toHaveLength(2);
  });

  it("a post that fails with 500 once is retried and posted once, with the same nonce", async () => {
    const before = posts(ch.briefings).length;
    emu.failNext({ method: "POST", path: `/channels/${ch.briefings}/messages`, status: 500 });
    await addAndReload([3]);
    await advance(10_000);
    const calls = posts(ch.briefings).slice(before);
    expect(calls.map((c) => c.status)).toEqual([500, 200]);
    expect((calls[0].body as { nonce: string }).nonce).toBe((calls[1].body as { nonce: string }).nonce);
    expect(
      briefingCounts(
        emu.messages(ch.briefings),
        added.map((a) => a.url),
      ),
    ).toEqual(Object.fromEntries(added.map((a) => [a.url, 1])));
    expect(logs).toMatch(/digest post to channel \d+ failed \(500/);
  });

  it("a rate-limited post (429) waits and is posted once", async () => {
    const before = emu.messages(ch.briefings).length;
    emu.rateLimitNext({ method: "POST", path: `/channels/${ch.briefings}/messages` }, { retryAfter: 0.02 });
    await addAndReload([4]);
    await advance(10_000);
    expect(emu.messages(ch.briefings)).toHaveLength(before + 1);
    expect(posts(ch.briefings).at(-1)!.status).toBe(200);
  });

  it("a failure that outlasts the retries keeps the digest and posts it later, once", async () => {
    const before = emu.messages(ch.briefings).length;
    const failing = emu.failNext({ method: "POST", path: `/channels/${ch.briefings}/messages`, status: 503, times: 4 });
    await addAndReload([5]);
    await advance(10_000);
    expect(failing.hits).toBe(4);
    expect(emu.messages(ch.briefings)).toHaveLength(before);
    const pending = digestState().pending.find((p) => p.channel === ch.briefings)!;
    expect(pending).toMatchObject({ permanent: false, briefings: ["905_digest_5"] });
    await advance(10_000); // the next run posts the kept digest first
    expect(emu.messages(ch.briefings)).toHaveLength(before + 1);
    expect(
      briefingCounts(
        emu.messages(ch.briefings),
        added.map((a) => a.url),
      ),
    ).toEqual(Object.fromEntries(added.map((a) => [a.url, 1])));
  });

  it("a long digest is split across messages within Discord's limits, every briefing once", async () => {
    const before = emu.messages(ch.briefings).length;
    const files = await addAndReload([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23], { sentences: 12 });
    await advance(10_000);
    const fresh = emu.messages(ch.briefings).slice(before);
    expect(fresh.length).toBeGreaterThan(1);
    expect(new Set(fresh.map((m) => refOf(m)?.[0])).size).toBe(1); // one digest
    fresh.forEach((m, i) => {
      expect(refOf(m)?.[1]).toBe(String(i + 1));
      expect(m.embeds.length).toBeLessThanOrEqual(10);
      for (const e of m.embeds) expect(e.description!.length).toBeLessThanOrEqual(4096);
      expect(m.embeds.reduce((n, e) => n + messageText({ embeds: [e] }).length, 0)).toBeLessThanOrEqual(6000);
    });
    // Leads are cut at a sentence end.
    expect(fresh[0].embeds[0].description).toMatch(/floods receded\.…$/);
    expect(
      briefingCounts(
        fresh,
        files.map((f) => f.url),
      ),
    ).toEqual(Object.fromEntries(files.map((f) => [f.url, 1])));
  });

  it("/digest preview shows only the asker what the next digest would say, posting nothing", async () => {
    await addAndReload([30]);
    const before = posts(ch.briefings).length;
    const res = await emu.slashCommand({ name: "digest", subcommand: "preview", channelId: ch.briefings }).response();
    expect(res.message!.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(res.message!.content).toMatch(/^Preview, only for you: the next digest here would post 1 message/);
    expect(res.message!.embeds[0].url).toBe("https://example.org/digest-test/30");
    expect(posts(ch.briefings)).toHaveLength(before);
    const elsewhere = await emu
      .slashCommand({ name: "digest", subcommand: "preview", channelId: ch.general })
      .response();
    expect(elsewhere.message!.content).toMatch(/^No digest is scheduled for this channel\. Digests go to /);
  });

  it("/digest now needs Manage Server, then posts the digest once; the next run has nothing new", async () => {
    const refused = await emu.slashCommand({ name: "digest", subcommand: "now", channelId: ch.briefings }).response();
    expect(refused.message!.content).toMatch(/needs the Manage Server permission/);
    expect(refused.message!.flags! & EPHEMERAL).toBe(EPHEMERAL);

    const before = emu.messages(ch.briefings).filter((m) => !(m.flags! & EPHEMERAL)).length;
    const handle = emu.slashCommand({
      name: "digest",
      subcommand: "now",
      channelId: ch.briefings,
      memberPermissions: MANAGE_GUILD,
    });
    const res = await handle.response();
    expect(handle.calls()[0].body).toMatchObject({ type: 5 }); // deferred first
    expect(res.kind).toBe("edit");
    expect(res.message!.content).toMatch(/^Posted the digest in 1 message: 1 new briefing/);
    const visible = () => emu.messages(ch.briefings).filter((m) => !(m.flags! & EPHEMERAL));
    expect(visible()).toHaveLength(before + 1);
    await advance(10_000);
    expect(visible()).toHaveLength(before + 1);
  });

  it("/digest status lists the schedules with their last and next runs", async () => {
    const res = await emu
      .slashCommand({ name: "digest", subcommand: "status", channelId: ch.general, memberPermissions: MANAGE_GUILD })
      .response();
    expect(res.message!.flags! & EPHEMERAL).toBe(EPHEMERAL);
    const text = res.message!.embeds[0].description!;
    const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);
    expect(text).toMatch(
      new RegExp(
        `^• Weekdays at 08:00, Phnom Penh time, to <#${ch.newsroom}>: last run <t:(\\d+):f> \\(<t:\\1:R>\\): posted; ` +
          `next <t:${at("2024-06-12T01:00:00Z")}:f> \\(<t:${at("2024-06-12T01:00:00Z")}:R>\\)`,
        "m",
      ),
    );
    expect(text).not.toContain("Asia/Phnom");
    expect(text).toMatch(
      new RegExp(`to <#${ch.locked}>: last run .*: failed \\(an earlier digest is still waiting: 403 Missing Access`),
    );
    expect(text).toContain("a digest of 1 briefing is waiting to be posted (403 Missing Access");
  });

  it("once access to a channel is restored it gets every briefing since its baseline, once", async () => {
    locked.cancel();
    await advance(10_000);
    const messages = emu.messages(ch.locked);
    expect(messages.length).toBeGreaterThanOrEqual(2); // the digest kept since the first 403, then the rest
    expect(
      briefingCounts(
        messages,
        added.map((a) => a.url),
      ),
    ).toEqual(Object.fromEntries(added.map((a) => [a.url, 1])));
    expect(digestState().pending).toHaveLength(0);
    await advance(10_000);
    expect(emu.messages(ch.locked)).toHaveLength(messages.length);
  });

  it("a broken file in the folder does not take the bot down; the others keep being served", async () => {
    const next = bot!.watcher!.nextRebuild();
    writeFileSync(path.join(folder.dir, "950_broken.txt"), Buffer.from([0, 1, 2, 3]));
    const result = await next;
    expect(result.ok).toBe(true);
    expect(bot!.context.library().problems.map((p) => p.file)).toContain("950_broken.txt");
    await advance(10_000);
    const about = await emu.slashCommand({ name: "about", channelId: ch.general }).response();
    expect(about.message!.embeds[0].description).toContain(`${5 + added.length} briefings`);
  });

  it("never pings anyone and every digest message carries a nonce with enforce_nonce", () => {
    emu.assertNoPings();
    const digestPosts = [ch.briefings, ch.newsroom, ch.locked].flatMap(posts);
    expect(digestPosts.length).toBeGreaterThan(10);
    for (const c of digestPosts)
      expect(c.body).toMatchObject({ enforce_nonce: true, nonce: expect.stringMatching(/^[0-9a-f]{16}\.\d+$/) });
    const ids = [ch.briefings, ch.newsroom, ch.locked]
      .flatMap((c) => emu.messages(c))
      .filter((m) => m.nonce)
      .map((m) => `${m.channel_id}:${m.nonce}`);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
