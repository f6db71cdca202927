import { createHash } from "node:crypto";
import { appendFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BriefingMeta, Paragraph } from "../briefings/briefing.ts";
import { CLEAN_VERSION } from "../briefings/clean-version.ts";
import type { Removal } from "../briefings/removal.ts";
import type { BriefingEvents } from "../extraction/event.ts";
import { STEP, type Steps } from "../search/steps.ts";
import {
  appendHeads,
  fileEnds,
  headsOf,
  HEADS_FILE,
  newHeads,
  placeHeads,
  readHeads,
  type ContentMark,
} from "./content-heads.ts";
import { BufferSource, eachLineIn, FileSource, NEWLINE, type LineSource } from "./line-source.ts";

/**
 * The Library's on-disk cache, in parts so that no part is one giant string:
 * - `manifest.json`: the code versions, every file's size and modification time with its
 *   content hash (or the problem that skipped it), and the index segments with the
 *   briefings each holds;
 * - `content.jsonl`: one line per briefing content (by hash) — metadata, then extracted
 *   events, then cleaned paragraphs, then what cleaning removed, as four JSON texts joined by
 *   tabs — appended to as briefings arrive. Opening scans the file and parses only the small
 *   first part of each line; the others are read from the file (by position: line-source.ts)
 *   and parsed the first time something asks for them;
 * - `segment-N.bin`: frozen index segments.
 * A restart with unchanged files reads these and no briefing; a changed file is read again.
 */

/** Bump when the snapshot's own layout changes; the cleaning version is part of it (cleaning makes the content). */
export const SNAPSHOT_FORMAT = `snapshot-6.${CLEAN_VERSION}`;

export interface FileEntry {
  file: string;
  size: number;
  mtimeMs: number;
  /** Content hash of a file that loaded. */
  hash?: string;
  /** Why the file was skipped. */
  problem?: string;
  /** What was left out of a file that loaded (a bad front matter field). */
  warning?: string;
}

export interface SegmentEntry {
  file: string;
  /** Briefings in the segment, by content hash, with the global id of each one's first paragraph. */
  briefings: Array<{ hash: string; id: string; firstDoc: number }>;
  paragraphs: number;
}

export interface Manifest {
  format: string;
  /** Index and extraction versions: a change means rebuilding. */
  versions: string[];
  builtAt: string;
  files: FileEntry[];
  segments: SegmentEntry[];
  /** The next free global paragraph id. */
  nextDoc: number;
  /** The content and heads files as saved with this manifest (absent before content-heads.ts). */
  content?: ContentMark;
}

/** One briefing's content as the Library keeps it; `paragraphs` and `events` may be parsed on first use. */
export interface Content {
  readonly hash: string;
  readonly meta: BriefingMeta;
  /** Number of paragraphs (numbered 1…count). */
  readonly count: number;
  readonly paragraphs: Paragraph[];
  readonly events: BriefingEvents;
  /** The site furniture cleaning took out of the file. */
  readonly removed: readonly Removal[];
}

/** Content just read from a briefing file. */
export function freshContent(
  hash: string,
  meta: BriefingMeta,
  paragraphs: Paragraph[],
  events: BriefingEvents,
  removed: readonly Removal[],
): Content {
  return { hash, meta, count: paragraphs.length, paragraphs, events, removed };
}

/** The first part of a content line; the byte lengths of the other three tell a whole line from a torn one. */
interface LineHead {
  hash: string;
  meta: BriefingMeta;
  count: number;
  eventsBytes: number;
  paragraphsBytes: number;
  removedBytes: number;
}

/** Bytes of a line after its head and tab: events, paragraphs and removals with the tabs between them. */
const lineBodyBytes = (h: Pick<LineHead, "eventsBytes" | "paragraphsBytes" | "removedBytes">) =>
  h.eventsBytes + 1 + h.paragraphsBytes + 1 + h.removedBytes;

const TAB = 9;

