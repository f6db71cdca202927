import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readEnv } from "../../src/runtime/settings.ts";
import { createLogger } from "../../src/runtime/log.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.abcdefghijklmnopqrstuvwxyz0123456789AB";

describe("logs never show the token", () => {
  it("redacts it by key, inside messages and inside errors", async () => {
    let out = "";
    const sink = new Writable({ write: (c, _e, cb) => ((out += c.toString()), cb()) });
    const log = createLogger("info", [TOKEN], sink);
    log.info({ token: TOKEN, env: { DISCORD_TOKEN: TOKEN } }, "starting");
    log.error({ err: new Error(`login failed for ${TOKEN}`) }, `bad token ${TOKEN}`);
    log.flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(out).toContain("starting");
    expect(out).toContain("login failed for [REDACTED]");
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(TOKEN.slice(0, 20));
  });
});

describe("configuration", () => {
  it("reports each bad variable in one line naming it", () => {
    const result = readEnv({ DISCORD_TOKEN: "short", DISCORD_APP_ID: "abc", LOG_LEVEL: "loud" }, { dotenv: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(3);
    expect(result.problems[0]).toMatch(/^DISCORD_TOKEN looks too short/);
    expect(result.problems[1]).toMatch(/^DISCORD_APP_ID must be a Discord id/);
    expect(result.problems[2]).toMatch(/^LOG_LEVEL /);
    expect(result.problems.join("\n")).not.toContain('short"');
  });

  it("treats empty values as unset and defaults the data folder", () => {
    const result = readEnv({ DISCORD_TOKEN: "", DATA_DIR: "" }, { dotenv: false });
    expect(result.ok && result.env.DISCORD_TOKEN).toBe(undefined);
    expect(result.ok && result.env.DATA_DIR).toMatch(/data\/briefings$/);
  });
});
