import { stderr } from "node:process";
import { setTimeout as sleep } from "node:timers/promises";
import { formatProblem, printableName } from "../briefings/folder.ts";
import { Library } from "../library/library.ts";
import { readEnv, type Env } from "../runtime/settings.ts";

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
 * The Library over `dataDir` (default: the settings' DATA_DIR), each skipped file reported on stderr. A file still
 * being written is waited for (BRIEFING_SETTLE_MS after its last change, a few times at most), then left out with a
 * line.
 */
export async function openLibrary(env: Env, dataDir: string = env.DATA_DIR): Promise<Library> {
  const settleMs = env.BRIEFING_SETTLE_MS;
  let library = await Library.open({ dataDir, cacheDir: env.CACHE_DIR, settleMs });
  for (let round = 0; round < SETTLE_ROUNDS && library.build.settlesInMs !== null; round++) {
    await sleep(library.build.settlesInMs + 10);
    library = await Library.open({
      dataDir,
      cacheDir: env.CACHE_DIR,
      settleMs,
      previous: library,
      changedNames: new Set(),
    });
  }
  for (const p of library.problems) stderr.write(`${formatProblem(p)}\n`);
  for (const file of library.build.unsettled)
    stderr.write(
      `skipped ${printableName(file)}: is still being written (changed in the last ${settleMs} ms): try again once it is saved\n`,
    );
  return library;
}
