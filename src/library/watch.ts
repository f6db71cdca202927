import { statSync, watch, type FSWatcher } from "node:fs";
import { setImmediate as yieldToEvents } from "node:timers/promises";
import type { Logger } from "pino";
import { formatProblem, isBriefingName, listBriefingFiles } from "../briefings/folder.ts";
import { Library, type OpenOptions } from "./library.ts";
import { warmReader } from "./warm-reader.ts";
import { sameFiles } from "./built-state.ts";

/**
 * Keeps the Library up to date with its folder: when files in it change, waits until the
 * changes settle (no event for `settleMs`, and the folder still as the build found it), builds
 * a new Library and hands it over. A bad or half-written file is skipped by the loader like
 * at start; a build that fails, or a folder that cannot be read, keeps the previous Library
 * serving. Write a briefing under a temporary name (a dotfile, or another extension) and
 * rename it into place to be sure a half-written file is never read.
 */

export type RebuildResult = { ok: true; library: Library } | { ok: false; error: string };

export interface WatchOptions {
  dataDir: string;
  cacheDir: string | null;
  /** How each new Library builds its derived views (see OpenOptions). */
  views?: "eager" | "lazy";
  log: Logger;
  /** The Library being served (compared with, and kept when a build fails). */
  current: () => Library;
  /** Receives each new Library. */
  onLibrary: (library: Library) => void;
  /** Quiet time after the last change before rebuilding. */
  settleMs?: number;
  /** How long to wait before watching again when the folder disappears or the watch fails. */
  retryMs?: number;
  /** How often to check that the folder is still the one watched (a folder moved away or replaced sends no event). */
  checkMs?: number;
  /**
   * Quiet time before the small index segments that new briefings leave behind are rebuilt
   * into full-size ones (when the Library says it is due): a few seconds of work, kept out
   * of the way of new briefings.
   */
  compactIdleMs?: number;
  /** How to build a Library (tests substitute one that fails). */
  open?: (options: OpenOptions) => Promise<Library>;
  /** A file is read once unchanged for this long (OpenOptions.settleMs); one left out is read once it settles. */
  fileSettleMs?: number;
}

export class LibraryWatcher {
  private watcher: FSWatcher | null = null;
  private settleTimer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private checkTimer: NodeJS.Timeout | null = null;
  /** The inode of the folder being watched. */
  private watchedIno: number | null = null;
  private isLost = false;
  /** Change events seen so far. */
  private events = 0;
  /**
   * Files named by change events since the served Library's build began; null when that is
   * not known (the folder did not match when watching began, a lost watch, an event without
   * a name, a build that was not handed over): the next build then checks the whole folder.
   */
  private changedNames: Set<string> | null = null;
  /** The check that starts each watch (see checkBaseline). */
  private baseline: Promise<void> = Promise.resolve();

  /** Settles once the watch has started and checked the folder (new files are then looked at alone). */
  get ready(): Promise<void> {
    return this.baseline;
  }

  /** The rebuild the first check started, having found files changed since the served Library was built. */
  private baselineRebuild: Promise<unknown> | null = null;
  private firstCheck: Promise<void> = Promise.resolve();

