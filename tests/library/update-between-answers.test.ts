import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Library } from "../../src/library/library.ts";
import { STEP } from "../../src/search/steps.ts";
import { briefingFile, tempDir } from "../support/folders.ts";

/**
 * A server replacing its Library with one that holds a new briefing does the work that grows with the archive (the
 * lists and maps over every briefing, the paragraph table, the snapshot's manifest) in slices between answers; the
 * Library it gets is the one a fresh build gives.
 */
const DISTRICTS = ["Kampot", "Takeo", "Kratie", "Pursat", "Siem Reap", "Battambang", "Kep", "Mondulkiri"];
const COUNT = STEP + 200; // more briefings than one step takes, so each list is built over several steps

const nameOf = (i: number) => `2025-${String((i % 12) + 1).padStart(2, "0")}-brief-${String(i).padStart(4, "0")}.md`;

function invented(i: number, extra = ""): string {
  const district = DISTRICTS[i % DISTRICTS.length];
  return briefingFile(
    { title: `Council note ${i}`, outlet: "Test Desk", published: `2025-${String((i % 12) + 1).padStart(2, "0")}-10` },
    `The ${district} provincial council approved road plan number ${i} on Monday.${extra}\n\n` +
      `Governor Chan Dara said the works in ${district} would start after the rainy season.`,
  );
}

const dirs: Array<{ cleanup: () => void }> = [];
afterAll(() => dirs.forEach((d) => d.cleanup()));

let dir = "";
let cacheDir = "";
let base: Library;

beforeAll(async () => {
  const data = tempDir();
  const cache = tempDir();
  dirs.push(data, cache);
  dir = data.dir;
  cacheDir = cache.dir;
  for (let i = 0; i < COUNT; i++) writeFileSync(path.join(dir, nameOf(i)), invented(i));
  base = await Library.open({ dataDir: dir, cacheDir });
}, 120_000);

/** What a reader can tell apart: briefings in order, problems, paragraphs, and the answers to a few searches. */
function summary(lib: Library) {
  const searches = ["road plan", "Kampot council", "rainy season", "Chan Dara", "pineapple"].map((query) =>
    lib.search({ query, limit: 20 }).hits.map((h) => `${h.briefing.id}#${h.paragraph.n}:${h.score.toFixed(6)}`),
  );
  return {
    ids: lib.briefings.map((b) => b.id),
    problems: lib.problems.map((p) => `${p.file}: ${p.message}`),
    paragraphs: lib.paragraphCount,
    searches,
  };
}

describe("a new briefing while serving", () => {
  it("patched in slices over a large folder, gives what a fresh build gives, and saves a snapshot that reopens", async () => {
    const added = nameOf(COUNT + 1).replace("brief", "added");
    const replaced = nameOf(7);
    const removed = nameOf(300);
    const broken = "2025-05-broken.md";
    writeFileSync(path.join(dir, added), invented(COUNT + 1, " A pineapple festival was also approved."));
    writeFileSync(path.join(dir, replaced), invented(7, " The pineapple growers objected."));
    rmSync(path.join(dir, removed));
    writeFileSync(path.join(dir, broken), "---\ntitle: [unclosed\n---\nText.\n");

    const next = await Library.open({
      dataDir: dir,
      cacheDir,
      previous: base,
      changedNames: new Set([added, replaced, removed, broken]),
    });
    const fresh = await Library.open({ dataDir: dir, cacheDir: null });
    expect(summary(next)).toEqual(summary(fresh));
    expect(next.briefings.map((b) => b.id)).toContain(added.replace(/\.md$/, ""));
    expect(next.briefings.map((b) => b.id)).not.toContain(removed.replace(/\.md$/, ""));
    expect(next.problems.map((p) => p.file)).toContain(broken);
    expect(next.search({ query: "pineapple" }).total).toBe(2);

    await next.saved;
    const reopened = await Library.open({ dataDir: dir, cacheDir });
    expect(reopened.build.fromCache).toBe(true);
    expect(summary(reopened)).toEqual(summary(fresh));
    base = next;
  }, 120_000);

  it("lets the event loop turn between the steps of the update", async () => {
    const touched = nameOf(11);
    writeFileSync(path.join(dir, touched), invented(11, " A second bridge was added to the plan."));
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const next = await Library.open({
      dataDir: dir,
      cacheDir: null,
      previous: base,
      changedNames: new Set([touched]),
      sliceMs: 0, // a turn at every step
    });
    ticking = false;
    expect(next.search({ query: "second bridge" }).total).toBe(1);
    // Built at once, the update gave the loop 5 turns (reading the one file); in slices of 0 ms, a turn a step (17+).
    expect(turns).toBeGreaterThanOrEqual(12);
  }, 60_000);

  it("two updates from the same Library each keep what they did not change (the contents map is shared)", async () => {
    const changed = nameOf(21);
    const added = "2025-12-zz-second-branch.md";
    writeFileSync(path.join(dir, changed), invented(21, " The mango growers objected."));
    writeFileSync(path.join(dir, added), invented(COUNT + 5, " A durian market was approved."));
    const first = await Library.open({
      dataDir: dir,
      cacheDir: null,
      previous: base,
      changedNames: new Set([changed]),
    });
    const second = await Library.open({ dataDir: dir, cacheDir: null, previous: base, changedNames: new Set([added]) });
    expect(first.search({ query: "mango" }).total).toBe(1);
    expect(first.search({ query: "durian" }).total).toBe(0);
    // The second saw only the added file: the changed one is still the version `base` had.
    const id = changed.replace(/\.md$/, "");
    expect(second.get(id)?.paragraphs).toEqual(base.get(id)?.paragraphs);
    expect(second.search({ query: "mango" }).total).toBe(0);
    expect(second.search({ query: "durian" }).total).toBe(1);
  }, 60_000);
});

describe("the snapshot's content file", () => {
  it("is rewritten without the lines no file has once they outnumber half the others", async () => {
    const data = tempDir();
    const cache = tempDir();
    dirs.push(data, cache);
    const names = [0, 1, 2, 3].map(nameOf);
    names.forEach((name, i) => writeFileSync(path.join(data.dir, name), invented(i)));
    let lib = await Library.open({ dataDir: data.dir, cacheDir: cache.dir });
    for (let round = 1; round <= 3; round++) {
      for (const [i, name] of names.entries()) {
        writeFileSync(path.join(data.dir, name), invented(i, ` Revision ${["alpha", "beta", "gamma"][round - 1]}.`));
        lib = await Library.open({
          dataDir: data.dir,
          cacheDir: cache.dir,
          previous: lib,
          changedNames: new Set([name]),
        });
        await lib.saved;
      }
    }
    const folder = path.join(cache.dir, readdirSync(cache.dir)[0]);
    const lines = readFileSync(path.join(folder, "content.jsonl"), "utf8").trim().split("\n");
    // 4 live contents; 12 replaced ones came and went: at most half as many stale lines are left.
    expect(lines.length).toBeLessThanOrEqual(6);
    const reopened = await Library.open({ dataDir: data.dir, cacheDir: cache.dir });
    expect(reopened.build.fromCache).toBe(true);
    expect(reopened.search({ query: "gamma" }).total).toBe(4);
    expect(summary(reopened)).toEqual(summary(await Library.open({ dataDir: data.dir, cacheDir: null })));
  }, 60_000);
});
