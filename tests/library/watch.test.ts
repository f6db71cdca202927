import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { Library, type OpenOptions } from "../../src/library/library.ts";
import { watchLibrary, type LibraryWatcher } from "../../src/library/watch.ts";
import { createLogger } from "../../src/runtime/log.ts";
import { sampleFolder, tempDir } from "../support/folders.ts";
import { digestBriefing } from "../fixtures/digest/briefings.ts";

/**
 * New briefings appear without a restart: the folder is watched and the Library rebuilt once
 * changes settle; a broken or half-written file never takes the bot down, and a failed
 * rebuild keeps the previous Library serving.
 */
let watcher: LibraryWatcher | null = null;
const cleanups: Array<() => void> = [];
afterEach(async () => {
  await watcher?.close();
  watcher = null;
  cleanups.splice(0).forEach((c) => c());
});

async function serve(open?: (o: OpenOptions) => Promise<Library>, beforeWatch?: (dir: string) => void) {
  const folder = sampleFolder();
  cleanups.push(folder.cleanup);
  let logs = "";
  const log = createLogger("info", [], new Writable({ write: (c, _e, cb) => ((logs += c.toString()), cb()) }));
  let library = await Library.open({ dataDir: folder.dir, cacheDir: null });
  beforeWatch?.(folder.dir);
  watcher = watchLibrary({
    dataDir: folder.dir,
    cacheDir: null,
    log,
    current: () => library,
    onLibrary: (next) => {
      library = next;
    },
    settleMs: 30,
    retryMs: 30,
    checkMs: 30,
    ...(open ? { open } : {}),
  });
  return { dir: folder.dir, library: () => library, logs: () => logs, watcher };
}