/** Content backed by its line in the snapshot file: events, paragraphs and removals are parsed when first read. */
class StoredContent implements Content {
  readonly hash: string;
  readonly meta: BriefingMeta;
  readonly count: number;
  private readonly eventsBytes: number;
  private readonly paragraphsBytes: number;
  private readonly removedBytes: number;
  private readonly bodyBytes: number;
  private parsedEvents: BriefingEvents | null = null;
  private parsedParagraphs: Paragraph[] | null = null;
  private parsedRemoved: Removal[] | null = null;

  constructor(
    head: LineHead,
    private readonly source: LineSource,
    /** Where the line starts in the source. */
    private readonly start: number,
    /** Where the events part starts; paragraphs follow after one tab. */
    private readonly at: number,
  ) {
    this.hash = head.hash;
    this.meta = head.meta;
    this.count = head.count;
    this.eventsBytes = head.eventsBytes;
    this.paragraphsBytes = head.paragraphsBytes;
    this.removedBytes = head.removedBytes;
    this.bodyBytes = lineBodyBytes(head);
  }

  get events(): BriefingEvents {
    return (this.parsedEvents ??= JSON.parse(this.text(this.at, this.at + this.eventsBytes)) as BriefingEvents);
  }

  get paragraphs(): Paragraph[] {
    const from = this.at + this.eventsBytes + 1;
    return (this.parsedParagraphs ??= JSON.parse(this.text(from, from + this.paragraphsBytes)) as Paragraph[]);
  }

  get removed(): Removal[] {
    const from = this.at + this.eventsBytes + 1 + this.paragraphsBytes + 1;
    return (this.parsedRemoved ??= JSON.parse(this.text(from, from + this.removedBytes)) as Removal[]);
  }

  private text(from: number, to: number): string {
    return this.source.bytes(from, to).toString("utf8");
  }

  /** The line as stored, to copy into a rewritten file without parsing it. */
  line(): Buffer {
    return this.source.bytes(this.start, this.at + this.bodyBytes + 1);
  }
}

/** A content as its snapshot line (newline included): what content.jsonl holds, and what build threads hand over. */
export function contentLine(c: Content): Buffer {
  if (c instanceof StoredContent) return c.line();
  const events = Buffer.from(JSON.stringify(c.events));
  const paragraphs = Buffer.from(JSON.stringify(c.paragraphs));
  const removed = Buffer.from(JSON.stringify(c.removed));
  const head: LineHead = {
    hash: c.hash,
    meta: c.meta,
    count: c.count,
    eventsBytes: events.length,
    paragraphsBytes: paragraphs.length,
    removedBytes: removed.length,
  };
  return Buffer.concat([
    Buffer.from(JSON.stringify(head)),
    Buffer.of(TAB),
    events,
    Buffer.of(TAB),
    paragraphs,
    Buffer.of(TAB),
    removed,
    Buffer.of(NEWLINE),
  ]);
}

export function cacheFolder(cacheDir: string, dataDir: string): string {
  const tag = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, `library-${tag}`);
}

async function writeAtomic(file: string, data: string | Buffer | Iterable<Buffer>): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/**
 * The manifest, or null: none yet (a first start), one of another format (older code), or a damaged one, which
 * `damaged` says in a few words.
 */
export async function readManifest(folder: string): Promise<{ manifest: Manifest | null; damaged: string | null }> {
  let text: string;
  try {
    text = await readFile(path.join(folder, "manifest.json"), "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      manifest: null,
      damaged: code === "ENOENT" ? null : `manifest.json cannot be read (${code ?? String(err)})`,
    };
  }
  let m: Manifest;
  try {
    m = JSON.parse(text) as Manifest;
  } catch {
    return { manifest: null, damaged: "manifest.json is not whole" };
  }
  if (!m || typeof m !== "object") return { manifest: null, damaged: "manifest.json is not whole" };
  if (m.format !== SNAPSHOT_FORMAT) return { manifest: null, damaged: null };
  const whole = Array.isArray(m.files) && Array.isArray(m.segments);
  return whole ? { manifest: m, damaged: null } : { manifest: null, damaged: "manifest.json is not whole" };
}

