import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { cleanBody } from "./clean.ts";
import { describeRemovals } from "./removal.ts";
import { readFrontMatter } from "./front-matter.ts";
import { duplicateProblem, inspectEntry, listBriefingFiles, realFolder } from "./folder.ts";
import type { Briefing, LoadProblem } from "./briefing.ts";

/** A briefing is a news article: anything past this is not one (or not only one). */
export const MAX_BRIEFING_BYTES = 2 * 1024 * 1024;

export interface LoadResult {
  briefings: Briefing[];
  problems: LoadProblem[];
}

export type ParseResult =
  | {
      ok: true;
      briefing: Briefing;
      /** What was left out of a briefing that still loaded (a bad front matter field), in one line. */
      warning?: string;
    }
  | { ok: false; message: string };

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const tooLarge = (size: number) =>
  `is too large (${mb(size)}; a briefing may be at most ${mb(MAX_BRIEFING_BYTES)}): split it or remove it`;

/** How many lines of the file come before its body (the front matter), so removals can name file lines. */
function linesBefore(source: string, body: string): number {
  if (!source.endsWith(body)) return 0;
  const head = source.slice(0, source.length - body.length);
  return (head.match(/\n/g) ?? []).length;
}

/** Parse one file's bytes into a Briefing, or say in one line what is wrong with it. */
export function parseBriefing(file: string, bytes: Buffer): ParseResult {
  if (bytes.length > MAX_BRIEFING_BYTES) return { ok: false, message: tooLarge(bytes.length) };
  if (bytes.includes(0)) return { ok: false, message: "is a binary file, not text: save the article as UTF-8 text" };
  let source: string;
  try {
    source = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: "is not UTF-8 text: save it again with UTF-8 encoding" };
  }
  if (source.trim() === "") return { ok: false, message: "is empty: add the article's text or remove the file" };

  const fm = readFrontMatter(source);
  if (!fm.ok) return { ok: false, message: fm.message };

  const knownTitle = fm.data.title ?? null;
  const cleaned = cleanBody(fm.body, knownTitle, {
    outlet: fm.data.outlet ?? null,
    lineOffset: linesBefore(source, fm.body),
  });
  if (cleaned.paragraphs.length === 0) {
    const what = describeRemovals(cleaned.removed) ?? "nothing but a headline";
    return {
      ok: false,
      message: `has no article text left after removing site furniture (${what}): check it holds the article`,
    };
  }
  const id = path.basename(file, path.extname(file));
  return {
    ok: true,
    briefing: {
      id,
      file: path.basename(file),
      meta: {
        title: knownTitle ?? cleaned.headline,
        outlet: fm.data.outlet ?? null,
        published: fm.data.published ?? null,
        url: fm.data.url ?? null,
      },
      paragraphs: cleaned.paragraphs.map((text, i) => ({ n: i + 1, text })),
      hash: createHash("sha256").update(bytes).digest("hex"),
      removed: cleaned.removed,
    },
    ...(fm.dropped ? { warning: fm.dropped } : {}),
  };
}

/** Opened without waiting: a pipe swapped in for the file meanwhile cannot block the read. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** Why the opened file is not read (not a regular file, too large), or null. */
function refusal(info: Stats): ParseResult | null {
  if (!info.isFile()) return { ok: false, message: "is not a regular file: remove it from the briefings folder" };
  if (info.size > MAX_BRIEFING_BYTES) return { ok: false, message: tooLarge(info.size) };
  return null;
}

/** A failure to read the file, in one line; null when the file went away. */
function readFailure(err: unknown): ParseResult | null {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return null;
  return { ok: false, message: `cannot be read (${code ?? String(err)}): check its permissions` };
}

/** The folder's entry to open, or what it gave instead (null: gone; a problem: refused). */
function entryToOpen(dir: string, name: string, realDir: string): string | ParseResult | null {
  const entry = inspectEntry(dir, name, realDir);
  if (entry === null) return null;
  if (!entry.ok) return { ok: false, message: entry.message };
  if (entry.size > MAX_BRIEFING_BYTES) return { ok: false, message: tooLarge(entry.size) };
  return entry.real;
}

/**
 * Read and parse one file of the folder; null when it is gone. Only a regular file whose real path is inside the
 * folder is read (see inspectEntry); it is opened without waiting and checked again once open.
 */
export async function readBriefingFile(
  dir: string,
  name: string,
  realDir: string = realFolder(dir),
): Promise<ParseResult | null> {
  const real = entryToOpen(dir, name, realDir);
  if (typeof real !== "string") return real;
  try {
    const handle = await open(real, OPEN_FLAGS);
    try {
      return refusal(await handle.stat()) ?? parseBriefing(name, await handle.readFile());
    } finally {
      await handle.close();
    }
  } catch (err) {
    return readFailure(err);
  }
}

/**
 * `readBriefingFile` for a build thread, which has nothing else to answer while it waits: the same checks and
 * answers, read without a round trip through libuv's thread pool for each call (open, stat, read, close), which left
 * a build thread idle about a fifth of the time.
 */
export function readBriefingFileSync(dir: string, name: string, realDir: string = realFolder(dir)): ParseResult | null {
  const real = entryToOpen(dir, name, realDir);
  if (typeof real !== "string") return real;
  try {
    const fd = openSync(real, OPEN_FLAGS);
    try {
      return refusal(fstatSync(fd)) ?? parseBriefing(name, readFileSync(fd));
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    return readFailure(err);
  }
}

/**
 * Load every `.txt` and `.md` briefing in `dir`. A bad file is skipped with one problem
 * naming it; every other file still loads. Two files with the same id are reported and the
 * first in name order is kept.
 */
export async function loadBriefings(dir: string): Promise<LoadResult> {
  const listed = await listBriefingFiles(dir);
  if (!listed.ok) return { briefings: [], problems: [listed.problem] };
  const problems: LoadProblem[] = [];
  const byId = new Map<string, Briefing>();
  const realDir = realFolder(dir);
  for (const name of listed.names) {
    const parsed = await readBriefingFile(dir, name, realDir);
    if (parsed === null) continue;
    if (!parsed.ok) {
      problems.push({ file: name, message: parsed.message });
      continue;
    }
    if (parsed.warning) problems.push({ file: name, message: parsed.warning, loaded: true });
    const earlier = byId.get(parsed.briefing.id);
    if (earlier) {
      problems.push(duplicateProblem(earlier, name));
      continue;
    }
    byId.set(parsed.briefing.id, parsed.briefing);
  }
  return { briefings: [...byId.values()], problems };
}
