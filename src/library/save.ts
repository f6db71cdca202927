import type { Assembled } from "./assemble.ts";
import { appendContent, manifestJson, writeManifest, writeSegment, type Content, type Manifest } from "./snapshot.ts";
import type { LibraryState } from "./built-state.ts";
import { headsCurrent } from "./content-heads.ts";
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
  // Rewritten when the stale lines outnumber half the briefings (the map itself may hold stale contents), and when
  // the heads file is not the one last saved (an older snapshot, a crash mid-rewrite: see content-heads.ts).
  const rewrite =
    known.contents.size === 0 ||
    state.staleContents > a.tables.briefings.length / 2 ||
    !(await headsCurrent(folder, known.contentMark));
  const contents = rewrite ? await runInSlices(liveContents(state)) : a.newContents;
  state.contentMark = await appendContent(folder, contents, rewrite, known.contentMark);
  if (rewrite) state.staleContents = 0;
  const manifest: Manifest = {
    format: versions[0],
    versions,
    builtAt: state.builtAt,
    files: [...state.files.list],
    segments: state.segments.map((s) => s.entry),
    nextDoc: state.nextDoc,
    content: state.contentMark,
  };
  const kept = new Set(state.segments.map((s) => s.entry.file));
  const obsolete = [...known.segments.map((s) => s.entry.file), ...(known.retiredSegments ?? [])].filter(
    (f) => !kept.has(f),
  );
  // Serialised between answers: a serving bot saves behind each new briefing.
  await writeManifest(folder, await runInSlices(manifestJson(manifest)), obsolete);
}

/** The contents some file has, each once (the map may hold some no file has any more: LibraryState.contents). */
function* liveContents(state: LibraryState): Steps<Content[]> {
  const seen = new Set<string>();
  const out: Content[] = [];
  const files = state.files.list;
  for (let i = 0; i < files.length; i++) {
    const hash = files[i].hash;
    if (hash !== undefined && !seen.has(hash)) {
      seen.add(hash);
      const c = state.contents.get(hash);
      if (c) out.push(c);
    }
    if (i % STEP === STEP - 1) yield;
  }
  return out;
}
