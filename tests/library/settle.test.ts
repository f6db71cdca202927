import { appendFileSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { unsentBriefings } from "../../src/digest/build.ts";
import { Library } from "../../src/library/library.ts";
import { watchLibrary } from "../../src/library/watch.ts";
import { createLogger } from "../../src/runtime/log.ts";
import { readEnv } from "../../src/runtime/settings.ts";
import { briefingFile, sampleFolder } from "../support/folders.ts";

/**
 * A briefing is read only once its file has been unchanged for the settle time: a file still being written (a line
 * every few moments) is never served in a partial version, and no digest announces it before it settles.
 */
const SETTLE = 300;
const folders: Array<() => void> = [];
afterAll(() => folders.forEach((c) => c()));
const aged = (file: string) => utimesSync(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
/** The bundled briefings, saved a minute ago. */
function folder() {
  const f = sampleFolder();
  folders.push(f.cleanup);
  for (const name of readdirSync(f.dir)) aged(path.join(f.dir, name));
  return f.dir;
}

describe("the settle time", () => {
  it("leaves a file changed less than the settle time ago out, digests included, and reads it once settled", async () => {
    const dir = folder();
    writeFileSync(
      path.join(dir, "fresh.txt"),
      briefingFile({ title: "Fresh ferry" }, "The ferry to the island resumed."),
    );
    const first = await Library.open({ dataDir: dir, cacheDir: null, settleMs: SETTLE });
    expect(first.get("fresh")).toBe(undefined);
    expect(first.build.unsettled).toEqual(["fresh.txt"]);
    expect(first.build.settlesInMs).toBeGreaterThan(0);
    expect(first.build.settlesInMs).toBeLessThanOrEqual(SETTLE);
    expect(unsentBriefings(first, {}).map((b) => b.id)).not.toContain("fresh");
    expect(first.problems).toEqual([]);

    await sleep(first.build.settlesInMs! + 10);
    const next = await Library.open({
      dataDir: dir,
      cacheDir: null,
      settleMs: SETTLE,
      previous: first,
      changedNames: new Set(),
    });
    expect(next.get("fresh")?.meta.title).toBe("Fresh ferry");
    expect(next.build.unsettled).toEqual([]);
    expect(unsentBriefings(next, {}).map((b) => b.id)).toContain("fresh");
  });

  it("keeps serving the earlier version of a briefing being rewritten", async () => {
    const dir = folder();
    const file = path.join(dir, "story.txt");
    writeFileSync(file, briefingFile({ title: "First version" }, "The bridge opened."));
    aged(file);
    const first = await Library.open({ dataDir: dir, cacheDir: null, settleMs: SETTLE });
    writeFileSync(file, briefingFile({ title: "Second ver" }, "The bri"));
    const during = await Library.open({ dataDir: dir, cacheDir: null, settleMs: SETTLE, previous: first });
    expect(during.get("story")?.meta.title).toBe("First version");
  });

  it("never hands over a partial version of a file written a line at a time", async () => {
    const dir = folder();
    const logs = new Writable({ write: (_c, _e, cb) => cb() });
    let library = await Library.open({ dataDir: dir, cacheDir: null, settleMs: SETTLE });
    const served: string[] = [];
    const watcher = watchLibrary({
      dataDir: dir,
      cacheDir: null,
      log: createLogger("info", [], logs),
      current: () => library,
      onLibrary: (next) => {
        library = next;
        const slow = next.get("slow");
        if (slow) served.push(slow.paragraphs.map((p) => p.text).join("\n"));
      },
      settleMs: 20,
      fileSettleMs: SETTLE,
    });
    await watcher.ready;
    const file = path.join(dir, "slow.txt");
    writeFileSync(file, "---\ntitle: Written slowly\n---\n");
    for (let i = 1; i <= 5; i++) {
      appendFileSync(file, `Line ${i} of the harbour report.\n\n`);
      await sleep(120);
    }
    for (let i = 0; i < 40 && served.length === 0; i++) await sleep(50);
    await watcher.close();
    expect(served.length).toBeGreaterThan(0);
    for (const text of served) expect(text.split("\n")).toHaveLength(5);
  });

  it("is a setting, BRIEFING_SETTLE_MS, 2000 ms unless set", () => {
    const read = (v: string) => readEnv({ BRIEFING_SETTLE_MS: v }, { dotenv: false });
    expect(read("")).toMatchObject({ ok: true, env: { BRIEFING_SETTLE_MS: 2000 } });
    expect(read("150")).toMatchObject({ ok: true, env: { BRIEFING_SETTLE_MS: 150 } });
    const bad = read("soon");
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]).toMatch(/^BRIEFING_SETTLE_MS must be a number of milliseconds/);
  });
});
