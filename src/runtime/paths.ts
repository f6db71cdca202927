import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's root folder (where package.json is), whatever the working directory and
 * whether this code runs from `src/` under tsx or from the bundle in `.cache/build/`.
 */
export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, "..");
  }
}

/** Where the snapshot of the briefings' index is kept unless CACHE_DIR says otherwise. */
export const DEFAULT_CACHE_DIR = path.join(PROJECT_ROOT, ".cache");
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, "data", "briefings");
/** Where the digest remembers what it has posted. Not a cache: deleting it forgets that. */
export const DEFAULT_STATE_DIR = path.join(PROJECT_ROOT, "state");
