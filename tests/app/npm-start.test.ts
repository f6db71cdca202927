import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/runtime/paths.ts";
import { sampleFolder, tempDir } from "../support/folders.ts";

const folder = sampleFolder();
const cache = tempDir("briefings-start-cache-");
afterAll(() => {
  folder.cleanup();
  cache.cleanup();
});

/** `npm start` for real: the bundle (bin/start.mjs, bin/build.mjs), then the bundled bot under bare Node. */
function npmStart(
  input: string,
  args: string[] = [],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // DATA_DIR names no folder: --data, when given, is the one read.
    const child = spawn("npm", ["start", "--silent", "--", ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DISCORD_TOKEN: "", DATA_DIR: "/nope/briefings", CACHE_DIR: cache.dir, ...extraEnv },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe("npm start without a token", () => {
  it("bundles the bot, opens the terminal shell over the bundled briefings and answers with a citation", async () => {
    const { code, stdout, stderr } = await npmStart("search grey list\nexit\n", ["--data", folder.dir]);
    expect(stderr).not.toMatch(/error/i);
    expect(code).toBe(0);
    expect(stdout).toContain("No DISCORD_TOKEN configured");
    expect(stdout).toContain("5 briefings loaded");
    // Piped: the quote as the briefing has it, nothing inserted; the briefing cited once above its passages.
    expect(stdout).toContain("grey list of the Financial Action Task Force");
    expect(stdout).toContain(
      '"Sar Kheng, UK envoy discuss transnational crime" — The Phnom Penh Post · 6\u00a0Apr\u00a02023',
    );
    expect(stdout).toContain("[1] ¶6");
  }, 60_000);

  it("stops with exit 2 and one line when the briefings folder does not exist", async () => {
    const { code, stdout, stderr } = await npmStart("exit\n");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim()).toMatch(/^the briefings folder \/nope\/briefings \(DATA_DIR\) does not exist[^\n]*$/);
  }, 60_000);

  it("starts all the same, with one line, when the build folder cannot be written", async () => {
    const notAFolder = path.join(cache.dir, "a-file");
    writeFileSync(notAFolder, "");
    const { code, stdout, stderr } = await npmStart("sources\nexit\n", ["--data", folder.dir], {
      BRIEFINGS_BUILD_DIR: path.join(notAFolder, "build"),
    });
    expect(code).toBe(0);
    expect(stderr.trim()).toMatch(
      /^cannot write the build to .*a-file\/build \(.*\): running the TypeScript directly instead$/,
    );
    expect(stdout).toContain("5 briefings loaded");
  }, 60_000);
});
