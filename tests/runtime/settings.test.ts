import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readEnv } from "../../src/runtime/settings.ts";
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
