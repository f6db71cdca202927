import { lstatSync, realpathSync, statSync, type Stats } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Briefing, LoadProblem } from "./briefing.ts";

/**
 * The briefings folder without reading any briefing: which files are briefings, and how a
 * problem with one is told. Kept apart from the parser (load.ts) so that a start from the
 * snapshot, which reads no briefing, never loads the front matter and date parsers.
 */
const BRIEFING_NAME = /^[^.][^]*\.(?:txt|md)$/i;

/**
 * Whether a file name is a briefing's: `.txt` or `.md`, not a dotfile (a file being written under a temporary name).
 * One expression: it is asked of every name in a folder of 100,000 files on the event loop.
 */
export const isBriefingName = (name: string): boolean => BRIEFING_NAME.test(name);

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

/** A control character (a line break, a tab, an escape) in a file name. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;

/** A file name as one printable line: control characters written as escapes (`a\nb.txt`). */
export const printableName = (name: string): string => (CONTROL.test(name) ? JSON.stringify(name).slice(1, -1) : name);

/**
 * One line per problem, as shown to an editor: `skipped 003.txt: is empty: …`, or for a file that loaded without a
 * part of it `003.txt: bad front matter field "published" (…): loaded without it`.
 */
export const formatProblem = (p: LoadProblem) =>
  p.loaded ? `${printableName(p.file)}: ${p.message}` : `skipped ${printableName(p.file)}: ${p.message}`;

/** What a name in the briefings folder is: a briefing file to read (at `real`), or why it is not read. */
export type Entry =
  | { ok: true; real: string; size: number; mtimeMs: number }
  | { ok: false; size: number; mtimeMs: number; message: string };

/** The briefings folder's real path (links resolved), against which every file's real path is checked. */
export function realFolder(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return path.resolve(dir);
  }
}

/**
 * Whether `name` in `dir` may be read as a briefing: only a regular file whose real path is inside the folder (a
 * link to a briefing elsewhere in the folder is followed). A link out of the folder, a link loop or to nothing, a
 * folder, a device, pipe or socket, and a name with a control character are each told in one line; null when the
 * name is gone. `realDir`: the folder's real path (realFolder), worked out once for many names.
 */
export function inspectEntry(dir: string, name: string, realDir: string = realFolder(dir)): Entry | null {
  const full = path.join(dir, name);
  let own: Stats;
  try {
    own = lstatSync(full);
  } catch {
    return null;
  }
  const refuse = (message: string, info: Stats = own): Entry => ({
    ok: false,
    size: info.size,
    mtimeMs: info.mtimeMs,
    message,
  });
  if (CONTROL.test(name)) return refuse("has a control character (such as a line break) in its name: rename it");
  let real = full;
  if (own.isSymbolicLink()) {
    try {
      real = realpathSync(full);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ELOOP") return refuse("is a symbolic link that loops back on itself: remove it");
      return refuse(`is a symbolic link to nothing (${code ?? String(err)}): remove it or copy the article in`);
    }
    if (!real.startsWith(realDir + path.sep)) {
      return refuse(
        "is a symbolic link to a file outside the briefings folder, which is never read: copy the article into the folder instead",
      );
    }
  }
  let info: Stats;
  try {
    info = real === full ? own : statSync(real);
  } catch {
    return null;
  }
  if (info.isDirectory()) return refuse("is a folder, not a file: rename it or move it out of the briefings folder");
  if (!info.isFile()) {
    return refuse("is not a regular file (a device, pipe or socket): remove it from the briefings folder");
  }
  return { ok: true, real, size: info.size, mtimeMs: info.mtimeMs };
}
