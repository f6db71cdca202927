import { setImmediate as yieldToEvents } from "node:timers/promises";
import { inspectEntry, realFolder } from "../briefings/folder.ts";
import { Segment } from "../search/segment.ts";
import { EMPTY_FILES, FileList } from "./file-list.ts";
import type { ContentMark } from "./content-heads.ts";
import {
  readContentLines,
  readManifest,
  readSegment,
  type Content,
  type FileEntry,
  type SegmentEntry,
} from "./snapshot.ts";

/**
 * What a Library was built from, kept in memory (and in the snapshot) so the next build
 * reads only files that changed and re-indexes only briefings that are new or changed.
 */
export interface LoadedSegment {
  entry: SegmentEntry;
  segment: Segment;
}

export interface LibraryState {
  builtAt: string;
  files: FileList;
  /**
   * Content by hash. A new briefing's update adds to this map and drops from it in place (the next Library shares
   * it): a hash always names the same content, and a file whose content is no longer here is read again.
   */
  contents: Map<string, Content>;
  /** Lines of the snapshot's content file that no file uses any more (rewritten without them when they pile up). */
  staleContents: number;
  segments: readonly LoadedSegment[];
  nextDoc: number;
  /** Segment files of a snapshot made by another index version: removed when the rebuilt index is saved. */
  retiredSegments?: readonly string[];
  /** The snapshot's content and heads files as last saved (see content-heads.ts); none: written whole next time. */
  contentMark?: ContentMark;
}

export const emptyState = (): LibraryState => ({
  builtAt: "",
  files: EMPTY_FILES,
  contents: new Map(),
  staleContents: 0,
  segments: [],
  nextDoc: 0,
});

/** What a snapshot gave: the state to start from, and what was found damaged in it (rebuilt), if anything. */
export interface ReadState {
  state: LibraryState;
  repair: string | null;
}

/** A snapshot's code versions, in the order of the manifest's `versions`. */
export interface Versions {
  /** The snapshot's own layout, the cleaning version included: the content is made by cleaning. */
  format: string;
  index: string;
  extract: string;
}

export const versionList = (v: Versions): string[] => [v.format, v.index, v.extract];

/**
 * The snapshot in `folder`, if it was made by the same code versions; otherwise nothing. Its parts are versioned
 * separately: when only the index version differs (an upgrade that changes how paragraphs are indexed), the cleaned
 * text and the extracted events are kept and only the index segments are built again. A damaged part (a torn
 * manifest, a missing segment, damaged content lines) is said in `repair`: what it covered is rebuilt.
 */
export async function readState(folder: string, versions: Versions): Promise<ReadState> {
  const { manifest, damaged } = await readManifest(folder);
  const [format, index, extract] = manifest?.versions ?? [];
  if (!manifest || format !== versions.format || extract !== versions.extract) {
    return { state: emptyState(), repair: damaged && `${damaged}: the whole cache is rebuilt` };
  }
  const sameIndex = index === versions.index;
  try {
    const [content, segments] = await Promise.all([
      readContentLines(folder, manifest.content),
      Promise.all(
        (sameIndex ? manifest.segments : []).map(async (entry) => ({
          entry,
          segment: Segment.fromBuffer(await readSegment(folder, entry.file)),
        })),
      ),
    ]);
    const state = {
      builtAt: manifest.builtAt,
      files: FileList.of(manifest.files),
      contents: content.contents,
      staleContents: 0,
      segments,
      nextDoc: sameIndex ? manifest.nextDoc : 0,
      retiredSegments: sameIndex ? [] : manifest.segments.map((s) => s.file),
      ...(content.mark ? { contentMark: content.mark } : {}),
    };
    const lines = content.damaged;
    return {
      state,
      repair: lines
        ? `${lines} damaged line${lines === 1 ? "" : "s"} in content.jsonl: those briefings are read again`
        : null,
    };
  } catch (err) {
    // a missing or damaged part: rebuild
    const why = err instanceof Error ? err.message.split("\n")[0] : String(err);
    return {
      state: emptyState(),
      repair: `a part of the cache is missing or damaged (${why}): the whole cache is rebuilt`,
    };
  }
}

const STAT_STEP = 500;

/**
 * Size and modification time of each name, with the problem of one that is not a briefing file (a link out of the
 * folder, a folder, a device: see inspectEntry). Synchronous stats are about three times faster than promised ones
 * on a large folder; every 500 files (a few milliseconds) the event loop gets a turn, so a bot keeps answering while a
 * 100,000-file archive is checked.
 */
export async function stampFiles(dir: string, names: readonly string[]): Promise<FileEntry[]> {
  const out: FileEntry[] = [];
  const realDir = realFolder(dir);
  for (let i = 0; i < names.length; i += STAT_STEP) {
    if (i > 0) await yieldToEvents();
    out.push(...stampFilesNow(dir, names.slice(i, i + STAT_STEP), realDir));
  }
  return out;
}

/** stampFiles for a few files, synchronously (a name gone since it was listed has none). */
export function stampFilesNow(dir: string, names: readonly string[], realDir: string = realFolder(dir)): FileEntry[] {
  const out: FileEntry[] = [];
  for (const name of names) {
    const entry = inspectEntry(dir, name, realDir);
    if (entry === null) continue;
    const stamp = { file: name, size: entry.size, mtimeMs: entry.mtimeMs };
    out.push(entry.ok ? stamp : { ...stamp, problem: entry.message });
  }
  return out;
}

/**
 * Whether the folder's briefing files are exactly those of `files`, same sizes and times, leaving aside the names in
 * `except`.
 */
export async function sameFiles(
  dir: string,
  names: readonly string[],
  files: FileList,
  except?: ReadonlySet<string>,
): Promise<boolean> {
  const skip = (name: string) => except?.has(name) ?? false;
  const stamps = (await stampFiles(dir, names)).filter((s) => !skip(s.file));
  let expected = files.size;
  for (const name of except ?? []) if (files.has(name)) expected--;
  if (stamps.length !== expected) return false;
  return stamps.every((s) => {
    const f = files.get(s.file);
    return f !== undefined && f.size === s.size && f.mtimeMs === s.mtimeMs;
  });
}
