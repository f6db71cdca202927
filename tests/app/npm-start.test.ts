import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/runtime/paths.ts";
import { briefingFile, sampleFolder, tempDir } from "../support/folders.ts";

const folder = sampleFolder();
const cache = tempDir("briefings-start-cache-");
afterAll(() => {
  folder.cleanup();
  cache.cleanup();
});

/** `npm start` for real: the bundle (bin/start.mjs, bin/build.mjs), then the bundled bot under bare Node. */
function spawnStart(args: string[], extraEnv: Record<string, string>) {
  // DATA_DIR names no folder: --data, when given, is the one read.
  return spawn("npm", ["start", "--silent", "--", ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DISCORD_TOKEN: "", DATA_DIR: "/nope/briefings", CACHE_DIR: cache.dir, ...extraEnv },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

/** `npm start` given all its input at once, to its exit. */
function npmStart(
  input: string,
  args: string[] = [],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnStart(args, extraEnv);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/**
 * `npm start` kept open: `send` writes a line and resolves once what it printed since then matches `until`; `stop`
 * ends its input and waits for it to exit.
 */
function npmStartShell(args: string[], extraEnv: Record<string, string> = {}) {
  const child = spawnStart(args, extraEnv);
  let stdout = "";
  let stderr = "";
  let waiting: (() => void) | null = null;
  child.stdout.setEncoding("utf8").on("data", (c: string) => ((stdout += c), waiting?.()));
  child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  const printed = (from: number, until: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const text = stdout.slice(from);
        if (until.test(text)) return ((waiting = null), resolve(text));
        if (child.exitCode !== null) reject(new Error(`npm start exited; stdout:\n${stdout}\nstderr:\n${stderr}`));
      };
      waiting = check;
      check();
    });
  return {
    ready: () => printed(0, /briefings loaded\. Type help.*\nbriefings> $/),
    send: (line: string, until: RegExp) => {
      const from = stdout.length;
      child.stdin.write(`${line}\n`);
      return printed(from, until);
    },
    stop: async () => (child.stdin.end("exit\n"), { code: await exited, stderr }),
  };
}

describe("npm start without a token", () => {
  it("answers a line with --data over that folder, refuses a folder that is not there, and serves a new briefing", async () => {
    const other = tempDir("briefings-start-other-");
    writeFileSync(
      path.join(other.dir, "harbour.txt"),
      briefingFile(
        { title: "Harbour dredging approved", published: "2024-03-02" },
        "The port council approved dredging.",
      ),
    );
    const own = sampleFolder();
    const shell = npmStartShell(["--data", own.dir], { BRIEFING_SETTLE_MS: "50" });
    try {
      await shell.ready();
      const sources = await shell.send(`sources --data ${other.dir}`, /briefings> $/);
      expect(sources).toMatch(/^Briefings\n {2}Harbour dredging approved — .*\[harbour\]\nbriefings> $/);
      const nope = await shell.send("search crime --data /nope", /briefings> $/);
      expect(nope).toBe(
        "the briefings folder /nope (--data) does not exist: set DATA_DIR or --data to a folder of .txt/.md briefings\nbriefings> ",
      );
      // The shell watches its own folder as the bot does: a briefing saved while it runs is soon searchable.
      writeFileSync(
        path.join(own.dir, "900_saltmarsh.txt"),
        briefingFile(
          { title: "Saltmarsh survey", published: "2024-05-01" },
          "Surveyors counted quillwort in the saltmarsh.",
        ),
      );
      let found = "";
      for (let tries = 0; tries < 2000 && !found.includes("quillwort in the saltmarsh"); tries++)
        found = await shell.send("search quillwort", /briefings> $/);
      expect(found).toContain("Surveyors counted quillwort in the saltmarsh.");
    } finally {
      const { code, stderr } = await shell.stop();
      other.cleanup();
      own.cleanup();
      expect(code).toBe(0);
      expect(stderr).toBe("");
    }
  }, 60_000);

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
