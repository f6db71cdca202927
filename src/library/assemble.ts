import { isBriefingName, listBriefingFiles } from "../briefings/folder.ts";
import type { LoadProblem } from "../briefings/briefing.ts";
import type { Content, FileEntry } from "./snapshot.ts";
import { stampFiles, stampFilesNow, type LibraryState, type LoadedSegment } from "./built-state.ts";
import { readFiles } from "./build/read-files.ts";
import { buildSegments, cutSegments } from "./build/segments.ts";
import { BuildThreads, type ParallelOptions } from "./build/threads.ts";
import { FileList } from "./file-list.ts";
import {
  briefingTables,
  docTable,
  idOf,
  patchBriefingTables,
  patchDocTable,
  type BriefingTables,
  type DocTable,
  type IdIndex,
  type StoredBriefing,
} from "./briefing-tables.ts";
import { runInSlices, runNow, SLICE_MS, STEP, type Steps } from "../search/steps.ts";

/** How the index is cut into segments. */
export interface SegmentLayout {
  /** Paragraphs in a segment built in one go (and in one that compaction builds). */
  segment: number;
  /** A tail segment smaller than this is rebuilt together with new briefings; new briefings go to it. */
  tail: number;
  /** With this many small segments at the end (each under half a segment), compacting them is due. */
  compactAfter: number;
}

/**
 * A new briefing makes a segment of its own (`tail: 0`: no tail segment is rebuilt to take it in): indexing costs the
 * main thread about 0.3 ms a paragraph, so rebuilding a tail of a few hundred paragraphs with each new briefing held
 * it for 0.1–0.3 s (the longest stall while a briefing was added at 1M paragraphs), where a 10-paragraph briefing alone
 * takes a few milliseconds. The small segments that pile up are compacted, in threads, when the folder is quiet.
 */
export const SEGMENT_LAYOUT: SegmentLayout = { segment: 50_000, tail: 0, compactAfter: 4 };

/** How many segments at the end are small (under half a full one): what compaction would rebuild. */
export function smallTail(segments: readonly LoadedSegment[], layout: SegmentLayout): number {
  let n = 0;
  while (n < segments.length && segments[segments.length - 1 - n].entry.paragraphs < layout.segment / 2) n++;
  return n;
}

export interface AssembleOptions {
  /** Only these file names may have changed since `known` (the watcher's events named them). */
  changedNames?: ReadonlySet<string>;
  /** Rebuild the small segments at the end into full-size ones. */
  compact?: boolean;
  layout?: SegmentLayout;
  /** A file is read once it has not changed for this long (see settledStamps); 0: at once. */
  settleMs?: number;
  /** Files this process wrote whole (an added briefing, linked into place at once): read without settling. */
  whole?: ReadonlySet<string>;
  /**
   * Run the work that grows with the archive (lists, maps and tables over every briefing) in slices between which
   * the event loop answers: for a server replacing the Library it serves. Default: at once.
   */
  sliced?: boolean;
  /** With `sliced`: how long one slice may hold the event loop (default SLICE_MS). */
  sliceMs?: number;
  /** When files are read and segments built in worker threads (default: PARALLEL, on every core). */
  parallel?: ParallelOptions;
  /** With `changedNames`: the tables of the Library built from `known`, to patch instead of building whole. */
  base?: { tables: BriefingTables; docs: DocTable };
}

/** Runs steps: at once, or in slices between answers. */
export type StepRunner = <T>(steps: Steps<T>) => Promise<T>;

const atOnce: StepRunner = (steps) => Promise.resolve(runNow(steps));

/** The runner `sliced` asks for, with slices of `sliceMs`. */
export const stepRunner = (sliced: boolean, sliceMs = SLICE_MS): StepRunner =>
  sliced ? (steps) => runInSlices(steps, sliceMs) : atOnce;

