import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Socket } from "node:net";
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

interface Started {
  child: ChildProcess;
  logs: () => string;
  exited: Promise<number | null>;
}

/** The bundled bot under plain Node, as `npm start` runs it, with the token and these settings. */
function startMain(env: Record<string, string>): Started {
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
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let logs = "";
  child.stdout!.on("data", (c) => (logs += c));
  child.stderr!.on("data", (c) => (logs += c));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, logs: () => logs, exited };
}

/** Resolves once the logs contain `text`; rejects if the process exits first. */
function logged(started: Started, text: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (started.logs().includes(text)) {
        clearInterval(timer);
        resolve();
      }
    }, 50);
    void started.exited.then(() => {
      clearInterval(timer);
      reject(new Error(`exited early:\n${started.logs()}`));
    });
  });
}

/** The exit code, or "still running" when the process has not exited within `ms`. */
const exitWithin = (started: Started, ms: number) =>
  Promise.race([started.exited, new Promise<string>((resolve) => setTimeout(resolve, ms, "still running"))]);

describe("npm start with a token", () => {
  it("connects, logs JSON lines without the token, and shuts down cleanly on SIGTERM", async () => {
    const started = startMain({});
    await logged(started, "connected to Discord");
    started.child.kill("SIGTERM");
    expect(await started.exited).toBe(0);
    const logs = started.logs();
    const lines = logs.trim().split("\n");
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(logs).toContain('"msg":"shutting down"');
    expect(logs).not.toContain(TOKEN);
  }, 60_000);

  it("exits with status 1 when Discord closes the gateway for good after READY (4004), for a supervisor to restart it", async () => {
    const started = startMain({});
    await logged(started, "connected to Discord");
    emu.disconnectGateway(4004);
    expect(await exitWithin(started, 10_000)).toBe(1);
    expect(started.logs()).toContain("close 4004");
  }, 60_000);

  it("Ctrl-C while it is still connecting (Discord takes the connection, never answers) ends it at once, status 0", async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as { port: number };
      const started = startMain({ DISCORD_API_URL: `http://127.0.0.1:${port}/api` });
      await expect.poll(() => sockets.size, { timeout: 20_000 }).toBeGreaterThan(0);
      started.child.kill("SIGINT");
      expect(await exitWithin(started, 5_000)).toBe(0);
      expect(started.logs()).toContain('"msg":"shutting down"');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 60_000);
});
