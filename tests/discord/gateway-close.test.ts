import { afterEach, describe, expect, it } from "vitest";
import { fatalClose } from "../../src/discord/gateway-close.ts";
import { startHarness, type BotHarness } from "../support/bot-harness.ts";

/**
 * After READY, a gateway close that discord.js does not recover from (a reset token, refused intents) used to leave
 * the process up, connected to nothing and logging nothing. Now it is one fatal line saying what to do, and
 * `fatal` settles (npm start then exits 1 for a supervisor to restart it).
 */
let h: BotHarness | null = null;

afterEach(async () => {
  await h?.stop();
  h = null;
});

type Line = { level: number; msg: string; code?: number; shard?: number };
/** The lines about the gateway connection dropping and coming back. */
const lifecycle = (logs: string): Line[] =>
  logs
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line)
    .filter((l) => /^(disconnected from Discord|reconnect)/.test(l.msg));

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`not within ${ms} ms`)), ms))]);

describe("a gateway closed for good", () => {
  it("a refused token (4004) after READY is one fatal line naming DISCORD_TOKEN", async () => {
    h = await startHarness();
    h.emu.disconnectGateway(4004);
    const close = await within(h.bot.fatal, 5000);
    expect(close.code).toBe(4004);
    const line = h
      .logs()
      .split("\n")
      .find((l) => l.includes("close 4004"));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ level: 60, code: 4004 });
    expect(line).toContain("set a new DISCORD_TOKEN");
    // The fatal line alone: no "disconnected" warning besides it.
    expect(lifecycle(h.logs())).toEqual([expect.objectContaining({ level: 60, code: 4004 })]);
    expect(h.logs()).not.toContain(h.env.DISCORD_TOKEN!);
  });

  it("refused intents (4014) say which setting to check", async () => {
    h = await startHarness();
    h.emu.disconnectGateway(4014);
    const close = await within(h.bot.fatal, 5000);
    expect(close).toMatchObject({ code: 4014 });
    expect(close.message).toContain("Privileged Gateway Intents");
  });

  it("an ordinary drop (4000) is resumed and is not fatal", async () => {
    h = await startHarness();
    const resumed = h.emu.waitForResume();
    h.emu.disconnectGateway(4000);
    await within(resumed, 10_000);
    const settled = await Promise.race([h.bot.fatal.then(() => true), new Promise((r) => setTimeout(r, 300, false))]);
    expect(settled).toBe(false);
    expect(h.bot.client.isReady()).toBe(true);
    // One line each: the drop with its code, the new try, the session resumed.
    await expect.poll(() => lifecycle(h!.logs()).at(-1)?.msg, { timeout: 5000 }).toMatch(/session resumed/);
    const lines = lifecycle(h.logs());
    expect(lines.map((l) => [l.level, l.msg.replace(/\(\d+ events replayed\)/, "(N events replayed)")])).toEqual([
      [40, "disconnected from Discord (close 4000)"],
      [30, "reconnecting to Discord"],
      [30, "reconnected to Discord: session resumed (N events replayed)"],
    ]);
    expect(lines[0]).toMatchObject({ code: 4000, shard: 0 });
  });

  it("knows which codes are final", () => {
    expect(fatalClose(4004)?.message).toMatch(/DISCORD_TOKEN/);
    expect(fatalClose(4000)).toBeNull();
    expect(fatalClose(1006)).toBeNull();
  });
});