describe("watching data/briefings", () => {
  it("restarted from its snapshot, serves it at once; a file changed while it was down is read by the first check", async () => {
    const folder = sampleFolder();
    const cache = tempDir();
    cleanups.push(folder.cleanup, cache.cleanup);
    await Library.open({ dataDir: folder.dir, cacheDir: cache.dir });
    const late = digestBriefing(77);
    writeFileSync(path.join(folder.dir, late.name), late.text); // while the bot was down
    let library = await Library.open({ dataDir: folder.dir, cacheDir: cache.dir, checkFolder: false });
    expect(library.build.fromCache).toBe(true);
    expect(library.get("977_digest_77")).toBeUndefined();
    expect((await Library.open({ dataDir: folder.dir, cacheDir: cache.dir })).get("977_digest_77")).toBeDefined();
    const log = createLogger("silent", []);
    watcher = watchLibrary({
      dataDir: folder.dir,
      cacheDir: cache.dir,
      log,
      current: () => library,
      onLibrary: (next) => (library = next),
      settleMs: 30,
      retryMs: 30,
      checkMs: 30,
    });
    expect((await watcher.nextRebuild()).ok).toBe(true);
    expect(library.get("977_digest_77")).toBeDefined();
  });

  it("a briefing dropped into the folder is served after the rebuild, without a restart", async () => {
    const bot = await serve();
    const next = bot.watcher.nextRebuild();
    const b = digestBriefing(70);
    writeFileSync(path.join(bot.dir, b.name), b.text);
    expect((await next).ok).toBe(true);
    expect(bot.library().get("970_digest_70")?.meta.title).toBe(b.title);
    expect(bot.logs()).toMatch(/"briefings":6,"before":5.*"msg":"briefings reloaded"/);
  });

  it("a half-written file is skipped with a warning, everything else is served, and the finished file is picked up", async () => {
    const bot = await serve();
    const b = digestBriefing(71);
    const file = path.join(bot.dir, b.name);
    let next = bot.watcher.nextRebuild();
    writeFileSync(file, b.text.slice(0, 30)); // cut inside the front matter
    expect((await next).ok).toBe(true);
    expect(bot.library().get("971_digest_71")).toBeUndefined();
    expect(bot.library().briefings).toHaveLength(5);
    expect(bot.library().problems.map((p) => p.file)).toEqual([b.name]);
    expect(bot.logs()).toContain(`skipped ${b.name}:`);
    next = bot.watcher.nextRebuild();
    writeFileSync(file, b.text);
    expect((await next).ok).toBe(true);
    expect(bot.library().get("971_digest_71")).toBeDefined();
    expect(bot.library().problems).toEqual([]);
  });

  it("after the first rebuild only the files named by change events are looked at: an added, a changed and a removed file all count", async () => {
    const seen: Array<string[] | null> = [];
    const bot = await serve((o) => {
      seen.push(o.changedNames ? [...o.changedNames].sort() : null);
      return Library.open(o);
    });
    const a = digestBriefing(74);
    let next = bot.watcher.nextRebuild();
    writeFileSync(path.join(bot.dir, a.name), a.text); // first rebuild: the whole folder is checked
    expect((await next).ok).toBe(true);
    const b = digestBriefing(75);
    next = bot.watcher.nextRebuild();
    writeFileSync(path.join(bot.dir, b.name), b.text);
    writeFileSync(path.join(bot.dir, a.name), a.text.replace(a.title, "Retitled by the desk"));
    expect((await next).ok).toBe(true);
    expect(bot.library().get("975_digest_75")).toBeDefined();
    expect(bot.library().get("974_digest_74")?.meta.title).toBe("Retitled by the desk");
    next = bot.watcher.nextRebuild();
    rmSync(path.join(bot.dir, a.name));
    expect((await next).ok).toBe(true);
    expect(bot.library().get("974_digest_74")).toBeUndefined();
    expect(bot.library().briefings.map((x) => x.id)).toEqual([...bot.library().briefings.map((x) => x.id)].sort());
    expect(bot.library().briefings).toHaveLength(6);
    // The first build may look at the whole folder (the start-of-watch check can race the first write).
    expect([null, [a.name]]).toContainEqual(seen[0]);
    expect(seen.slice(1)).toEqual([[a.name, b.name].sort(), [a.name]]);
  });

  it("a briefing saved between opening the Library and starting to watch is picked up all the same", async () => {
    const early = digestBriefing(76);
    const bot = await serve(undefined, (dir) => writeFileSync(path.join(dir, early.name), early.text));
    expect(bot.library().get("976_digest_76")).toBeUndefined();
    expect((await bot.watcher.nextRebuild()).ok).toBe(true);
    expect(bot.library().get("976_digest_76")).toBeDefined();
  });

  it("a file written while a rebuild reads the folder is not missed: that build is not served, the next one has it", async () => {
    const late = digestBriefing(72);
    let dir = "";
    let builds = 0;
    const bot = await serve(async (o) => {
      const lib = await Library.open(o);
      // The first build has read the folder; a file lands before it is handed over.
      if (++builds === 1) writeFileSync(path.join(dir, late.name), late.text);
      return lib;
    });
    dir = bot.dir;
    const first = digestBriefing(73);
    const served = new Promise<Library>((resolve) => {
      const poll = setInterval(() => {
        if (bot.library().get("972_digest_72")) {
          clearInterval(poll);
          resolve(bot.library());
        }
      }, 10);
    });
    writeFileSync(path.join(bot.dir, first.name), first.text);
    const lib = await served;
    expect(builds).toBeGreaterThanOrEqual(2);
    expect(lib.get("973_digest_73")).toBeDefined();
    // The build that missed the late file was never handed over.
    expect(bot.logs().match(/"msg":"briefings reloaded"/g)).toHaveLength(1);
  });

  it("a rebuild that fails keeps the previous Library serving, and says so", async () => {
    let fail = true;
    const bot = await serve(async (o) => {
      if (fail) throw new Error("out of memory while indexing");
      return Library.open(o);
    });
    const before = bot.library();
    let next = bot.watcher.nextRebuild();
    const b = digestBriefing(72);
    writeFileSync(path.join(bot.dir, b.name), b.text);
    expect(await next).toEqual({ ok: false, error: "out of memory while indexing" });
    expect(bot.library()).toBe(before);
    expect(bot.logs()).toContain(
      "briefings not reloaded: out of memory while indexing; still serving the previous briefings",
    );
    fail = false;
    next = bot.watcher.nextRebuild();
    writeFileSync(path.join(bot.dir, "973_touch.txt"), digestBriefing(73).text);
    expect((await next).ok).toBe(true);
    expect(bot.library().briefings).toHaveLength(7);
  });

  it("a folder that disappears keeps the previous Library; when it is back, it is watched again", async () => {
    const bot = await serve();
    const aside = `${bot.dir}-aside`; // inside the temporary folder, removed with it
    let next = bot.watcher.nextRebuild();
    renameSync(bot.dir, aside);
    const gone = await next;
    expect(gone.ok).toBe(false);
    expect(bot.library().briefings).toHaveLength(5);
    next = bot.watcher.nextRebuild();
    mkdirSync(bot.dir);
    const b = digestBriefing(74);
    writeFileSync(path.join(bot.dir, b.name), b.text);
    const back = await next;
    expect(back.ok).toBe(true);
    expect(bot.library().briefings.map((x) => x.id)).toEqual(["974_digest_74"]);
  });
});