export interface Assembled {
  /** The briefings in name order, by id and by slot, each with its content (events, paragraphs parsed on first use). */
  tables: BriefingTables;
  /** When the tables were patched (a new briefing's Library): the ids of the changed names; else null. */
  patchedIds: ReadonlySet<string> | null;
  /** The folder's problems (one that cannot be listed) and the files'. */
  problems: LoadProblem[];
  files: FileList;
  contents: Map<string, Content>;
  /** Contents not in the previous state (to append to the snapshot). */
  newContents: Content[];
  /** Lines of the snapshot's content file no file uses now (LibraryState.staleContents). */
  staleContents: number;
  segments: LoadedSegment[];
  /** Segments built now (to write to the snapshot). */
  newSegments: LoadedSegment[];
  nextDoc: number;
  docs: DocTable;
  changed: boolean;
  /** Small segments were rebuilt into full-size ones. */
  compacted: boolean;
  /** Files not read because they changed less than the settle time ago (an earlier version may be served). */
  unsettled: string[];
  /** When the first of them will have settled, or null for none. */
  settlesInMs: number | null;
  /** Worker threads the build started (0: it ran on the main thread alone). */
  threads: number;
  /** Why the build stopped using its threads (one failed), in one line; or null. */
  threadNote: string | null;
}

/**
 * Bring a Library's state up to date with its folder: read only files whose size or time
 * changed, extract events only for new content, keep every index segment whose briefings
 * are unchanged, and index the rest into new segments.
 */
export async function assemble(
  dataDir: string,
  known: LibraryState,
  options: AssembleOptions = {},
): Promise<Assembled> {
  const threads = new BuildThreads(dataDir, () => known.contents.keys(), options.parallel);
  try {
    const a = await assembleWith(dataDir, known, options, threads);
    return { ...a, threads: threads.started, threadNote: threads.note };
  } finally {
    await threads.close();
  }
}

async function assembleWith(
  dataDir: string,
  known: LibraryState,
  {
    changedNames,
    compact = false,
    layout = SEGMENT_LAYOUT,
    settleMs = 0,
    whole,
    sliced = false,
    sliceMs,
    base,
  }: AssembleOptions,
  threads: BuildThreads,
): Promise<Omit<Assembled, "threads" | "threadNote">> {
  const run = stepRunner(sliced, sliceMs);
  const problems: LoadProblem[] = [];
  const patching = changedNames !== undefined && known.files.size > 0;
  const listed = patching ? freshStamps(dataDir, changedNames) : await listStamps(dataDir, problems);
  const { stamps, unsettled, settlesInMs } = settledStamps(listed, known, settleMs, Date.now(), whole);
  const read = patching
    ? await readPatched(dataDir, stamps, known, changedNames, run, threads)
    : await readChanged(dataDir, stamps, known, false, new Map(), threads, run);
  const files = read.files instanceof FileList ? read.files : FileList.of(read.files);
  // A new briefing's Library patches the tables of the one it replaces; a first build makes them whole.
  const from = patching ? base : undefined;
  const patched =
    from && changedNames ? await run(patchBriefingTables(from.tables, files, changedNames, read.contents)) : null;
  const tables = patched ?? (await run(briefingTables(files.list, read.contents)));
  const kept = await run(
    from && patched && changedNames
      ? keptPatched(known.segments, tables, from.tables.bySlot.length, changedNames, compact, layout)
      : keptWhole(known.segments, tables, compact, layout),
  );
  const built = await indexUnplaced(kept.unplaced, known.nextDoc, layout, threads, compact);
  const segments = [...kept.segments, ...built.segments].filter((s) => s.entry.paragraphs > 0);
  const docs = await run(
    from && patched
      ? patchDocTable(from.docs, kept.dropped, built.segments, tables.byId, built.nextDoc)
      : docTable(segments, tables.byId, built.nextDoc),
  );
  return {
    tables,
    patchedIds: patched && changedNames ? new Set([...changedNames].map(idOf)) : null,
    problems: [...problems, ...tables.problems],
    files,
    contents: read.contents,
    newContents: read.newContents,
    staleContents: patching
      ? known.staleContents + read.dropped
      : known.contents.size - (read.contents.size - read.newContents.length),
    segments,
    newSegments: built.segments,
    nextDoc: built.nextDoc,
    docs,
    changed: files.size !== known.files.size || read.changed || kept.dropped.length > 0 || built.segments.length > 0,
    compacted: compact && built.segments.length > 0,
    unsettled,
    settlesInMs,
  };
}

