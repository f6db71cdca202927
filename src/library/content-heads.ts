import { randomUUID } from "node:crypto";
import { appendFile, open, readFile, rename } from "node:fs/promises";
import path from "node:path";
import { eachLineIn, NEWLINE } from "./line-source.ts";

/**
 * The heads of content.jsonl's lines, in a file of their own, so that opening a snapshot reads them alone: at 1M
 * paragraphs content.jsonl is about 540 MB and its heads about 30 MB, and scanning the whole file for its lines was
 * most of a cold start (about 1 s of 2 on a 2-core machine, with the garbage its buffers made).
 *
 * Each line of content-heads.jsonl is a content line's start in content.jsonl, a tab, and that line's head exactly as
 * it stands there; the file's first line names its generation (`{"tag":…}`). The manifest, written last, says which
 * generation it was saved with and how many bytes of each file were whole then (a `ContentMark`): only heads within
 * those bytes are read, and content lines after them (appended by a save the crash cut short) are found by scanning
 * that tail alone. When anything does not match (another generation, a file shorter than the mark, a head that does
 * not parse), content.jsonl is scanned whole, as before this file existed, and the next save writes both files again.
 */
export const HEADS_FILE = "content-heads.jsonl";

/** What the manifest records of the content and heads files it was saved with. */
export interface ContentMark {
  /** The heads file's generation (its first line). */
  tag: string;
  /** Bytes of content.jsonl that were whole lines. */
  bytes: number;
  /** Bytes of the heads file that were whole lines. */
  heads: number;
}

const TAB = 9;

/** A content line's head (the JSON before its first tab), and where the line starts in content.jsonl. */
export interface StoredHead {
  start: number;
  head: Buffer;
}

/** The heads lines of content lines written from `first` on, one after the other. */
export function headsOf(lines: readonly Buffer[], first: number): Buffer {
  const out: Buffer[] = [];
  let start = first;
  for (const line of lines) {
    out.push(Buffer.from(`${start}\t`), line.subarray(0, line.indexOf(TAB)), Buffer.of(NEWLINE));
    start += line.length;
  }
  return Buffer.concat(out);
}

/** A new generation's first heads line (its tag), to start a heads file for content lines from byte 0. */
export function newHeads(): { tag: string; line: Buffer } {
  const tag = randomUUID();
  return { tag, line: Buffer.from(`${JSON.stringify({ tag })}\n`) };
}

/** Put a heads file written by `writeHeads` in place (before content.jsonl is: see the file's comment). */
export const placeHeads = (tmp: string, folder: string): Promise<void> => rename(tmp, path.join(folder, HEADS_FILE));

/** Whether the heads file is of the generation `mark` names (else content.jsonl is to be written whole). */
export async function headsCurrent(folder: string, mark: ContentMark | undefined): Promise<boolean> {
  return mark !== undefined && (await headsState(path.join(folder, HEADS_FILE)))?.tag === mark.tag;
}

/**
 * Append the heads of content lines just appended from byte `first` of content.jsonl (after them: a crash between
 * the two leaves content lines no head names, never a head naming no line); returns the new mark.
 */
export async function appendHeads(
  folder: string,
  mark: ContentMark,
  lines: readonly Buffer[],
  first: number,
): Promise<ContentMark> {
  const file = path.join(folder, HEADS_FILE);
  const found = await headsState(file);
  const data = Buffer.concat([found?.ends === false ? Buffer.of(NEWLINE) : Buffer.alloc(0), headsOf(lines, first)]);
  await appendFile(file, data);
  let bytes = first;
  for (const line of lines) bytes += line.length;
  return { tag: mark.tag, bytes, heads: (found?.size ?? 0) + data.length };
}

/** The heads file's tag, size and whether it ends a line; null when it is missing or its first line is not a tag. */
async function headsState(file: string): Promise<(FileEnds & { tag: string }) | null> {
  const found = await fileEnds(file, 128);
  const tag = found && tagOf(found.first);
  return found && tag ? { ...found, tag } : null;
}

/** A file's size, whether it is empty or ends a line, and its first `firstBytes` bytes. */
export interface FileEnds {
  size: number;
  ends: boolean;
  first: Buffer;
}

/** What `FileEnds` says of `file`; null when it cannot be opened (none yet). */
export async function fileEnds(file: string, firstBytes = 0): Promise<FileEnds | null> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch {
    return null;
  }
  try {
    const { size } = await handle.stat();
    const first = Buffer.alloc(Math.min(size, firstBytes));
    await handle.read(first, 0, first.length, 0);
    const last = Buffer.alloc(1);
    if (size > 0) await handle.read(last, 0, 1, size - 1);
    return { size, ends: size === 0 || last[0] === NEWLINE, first };
  } finally {
    await handle.close();
  }
}

function tagOf(buf: Buffer): string | null {
  const end = buf.indexOf(NEWLINE);
  if (end < 0) return null;
  try {
    const { tag } = JSON.parse(buf.toString("utf8", 0, end)) as { tag?: unknown };
    return typeof tag === "string" ? tag : null;
  } catch {
    return null;
  }
}

/**
 * The heads the mark covers, in order; null when the heads file does not match it (another generation, shorter than
 * the mark, a line that is not a start and a head), and content.jsonl must be scanned whole instead.
 */
export async function readHeads(folder: string, mark: ContentMark): Promise<StoredHead[] | null> {
  let buf: Buffer;
  try {
    buf = await readFile(path.join(folder, HEADS_FILE));
  } catch {
    return null;
  }
  if (buf.length < mark.heads || tagOf(buf) !== mark.tag) return null;
  const covered = buf.subarray(buf.indexOf(NEWLINE) + 1, mark.heads);
  const out: StoredHead[] = [];
  let whole = true;
  eachLineIn(covered, (start, end) => {
    const tab = covered.indexOf(TAB, start);
    const at = tab > start && tab < end ? Number(covered.toString("latin1", start, tab)) : NaN;
    if (!Number.isSafeInteger(at) || at < 0 || at >= mark.bytes) whole = false;
    else out.push({ start: at, head: covered.subarray(tab + 1, end) });
  });
  return whole ? out : null;
}
