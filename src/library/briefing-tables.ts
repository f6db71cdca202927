/**
 * A Library's tables over its briefings and paragraphs: the briefings in name order, by id and by slot (a number that
 * stays a briefing's while it is unchanged), each global paragraph id's slot and paragraph number, and each slot's day.
 * A first build makes them whole; a new briefing's Library patches the previous tables, at a cost that grows with what
 * changed rather than with the archive (at a million paragraphs, building them whole held a serving bot for 0.6 s).
 */
import { duplicateProblem } from "../briefings/folder.ts";
import type { Briefing, LoadProblem } from "../briefings/briefing.ts";
import type { Content, FileEntry } from "./snapshot.ts";
import type { LoadedSegment } from "./built-state.ts";
import { byName, patchByName, type FileList } from "./file-list.ts";
import { dayNumber } from "./filter.ts";
import { STEP, type Steps } from "../search/steps.ts";

/** A briefing whose paragraphs come from its content when first read. */
export class StoredBriefing implements Briefing {
  constructor(
    readonly id: string,
    readonly file: string,
    readonly content: Content,
    /** Its slot: its place in `BriefingTables.bySlot`, which the doc table and the days refer to. */
    readonly at: number,
  ) {}

  get meta() {
    return this.content.meta;
  }

  get hash() {
    return this.content.hash;
  }

  get paragraphs() {
    return this.content.paragraphs;
  }

  get removed() {
    return this.content.removed;
  }
}

/**
 * Briefings by id: a map shared with the tables patched from it, and the ids changed since over it (copying a map of
 * 100,000 ids took 80 ms). Once the changes pile up they are folded into a new map, in steps.
 */
export class IdIndex {
  private constructor(
    private readonly base: ReadonlyMap<string, StoredBriefing>,
    /** Ids changed since `base`: the briefing now, or null for one gone. */
    private readonly over: ReadonlyMap<string, StoredBriefing | null>,
  ) {}

  static of(map: ReadonlyMap<string, StoredBriefing>): IdIndex {
    return new IdIndex(map, new Map());
  }

