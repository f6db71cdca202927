import { availableParallelism } from "node:os";
import { realFolder } from "../../briefings/folder.ts";
import { WorkerPool } from "./pool.ts";
import type { ThreadSetup } from "./protocol.ts";

/** When the build uses worker threads, and how many. */
export interface ParallelOptions {
  /** Files to read from which threads are started (Infinity: never). */
  minFiles?: number;
  /** Paragraphs to index in two segments or more from which threads are started. */
  minParagraphs?: number;
  /** Paragraphs a compaction rebuilds from which it runs in threads (it runs while the bot serves). */
  minCompactParagraphs?: number;
  /** Threads at most (default: os.availableParallelism()). */
  threads?: number;
  /** Tests only: each thread fails on this job (1: its first), or as it starts (0). */
  failAtJob?: number;
}

/**
 * A thread costs about 0.2 s to start bundled (npm start), about 1 s from the TypeScript (boot.mjs bundles it
 * first), and then warms up: its first files take up to 0.3 s each to extract (JIT, tables built on first use)
 * where a warm one takes about 10 ms; two threads spend about 25% more CPU than the main thread alone on 1,000
 * files. Below these a build is no quicker in threads, and the watcher's single new briefing never waits for one.
 */
export const PARALLEL: Required<Omit<ParallelOptions, "failAtJob" | "threads">> = {
  minFiles: 400,
  minParagraphs: 20_000,
  // About 0.3 ms of the main thread per paragraph indexed: 500 would hold it for about 0.15 s.
  minCompactParagraphs: 500,
};

/** Where a thread starts: the bundle's own entry when running bundled (bin/build.mjs defines it), else boot.mjs. */
declare const BRIEFINGS_BUILD_WORKER: string | undefined;
const bundled = typeof BRIEFINGS_BUILD_WORKER === "string";
const workerUrl = (): URL => (bundled ? new URL(BRIEFINGS_BUILD_WORKER!) : new URL("./boot.mjs", import.meta.url));

/**
 * The worker threads of one build, started when its work is first found big enough and kept for the rest of it.
 * Once a thread fails, no thread is used again in this build (what they left is done on this thread) and `note`
 * says why, in one line.
 */
export class BuildThreads {
  private pool: WorkerPool | null = null;
  private readonly options: Required<Omit<ParallelOptions, "failAtJob">> & Pick<ParallelOptions, "failAtJob">;
  /** Threads that were started. */
  started = 0;

  constructor(
    private readonly dataDir: string,
    /** The content hashes already there (asked only when threads start). */
    private readonly knownHashes: () => Iterable<string>,
    options: ParallelOptions = {},
  ) {
    this.options = { ...PARALLEL, threads: availableParallelism(), ...options };
  }

  /** Why threads stopped being used, or null. */
  get note(): string | null {
    const why = this.pool?.failure;
    return why ? `a build thread failed (${why}): the rest of the build ran on the main thread` : null;
  }

  /** Threads to read `files` files, or null when that is better done on this thread. */
  forFiles(files: number): WorkerPool | null {
    return this.usable(files >= this.options.minFiles, Math.floor((2 * files) / this.options.minFiles));
  }

  /**
   * Threads to index `paragraphs` paragraphs in `segments` segments, or null. Threads already started (to read the
   * files) build even one segment: they are ready, and the main thread stays free meanwhile. A compaction (`compact`)
   * uses them from far fewer paragraphs, even for one segment: nobody waits for it, but the bot answers meanwhile.
   */
  forSegments(paragraphs: number, segments: number, compact = false): WorkerPool | null {
    const worth = compact
      ? paragraphs >= this.options.minCompactParagraphs
      : paragraphs >= this.options.minParagraphs && segments > 1;
    return this.usable(worth, segments);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }

  private usable(worth: boolean, jobs: number): WorkerPool | null {
    if (this.pool) return this.pool.failure ? null : this.pool; // started: worth it whatever is left
    // One thread alone is no quicker than this one.
    if (!worth || this.options.threads < 2) return null;
    const count = Math.min(this.options.threads, Math.max(2, jobs));
    const setup: ThreadSetup = {
      dataDir: this.dataDir,
      realDir: realFolder(this.dataDir),
      knownHashes: [...this.knownHashes()].join("\n"),
      ...(this.options.failAtJob !== undefined ? { failAtJob: this.options.failAtJob } : {}),
    };
    // From the TypeScript, no Node flags: boot.mjs starts seconds sooner without the tsx loader a bench child or
    // `tsx` runs with (V8's flags, the heap size among them, hold for every thread whatever a thread is given).
    this.pool = new WorkerPool(workerUrl(), count, setup, bundled ? undefined : []);
    this.started = count;
    return this.pool;
  }
}