  /**
   * Settles once the first check of the folder is done and, if it found files changed since the Library served at
   * start was built (a bot restarted from its snapshot while briefings arrived), once those are rebuilt: a digest
   * caught up on start waits for this, so it announces them.
   */
  get caughtUp(): Promise<void> {
    return this.firstCheck;
  }
  private chain: Promise<unknown> = Promise.resolve();
  private closed = false;
  private waiters: Array<(r: RebuildResult) => void> = [];
  private readonly settleMs: number;
  /** Files this process wrote whole (rebuildFor): read at once, not left to settle. */
  private readonly whole = new Set<string>();
  private readonly retryMs: number;
  private readonly checkMs: number;
  private readonly compactIdleMs: number;
  private compactTimer: NodeJS.Timeout | null = null;
  /** Rebuilds once the files the served Library left out as still being written have settled. */
  private settledTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: WatchOptions) {
    this.settleMs = options.settleMs ?? 300;
    this.retryMs = options.retryMs ?? 5000;
    this.checkMs = options.checkMs ?? Math.max(this.retryMs, 10_000);
    this.compactIdleMs = options.compactIdleMs ?? 60_000;
  }

  /** Start watching the folder. */
  start(): this {
    this.closed = false;
    this.watchFolder();
    this.firstCheck = this.baseline.then(() => this.baselineRebuild).then(() => undefined);
    this.checkTimer = setInterval(() => this.check(), this.checkMs);
    this.checkTimer.unref();
    this.whenSettled(this.options.current());
    return this;
  }

  /** A Library that left files out as still being written: build again once the first has settled. */
  private whenSettled(library: Library): void {
    const wait = library.build.settlesInMs;
    if (this.settledTimer) clearTimeout(this.settledTimer);
    this.settledTimer = null;
    if (wait === null || this.closed) return;
    this.settledTimer = setTimeout(() => {
      this.settledTimer = null;
      void this.rebuild();
    }, wait + 10);
    this.settledTimer.unref();
  }

  /** Stop watching; a build in progress finishes but is not handed over; the served Library's snapshot is saved. */
  async close(): Promise<void> {
    this.closed = true;
    this.watcher?.close();
    this.watcher = null;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.checkTimer) clearInterval(this.checkTimer);
    if (this.compactTimer) clearTimeout(this.compactTimer);
    if (this.settledTimer) clearTimeout(this.settledTimer);
    await this.chain;
    await this.options.current().saved;
  }

  /** Resolves with the outcome of the next rebuild that finishes. */
  nextRebuild(): Promise<RebuildResult> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * A file this process just wrote or moved in the folder (an added or removed briefing): rebuild now, reading it
   * whether or not its change event has arrived yet.
   */
  rebuildFor(name: string): Promise<RebuildResult> {
    this.changedNames?.add(name);
    this.whole.add(name);
    return this.rebuild();
  }

  /** Rebuild now (after any build in progress). */
  rebuild(compact = false): Promise<RebuildResult> {
    const next = this.chain.then(() => this.build(compact));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private watchFolder(): void {
    if (this.closed) return;
    try {
      const ino = statSync(this.options.dataDir).ino;
      this.watcher = watch(this.options.dataDir, { persistent: false }, (_event, name) => {
        if (name === null || isBriefingName(name.toString())) {
          this.events++;
          if (name === null) this.changedNames = null;
          else this.changedNames?.add(name.toString());
          this.changed();
        }
      });
      this.watcher.on("error", (err) => this.lost(err));
      this.watchedIno = ino;
      this.baseline = this.checkBaseline();
      this.scheduleCompaction();
      if (this.isLost) {
        this.isLost = false;
        this.options.log.info({ dataDir: this.options.dataDir }, "watching the briefings folder again");
        this.changed();
      }
    } catch (err) {
      this.lost(err);
    }
  }

  /** The path must still name the folder being watched: moving or replacing it sends no event. */
  private check(): void {
    if (!this.watcher || this.closed) return;
    let ino: number | null = null;
    try {
      ino = statSync(this.options.dataDir).ino;
    } catch {
      // gone
    }
    if (ino !== this.watchedIno) this.lost(new Error("the briefings folder was moved, replaced or removed"));
  }

  /** The watch failed (folder removed or unreadable): keep serving, watch again shortly. */
  private lost(err: unknown): void {
    this.watcher?.close();
    this.watcher = null;
    this.watchedIno = null;
    if (this.closed) return;
    if (!this.isLost) {
      this.isLost = true;
      this.options.log.warn(
        { err, dataDir: this.options.dataDir, retryInMs: this.retryMs },
        "cannot watch the briefings folder; still serving the briefings already loaded, watching again shortly",
      );
      this.changed();
    }
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.watchFolder();
    }, this.retryMs);
    this.retryTimer.unref();
  }

  /** Something changed: rebuild once the folder has been quiet for settleMs. */
  private changed(): void {
    if (this.closed) return;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      void this.rebuild();
    }, this.settleMs);
    this.settleTimer.unref();
  }

  /**
   * The folder still holds exactly the files the Library was built from. While the folder is
   * watched, "no change event since the build started" says so for free (after a full turn
   * of the event loop, so that an event already queued is counted); otherwise every file is
   * checked against what the build read.
   */
  private async unchangedSince(library: Library, eventsBefore: number): Promise<boolean> {
    if (this.watcher && !this.isLost) {
      await yieldToEvents(); // to the end of this turn …
      await yieldToEvents(); // … and through the next one's poll for I/O events
      return this.events === eventsBefore;
    }
    return this.folderMatches(library);
  }

  /** The folder holds the files `library` was built from, but for those named in `except`. */
  private async folderMatches(library: Library, except?: ReadonlySet<string>): Promise<boolean> {
    const listed = await listBriefingFiles(this.options.dataDir);
    return listed.ok && (await sameFiles(this.options.dataDir, listed.names, library.state.files, except));
  }

  /**
   * Once watching starts, one check of the whole folder against the served Library: when it
   * matches (files named by events meanwhile aside), change events name everything that
   * changes from then on, and the next build looks only at those files; when it does not — a
   * file changed before the watch began — a rebuild of the whole folder is started.
   */
  private async checkBaseline(): Promise<void> {
    const named = new Set<string>();
    this.changedNames = named;
    if (!(await this.folderMatches(this.options.current(), named))) {
      this.changedNames = null;
      this.baselineRebuild = this.nextRebuild();
      this.changed();
    }
    // Ready to read a new briefing: its parser and extractor loaded and run once now, not when the briefing arrives.
    await warmReader().catch(() => undefined);
  }

  /** Compact the index once the folder has been quiet for a while, if the served Library says it is due. */
  private scheduleCompaction(): void {
    if (this.closed || this.compactTimer || this.settleTimer || !this.options.current().build.compactionDue) return;
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      void this.rebuild(true);
    }, this.compactIdleMs);
    this.compactTimer.unref();
  }

  private async build(compact: boolean): Promise<RebuildResult> {
    const { dataDir, cacheDir, log, current } = this.options;
    const open = this.options.open ?? Library.open;
    await this.baseline;
    const eventsBefore = this.events;
    const changedNames = this.changedNames;
    this.changedNames = new Set();
    // The files this process wrote are exempt from settling in this build only: a later edit by hand settles.
    const whole = new Set(this.whole);
    let result: RebuildResult;
    try {
      // Start from the Library being served: only changed files are read, only new briefings
      // indexed; when the events named every changed file, only those are looked at.
      const library = await open({
        dataDir,
        cacheDir,
        ...(this.options.views ? { views: this.options.views } : {}),
        previous: current(),
        ...(changedNames ? { changedNames } : {}),
        ...(compact ? { compact } : {}),
        ...(this.options.fileSettleMs ? { settleMs: this.options.fileSettleMs, whole } : {}),
      });
      const folderProblem = library.problems.find((p) => p.file === dataDir);
      if (folderProblem) {
        result = { ok: false, error: formatProblem(folderProblem) };
        this.lost(new Error(result.error)); // the folder went away: watch it again when it is back
      } else if (!(await this.unchangedSince(library, eventsBefore))) {
        // Still being written: build again once it settles; nobody is told about this one.
        log.debug({ dataDir }, "the briefings folder changed while it was read; waiting for it to settle");
        this.changedNames = null;
        this.changed();
        return { ok: false, error: "the folder changed while it was read" };
      } else {
        result = { ok: true, library };
      }
    } catch (err) {
      result = { ok: false, error: err instanceof Error ? err.message : String(err) };
      log.error({ err, dataDir }, "rebuilding the briefings failed");
    }
    if (this.closed) return result;
    if (result.ok) {
      for (const name of whole) this.whole.delete(name);
      const previous = current();
      const known = new Set(previous.problems.map(formatProblem));
      for (const p of result.library.problems)
        if (!known.has(formatProblem(p))) log.warn({ file: p.file }, formatProblem(p));
      this.options.onLibrary(result.library);
      this.whenSettled(result.library);
      if (result.library.build.buildNote) log.warn({ dataDir }, `build: ${result.library.build.buildNote}`);
      if (result.library.build.compacted)
        log.info({ segments: result.library.state.segments.length }, "index segments compacted");
      this.scheduleCompaction();
      log.info(
        {
          briefings: result.library.briefings.length,
          before: previous.briefings.length,
          skipped: result.library.problems.length,
        },
        "briefings reloaded",
      );
    } else {
      this.changedNames = null;
      log.error(
        { dataDir, error: result.error, serving: current().briefings.length },
        `briefings not reloaded: ${result.error}; still serving the previous briefings`,
      );
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w(result);
    return result;
  }
}

/** Watch `dataDir` and hand each rebuilt Library to `onLibrary`. */
export function watchLibrary(options: WatchOptions): LibraryWatcher {
  return new LibraryWatcher(options).start();
}
