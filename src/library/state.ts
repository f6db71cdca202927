import { stat } from "node:fs/promises";
import path from "node:path";
import { Segment } from "../search/segment.ts";
import { readContent, readManifest, readSegment, type Content, type FileEntry, type SegmentEntry } from "./snapshot.ts";

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
  files: ReadonlyMap<string, FileEntry>;
  contents: ReadonlyMap<string, Content>;
  segments: readonly LoadedSegment[];
  nextDoc: number;
}

export const EMPTY_STATE: LibraryState = { builtAt: "", files: new Map(), contents: new Map(), segments: [], nextDoc: 0 };

/** The snapshot in `folder`, if it was made by the same code versions; otherwise nothing. */
export async function readState(folder: string, versions: readonly string[]): Promise<LibraryState> {
  const manifest = await readManifest(folder);
  if (!manifest || manifest.versions.join("|") !== versions.join("|")) return EMPTY_STATE;
  try {
    const [contents, segments] = await Promise.all([
      readContent(folder),
      Promise.all(manifest.segments.map(async (entry) => ({ entry, segment: Segment.fromBuffer(await readSegment(folder, entry.file)) }))),
    ]);
    return { builtAt: manifest.builtAt, files: new Map(manifest.files.map((f) => [f.file, f])), contents, segments, nextDoc: manifest.nextDoc };
  } catch {
    return EMPTY_STATE; // a missing or damaged part: rebuild
  }
}

/** Size and modification time of each file (a few at a time: archives hold thousands). */
export async function stampFiles(dir: string, names: readonly string[]): Promise<FileEntry[]> {
  const out: FileEntry[] = new Array(names.length);
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const i = next++;
      try {
        const s = await stat(path.join(dir, names[i]));
        out[i] = { file: names[i], size: s.isFile() ? s.size : -1, mtimeMs: s.mtimeMs };
      } catch {
        out[i] = { file: names[i], size: -1, mtimeMs: 0 };
      }
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return out.filter((e) => e.size >= 0);
}
