import { stderr } from "node:process";
import { setTimeout as sleep } from "node:timers/promises";
import { formatProblem, listBriefingFiles, printableName } from "../briefings/folder.ts";
import { Library } from "../library/library.ts";
import { fetchLimits, readEnv, type Env } from "../runtime/settings.ts";
import type { EditContext } from "../kit/action.ts";
import { FS_WAIT_MS, withTimeout } from "../library/timeout.ts";
import type { WatchOptions } from "../library/watch.ts";
import { cacheLine, folderProblem } from "../runtime/folders.ts";
import { createLogger } from "../runtime/log.ts";

/**
 * The start-up every entry point shares: the settings read once (a bad variable is one line naming it, then exit
 * status 2), and the Library opened with a line on stderr for each briefing that could not be used.
 */
export function settingsOrExit(): Env {
  const read = readEnv();
  if (read.ok) return read.env;
  for (const line of read.problems) stderr.write(`${line}\n`);
  process.exit(2);
}

/** Rounds of waiting for files still being written before they are left out. */
const SETTLE_ROUNDS = 3;

/**
 * Why the briefings folder cannot be used (missing, not a folder, unreadable, not answering), naming where it was
 * set (`--data` or DATA_DIR); null when it can. An empty folder is usable.
 */
export async function dataDirProblem(dir: string, origin: "--data" | "DATA_DIR"): Promise<string | null> {
  let listed;
  try {
    listed = await withTimeout(listBriefingFiles(dir), FS_WAIT_MS, "listing it");
  } catch (err) {
    return `the briefings folder ${dir} (${origin}) cannot be read: ${(err as Error).message}`;
  }
  if (listed.ok) return null;
  return listed.problem.message.replace(/^the briefings folder/, `the briefings folder ${dir} (${origin})`);
}

/** CACHE_DIR, or null with one line on stderr when files cannot be kept there (then no cache is used). */
export async function usableCache(env: Env): Promise<string | null> {
  const problem = await folderProblem(env.CACHE_DIR);
  if (problem) stderr.write(`${cacheLine(env.CACHE_DIR, problem)}\n`);
  return problem ? null : env.CACHE_DIR;
}

/**
 * The Library over `dataDir` (default: the settings' DATA_DIR), each skipped file reported on stderr. A file still
 * being written is waited for (BRIEFING_SETTLE_MS after its last change, a few times at most), then left out with a
 * line. `cacheDir`: as usableCache found it.
 */
export async function openLibrary(
  env: Env,
  dataDir: string = env.DATA_DIR,
  cacheDir: string | null = env.CACHE_DIR,
): Promise<Library> {
  const settleMs = env.BRIEFING_SETTLE_MS;
  let library = await Library.open({ dataDir, cacheDir, settleMs });
  if (library.build.cacheNote) stderr.write(`cache: ${library.build.cacheNote}\n`);
  if (library.build.buildNote) stderr.write(`build: ${library.build.buildNote}\n`);
  for (let round = 0; round < SETTLE_ROUNDS && library.build.settlesInMs !== null; round++) {
    await sleep(library.build.settlesInMs + 10);
    library = await Library.open({ dataDir, cacheDir, settleMs, previous: library, changedNames: new Set() });
  }
  for (const p of library.problems) stderr.write(`${formatProblem(p)}\n`);
  for (const file of library.build.unsettled)
    stderr.write(
      `skipped ${printableName(file)}: is still being written (changed in the last ${settleMs} ms): try again once it is saved\n`,
    );
  return library;
}

/** What `add` and `remove` run with in a terminal: the fetch limits, and the folder opened again after a change. */
export function editContext(env: Env, cacheDir: string | null = env.CACHE_DIR): EditContext {
  return {
    fetch: fetchLimits(env),
    refresh: (previous) => Library.open({ dataDir: previous.dataDir, cacheDir, previous }),
  };
}

/** What the shell needs to open another folder (`--data` on a line) and to watch its own, from the settings. */
export function shellFolders(
  env: Env,
  cacheDir: string | null,
): {
  openFolder: (dir: string) => Promise<Library | string>;
  watch: Pick<WatchOptions, "cacheDir" | "log" | "fileSettleMs">;
} {
  return {
    openFolder: async (dir) => (await dataDirProblem(dir, "--data")) ?? (await openLibrary(env, dir, cacheDir)),
    // Problems found while watching are told on stderr, one JSON line each, like the bot's log.
    watch: { cacheDir, log: createLogger("warn", []), fileSettleMs: env.BRIEFING_SETTLE_MS },
  };
}
