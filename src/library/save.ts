import type { Assembled } from "./assemble.ts";
import { appendContent, writeManifest, writeSegment, type Manifest } from "./snapshot.ts";
import type { LibraryState } from "./built-state.ts";

/**
 * Save what changed: new segments, new content lines (or the whole content file when most
 * of it is stale), then the manifest — last, so a crash leaves the previous snapshot whole.
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
    files: [...state.files.values()],
    segments: state.segments.map((s) => s.entry),
    nextDoc: state.nextDoc,
  };
  const kept = new Set(state.segments.map((s) => s.entry.file));
  const obsolete = known.segments.map((s) => s.entry.file).filter((f) => !kept.has(f));
  await writeManifest(folder, manifest, obsolete);
}
