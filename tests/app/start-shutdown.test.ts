import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_DIR, bundle } from "../../bin/build.mjs";
import { PROJECT_ROOT } from "../../src/runtime/paths.ts";
import { startEmulator, type DiscordEmulator } from "../support/emulator/index.ts";
import { sampleFolder, tempDir } from "../support/folders.ts";

/**
 * `npm start` as a newsroom runs it — the esbuild bundle of src/app/main.ts under plain Node —
 * with a token: it connects (here to the emulator), logs structured lines without the
 * token, and SIGTERM disconnects it cleanly with exit code 0.
 */
const outdir = path.join(BUILD_DIR, `test-start-${process.pid}`);
const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GdIgEs.Zq3vXk9TtW0yRb8LpHs2NcYmJ5aEfU7oQwIdKx";
let emu: DiscordEmulator;
const folder = sampleFolder();
const cache = tempDir("briefings-start-cache-");
const state = tempDir("briefings-start-state-");

beforeAll(async () => {
  emu = await startEmulator({ token: TOKEN });
  await bundle({ main: "src/app/main.ts" }, outdir);
});
afterAll(async () => {
  rmSync(outdir, { recursive: true, force: true });
  await emu?.stop();
  folder.cleanup();
  cache.cleanup();
  state.cleanup();
});

describe("npm start with a token", () => {
  it("connects, logs JSON lines without the token, and shuts down cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--enable-source-maps", path.join(outdir, "main.mjs")], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        DISCORD_TOKEN: TOKEN,
        DISCORD_APP_ID: emu.appId,
        DISCORD_API_URL: emu.apiUrl,
        DATA_DIR: folder.dir,
        CACHE_DIR: cache.dir,
        STATE_DIR: state.dir,
        LOG_LEVEL: "info",
        DIGEST_SCHEDULES: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let logs = "";
    child.stdout.on("data", (c) => (logs += c));
    child.stderr.on("data", (c) => (logs += c));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (logs.includes("connected to Discord")) {
          clearInterval(timer);
          resolve();
        }
      }, 50);
      void exited.then(() => reject(new Error(`exited early:\n${logs}`)));
    });
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    const lines = logs.trim().split("\n");
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(logs).toContain('"msg":"shutting down"');
    expect(logs).not.toContain(TOKEN);
  }, 60_000);
});
