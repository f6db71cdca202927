import { appendFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Library } from "../src/library/library.ts";
import { briefingFile, sampleFolder, tempDir } from "./helpers/folders.ts";

const folder = sampleFolder();
const cache = tempDir("briefings-cache-");
afterAll(() => {
  folder.cleanup();
  cache.cleanup();
});
const open = () => Library.open({ dataDir: folder.dir, cacheDir: cache.dir });

describe("the Library's on-disk snapshot", () => {
  it("builds on first open and reloads without reindexing when nothing changed", async () => {
    const first = await open();
    expect(first.build.fromCache).toBe(false);
    const second = await open();
    expect(second.build.fromCache).toBe(true);
    expect(second.build.builtAt).toBe(first.build.builtAt);
    expect(second.search({ query: "grey list" })[0].paragraph.text).toBe(first.search({ query: "grey list" })[0].paragraph.text);
  });

  it("rebuilds when a file changes", async () => {
    appendFileSync(path.join(folder.dir, "003_45c05db55b37f868.txt"), "\n\nA new paragraph about zebrafish smuggling.\n");
    const lib = await open();
    expect(lib.build.fromCache).toBe(false);
    expect(lib.search({ query: "zebrafish" })).toHaveLength(1);
  });

  it("rebuilds when a file is added, and again when it is removed", async () => {
    const file = path.join(folder.dir, "900_new.txt");
    writeFileSync(file, briefingFile({ title: "Okapi sanctuary opens", published: "2025-03-02" }, "The okapi sanctuary opened in Kampot."));
    const added = await open();
    expect(added.build.fromCache).toBe(false);
    expect(added.search({ query: "okapi" })[0].briefing.id).toBe("900_new");
    rmSync(file);
    const removed = await open();
    expect(removed.build.fromCache).toBe(false);
    expect(removed.search({ query: "okapi" })).toHaveLength(0);
    expect((await open()).build.fromCache).toBe(true);
  });

  it("survives a corrupt snapshot by rebuilding", async () => {
    const { readdirSync } = await import("node:fs");
    for (const f of readdirSync(cache.dir)) writeFileSync(path.join(cache.dir, f), "{ not json");
    const lib = await open();
    expect(lib.build.fromCache).toBe(false);
    expect(lib.briefings).toHaveLength(5);
  });
});
