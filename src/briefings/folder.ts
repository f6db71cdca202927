import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Briefing, LoadProblem } from "./briefing.ts";

/**
 * The briefings folder without reading any briefing: which files are briefings, and how a
 * problem with one is told. Kept apart from the parser (load.ts) so that a start from the
 * snapshot, which reads no briefing, never loads the front matter and date parsers.
 */
const EXTENSIONS = new Set([".txt", ".md"]);

/**
 * Whether a file name is a briefing's: `.txt` or `.md`, not a dotfile (a file being written under a temporary name).
 */
export const isBriefingName = (name: string): boolean =>
  EXTENSIONS.has(path.extname(name).toLowerCase()) && !name.startsWith(".");

export type ListResult = { ok: true; names: string[] } | { ok: false; problem: LoadProblem };

/** The briefing files in `dir` (`.txt`, `.md`, no dotfiles), sorted; or why the folder cannot be read. */
export async function listBriefingFiles(dir: string): Promise<ListResult> {
  try {
    const names = (await readdir(dir)).filter(isBriefingName);
    return { ok: true, names: names.sort() };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "does not exist"
        : code === "ENOTDIR"
          ? "is not a folder"
          : `cannot be read (${code ?? String(err)})`;
    return {
      ok: false,
      problem: {
        file: dir,
        message: `the briefings folder ${why}: set DATA_DIR or --data to a folder of .txt/.md briefings`,
      },
    };
  }
}

/** Two files with one id: the first in name order is kept, the other reported. */
export function duplicateProblem(kept: Briefing, other: string): LoadProblem {
  return {
    file: other,
    message: `has the same id "${kept.id}" as ${kept.file}, which was loaded instead: rename one of them`,
  };
}

/** One line per problem, as shown to an editor: `skipped 003.txt: is empty: …`. */
export const formatProblem = (p: LoadProblem) => `skipped ${p.file}: ${p.message}`;
