import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/runtime/paths.ts";
import { sampleFolder, tempDir } from "../support/folders.ts";

const folder = sampleFolder();
const cache = tempDir("briefings-start-cache-");
afterAll(() => {
  folder.cleanup();
  cache.cleanup();
});

/** `npm start` for real: the prestart bundle (bin/build.mjs), then the bundled bot under bare Node. */
function npmStart(input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["start", "--silent"], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DISCORD_TOKEN: "", DATA_DIR: folder.dir, CACHE_DIR: cache.dir },
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
    const { code, stdout, stderr } = await npmStart("search grey list\nexit\n");
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
});
