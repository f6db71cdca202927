import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../src/runtime/paths.ts";
import { sampleFolder, tempDir } from "../support/folders.ts";
import { bundledCli } from "../support/cli-bundle.ts";

/** `npx briefings add <file|url|->` and `npx briefings remove <id>`, as a newsroom editor runs them. */
const cache = tempDir("briefings-cli-edit-cache-");
const folder = sampleFolder();
const env = { ...process.env, CACHE_DIR: cache.dir, DISCORD_TOKEN: "" };

async function cli(args: string[], input = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  const entry = await bundledCli();
  return new Promise((resolve) => {
    const child = spawn("node", [entry, ...args, "--data", folder.dir], { cwd: PROJECT_ROOT, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input);
  });
}

afterAll(() => {
  folder.cleanup();
  cache.cleanup();
});

const STORY = `Selm council approves new tram line

SELM: The city council of Selm voted on Wednesday to build a tram line between the harbour and the university, at a cost of 300 million crowns.

Mayor Anja Kvist said the first trams would run in four years.
`;

describe("npx briefings add / remove", () => {
  it("add - reads standard input, answers with what was stored, --json with its id", async () => {
    const { code, stdout, stderr } = await cli(
      ["add", "-", "--outlet", "Selm Post", "--published", "2025-09-10", "--json"],
      STORY,
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({
      source: "2025-09-10_selm-council-approves-new-tram-line",
      title: "Selm council approves new tram line",
      outlet: "Selm Post",
      published: "2025-09-10",
      paragraphCount: 2,
      firstParagraph: expect.stringMatching(/^SELM: The city council/),
      loaded: true,
    });
    expect(readdirSync(folder.dir)).toContain("2025-09-10_selm-council-approves-new-tram-line.md");
  });

  it("remove ID (a unique id prefix) moves the file into removed/ beside the folder", async () => {
    const removed = await cli(["remove", "2025-09-10_selm"]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(/Removed: Selm council approves new tram line/);
    expect(
      existsSync(path.join(path.dirname(folder.dir), "removed", "2025-09-10_selm-council-approves-new-tram-line.md")),
    ).toBe(true);
    expect(readdirSync(folder.dir)).not.toContain("2025-09-10_selm-council-approves-new-tram-line.md");
  });
});