/**
 * The stamps of files that may be read now: a file modified less than `settleMs` ago (or as far ahead, a clock
 * that is off) is still being written or copied, and reading it would serve a partial version; its previous
 * entry, if any, stands in for it until it settles.
 */
function settledStamps(
  listed: readonly FileEntry[],
  known: LibraryState,
  settleMs: number,
  now: number,
  whole?: ReadonlySet<string>,
): { stamps: FileEntry[]; unsettled: string[]; settlesInMs: number | null } {
  if (settleMs <= 0) return { stamps: [...listed], unsettled: [], settlesInMs: null };
  const stamps: FileEntry[] = [];
  const unsettled: string[] = [];
  let settlesInMs: number | null = null;
  for (const stamp of listed) {
    const age = Math.abs(now - stamp.mtimeMs);
    if (stamp.problem !== undefined || age >= settleMs || whole?.has(stamp.file)) {
      stamps.push(stamp);
      continue;
    }
    unsettled.push(stamp.file);
    settlesInMs = Math.min(settlesInMs ?? Infinity, Math.ceil(settleMs - age));
    const old = known.files.get(stamp.file);
    if (old) stamps.push(old);
  }
  return { stamps, unsettled, settlesInMs };
}

/** Every briefing file in the folder with its size and time; a folder that cannot be listed is a problem. */
async function listStamps(dataDir: string, problems: LoadProblem[]): Promise<FileEntry[]> {
  const listed = await listBriefingFiles(dataDir);
  if (!listed.ok) problems.push(listed.problem);
  return listed.ok ? await stampFiles(dataDir, listed.names) : [];
}

interface ReadFiles {
  /** In name order: as read (an array), or patched into the previous list. */
  files: FileEntry[] | FileList;
  /** Content by hash. */
  contents: Map<string, Content>;
  newContents: Content[];
  /** Some file was read (its size or time had changed). */
  changed: boolean;
  /** Patching: contents a changed file had that no file has any more (stale in the snapshot). */
  dropped: number;
}

/**
 * Reuse the entry and content of each unchanged file; read, parse and extract the others (in threads when there are
 * many). `contents`: where the contents go (patching, the previous map itself, added to).
 */
async function readChanged(
  dataDir: string,
  stamps: readonly FileEntry[],
  known: LibraryState,
  patching: boolean,
  contents: Map<string, Content>,
  threads: BuildThreads,
  run: StepRunner,
): Promise<ReadFiles & { files: FileEntry[] }> {
  const unchanged = await run(unchangedSteps(stamps, known));
  // Not a briefing file (told, never read) or unchanged: nothing to read.
  const toRead = stamps.filter((stamp, i) => !unchanged[i] && stamp.problem === undefined);
  const reads = await readFiles(
    threads,
    dataDir,
    toRead.map((stamp) => stamp.file),
    (hash) => known.contents.has(hash),
  );
  return run(placeSteps(stamps, unchanged, reads, known, patching, contents));
}

/** For each stamp, the entry `known` has for it when the file is unchanged since (else null), in steps. */
function* unchangedSteps(stamps: readonly FileEntry[], known: LibraryState): Steps<Array<FileEntry | null>> {
  const out: Array<FileEntry | null> = [];
  for (let i = 0; i < stamps.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const stamp = stamps[i];
    const old = known.files.get(stamp.file);
    const same = old && old.size === stamp.size && old.mtimeMs === stamp.mtimeMs;
    out.push(
      same && (old.problem !== undefined || (old.hash !== undefined && known.contents.has(old.hash))) ? old : null,
    );
  }
  return out;
}