/**
 * Every content line, by hash, and how many were damaged: a torn or damaged line (a crash mid-append) is skipped, so
 * that briefing is read again. With the manifest's `mark`, the heads file gives the lines it covers and only the
 * content after them is scanned; `mark` in the answer is the one still good for appending (none after a whole scan).
 */
export async function readContentLines(
  folder: string,
  mark?: ContentMark,
): Promise<{ contents: Map<string, Content>; damaged: number; mark?: ContentMark }> {
  const out = new Map<string, Content>();
  const file = await FileSource.open(path.join(folder, "content.jsonl"));
  if (!file) return { contents: out, damaged: 0 };
  const headed = mark ? await fromHeads(folder, file, mark, out) : false;
  if (!headed) out.clear();
  let damaged = 0;
  await file.eachLine(
    (view, start, end, offset) => {
      const content = storedContent(view, start, end, file, offset);
      if (content) out.set(content.hash, content);
      else damaged++;
    },
    undefined,
    headed && mark ? mark.bytes : 0,
  );
  return { contents: out, damaged, ...(headed && mark ? { mark } : {}) };
}

/** The contents the heads file names (see content-heads.ts), into `out`; false when it does not match `file`. */
async function fromHeads(folder: string, file: FileSource, mark: ContentMark, out: Map<string, Content>) {
  if ((await file.size()) < mark.bytes) return false;
  if (mark.bytes > 0 && file.bytes(mark.bytes - 1, mark.bytes)[0] !== NEWLINE) return false;
  const heads = await readHeads(folder, mark);
  if (!heads) return false;
  for (const { start, head: bytes } of heads) {
    let head: LineHead;
    try {
      head = JSON.parse(bytes.toString("utf8")) as LineHead;
    } catch {
      return false;
    }
    const at = start + bytes.length + 1;
    if (typeof head.hash !== "string" || !(at + lineBodyBytes(head) < mark.bytes)) return false;
    out.set(head.hash, new StoredContent(head, file, start, at));
  }
  return true;
}

/**
 * The contents of a buffer of content lines, in order (one per line, a hash repeated as often as it is), and how many
 * lines were torn or damaged (left out). Each content keeps a view of `buf` and parses its parts from it when asked.
 */
export function splitContentLines(buf: Buffer): { contents: Content[]; damaged: number } {
  const contents: Content[] = [];
  const source = new BufferSource(buf);
  let damaged = 0;
  eachLineIn(buf, (start, end) => {
    const content = storedContent(buf, start, end, source, 0);
    if (content) contents.push(content);
    else damaged++;
  });
  return { contents, damaged };
}

/**
 * The content of the line from `start` to `end` (its newline) in `view`, or null for a torn or damaged one; its
 * parts are read from `source`, where the view's first byte is at `offset`.
 */
function storedContent(view: Buffer, start: number, end: number, source: LineSource, offset: number) {
  const tab = view.indexOf(TAB, start);
  if (tab <= start || tab >= end) return null;
  try {
    const head = JSON.parse(view.toString("utf8", start, tab)) as LineHead;
    const at = tab + 1;
    const tabs = view[at + head.eventsBytes] === TAB && view[at + head.eventsBytes + 1 + head.paragraphsBytes] === TAB;
    const whole = at + lineBodyBytes(head) === end && tabs;
    return whole && typeof head.hash === "string" ? new StoredContent(head, source, offset + start, offset + at) : null;
  } catch {
    return null; // that briefing is read from its file again
  }
}

/**
 * Write content lines: appended to content.jsonl, then their heads to content-heads.jsonl (whose generation `mark`
 * names: see `headsCurrent`); or, with `rewrite`, both files written whole with `contents` alone, heads first (see
 * content-heads.ts). Lines are made a thousand at a time. Returns the mark the manifest is to record.
 */
