import { createServer, type Socket } from "node:net";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { runBot, StartError, type RunningBot } from "../../src/discord/start.ts";
import { createLogger } from "../../src/runtime/log.ts";
import { startEmulator, type DiscordEmulator } from "../support/emulator/index.ts";
import { emulatorEnv } from "../support/bot-harness.ts";
import { sampleFolder, tempDir } from "../support/folders.ts";

/**
 * Connecting at start-up: a network that is not there yet is tried again with a line per try (it used to blame the
 * token and exit); a refused token or a wrong API address is one line saying what to fix, with no retry.
 */
const TOKEN = `${"x".repeat(24)}.${"y".repeat(6)}.${"z".repeat(38)}`;
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function setup(apiUrl: string, token = TOKEN) {
  const folder = sampleFolder();
  const cache = tempDir("briefings-connect-cache-");
  const state = tempDir("briefings-connect-state-");
  cleanups.push(folder.cleanup, cache.cleanup, state.cleanup);
  let logs = "";
  const log = createLogger("info", [token], new Writable({ write: (c, _e, cb) => ((logs += c.toString()), cb()) }));
  const env = emulatorEnv({ token, appId: "100000000000000001", guildId: "200000000000000001", apiUrl } as never, {
    DATA_DIR: folder.dir,
    CACHE_DIR: cache.dir,
    STATE_DIR: state.dir,
  });
  return { env, log, logs: () => logs };
}

const started = (bot: RunningBot) => cleanups.push(() => bot.stop());
const emulator = async (options: Parameters<typeof startEmulator>[0]): Promise<DiscordEmulator> => {
  const emu = await startEmulator(options);
  cleanups.push(() => emu.stop());
  return emu;
};
type Line = { level: number; msg: string; [k: string]: unknown };
/** The lines saying a try to connect failed and when the next is. */
const failures = (logs: string): Line[] =>
  logs
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line)
    .filter((l) => l.msg.includes("trying again"));
/** One line a person reads: no error object, no stack. */
const expectNoStack = (line: Line) => {
  expect(line.level).toBe(40);
  expect(line).not.toHaveProperty("err");
  expect(line).not.toHaveProperty("stack");
  expect(JSON.stringify(line)).not.toMatch(/\bat .*:\d+:\d+|\n/);
};
const quick = { connectRetry: { firstMs: 100, maxMs: 400 }, watch: false as const };

describe("connecting to Discord at start-up", () => {
  it("keeps trying while nothing answers, a line per try, and connects once Discord is there", async () => {
    const port = await freePort();
    const s = setup(`http://127.0.0.1:${port}/api`);
    const bot = runBot(s.env, s.log, { globalRequestsPerSecond: 10_000 }, quick);
    const tries = () =>
      s
        .logs()
        .split("\n")
        .filter((l) => l.includes("ECONNREFUSED")).length;
    await expect.poll(tries, { timeout: 15_000 }).toBeGreaterThan(1);
    expect(s.logs()).toContain(`cannot reach Discord at 127.0.0.1:${port}: the connection was refused (ECONNREFUSED)`);
    expect(s.logs()).not.toMatch(/DISCORD_TOKEN/);
    await emulator({ token: TOKEN, port });
    const running = await bot;
    started(running);
    expect(running.client.isReady()).toBe(true);
    expect(s.logs()).toContain("reached Discord");
  });

  it("a refused token is one line naming DISCORD_TOKEN, not tried again", async () => {
    const emu = await emulator({ token: TOKEN });
    const s = setup(emu.apiUrl, `${"q".repeat(24)}.${"y".repeat(6)}.${"z".repeat(38)}`);
    const bot = runBot(s.env, s.log, { globalRequestsPerSecond: 10_000 }, quick);
    await expect(bot).rejects.toBeInstanceOf(StartError);
    await expect(bot).rejects.toThrow(/refused the bot token.*DISCORD_TOKEN/);
    expect(s.logs()).not.toContain("trying again");
  });

  it("a wrong API address (404) names DISCORD_API_URL", async () => {
    const emu = await emulator({ token: TOKEN });
    const s = setup(`${emu.apiUrl}/nowhere`);
    await expect(runBot(s.env, s.log, { globalRequestsPerSecond: 10_000 }, quick)).rejects.toThrow(
      /answered 404.*check DISCORD_API_URL/,
    );
  });

  it("stops trying at once when asked to stop", async () => {
    const port = await freePort();
    const s = setup(`http://127.0.0.1:${port}/api`);
    const stop = new AbortController();
    const bot = runBot(
      s.env,
      s.log,
      {},
      { ...quick, connectRetry: { firstMs: 60_000, maxMs: 60_000 }, signal: stop.signal },
    );
    await expect.poll(() => s.logs(), { timeout: 15_000 }).toContain("ECONNREFUSED");
    const asked = Date.now();
    stop.abort();
    await expect(bot).rejects.toThrow();
    expect(Date.now() - asked).toBeLessThan(5000);
  });
  it("a host name that does not resolve is one line naming the host, tried again", async () => {
    const s = setup("http://nonexistent.invalid/api");
    const stop = new AbortController();
    const bot = runBot(s.env, s.log, {}, { ...quick, signal: stop.signal });
    bot.catch(() => undefined);
    await expect.poll(() => failures(s.logs()).length, { timeout: 15_000 }).toBeGreaterThan(1);
    stop.abort();
    await expect(bot).rejects.toThrow();
    for (const line of failures(s.logs())) {
      expect(line.msg).toMatch(
        /^cannot reach Discord at nonexistent\.invalid: the host name could not be resolved \(DNS\) \(ENOTFOUND\); trying again in /,
      );
      expectNoStack(line);
    }
  });

  it("an address that takes the connection and never answers: 'did not answer in time', tried again", async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => void sockets.add(socket)); // accepts, reads, never answers
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const { port } = silent.address() as { port: number };
    const s = setup(`http://127.0.0.1:${port}/api`);
    const stop = new AbortController();
    const bot = runBot(s.env, s.log, { requestTimeoutMs: 200 }, { ...quick, signal: stop.signal });
    bot.catch(() => undefined);
    await expect.poll(() => failures(s.logs()).length, { timeout: 15_000 }).toBeGreaterThan(1);
    stop.abort();
    await expect(bot).rejects.toThrow();
    expect(sockets.size).toBeGreaterThan(1);
    for (const line of failures(s.logs())) {
      expect(line.msg).toMatch(
        new RegExp(`^Discord at 127\\.0\\.0\\.1:${port} did not answer in time; trying again in `),
      );
      expectNoStack(line);
    }
  });
});
