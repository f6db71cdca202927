import { stderr } from "node:process";
import { formatProblem } from "../briefings/folder.ts";
import { Library } from "../library/library.ts";
import { fetchLimits, readEnv, type Env } from "../runtime/settings.ts";
import type { EditContext } from "../kit/action.ts";

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

/** The Library over `dataDir` (default: the settings' DATA_DIR), each skipped file reported on stderr. */
export async function openLibrary(env: Env, dataDir: string = env.DATA_DIR): Promise<Library> {
  const library = await Library.open({ dataDir, cacheDir: env.CACHE_DIR });
  for (const p of library.problems) stderr.write(`${formatProblem(p)}\n`);
  return library;
}

/** What `add` and `remove` run with in a terminal: the fetch limits, and the folder opened again after a change. */
export function editContext(env: Env): EditContext {
  return {
    fetch: fetchLimits(env),
    refresh: (previous) => Library.open({ dataDir: previous.dataDir, cacheDir: env.CACHE_DIR, previous }),
  };
}