  get(id: string): StoredBriefing | undefined {
    const now = this.over.get(id);
    return now === undefined ? this.base.get(id) : (now ?? undefined);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** With these ids changed (null: gone), folding the changes into a new map once there are many (in steps). */
  *with(changes: ReadonlyMap<string, StoredBriefing | null>): Steps<IdIndex> {
    const over = new Map([...this.over, ...changes]);
    if (over.size < FOLD_AFTER) return new IdIndex(this.base, over);
    const base = new Map<string, StoredBriefing>();
    let i = 0;
    for (const [id, b] of this.base) {
      if (!over.has(id)) base.set(id, b);
      if (++i % STEP === 0) yield;
    }
    for (const [id, b] of over) if (b) base.set(id, b);
    return IdIndex.of(base);
  }
}

/** Changed ids kept over the shared map before they are folded into a new one. */
const FOLD_AFTER = 2048;

export interface BriefingTables {
  /** In name order. */
  briefings: StoredBriefing[];
  byId: IdIndex;
  /** By slot; a briefing gone or changed since the tables were first built leaves its slot empty. */
  bySlot: Array<StoredBriefing | undefined>;
  /** Each slot's published date as a number (dayNumber; -1 for none or an empty slot). */
  days: Int32Array;
  /** A problem for each bad file and repeated id, in name order. */
  problems: LoadProblem[];
}

/** Global paragraph id → its briefing's slot (-1 for none) and paragraph number (0 for none). */
export interface DocTable {
  briefing: Int32Array;
  paragraph: Uint32Array;
  /** Each paragraph's number capped to 65,535 (1 = lead), as the index ranks by it. */
  lead: Uint16Array;
  /** Paragraphs in the table. */
  count: number;
  /** The arrays the three above are the start of (see patchDocTable). */
  store: DocStore;
}

/** Arrays with room to grow: tables are views of their start. */
interface DocStore {
  briefing: Int32Array;
  paragraph: Uint32Array;
  lead: Uint16Array;
  /** How far some table's view reaches: only the table that reaches it may grow into the room after it. */
  claimed: number;
}

/** What a file's entry says is wrong with it: why it was skipped, or what was left out of it. */
function problemsOf(f: FileEntry): LoadProblem[] {
  if (f.problem !== undefined) return [{ file: f.file, message: f.problem }];
  return f.warning !== undefined ? [{ file: f.file, message: f.warning, loaded: true }] : [];
}

/** A briefing's id: its file name less the extension (names end in .txt or .md). */
export const idOf = (file: string) => file.slice(0, file.lastIndexOf("."));

/** Briefings in name order, each with its content and slot (its place); a problem for each bad file and repeated id. */
export function* briefingTables(
  files: readonly FileEntry[],
  contents: ReadonlyMap<string, Content>,
): Steps<BriefingTables> {
  const byId = new Map<string, StoredBriefing>();
  const briefings: StoredBriefing[] = [];
  const problems: LoadProblem[] = [];
  let i = 0;
  for (const f of files) {
    if (++i % STEP === 0) yield;
    problems.push(...problemsOf(f));
    if (f.problem !== undefined) continue;
    const id = idOf(f.file);
    const earlier = byId.get(id);
    if (earlier) {
      problems.push(duplicateProblem(earlier, f.file));
      continue;
    }
    const b = new StoredBriefing(id, f.file, contents.get(f.hash!)!, briefings.length);
    byId.set(id, b);
    briefings.push(b);
  }
  const days = new Int32Array(briefings.length);
  for (let j = 0; j < briefings.length; j++) {
    days[j] = dayNumber(briefings[j].meta.published);
    if (j % STEP === STEP - 1) yield;
  }
  return { briefings, byId: IdIndex.of(byId), bySlot: briefings.slice(), days, problems };
}

/**
 * The tables after the named files changed (`files`: every entry, as patched): a briefing whose content is unchanged
 * keeps its object and slot, a new or changed one takes the next slot. Null when a changed name shares its id with
 * another file (a .txt and a .md): which one is the briefing is then decided over the whole list, as a first build
 * does.
 */
export function* patchBriefingTables(
  known: BriefingTables,
  files: FileList,
  changed: ReadonlySet<string>,
  contents: ReadonlyMap<string, Content>,
): Steps<BriefingTables | null> {
  const names = [...changed].sort();
  for (const name of names) {
    const id = idOf(name);
    if ([".txt", ".md"].some((ext) => `${id}${ext}` !== name && files.has(`${id}${ext}`))) return null;
    if (known.byId.get(id) !== undefined && known.byId.get(id)!.file !== name) return null;
  }
  const ids = new Map<string, StoredBriefing | null>();
  const bySlot = known.bySlot.slice();
  const problems = known.problems.filter((p) => !changed.has(p.file));
  const added: StoredBriefing[] = [];
  const gone: StoredBriefing[] = [];
  const now = new Map<string, StoredBriefing | undefined>();
  for (const name of names) {
    const id = idOf(name);
    const old = known.byId.get(id);
    const entry = files.get(name);
    let b: StoredBriefing | undefined;
    if (entry) problems.push(...problemsOf(entry));
    if (entry && entry.problem === undefined) {
      const same = old && old.hash === entry.hash;
      b = same ? old : new StoredBriefing(id, name, contents.get(entry.hash!)!, bySlot.length);
    }
    if (old && old !== b) {
      ids.set(id, null);
      bySlot[old.at] = undefined;
      gone.push(old);
    }
    if (b && b !== old) {
      ids.set(id, b);
      bySlot.push(b);
      added.push(b);
    }
    now.set(name, b);
  }
  const days = new Int32Array(bySlot.length);
  days.set(known.days.subarray(0, Math.min(known.days.length, days.length)));
  for (const b of added) days[b.at] = dayNumber(b.meta.published);
  for (const b of gone) days[b.at] = -1;
  const briefings = patchByName(known.briefings, names, (name) => now.get(name));
  problems.sort(byName);
  return { briefings, byId: yield* known.byId.with(ids), bySlot, days, problems };
}

/** Which briefing (its slot) and paragraph each global paragraph id is, over every segment. */
export function* docTable(segments: readonly LoadedSegment[], byId: IdIndex, size: number): Steps<DocTable> {
  const table = viewOf(storeFor(size), size, 0);
  yield* placeDocs(table, segments, byId);
  return table;
}

/**
 * The previous table with the paragraphs of the segments no longer kept (`dropped`) taken out and those of the new
 * segments put in. With none dropped, the new table grows into the room after the previous one (which never reads
 * past its own end), so a new briefing costs its own paragraphs; otherwise the arrays are copied first.
 */
export function* patchDocTable(
  known: DocTable,
  dropped: readonly LoadedSegment[],
  added: readonly LoadedSegment[],
  byId: IdIndex,
  size: number,
): Steps<DocTable> {
  const n = known.briefing.length;
  const { store } = known;
  const inPlace = dropped.length === 0 && store.claimed === n && size >= n && size <= store.briefing.length;
  const table = inPlace ? viewOf(store, size, known.count) : copyOf(known, size);
  yield;
  for (const s of dropped) {
    const from = s.entry.briefings[0]?.firstDoc ?? 0;
    const to = Math.min(size, from + s.entry.paragraphs);
    let held = 0;
    for (let i = from; i < to; i++) if (table.briefing[i] >= 0) held++;
    table.briefing.fill(-1, from, to);
    table.paragraph.fill(0, from, to);
    table.lead.fill(0, from, to);
    table.count -= held;
    yield;
  }
  yield* placeDocs(table, added, byId);
  return table;
}

/** Arrays for `size` paragraphs and room for a quarter more, none placed. */
function storeFor(size: number): DocStore {
  const room = Math.ceil(size * 1.25) + 1024;
  return {
    briefing: new Int32Array(room).fill(-1),
    paragraph: new Uint32Array(room),
    lead: new Uint16Array(room),
    claimed: 0,
  };
}

/** The first `size` paragraphs of the store as a table (claiming them). */
function viewOf(store: DocStore, size: number, count: number): DocTable {
  store.claimed = size;
  return {
    briefing: store.briefing.subarray(0, size),
    paragraph: store.paragraph.subarray(0, size),
    lead: store.lead.subarray(0, size),
    count,
    store,
  };
}

/** A table of `size` paragraphs in new arrays, starting as a copy of `known`. */
function copyOf(known: DocTable, size: number): DocTable {
  const store = storeFor(size);
  const n = Math.min(size, known.briefing.length);
  store.briefing.set(known.briefing.subarray(0, n));
  store.paragraph.set(known.paragraph.subarray(0, n));
  store.lead.set(known.lead.subarray(0, n));
  return viewOf(store, size, known.count);
}

function* placeDocs(table: DocTable, segments: readonly LoadedSegment[], byId: IdIndex): Steps<void> {
  let done = 0;
  for (const s of segments) {
    for (const x of s.entry.briefings) {
      if (++done % STEP === 0) yield;
      const { at, content } = byId.get(x.id)!;
      const n = content.count;
      table.briefing.fill(at, x.firstDoc, x.firstDoc + n);
      for (let i = 0; i < n; i++) {
        table.paragraph[x.firstDoc + i] = i + 1;
        table.lead[x.firstDoc + i] = Math.min(i + 1, 65535);
      }
      table.count += n;
    }
  }
}
