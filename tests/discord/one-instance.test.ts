import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBot, StartError } from "../../src/discord/start.ts";
import { createLogger } from "../../src/runtime/log.ts";
import { PROJECT_ROOT } from "../../src/runtime/paths.ts";
import { readEnv } from "../../src/runtime/settings.ts";
import { startHarness, type BotHarness } from "../support/bot-harness.ts";

/**
 * Two bots on one state folder would both answer every interaction (one failing with 40060) and could post a digest
 * twice: the second refuses before it connects, naming the first.
 */
let h: BotHarness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

describe("one bot per state folder", () => {
  it("refuses a second bot before it connects, naming the one running", async () => {
    const gatewayLookups = () => h.emu.callsTo("GET", "/gateway/bot").length;
    const before = gatewayLookups();
    const log = createLogger("silent");
    const second = runBot(h.env, log, { globalRequestsPerSecond: 10_000 }, { watch: false });
    await expect(second).rejects.toBeInstanceOf(StartError);
    await expect(second).rejects.toThrow(`another bot is already running with this STATE_DIR (process ${process.pid}`);
    expect(gatewayLookups()).toBe(before);
    expect(h.bot.client.isReady()).toBe(true);
  });

  it("stops with one line, before connecting, when digests are configured and STATE_DIR cannot be used", async () => {
    const read = readEnv({ DIGEST_SCHEDULES: "0 8 * * *|Asia/Phnom_Penh|123456789012345678" }, { dotenv: false });
    if (!read.ok) throw new Error(read.problems.join("\n"));
    const before = h.emu.callsTo("GET", "/gateway/bot").length;
    const env = { ...h.env, STATE_DIR: `${PROJECT_ROOT}/package.json`, DIGEST_SCHEDULES: read.env.DIGEST_SCHEDULES };
    const bot = runBot(env, createLogger("silent"), { globalRequestsPerSecond: 10_000 }, { watch: false });
    await expect(bot).rejects.toBeInstanceOf(StartError);
    await expect(bot).rejects.toThrow(
      /^the state folder .*package\.json \(STATE_DIR\) is not usable \(is a file, not a folder\): digests need it/,
    );
    expect(h.emu.callsTo("GET", "/gateway/bot").length).toBe(before);
  });
});