export async function appendContent(
  folder: string,
  contents: readonly Content[],
  rewrite: boolean,
  mark?: ContentMark,
): Promise<ContentMark> {
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, "content.jsonl");
  if (!rewrite && mark) {
    const found = await fileEnds(file);
    let first = found?.size ?? 0;
    if (!(found?.ends ?? true)) {
      await appendFile(file, "\n"); // after a torn line: start a new one
      first++;
    }
    const lines = contents.map(contentLine);
    await appendFile(file, Buffer.concat(lines));
    return appendHeads(folder, mark, lines, first);
  }
  const tmp = `${file}.${process.pid}.tmp`;
  const headsTmp = path.join(folder, `${HEADS_FILE}.${process.pid}.tmp`);
  const heads = newHeads();
  await writeFile(tmp, "");
  await writeFile(headsTmp, heads.line);
  let bytes = 0;
  let headBytes = heads.line.length;
  for (let i = 0; i < contents.length; i += 1000) {
    const lines = contents.slice(i, i + 1000).map(contentLine);
    const headLines = headsOf(lines, bytes);
    await appendFile(tmp, Buffer.concat(lines));
    await appendFile(headsTmp, headLines);
    for (const line of lines) bytes += line.length;
    headBytes += headLines.length;
  }
  await placeHeads(headsTmp, folder);
  await rename(tmp, file);
  return { tag: heads.tag, bytes, heads: headBytes };
}

export async function writeSegment(folder: string, file: string, data: Buffer): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeAtomic(path.join(folder, file), data);
}

export const readSegment = (folder: string, file: string): Promise<Buffer> => readFile(path.join(folder, file));

/** Items as a JSON array, in steps. */
function* arrayJson(items: readonly unknown[], out: Buffer[]): Steps<void> {
  out.push(Buffer.from("["));
  for (let at = 0; at < items.length; at += STEP) {
    const parts = items.slice(at, at + STEP).map((item) => JSON.stringify(item));
    out.push(Buffer.from((at ? "," : "") + parts.join(",")));
    yield;
  }
  out.push(Buffer.from("]"));
}

/**
 * The manifest's JSON, in steps, as pieces of UTF-8 to write one after the other: at a million paragraphs its lists of
 * files and of each segment's briefings hold 100,000 entries each, and serialising them in one go would hold a
 * serving bot for a few tenths of a second — as would joining the pieces into one 28 MB string, or encoding it.
 */
export function* manifestJson(m: Manifest): Steps<Buffer[]> {
  const out: Buffer[] = [];
  const head = JSON.stringify({ format: m.format, versions: m.versions, builtAt: m.builtAt });
  out.push(Buffer.from(`${head.slice(0, -1)},"files":`));
  yield* arrayJson(m.files, out);
  out.push(Buffer.from(`,"segments":[`));
  for (let i = 0; i < m.segments.length; i++) {
    const s = m.segments[i];
    out.push(Buffer.from(`${i ? "," : ""}{"file":${JSON.stringify(s.file)},"briefings":`));
    yield* arrayJson(s.briefings, out);
    out.push(Buffer.from(`,"paragraphs":${s.paragraphs}}`));
  }
  const content = m.content ? `,"content":${JSON.stringify(m.content)}` : "";
  out.push(Buffer.from(`],"nextDoc":${m.nextDoc}${content}}`));
  return out;
}

/** The manifest (as `manifestJson` gives it) last: until it is written, the previous one (and its files) stay valid. */
export async function writeManifest(
  folder: string,
  manifest: readonly Buffer[],
  obsolete: readonly string[],
): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeAtomic(path.join(folder, "manifest.json"), manifest);
  await Promise.all(obsolete.map((f) => rm(path.join(folder, f), { force: true })));
}
