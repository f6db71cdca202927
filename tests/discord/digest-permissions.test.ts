import { Writable } from "node:stream";
import { Events, PermissionFlagsBits as P } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Env } from "../../src/runtime/settings.ts";
import { ManualClock } from "../../src/digest/clock.ts";
import { runBot, type RunningBot } from "../../src/discord/start.ts";
import { createLogger } from "../../src/runtime/log.ts";
import { startEmulator, type DiscordEmulator, type OverwriteInput } from "../support/emulator/index.ts";
import { sampleFolder, tempDir } from "../support/folders.ts";
import { addBriefings, briefingCounts } from "../fixtures/digest/briefings.ts";
import { digestEnv } from "../support/bot-harness.ts";

/**
 * The bot's permissions in its digest channels, end to end: channel overwrites in the emulator take permissions
 * away from the bot, its discord.js client computes them from what Discord sent, it says at start which are missing
 * where, and before each digest it does not post where a post cannot work.
 */
const MONDAY_0759_PP = Date.parse("2024-06-10T00:59:00Z");
const MANAGE_GUILD = (1n << 5n).toString();
/** A channel id in no server the bot is in. */
const NOWHERE = "123456789012345678";

let emu: DiscordEmulator;
let bot: RunningBot;
let env: Env;
let logs = "";
const clock = new ManualClock(MONDAY_0759_PP);
const folder = sampleFolder();
const cache = tempDir("digest-perms-cache-");
const state = tempDir("digest-perms-state-");
let ch: { general: string; ok: string; "no-embeds": string; "no-history": string; hidden: string };
const added: Array<{ url: string }> = [];

type Line = { level: number; msg: string; channel?: string; schedules?: string[]; missing?: string[] };
const lines = (): Line[] =>
  logs
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
const posts = (channel: string) => emu.callsTo("POST", `/channels/${channel}/messages`);
const advance = async (ms: number) => {
  clock.advance(ms);
  await bot.digest!.idle();
};
const addAndReload = async (n: number) => {
  const next = bot.watcher!.nextRebuild();
  added.push(...addBriefings(folder.dir, [n]));
  expect((await next).ok).toBe(true);
};
/** Change a channel's overwrites and wait until the bot's client has heard of it. */
const setOverwrites = async (channel: string, overwrites: OverwriteInput[]) => {
  const updated = new Promise((resolve) => bot.client.once(Events.ChannelUpdate, resolve));
  emu.setChannelOverwrites(channel, overwrites);
  await updated;
};

beforeAll(async () => {
  emu = await startEmulator({ guilds: [{ channels: ["general", "ok", "no-embeds", "no-history", "hidden"] }] });
  ch = emu.info.channels as typeof ch;
  const botRole = emu.state.firstGuild().botRoleId;
  // Set before the bot connects: it learns them from GUILD_CREATE.
  emu.setChannelOverwrites(ch["no-embeds"], [{ id: botRole, type: "role", deny: P.EmbedLinks }]);
  emu.setChannelOverwrites(ch["no-history"], [{ id: emu.guildId, type: "role", deny: P.ReadMessageHistory }]);
  emu.setChannelOverwrites(ch.hidden, [{ id: emu.botUserId, type: "member", deny: P.ViewChannel }]);
  const every10s = (c: string) => `*/10 * * * * *|UTC|${c}`;
  env = await digestEnv(
    emu,
    { DATA_DIR: folder.dir, CACHE_DIR: cache.dir, STATE_DIR: state.dir },
    [ch.ok, ch["no-embeds"], ch["no-history"], ch.hidden].map(every10s).join("; ") +
      `; 0 8 * * 1-5|Asia/Phnom_Penh|${ch["no-embeds"]}; 0 9 * * *|UTC|${NOWHERE}`,
  );
  const sink = new Writable({ write: (c, _e, cb) => ((logs += c.toString()), cb()) });
  bot = await runBot(
    env,
    createLogger("info", [emu.token], sink),
    { globalRequestsPerSecond: 10_000, headerlessWait: { firstMs: 100, maxMs: 400 } },
    {
      digest: { clock, retry: { attempts: 4, backoffMs: () => 5 }, options: { nonceWindowMs: 5_000 } },
      watch: { settleMs: 30 },
    },
  );
  await bot.digest!.idle();
});

