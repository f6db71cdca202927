import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newsroomGuilds, readEnv } from "../../src/runtime/settings.ts";
import { tempDir } from "../support/folders.ts";

const dir = tempDir("briefings-env-");
afterAll(dir.cleanup);
const dotenvPath = path.join(dir.dir, ".env");
writeFileSync(dotenvPath, "LOG_LEVEL=loud\nDIGEST_WHEN_EMPTY=never\n");

describe("settings", () => {
  it("takes LOG_LEVEL in any case", () => {
    expect(readEnv({ LOG_LEVEL: "INFO" }, { dotenv: false })).toMatchObject({ ok: true, env: { LOG_LEVEL: "info" } });
    expect(readEnv({ LOG_LEVEL: "Warn" }, { dotenv: false })).toMatchObject({ ok: true, env: { LOG_LEVEL: "warn" } });
  });

  it("says a bad variable came from .env, or from the environment, which .env does not override", () => {
    const result = readEnv({ DIGEST_WHEN_EMPTY: "sometimes" }, { dotenvPath });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.stringMatching(/^DIGEST_WHEN_EMPTY must be skip or note: set in the environment .*fix it where it is set/),
      expect.stringMatching(/^LOG_LEVEL .*: set in \.env: fix it there/),
    ]);
  });
});

describe("DISCORD_GUILD_IDS", () => {
  const A = "123456789012345678";
  const B = "223456789012345678";

  it("takes one or more server ids, separated by commas or spaces", () => {
    const read = readEnv({ DISCORD_GUILD_IDS: ` ${A}, ${B}  ` }, { dotenv: false });
    expect(read).toMatchObject({ ok: true, env: { DISCORD_GUILD_IDS: [A, B] } });
    if (read.ok) expect(newsroomGuilds(read.env)).toEqual([A, B]);
    const spaced = readEnv({ DISCORD_GUILD_IDS: `${A} ${B}` }, { dotenv: false });
    expect(spaced).toMatchObject({ ok: true, env: { DISCORD_GUILD_IDS: [A, B] } });
  });

  it("reads the older DISCORD_GUILD_ID as one more server; with neither, no list", () => {
    const read = readEnv({ DISCORD_GUILD_ID: B, DISCORD_GUILD_IDS: A }, { dotenv: false });
    if (!read.ok) throw new Error(read.problems.join("\n"));
    expect(newsroomGuilds(read.env)).toEqual([A, B]);
    const none = readEnv({ DISCORD_GUILD_IDS: "" }, { dotenv: false });
    if (!none.ok) throw new Error(none.problems.join("\n"));
    expect(newsroomGuilds(none.env)).toBeNull();
  });

  it("names a value that is not a server id, and where it was set, in one line", () => {
    const fromFile = path.join(dir.dir, "guilds.env");
    writeFileSync(fromFile, `DISCORD_GUILD_IDS=${A},my-newsroom\n`);
    const result = readEnv({}, { dotenvPath: fromFile });
    expect(result).toEqual({
      ok: false,
      problems: [
        'DISCORD_GUILD_IDS has "my-newsroom", which is not a server id (Discord ids are 17 to 20 digits; separate several with commas): set in .env: fix it there (see .env.example)',
      ],
    });
  });
});
