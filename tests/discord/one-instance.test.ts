import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBot, StartError } from "../../src/discord/start.ts";
import { createLogger } from "../../src/runtime/log.ts";
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
});