afterAll(async () => {
  await bot?.stop();
  await emu?.stop();
  folder.cleanup();
  cache.cleanup();
  state.cleanup();
});

describe("digest channel permissions (emulated Discord)", () => {
  it("at start: one line per digest channel that lacks something, naming it, its schedules, what is missing and what to do", () => {
    const found = lines().filter((l) => l.msg.includes("the bot lacks"));
    expect(found.map((l) => [l.channel, l.missing])).toEqual([
      [ch["no-embeds"], ["Embed Links"]],
      [ch["no-history"], ["Read Message History"]],
      [ch.hidden, ["View Channel"]],
    ]);
    const [embeds, history, hidden] = found;
    expect(embeds.level).toBe(40);
    expect(embeds.schedules).toEqual([
      `*/10 * * * * *|UTC|${ch["no-embeds"]}`,
      `0 8 * * 1-5|Asia/Phnom_Penh|${ch["no-embeds"]}`,
    ]);
    expect(embeds.msg).toMatch(
      new RegExp(
        `^digest “.*” and “Weekdays at 08:00, Phnom Penh time”: the bot lacks Embed Links in #no-embeds \\(${ch["no-embeds"]}\\): ` +
          "no digest can be posted there \\(Discord strips the embeds a digest is made of\\); give the bot's role that permission in the channel's settings",
      ),
    );
    expect(history.msg).toMatch(
      /the bot lacks Read Message History in #no-history .*: after a restart it cannot see which digest parts it already posted, so one may be posted twice; give/,
    );
    expect(hidden.msg).toMatch(
      /the bot lacks View Channel in #hidden .*no digest can be posted there \(it cannot see the channel\)/,
    );
    const unknown = lines().find((l) => l.channel === NOWHERE)!;
    expect(unknown.msg).toMatch(
      /^digest “.*” goes to channel 123456789012345678, which the bot cannot find in its servers: check the id in DIGEST_SCHEDULES/,
    );
  });

  it("before a digest: no request where a post cannot work, a line saying why; the other channels get theirs", async () => {
    await addAndReload(1);
    await advance(10_000);
    expect(emu.messages(ch.ok)).toHaveLength(1);
    expect(emu.messages(ch["no-history"])).toHaveLength(1); // posted, with a warning
    expect(posts(ch["no-embeds"])).toHaveLength(0);
    expect(posts(ch.hidden)).toHaveLength(0);
    const refusal = lines().find((l) => l.msg.startsWith(`digest not posted to channel ${ch["no-embeds"]}:`))!;
    expect(refusal.level).toBe(50);
    expect(refusal.missing).toEqual(["Embed Links"]);
    expect(refusal.msg).toMatch(
      /: the bot lacks Embed Links in #no-embeds .* \(nothing recorded: its briefings wait for the channel's next run; the schedule keeps going\)$/,
    );
    expect(
      lines().some(
        (l) =>
          l.msg.startsWith(`digest channel ${ch["no-history"]}: the bot lacks Read Message History`) &&
          l.msg.endsWith("posting anyway"),
      ),
    ).toBe(true);

    // The schedule goes on: the next run says it again, still without a request.
    const before = lines().filter((l) => l.msg.startsWith(`digest not posted to channel ${ch["no-embeds"]}:`)).length;
    await advance(10_000);
    expect(lines().filter((l) => l.msg.startsWith(`digest not posted to channel ${ch["no-embeds"]}:`))).toHaveLength(
      before + 1,
    );
    expect(posts(ch["no-embeds"])).toHaveLength(0);
  });

  it("/digest now and /digest status say what is missing", async () => {
    const now = await emu
      .slashCommand({ name: "digest", subcommand: "now", channelId: ch["no-embeds"], memberPermissions: MANAGE_GUILD })
      .response();
    expect(now.message!.content).toMatch(/^The digest could not be posted: the bot lacks Embed Links in #no-embeds/);
    const status = await emu
      .slashCommand({ name: "digest", subcommand: "status", channelId: ch.general, memberPermissions: MANAGE_GUILD })
      .response();
    expect(status.message!.embeds[0].description).toMatch(
      new RegExp(`to <#${ch["no-embeds"]}>: last run .*: failed \\(the bot lacks Embed Links in #no-embeds`),
    );
    expect(posts(ch["no-embeds"])).toHaveLength(0);
  });

  it("once the permission is given, the next run posts the briefings that waited, once", async () => {
    await setOverwrites(ch["no-embeds"], []);
    await advance(10_000);
    const messages = emu.messages(ch["no-embeds"]).filter((m) => !((m.flags ?? 0) & 64));
    expect(messages).toHaveLength(1);
    expect(
      briefingCounts(
        messages,
        added.map((a) => a.url),
      ),
    ).toEqual(Object.fromEntries(added.map((a) => [a.url, 1])));
    await advance(10_000);
    expect(emu.messages(ch["no-embeds"]).filter((m) => !((m.flags ?? 0) & 64))).toHaveLength(1);
  });

  it("a permission taken away while running is seen before the next digest", async () => {
    await setOverwrites(ch.ok, [{ id: emu.guildId, type: "role", deny: P.SendMessages }]);
    const before = posts(ch.ok).length;
    await addAndReload(2);
    await advance(10_000);
    expect(posts(ch.ok)).toHaveLength(before);
    expect(lines().at(-1)).toBeDefined();
    expect(lines().some((l) => l.channel === ch.ok && l.missing?.includes("Send Messages"))).toBe(true);
    await setOverwrites(ch.ok, []);
    await advance(10_000);
    expect(posts(ch.ok)).toHaveLength(before + 1);
  });

  it("without Read Message History a kept digest is not checked against the (empty) history; the line says so", async () => {
    const channel = ch["no-history"];
    const failing = emu.failNext({ method: "POST", path: `/channels/${channel}/messages`, status: 503, times: 4 });
    await addAndReload(3);
    await advance(10_000); // four tries fail: the digest is kept
    expect(failing.hits).toBe(4);
    await advance(10_000); // past the nonce window: the kept digest would be looked for in the channel
    expect(emu.callsTo("GET", `/channels/${channel}/messages`)).toHaveLength(0);
    expect(
      lines().some(
        (l) =>
          l.channel === channel &&
          l.msg.startsWith(
            "cannot read the channel's recent messages to check for digest parts posted before a restart (the bot lacks Read Message History there",
          ),
      ),
    ).toBe(true);
    expect(
      briefingCounts(
        emu.messages(channel),
        added.map((a) => a.url),
      ),
    ).toEqual(Object.fromEntries(added.map((a) => [a.url, 1])));
  });

  it("a digest post answered by a 429 without rate-limit headers is tried a bounded number of times, then later", async () => {
    const path = `/channels/${ch.ok}/messages`;
    const before = posts(ch.ok).length;
    const failing = emu.rateLimitNextWithoutHeaders({ method: "POST", path }, { retryAfter: 0.001, times: 50 });
    await addAndReload(4);
    await advance(10_000);
    const tries = posts(ch.ok).slice(before);
    expect(tries).toHaveLength(4); // the poster's four tries, one request each
    for (let i = 1; i < tries.length; i++) expect(tries[i].at - tries[i - 1].at).toBeGreaterThanOrEqual(95);
    expect(logs).toMatch(/digest post to channel \d+ failed \(rate limited for \d+ ms\); retrying in \d+ ms/);
    failing.cancel();
    await advance(10_000);
    expect(posts(ch.ok).at(-1)!.status).toBe(200);
    expect(
      briefingCounts(
        emu.messages(ch.ok),
        added.map((a) => a.url),
      )[added.at(-1)!.url],
    ).toBe(1);
  });
});