/** Each file's entry, unchanged or as read, in name order, and its content put in `contents`, in steps. */
function* placeSteps(
  stamps: readonly FileEntry[],
  unchanged: ReadonlyArray<FileEntry | null>,
  reads: Awaited<ReturnType<typeof readFiles>>,
  known: LibraryState,
  patching: boolean,
  contents: Map<string, Content>,
): Steps<ReadFiles & { files: FileEntry[] }> {
  const files: FileEntry[] = [];
  const out = { files, contents, newContents: [] as Content[], changed: false, dropped: 0 };
  let next = 0;
  for (let i = 0; i < stamps.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const stamp = stamps[i];
    const old = unchanged[i];
    if (old) {
      files.push(old);
      if (old.hash && !patching) contents.set(old.hash, known.contents.get(old.hash)!);
      continue;
    }
    out.changed = true;
    if (stamp.problem !== undefined) {
      files.push(stamp);
      continue;
    }
    const read = reads[next++];
    if (read.kind === "gone") continue;
    if (read.kind === "problem") {
      files.push({ ...stamp, problem: read.message });
      continue;
    }
    files.push({ ...stamp, hash: read.hash, ...(read.warning ? { warning: read.warning } : {}) });
    const reuse = known.contents.get(read.hash) ?? contents.get(read.hash);
    if (reuse) {
      contents.set(read.hash, reuse);
      continue;
    }
    if (!read.content) throw new Error(`the content of ${stamp.file} was not extracted`);
    contents.set(read.hash, read.content);
    out.newContents.push(read.content);
  }
  return out;
}

/**
 * Patching: read only the named files (`stamps`, those still there), and put their entries among the others in name
 * order. New contents are added to the previous contents map in place (see LibraryState.contents); those no file has
 * any more (a file changed or went away) are counted as stale.
 */
async function readPatched(
  dataDir: string,
  stamps: readonly FileEntry[],
  known: LibraryState,
  changedNames: ReadonlySet<string>,
  run: StepRunner,
  threads: BuildThreads,
): Promise<ReadFiles> {
  const read = await readChanged(dataDir, stamps, known, true, known.contents, threads, run);
  const files = known.files.patched(changedNames, read.files);
  const dropped = await run(countDropped(files, known, changedNames));
  return { ...read, files, dropped };
}

/**
 * Patching: how many contents files had and no file has now (a file changed or went away). They stay in the map, which
 * other Libraries may share, until a build from the whole folder; the snapshot leaves them out when it rewrites.
 */
function* countDropped(files: FileList, known: LibraryState, changedNames: ReadonlySet<string>): Steps<number> {
  const replaced = new Set([...changedNames].flatMap((name) => known.files.get(name)?.hash ?? []));
  if (!replaced.size) return 0;
  let i = 0;
  for (const f of files.list) {
    if (f.hash !== undefined) replaced.delete(f.hash); // still some file's
    if (++i % STEP === 0) yield;
  }
  return replaced.size;
}

/** The segments kept, those no longer kept (`dropped`), and the briefings to index, oldest first. */
interface Kept {
  segments: LoadedSegment[];
  dropped: LoadedSegment[];
  unplaced: StoredBriefing[];
}

/** The segments whose briefings are all still there, unchanged; the briefings no segment kept holds are to index. */
function* keptWhole(
  known: readonly LoadedSegment[],
  { briefings, byId }: BriefingTables,
  compact: boolean,
  layout: SegmentLayout,
): Steps<Kept> {
  const placed = new Uint8Array(briefings.length);
  const segments: LoadedSegment[] = [];
  for (const s of known) {
    yield;
    if (s.entry.briefings.every((x) => byId.get(x.id)?.hash === x.hash)) {
      segments.push(s);
      for (const x of s.entry.briefings) placed[byId.get(x.id)!.at] = 1;
    }
  }
  yield;
  return withTail(
    known,
    segments,
    briefings.filter((b) => !placed[b.at]),
    byId,
    compact,
    layout,
  );
}

