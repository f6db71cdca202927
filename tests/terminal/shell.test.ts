import { writeFileSync } from "node:fs";
import path from "node:path";
import { PassThrough, Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { Library } from "../../src/library/library.ts";
import { createLogger } from "../../src/runtime/log.ts";
import { complete, startShell } from "../../src/terminal/shell.ts";
import type { EditContext } from "../../src/kit/action.ts";
import { DEFAULT_FETCH_LIMITS } from "../../src/library/ingest/safe-fetch.ts";
import { briefingFile, SAMPLES_DIR, sampleFolder, tempDir } from "../support/folders.ts";

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

describe("editing from the shell", () => {
  it("add FILE answers with what was stored and the shell then searches it; add - is refused; remove works", async () => {
    const folder = sampleFolder();
    const file = path.join(path.dirname(folder.dir), "story.txt");
    writeFileSync(
      file,
      "Orlen harbour dredging to start in May\n\nORLEN: Work to deepen the harbour of Orlen will start in May, the port authority said on Friday, so that larger container ships can call there.",
    );
    let library = await Library.open({ dataDir: folder.dir, cacheDir: null });
    const edit: EditContext = {
      fetch: DEFAULT_FETCH_LIMITS,
      refresh: async (previous) =>
        (library = await Library.open({ dataDir: previous.dataDir, cacheDir: null, previous })),
    };
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (c) => (text += c.toString()));
    const done = startShell({ library, input, output, edit });
    const until = async (re: RegExp) => {
      for (let i = 0; i < 200 && !re.test(text); i++) await new Promise((r) => setTimeout(r, 25));
      expect(text).toMatch(re);
    };
    input.write(`add ${file} --published 2025-04-04\n`);
    await until(/Added: Orlen harbour dredging to start in May/);
    input.write("search dredging container ships\n");
    await until(/Search: dredging container ships\n+"Orlen harbour dredging to start in May"/);
    input.write("add -\n");
    await until(/In the shell, add a file or a link/);
    input.write("remove 2025-04-04_orlen\n");
    await until(/Removed: Orlen harbour dredging/);
    input.end();
    await done;
    expect(library.get("2025-04-04_orlen-harbour-dredging-to-start-in-may")).toBeUndefined();
    folder.cleanup();
  });
});

describe("the shell's folders", () => {
  it("watches its folder like the bot: a briefing saved while it runs is answered from", async () => {
    const folder = sampleFolder();
    const library = await Library.open({ dataDir: folder.dir, cacheDir: null });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (c) => (text += c.toString()));
    const log = createLogger("warn", [], new Writable({ write: (_c, _e, cb) => cb() }));
    const done = startShell({ library, input, output, watch: { cacheDir: null, log, settleMs: 20 } });
    writeFileSync(
      path.join(folder.dir, "950_lighthouse.txt"),
      briefingFile({ title: "Lighthouse keepers return" }, "The lighthouse keepers returned to the island on Monday."),
    );
    for (let i = 0; i < 60 && !text.includes("Lighthouse keepers return"); i++) {
      input.write("source 950_lighthouse\n");
      await sleep(250);
    }
    input.end();
    await done;
    folder.cleanup();
    expect(text).toContain("Lighthouse keepers return");
  });

  it("answers a line with --data over that folder, and says in one line when it cannot be read", async () => {
    const other = tempDir();
    writeFileSync(
      path.join(other.dir, "ferry.txt"),
      briefingFile({ title: "Ferry timetable" }, "The ferry runs at noon."),
    );
    const library = await Library.open({ dataDir: SAMPLES_DIR, cacheDir: null });
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (c) => (text += c.toString()));
    const openFolder = async (dir: string) =>
      dir === other.dir ? Library.open({ dataDir: dir, cacheDir: null }) : `the briefings folder ${dir} does not exist`;
    const done = startShell({ library, input, output, openFolder });
    input.write(`sources --data ${other.dir}\nsearch crime --data /nope\nsources\n`);
    input.end();
    await done;
    other.cleanup();
    expect(text).toContain("Ferry timetable");
    expect(text).toContain("the briefings folder /nope does not exist");
    expect(text).toContain("000_1ce3e456409cc760"); // the shell's own folder again
  });
});
