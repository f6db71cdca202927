import { realFolder } from "../../briefings/folder.ts";
import { readsOf, type ReadReply } from "./protocol.ts";
import type { PoolJob, WorkerPool } from "./pool.ts";
import { loadReader, newClock, readOne, type FileRead, type Reader, type StageClock } from "./reader.ts";
import type { BuildThreads } from "./threads.ts";

/** Files in a thread's job: enough to make a message worth it, few enough that threads finish together. */
const BATCH = { jobsPerThread: 16, most: 64 };

/**
 * Read, parse and extract each named file of the folder (in threads when there are many), what each gave in the
 * order named. `known(hash)`: the content is already there, so such a file is not extracted again. `clock`: where
 * the time spent on each part, in every thread, is added up.
 */
export async function readFiles(
  threads: BuildThreads,
  dataDir: string,
  names: readonly string[],
  known: (hash: string) => boolean,
  clock: StageClock = newClock(),
): Promise<FileRead[]> {
  const pool = names.length ? threads.forFiles(names.length) : null;
  const out: Array<FileRead | undefined> = pool ? await readInThreads(pool, names, clock) : [];
  // On this thread: every file, or those a failed thread left.
  let read: Reader | null = null;
  let realDir: string | undefined;
  const seen = new Set<string>();
  for (let i = 0; i < names.length; i++) {
    if (out[i]) continue;
    read ??= await loadReader();
    realDir ??= realFolder(dataDir);
    const result = await readOne(read, dataDir, realDir, names[i], (hash) => known(hash) || seen.has(hash), clock);
    if (result.kind === "read") seen.add(result.hash);
    out[i] = result;
  }
  return out as FileRead[];
}

/** The files in batches handed out as threads are free; a batch a failed thread left is undefined. */
async function readInThreads(
  pool: WorkerPool,
  names: readonly string[],
  clock: StageClock,
): Promise<Array<FileRead | undefined>> {
  const size = Math.max(1, Math.min(BATCH.most, Math.ceil(names.length / (pool.size * BATCH.jobsPerThread))));
  const batches: string[][] = [];
  for (let i = 0; i < names.length; i += size) batches.push(names.slice(i, i + size));
  const jobs: PoolJob[] = batches.map((files) => () => ({ message: { type: "read", files }, transfer: [] }));
  const replies = (await pool.runAll(jobs)) as Array<ReadReply | undefined>;
  for (const reply of replies) {
    clock.readMs += reply?.clock.readMs ?? 0;
    clock.extractMs += reply?.clock.extractMs ?? 0;
  }
  return replies.flatMap((reply, i) => (reply ? readsOf(reply) : batches[i].map(() => undefined)));
}
