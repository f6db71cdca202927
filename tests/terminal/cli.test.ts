import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/runtime/paths.ts";
import { briefingFile, tempDir } from "../support/folders.ts";
import { Library } from "../../src/library/library.ts";
import { cacheFolder } from "../../src/library/snapshot.ts";
import { bundledCli } from "../support/cli-bundle.ts";

const run = promisify(execFile);
const cache = tempDir("briefings-cli-cache-");
const env = { ...process.env, CACHE_DIR: cache.dir, DISCORD_TOKEN: "" };

async function cli(
  args: string[],
  extraEnv: Record<string, string> = {},
  entry?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("node", [entry ?? (await bundledCli()), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...env, ...extraEnv },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npx briefings (one-shot CLI)", () => {
  it("runs through bin/briefings.mjs, the npx entry, as bundled", async () => {
    const viaBin = await cli(["search", "cybercrime", "--json", "--limit", "2"], {}, "bin/briefings.mjs");
    const bundled = await cli(["search", "cybercrime", "--json", "--limit", "2"]);
    expect(viaBin.code).toBe(0);
    expect(JSON.parse(viaBin.stdout).results.length).toBeGreaterThan(0);
    expect(viaBin.stdout).toBe(bundled.stdout);
  });

  it("search --json keeps the contract and puts the UK request article first with its full citation", async () => {
    const { code, stdout } = await cli(["search", "UK cybercrime support", "--json", "--limit", "3"]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.query).toBe("UK cybercrime support");
    expect(out.results).toHaveLength(3);
    const first = out.results[0];
    // The request itself (¶1, "the United Kingdom") is in the top three; a paragraph with every word as typed may lead.
    expect(out.results).toContainEqual(
      expect.objectContaining({
        source: "000_1ce3e456409cc760",
        paragraph: 1,
        text: expect.stringContaining("requested that the United Kingdom provide additional support"),
      }),
    );
    expect(first).toMatchObject({
      source: "000_1ce3e456409cc760",
      text: expect.stringMatching(/\bUK\b.*cybercrime|United Kingdom.*support/),
      score: expect.any(Number),
      citation: {
        title: "Sar Kheng requests additional support from UK in fight against cybercrime",
        outlet: "The Phnom Penh Post",
        published: "2022-08-19",
        url: "https://phnompenhpost.com/national/sar-kheng-requests-additional-support-uk-fight-against-cybercrime",
      },
    });
  });

  it("prints readable text, piped: whole verbatim paragraphs, nothing inserted, the briefing cited once", async () => {
    const { code, stdout } = await cli(["search", "grey list", "--limit", "1"]);
    expect(code).toBe(0);
    const json = JSON.parse((await cli(["search", "grey list", "--limit", "1", "--json"])).stdout) as {
      results: Array<{ text: string }>;
    };
    expect(stdout).toContain(`\n  ${json.results[0].text}\n`);
    expect(stdout).not.toContain("*");
    expect(stdout).not.toContain("\u001b[");
    expect(stdout).toContain(
      '"Sar Kheng, UK envoy discuss transnational crime" — The Phnom Penh Post · 6\u00a0Apr\u00a02023',
    );
    expect(stdout).toContain("[1] ¶6");
  });

  it("about says when the index was built in words, never ISO; the JSON keeps builtAt", async () => {
    const { code, stdout } = await cli(["about"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}Index built \d{1,2}\u00a0[A-Z][a-z]{2}\u00a0\d{4}, \d{2}:\d{2} UTC/m);
    expect(stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const json = JSON.parse((await cli(["about", "--json"])).stdout) as { builtAt: string };
    expect(json.builtAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it("an empty answer says what was searched and the next step as a line to type; the JSON carries it", async () => {
    const { stdout } = await cli(["search", "cybercrime", "--from", "2031-01-01"]);
    expect(stdout).toContain('No passages match "cybercrime" with those filters.');
    expect(stdout).toMatch(/^Next step: search cybercrime {2}\(search without the filters\)$/m);
    const json = JSON.parse((await cli(["pledges", "--who", "Atlantis", "--json"])).stdout) as {
      total: number;
      next: unknown;
    };
    expect(json.total).toBe(0);
    expect(json.next).toEqual({ command: "search", options: { query: "Atlantis" } });
  });

  it("reads another folder with --data and reports a bad option in one line", async () => {
    const empty = tempDir();
    const { stdout } = await cli(["sources", "--json", "--data", empty.dir]);
    expect(JSON.parse(stdout)).toMatchObject({ total: 0, sources: [] });
    const bad = await cli(["search", "crime", "--limit", "banana"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('Option limit: "banana" is not a whole number.');
    const unknown = await cli(["search", "crime", "--colour", "red"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown option '--colour'.*--limit/);
    empty.cleanup();
  });

  it("answers an unknown source clearly", async () => {
    const { code, stderr } = await cli(["source", "999_nothing"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/There is no briefing "999_nothing"/);
  });

  it("has --help for the tool and for each command", async () => {
    expect((await cli(["--help"])).stdout).toMatch(/Usage: npx briefings <command>/);
    expect((await cli(["search", "--help"])).stdout).toMatch(/--source STRING/);
  });
});

describe("settings that cannot be used", () => {
  it("stops with exit 2 and one line naming a bad DISCORD_GUILD_IDS and where it was set", async () => {
    const { code, stdout, stderr } = await cli(["sources"], { DISCORD_GUILD_IDS: "123456789012345678, newsroom" });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^DISCORD_GUILD_IDS has "newsroom", which is not a server id .*: set in the environment/),
    ]);
  });
});

describe("folders that cannot be used", () => {
  it("stops with exit 2 and one line naming the folder and where it was set, also as a JSON error", async () => {
    const [missing, fromEnv] = await Promise.all([
      cli(["search", "crime", "--data", "/nope/briefings", "--json"]),
      cli(["sources"], { DATA_DIR: path.join(PROJECT_ROOT, "package.json") }),
    ]);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toEqual({
      error: expect.stringMatching(/^the briefings folder \/nope\/briefings \(--data\) does not exist/),
    });
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toMatch(/^the briefings folder .*package\.json \(DATA_DIR\) is not a folder/);
  });

  it("runs without a cache, with one line, when the cache folder cannot be made (and does not hang)", async () => {
    const out = await cli(["sources", "--json"], { CACHE_DIR: "/proc/briefings-nope" });
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).total).toBe(5);
    expect(out.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^the cache folder .* \(CACHE_DIR\) is not usable \(ENOENT\): running without a cache/),
    ]);
  });

  it("takes LOG_LEVEL=INFO, and says in one line on stderr that a damaged cache was rebuilt", async () => {
    const data = tempDir("briefings-cli-damaged-");
    const own = tempDir("briefings-cli-damaged-cache-");
    try {
      writeFileSync(
        path.join(data.dir, "ferry.txt"),
        briefingFile({ title: "Ferry timetable changes", published: "2024-02-10" }, "The ferry now leaves at noon."),
      );
      // A cache written in process, then its manifest torn as a crash mid-write would leave it.
      await Library.open({ dataDir: data.dir, cacheDir: own.dir });
      writeFileSync(path.join(cacheFolder(own.dir, data.dir), "manifest.json"), '{"format":');
      const out = await cli(["sources", "--data", data.dir], { CACHE_DIR: own.dir, LOG_LEVEL: "INFO" });
      expect(out.code).toBe(0);
      expect(out.stdout).toContain("Ferry timetable changes");
      expect(out.stderr.trim().split("\n")).toEqual(["cache: manifest.json is not whole: the whole cache is rebuilt"]);
    } finally {
      data.cleanup();
      own.cleanup();
    }
  });
});
