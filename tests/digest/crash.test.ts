import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PermissionFlagsBits as P } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_DIR, bundle } from "../../bin/build.mjs";
import { readEnv } from "../../src/runtime/settings.ts";
import { ManualClock } from "../../src/digest/clock.ts";
import { createDigests } from "../../src/discord/digest-setup.ts";
import { readStateFile, STATE_FILE } from "../../src/digest/store.ts";
import { Library } from "../../src/library/library.ts";
import { createLogger } from "../../src/runtime/log.ts";
import { startEmulator, type DiscordEmulator } from "../support/emulator/index.ts";
import { sampleFolder, tempDir } from "../support/folders.ts";
import { addBriefings, briefingCounts, refOf } from "../fixtures/digest/briefings.ts";

/**
 * SIGKILL at any moment of a digest, then start again: no briefing is lost from the digest
 * and none is posted twice to the channel. A child process runs the digest against the
 * emulator in this process and is killed at each step of posting (and, from outside, when
 * the emulator receives a post), then started again, and again the next day.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const RUNNER_SOURCE = "tests/fixtures/digest/run-digest.ts";
/** The runner bundled once (as `npm start` bundles the bot), so each child starts under plain Node. */
const RUNNER_DIR = path.join(BUILD_DIR, `test-crash-${process.pid}`);
const RUNNER = path.join(RUNNER_DIR, "run-digest.mjs");
const MONDAY_0700_PP = Date.parse("2024-06-10T00:00:00Z");
const MONDAY_0800_PP = Date.parse("2024-06-10T01:00:05Z");
const TUESDAY_0800_PP = Date.parse("2024-06-11T01:00:05Z");
const NEW = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];

let emu: DiscordEmulator;
const channels: string[] = [];
const cleanups: Array<() => void> = [];

interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function runChild(env: Record<string, string>, killOnPost?: { channel: string; nth: number }): Promise<ChildResult> {
  const child = spawn(process.execPath, [RUNNER], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: "pipe",
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<ChildResult>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  if (killOnPost) {
    let seen = 0;
    const path = `/channels/${killOnPost.channel}/messages`;
    emu
      .waitFor((c) => c.method === "POST" && c.path === path && ++seen === killOnPost.nth, {
        includePast: false,
        timeoutMs: 60_000,
      })
      .then(() => child.kill("SIGKILL"))
      .catch(() => undefined);
  }
  return exited;
}

/** A folder, a state and a channel of its own; the baseline taken Monday 07:00, then 14 briefings added. */
async function setUp(channel: string) {
  const folder = sampleFolder();
  const state = tempDir("digest-crash-state-");
  const cache = tempDir("digest-crash-cache-");
  cleanups.push(folder.cleanup, state.cleanup, cache.cleanup);
  const env: Record<string, string> = {
    DISCORD_TOKEN: emu.token,
    DISCORD_API_URL: emu.apiUrl,
    DATA_DIR: folder.dir,
    CACHE_DIR: cache.dir,
    STATE_DIR: state.dir,
    DIGEST_SCHEDULES: `0 8 * * 1-5|Asia/Phnom_Penh|${channel}`,
  };
  const read = readEnv(env, { dotenv: false });
  if (!read.ok) throw new Error(read.problems.join("\n"));
  const library = await Library.open({ dataDir: folder.dir, cacheDir: cache.dir });
  const digests = createDigests(read.env, createLogger("silent"), () => library, {
    clock: new ManualClock(MONDAY_0700_PP),
  })!;
  await digests.service.baseline();
  await digests.stop();
  const files = addBriefings(folder.dir, NEW, { sentences: 6 });
  return { env, files, stateFile: path.join(state.dir, STATE_FILE) };
}

/** The channel holds one digest, every part once, every new briefing once, and the state agrees. */
function expectDeliveredOnce(channel: string, files: Array<{ url: string; name: string }>, stateFile: string) {
  const messages = emu.messages(channel);
  const refs = messages.map(refOf);
  expect(refs.every((r) => r !== null)).toBe(true);
  expect(new Set(refs.map((r) => r![0])).size).toBe(1);
  const total = messages.length;
  expect(total).toBeGreaterThan(1);
  expect(refs.map((r) => Number(r![1]))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  expect(
    briefingCounts(
      messages,
      files.map((f) => f.url),
    ),
  ).toEqual(Object.fromEntries(files.map((f) => [f.url, 1])));
  const read = readStateFile(stateFile);
  if (!read.ok) throw new Error(read.problem);
  expect(read.state.pending).toEqual([]);
  const sent = read.state.channels[channel].sent;
  for (const f of files) expect(sent[path.basename(f.name, ".txt")]).toBe(refs[0]![0]);
}

type LogLine = { level: number; msg: string; channel?: string; missing?: string[] };
const logLines = (logs: string): LogLine[] =>
  logs
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as LogLine);

/** The lines a bot without Read Message History in the channel logs: once connected, and before the digest. */
function expectHistoryWarnings(logs: string, channel: string) {
  const lines = logLines(logs).filter((l) => l.channel === channel && l.missing?.includes("Read Message History"));
  const atStart = lines.filter((l) => l.msg.startsWith("digest “"));
  const beforePost = lines.filter((l) => l.msg.startsWith(`digest channel ${channel}:`));
  expect(atStart, logs).toHaveLength(1);
  expect(beforePost, logs).toHaveLength(1);
  for (const l of [...atStart, ...beforePost]) {
    expect(l.level).toBe(40);
    expect(l.missing).toEqual(["Read Message History"]);
    expect(l.msg).toContain("so one may be posted twice");
  }
  expect(beforePost[0].msg).toMatch(/; posting anyway$/);
}

beforeAll(async () => {
  await bundle({ "run-digest": RUNNER_SOURCE }, RUNNER_DIR);
  // A token shaped like Discord's (the env schema checks it in the child).
  const token = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GdIgEs.Zq3vXk9TtW0yRb8LpHs2NcYmJ5aEfU7oQwIdKx";
  emu = await startEmulator({ token, guilds: [{ channels: Array.from({ length: 11 }, (_, i) => `digest-${i}`) }] });
  channels.push(...emu.channelIds);
  // The last one without Read Message History: Discord shows the bot an empty history there.
  emu.setChannelOverwrites(channels[10], [{ id: emu.guildId, type: "role", deny: P.ReadMessageHistory }]);
});

afterAll(async () => {
  rmSync(RUNNER_DIR, { recursive: true, force: true });
  await emu?.stop();
  for (const c of cleanups) c();
});

// Each scenario has its own channel, folder and state, so they run side by side.
describe.concurrent("a digest killed with SIGKILL and started again", { timeout: 120_000 }, () => {
  const points: Array<[point: string, nextDay: boolean]> = [
    ["recorded", false],
    ["posted:1", true],
    ["saved:1", false],
    ["posted:2", false],
    ["posted:last", true],
    ["saved:last", false],
    ["delivered", true],
  ];
  it.each(points.map(([p, nextDay], i) => [p, nextDay, i] as const))(
    "killed at %s: nothing lost, nothing twice",
    async (point, nextDay, i) => {
      const channel = channels[i];
      const { env, files, stateFile } = await setUp(channel);
      const first = await runChild({ ...env, DIGEST_NOW: String(MONDAY_0800_PP), CRASH_AT: point });
      expect(first.signal, first.stderr).toBe("SIGKILL");
      expect(first.stdout).toMatch(new RegExp(`^killed at ${point.split(":")[0]}`));

      const second = await runChild({ ...env, DIGEST_NOW: String(MONDAY_0800_PP + 60_000) });
      expect(second.code, second.stderr).toBe(0);
      expectDeliveredOnce(channel, files, stateFile);
      if (!nextDay) return;

      // The next morning: nothing new, nothing posted again.
      const count = emu.messages(channel).length;
      const third = await runChild({ ...env, DIGEST_NOW: String(TUESDAY_0800_PP) });
      expect(third.code, third.stderr).toBe(0);
      expect(emu.messages(channel)).toHaveLength(count);
    },
  );

  it.each([1, 2])("killed from outside when Discord receives post %i: nothing lost, nothing twice", async (nth) => {
    const channel = channels[points.length + nth - 1];
    const { env, files, stateFile } = await setUp(channel);
    const first = await runChild({ ...env, DIGEST_NOW: String(MONDAY_0800_PP) }, { channel, nth });
    expect(first.signal, first.stderr).toBe("SIGKILL");
    const second = await runChild({ ...env, DIGEST_NOW: String(MONDAY_0800_PP + 60_000) });
    expect(second.code, second.stderr).toBe(0);
    expectDeliveredOnce(channel, files, stateFile);
  });
});

/** Ten minutes on, when Discord no longer de-duplicates the nonces of the first run: start again, it ends well. */
async function restartAfterWindow(env: Record<string, string>): Promise<ChildResult> {
  emu.advanceTime(10 * 60_000);
  const second = await runChild({
    ...env,
    DIGEST_NOW: String(MONDAY_0800_PP + 10 * 60_000),
    DIGEST_NONCE_WINDOW_MS: "120000",
  });
  expect(second.code, second.stderr).toBe(0);
  return second;
}

// Moves the emulator's clock: it runs last.
describe("past Discord's nonce window", { timeout: 120_000 }, () => {
  it("killed after Discord took a post, restarted after the window: the post is found in the channel, not repeated", async () => {
    const channel = channels[9];
    const { env, files, stateFile } = await setUp(channel);
    const first = await runChild({ ...env, DIGEST_NOW: String(MONDAY_0800_PP), CRASH_AT: "posted:2" });
    expect(first.signal).toBe("SIGKILL");
    await restartAfterWindow(env);
    expect(emu.callsTo("GET", `/channels/${channel}/messages`)).toHaveLength(1);
    expectDeliveredOnce(channel, files, stateFile);
  });
  it("without Read Message History, killed after Discord took part 1, restarted after the window: warned, and part 1 alone appears twice, as the log says it may", async () => {
    const channel = channels[10];
    const { env, files, stateFile } = await setUp(channel);
    // The whole bot; the briefings were written a moment ago, so no settle time.
    const bot = { ...env, DIGEST_VIA_BOT: "1", BRIEFING_SETTLE_MS: "0" };
    const first = await runChild({ ...bot, DIGEST_NOW: String(MONDAY_0800_PP), CRASH_AT: "posted:1" });
    expect(first.signal, first.stderr).toBe("SIGKILL");
    expectHistoryWarnings(first.stderr, channel);
    const second = await restartAfterWindow(bot);
    expectHistoryWarnings(second.stderr, channel);
    const blind = logLines(second.stderr).filter((l) => l.msg.startsWith("cannot read the channel's recent messages"));
    expect(blind).toHaveLength(1);
    expect(blind[0]).toMatchObject({ level: 40, channel });
    expect(blind[0].msg).toContain("the bot lacks Read Message History there");
    expect(blind[0].msg).toContain("a part posted before the restart may appear twice");
    // The empty history is not asked for, let alone trusted.
    expect(emu.callsTo("GET", `/channels/${channel}/messages`)).toHaveLength(0);

    const messages = emu.messages(channel);
    const refs = messages.map(refOf);
    expect(new Set(refs.map((r) => r![0])).size).toBe(1);
    const parts = refs.map((r) => Number(r![1]));
    const last = Math.max(...parts);
    expect(last).toBeGreaterThan(1);
    expect(parts).toEqual([1, ...Array.from({ length: last }, (_, i) => i + 1)]);
    const twice = new Set(messages.filter((_, i) => parts[i] === 1).flatMap((m) => m.embeds.map((e) => e.url)));
    expect(twice.size).toBeGreaterThan(0);
    const urls = files.map((f) => f.url);
    expect(briefingCounts(messages, urls)).toEqual(Object.fromEntries(urls.map((u) => [u, twice.has(u) ? 2 : 1])));
    const read = readStateFile(stateFile);
    if (!read.ok) throw new Error(read.problem);
    expect(read.state.pending).toEqual([]);
    for (const f of files) expect(read.state.channels[channel].sent[path.basename(f.name, ".txt")]).toBe(refs[0]![0]);
  });
});
