import { createHash } from "node:crypto";
import { appendFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BriefingMeta, Paragraph } from "../briefings/types.ts";
import type { BriefingEvents } from "../events/types.ts";

/**
 * The Library's on-disk cache, in parts so that no part is one giant string:
 * - `manifest.json`: the code versions, every file's size and modification time with its
 *   content hash (or the problem that skipped it), and the index segments with the
 *   briefings each holds;
 * - `content.jsonl`: one line per briefing content (by hash): cleaned paragraphs, metadata
 *   and extracted events — appended to as briefings arrive;
 * - `segment-N.bin`: frozen index segments.
 * A restart with unchanged files reads these and no briefing; a changed file is read again.
 */

/** Bump when the snapshot's own layout changes. */
export const SNAPSHOT_FORMAT = "snapshot-3";

export interface FileEntry {
  file: string;
  size: number;
  mtimeMs: number;
  /** Content hash of a file that loaded. */
  hash?: string;
  /** Why the file was skipped. */
  problem?: string;
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
}

export interface Content {
  hash: string;
  meta: BriefingMeta;
  paragraphs: Paragraph[];
  events: BriefingEvents;
}

export function cacheFolder(cacheDir: string, dataDir: string): string {
  const tag = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, `library-${tag}`);
}

async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

export async function readManifest(folder: string): Promise<Manifest | null> {
  try {
    const m = JSON.parse(await readFile(path.join(folder, "manifest.json"), "utf8")) as Manifest;
    return m && m.format === SNAPSHOT_FORMAT && Array.isArray(m.files) && Array.isArray(m.segments) ? m : null;
  } catch {
    return null;
  }
}

/** Every content line, by hash; a torn last line (a crash mid-append) is ignored. */
export async function readContent(folder: string): Promise<Map<string, Content>> {
  const out = new Map<string, Content>();
  let buf: Buffer;
  try {
    buf = await readFile(path.join(folder, "content.jsonl"));
  } catch {
    return out;
  }
  let start = 0;
  while (start < buf.length) {
    let end = buf.indexOf(10, start);
    if (end < 0) end = buf.length;
    if (end > start) {
      try {
        const c = JSON.parse(buf.toString("utf8", start, end)) as Content;
        out.set(c.hash, c);
      } catch {
        // a torn line: that briefing is read from its file again
      }
    }
    start = end + 1;
  }
  return out;
}

export async function appendContent(folder: string, contents: readonly Content[], rewrite: boolean): Promise<void> {
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, "content.jsonl");
  const lines = contents.map((c) => `${JSON.stringify(c)}\n`);
  if (rewrite) {
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, "");
    for (let i = 0; i < lines.length; i += 1000) await appendFile(tmp, lines.slice(i, i + 1000).join(""));
    await rename(tmp, file);
  } else if (lines.length) {
    for (let i = 0; i < lines.length; i += 1000) await appendFile(file, lines.slice(i, i + 1000).join(""));
  }
}

export async function writeSegment(folder: string, file: string, data: Buffer): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeAtomic(path.join(folder, file), data);
}

export const readSegment = (folder: string, file: string): Promise<Buffer> => readFile(path.join(folder, file));

/** The manifest last: until it is written, the previous one (and its files) stay valid. */
export async function writeManifest(folder: string, manifest: Manifest, obsolete: readonly string[]): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeAtomic(path.join(folder, "manifest.json"), JSON.stringify(manifest));
  await Promise.all(obsolete.map((f) => rm(path.join(folder, f), { force: true })));
}
