import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { Library } from "../../src/library/library.ts";
import { complete, startShell } from "../../src/terminal/shell.ts";
import { SAMPLES_DIR } from "../support/folders.ts";

async function session(lines: string[]): Promise<string> {
  const library = await Library.open({ dataDir: SAMPLES_DIR, cacheDir: null });
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (c) => (text += c.toString()));
  const done = startShell({ library, input, output, banner: "No DISCORD_TOKEN set: opening the terminal shell." });
  for (const l of lines) input.write(`${l}\n`);
  input.end();
  await done;
  return text;
}

describe("the terminal shell", () => {
  it("answers slash commands, pages with more, and explains mistakes", async () => {
    const out = await session([
      "/search cybercrime --limit 2",
      "more",
      "/source 002_12f7e6579d666584 --paragraph 3 --context 0",
      "search",
      "frobnicate",
      "exit",
    ]);
    expect(out).toContain("No DISCORD_TOKEN set: opening the terminal shell.");
    expect(out).toContain("5 briefings loaded");
    expect(out).toMatch(/Showing 1–2 of \d+/);
    expect(out).toMatch(/Showing 3–4 of \d+/);
    expect(out).toContain("General Sar Thet made the remarks");
    expect(out).toContain("search needs query");
    expect(out).toContain('There is no command "frobnicate"');
  });

  it("completes command names", () => {
    expect(complete("/sea")[0]).toEqual(["/search"]);
    expect(complete("sou")[0]).toEqual(["source", "sources"]);
  });
});
