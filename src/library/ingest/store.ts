import { randomUUID } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, link, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../user-error.ts";
import { uniqueName } from "./file-name.ts";

/**
 * Writing into the briefings folder and out of it. A new briefing is written under a dotfile name (the watcher and
 * the loader skip those), then linked to its final name, which fails rather than replace a file already there: the
 * folder never holds half a briefing and nothing is overwritten. A removed briefing is moved, never deleted.
 */

const code = (err: unknown) => (err as NodeJS.ErrnoException).code;

async function folderIds(dir: string): Promise<Set<string>> {
  try {
    return new Set((await readdir(dir)).map((n) => path.parse(n).name.toLowerCase()));
  } catch (err) {
    throw new UserError(`The briefings folder ${dir} cannot be read (${code(err) ?? String(err)}).`);
  }
}

/** Put `name` in place from `tmp` without ever replacing a file: a hard link, or an exclusive copy where none exist. */
async function placeExclusive(tmp: string, name: string): Promise<void> {
  try {
    await link(tmp, name);
  } catch (err) {
    if (code(err) !== "EPERM" && code(err) !== "ENOTSUP" && code(err) !== "EXDEV") throw err;
    await copyFile(tmp, name, constants.COPYFILE_EXCL);
  }
}

/**
 * Write `text` as a new `.md` briefing named from `base` (`base`, `base-2`… whichever no briefing has, in the folder
 * or in `known`); returns the id it got.
 */
export async function writeNewBriefing(
  dir: string,
  base: string,
  text: string,
  known: (id: string) => boolean,
): Promise<string> {
  const taken = await folderIds(dir);
  const tmp = path.join(dir, `.adding-${process.pid}-${randomUUID()}.tmp`);
  await writeFile(tmp, text, { flag: "wx" });
  try {
    for (;;) {
      const id = uniqueName(base, (id) => taken.has(id.toLowerCase()) || known(id));
      try {
        await placeExclusive(tmp, path.join(dir, `${id}.md`));
        return id;
      } catch (err) {
        if (code(err) !== "EEXIST") throw err;
        taken.add(id.toLowerCase()); // written by someone else meanwhile: the next name
      }
    }
  } finally {
    await rm(tmp, { force: true });
  }
}

/** The folder removed briefings go to: `removed/` beside the briefings folder. */
export const removedFolder = (dataDir: string) => path.join(path.dirname(path.resolve(dataDir)), "removed");

/** Move `file` out of the briefings folder into the removed folder (a free name there); returns where it went. */
export async function moveToRemoved(dataDir: string, file: string): Promise<string> {
  const target = removedFolder(dataDir);
  await mkdir(target, { recursive: true });
  const { name, ext } = path.parse(file);
  const taken = await folderIds(target);
  const base = uniqueName(name, (id) => taken.has(id.toLowerCase()));
  const to = path.join(target, `${base}${ext}`);
  try {
    await rename(path.join(dataDir, file), to);
  } catch (err) {
    if (code(err) !== "EXDEV") throw err;
    await copyFile(path.join(dataDir, file), to, constants.COPYFILE_EXCL);
    await rm(path.join(dataDir, file));
  }
  return to;
}