/**
 * Patching: the segments that hold none of the changed names' briefings are kept without looking further; a segment
 * that holds one is kept only if that briefing is unchanged. New and changed briefings, and those of the segments not
 * kept, are to index.
 */
function* keptPatched(
  known: readonly LoadedSegment[],
  { byId, bySlot }: BriefingTables,
  /** Slots the previous tables had. */
  knownSlots: number,
  changedNames: ReadonlySet<string>,
  compact: boolean,
  layout: SegmentLayout,
): Steps<Kept> {
  const ids = new Set([...changedNames].map(idOf));
  const segments: LoadedSegment[] = [];
  const unplaced = new Set<StoredBriefing>();
  for (const s of known) {
    yield;
    const touched = s.entry.briefings.some((x) => ids.has(x.id));
    if (!touched || s.entry.briefings.every((x) => byId.get(x.id)?.hash === x.hash)) segments.push(s);
    else for (const x of s.entry.briefings) if (byId.has(x.id)) unplaced.add(byId.get(x.id)!);
  }
  // Briefings that took a slot in this patch (new or changed) are in no segment yet.
  for (let at = knownSlots; at < bySlot.length; at++) if (bySlot[at]) unplaced.add(bySlot[at]!);
  return withTail(known, segments, [...unplaced], byId, compact, layout);
}

/**
 * The small tail segments rebuilt with the newcomers (compacting: every small segment at the end), and what is then
 * to index, oldest first.
 */
function withTail(
  known: readonly LoadedSegment[],
  segments: LoadedSegment[],
  unplaced: StoredBriefing[],
  byId: IdIndex,
  compact: boolean,
  layout: SegmentLayout,
): Kept {
  let merge = compact ? smallTail(segments, layout) : 0;
  if (compact && merge < 2) merge = 0; // one small segment is already as compact as it gets
  while (
    segments.length &&
    (merge > 0 || (unplaced.length && segments[segments.length - 1].entry.paragraphs < layout.tail))
  ) {
    merge--;
    const tail = segments.pop()!;
    unplaced = [...tail.entry.briefings.map((x) => byId.get(x.id)!), ...unplaced];
  }
  unplaced.sort((a, b) => (a.meta.published ?? "").localeCompare(b.meta.published ?? "") || a.id.localeCompare(b.id));
  const keep = new Set(segments);
  return { segments, dropped: known.filter((s) => !keep.has(s)), unplaced };
}

/**
 * Index the briefings into new segments of up to `layout.segment` paragraphs, numbering docs from `nextDoc` (the
 * segments built in threads when there is much to index).
 */
async function indexUnplaced(
  unplaced: readonly StoredBriefing[],
  firstDoc: number,
  layout: SegmentLayout,
  threads: BuildThreads,
  compact: boolean,
): Promise<{ segments: LoadedSegment[]; nextDoc: number }> {
  const { runs, nextDoc } = cutSegments(unplaced, firstDoc, layout.segment);
  const built = await buildSegments(threads, runs, compact);
  const segments = runs.map((run, i): LoadedSegment => {
    const briefings = run.items.map((b, j) => ({ hash: b.hash, id: b.id, firstDoc: run.firstDocs[j] }));
    return {
      entry: { file: `segment-${run.firstDocs[0]}.bin`, briefings, paragraphs: run.paragraphs },
      segment: built[i],
    };
  });
  return { segments, nextDoc };
}

/**
 * The stamps of the changed names that are briefing files still there (the watcher saw change events naming them; the
 * other files keep their entries).
 */
function freshStamps(dir: string, changed: ReadonlySet<string>): FileEntry[] {
  return stampFilesNow(dir, [...changed].filter(isBriefingName));
}
