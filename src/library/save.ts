import type { Assembled } from "./assemble.ts";
import { appendContent, manifestJson, writeManifest, writeSegment, type FileEntry, type Manifest } from "./snapshot.ts";
import type { LibraryState } from "./built-state.ts";
import { runInSlices, STEP, type Steps } from "../search/steps.ts";

/**
 * Save what changed: new segments, new content lines (or the whole content file when most
 * of it is stale), then the manifest — last, so a crash leaves the previous snapshot whole. What grows with the
 * archive (the manifest's lists) is done in slices, between answers.
 */
export async function save(
  folder: string,
  versions: string[],
  state: LibraryState,
  a: Assembled,
  known: LibraryState,
): Promise<void> {
  for (const s of a.newSegments) await writeSegment(folder, s.entry.file, s.segment.toBuffer());
  const stale = known.contents.size - (state.contents.size - a.newContents.length);
  const rewrite = known.contents.size === 0 || stale > state.contents.size / 2;
  await appendContent(folder, rewrite ? [...state.contents.values()] : a.newContents, rewrite);
  const manifest: Manifest = {
    format: versions[0],
    versions,
    builtAt: state.builtAt,
    files: await runInSlices(listOf(state.files)),
    segments: state.segments.map((s) => s.entry),
    nextDoc: state.nextDoc,
  };
  const kept = new Set(state.segments.map((s) => s.entry.file));
  const obsolete = known.segments.map((s) => s.entry.file).filter((f) => !kept.has(f));
  // Serialised between answers: a serving bot saves behind each new briefing.
  await writeManifest(folder, await runInSlices(manifestJson(manifest)), obsolete);
}

function* listOf(files: ReadonlyMap<string, FileEntry>): Steps<FileEntry[]> {
  const out: FileEntry[] = [];
  for (const f of files.values()) {
    out.push(f);
    if (out.length % STEP === 0) yield;
  }
  return out;
}
