import { mkdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { FS_WAIT_MS, withTimeout } from "../library/timeout.ts";

/**
 * Whether the process can keep files in `dir` (the cache, the state folder): it is made if missing, then a small
 * file is written in it and removed, all within `ms`. Null when it can; otherwise why not, in a few words
 * ("EACCES", "EROFS", "is a file", "did not finish within 10 s").
 */
export async function folderProblem(dir: string, ms: number = FS_WAIT_MS): Promise<string | null> {
  const probe = path.join(dir, `.probe-${process.pid}`);
  const work = async () => {
    await makeFolder(dir);
    await writeFile(probe, "");
    await rm(probe, { force: true });
  };
  try {
    await withTimeout(work(), ms, "writing to it");
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || code === "ENOTDIR") return "is a file, not a folder";
    return code ?? (err instanceof Error ? err.message : String(err));
  }
}

/** The one line saying the cache folder cannot be used, and what that means. */
export const cacheLine = (dir: string, problem: string) =>
  `the cache folder ${dir} (CACHE_DIR) is not usable (${problem}): running without a cache, so every start reads all the briefings again; make it writable or point CACHE_DIR elsewhere`;

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns under /proc (it keeps a thread busy and the
 * process alive), so the missing folders are found and made one by one.
 */
async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    try {
      if (!(await stat(at)).isDirectory()) throw Object.assign(new Error(`${at} is a file`), { code: "ENOTDIR" });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT" || path.dirname(at) === at) throw err;
      missing.push(at);
    }
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== "EEXIST") throw err;
    });
  }
}
