/**
 * src/library: the Library, everything built from a briefings folder: the search index in segments, each briefing's
 * extracted events, the on-disk snapshot, the folder watcher, and (views/) the read side derived once per Library:
 * events newest first, people merged across briefings, autocomplete lookups, the events' JSON shapes. May import
 * src/extraction, src/briefings and src/search.
 */
import type { Citation } from "../briefings/briefing.ts";
import { UserError } from "./user-error.ts";
import type { Briefing, LoadProblem, Paragraph } from "../briefings/briefing.ts";
import { EXTRACT_VERSION } from "../extraction/version.ts";
import type { BriefingEvents, Meeting, Pledge } from "../extraction/event.ts";
import { INDEX_VERSION, ParagraphIndex } from "../search/index.ts";
import { markTerms } from "../search/highlight.ts";
import { processTerm, tokenize } from "../search/analyze.ts";
import { rescore, RESCORE } from "../search/rescore.ts";
import { withinBriefing } from "../search/within-briefing.ts";
import { assemble, SEGMENT_LAYOUT, smallTail, type Assembled, type SegmentLayout } from "./assemble.ts";
import type { BriefingTables, DocTable, IdIndex, StoredBriefing } from "./briefing-tables.ts";
import type { ParallelOptions } from "./build/threads.ts";
import { docFilter } from "./filter.ts";
import { save } from "./save.ts";
import { eventsViewSteps, patchedViewSteps, type EventsView } from "./views/events-view.ts";
import { eventsIndexSteps } from "./views/events-index.ts";
import { buildLookups, lookupsSteps, patchedLookups, type Lookups } from "./views/lookups.ts";
import { runInSlices, runNow, type Steps } from "../search/steps.ts";
import { cacheFolder, SNAPSHOT_FORMAT } from "./snapshot.ts";
import { emptyState, readState, versionList, type LibraryState, type ReadState, type Versions } from "./built-state.ts";
import { FS_WAIT_MS, TimedOut, withTimeout } from "./timeout.ts";

/** How long an update waits before saving its snapshot. */
const SAVE_BEHIND_MS = 250;

/** Briefings whose events are gathered between two yields while views are built in steps. */
const BRIEFINGS_STEP = 64;

export interface OpenOptions {
  dataDir: string;
  /**
   * "eager": build the derived views (events, people, lookups) between answers from the moment the Library is
   * returned, for a server (see `viewsReady`). Replacing a `previous` whose views are built, those answer meanwhile;
   * otherwise (a first start) a command that needs them first has the rest built at once.
   * "lazy" (default): on first use.
   */
  views?: "eager" | "lazy";
  /** Where the snapshot is kept (settings' CACHE_DIR); null disables caching. */
  cacheDir: string | null;
  /** The Library this one replaces: what it already read and indexed is reused. */
  previous?: Library;
  /**
   * With `previous`: the only file names that may have changed since it was built (the
   * watcher's change events name them), so the rest of the folder is not listed or checked.
   */
  changedNames?: ReadonlySet<string>;
  /**
   * Opening from a snapshot, whether to list the folder and look at every file's size and time first (default true).
   * false: serve the snapshot's files as they were, for a server whose folder watcher checks them right after (at
   * 100,000 files the check takes over a second of the start).
   */
  checkFolder?: boolean;
  /** Rebuild the small index segments that new briefings left at the end into full-size ones. */
  compact?: boolean;
  /** How the index is cut into segments (tests use small ones). */
  layout?: SegmentLayout;
  /** The longest wait on the cache's files (default FS_WAIT_MS): past it the cache is left aside. */
  fsWaitMs?: number;
  /**
   * A file is read only once it has not changed for this long (settings' BRIEFING_SETTLE_MS): one being written or
   * copied is left out (its previous version, if any, is served) until then. Default 0: read at once.
   */
  settleMs?: number;
  /** Files this process wrote whole (AssembleOptions.whole): read at once, whatever the settle time. */
  whole?: ReadonlySet<string>;
  /**
   * With `previous`: how long one slice of the update may hold the event loop (default SLICE_MS). Replacing a
   * Library that serves, the work that grows with the archive runs in such slices, between answers.
   */
  sliceMs?: number;
  /** When the build uses worker threads (AssembleOptions.parallel; tests force them on or off). */
  parallel?: ParallelOptions;
  /**
   * Views patched for a new briefing (its events at once, people and party lookups the previous ones) are built whole
   * once this Library has been the newest for this long (default WHOLE_VIEWS_AFTER_MS).
   */
  wholeViewsAfterMs?: number;
}

/** A quiet minute, as for compacting the index (watch.ts). */
export const WHOLE_VIEWS_AFTER_MS = 60_000;

export interface SearchRequest {
  query: string;
  source?: string;
  /** Inclusive ISO dates on the briefing's published date. */
  from?: string;
  to?: string;
  /** The window of results wanted, best first (default: all). */
  offset?: number;
  limit?: number;
}

/** A paragraph that matched; its marks (matched words to emphasise) are worked out when read. */
export class SearchHit {
  private cachedMarks: Array<[number, number]> | null = null;

  constructor(
    readonly briefing: Briefing,
    readonly paragraph: Paragraph,
    readonly score: number,
    private readonly terms: readonly string[],
  ) {}

  get marks(): Array<[number, number]> {
    return (this.cachedMarks ??= markTerms(this.paragraph.text, this.terms));
  }
}

export interface BuildInfo {
  builtAt: string;
  /** Nothing was read or indexed again: everything came from the snapshot (or the previous Library). */
  fromCache: boolean;
  buildMs: number;
  /** This build rebuilt small segments into full-size ones. */
  compacted: boolean;
  /** New briefings have left enough small segments that compacting them is due (see LibraryWatcher). */
  compactionDue: boolean;
  /** Files left out because they changed less than the settle time ago: read by the next build after it. */
  unsettled: readonly string[];
  /** When the first of them will have settled (ms from the build), or null for none. */
  settlesInMs: number | null;
  /** What was wrong with the cache and was repaired or worked around (rebuilt, not saved), in one line; or null. */
  cacheNote: string | null;
  /** Worker threads the build ran on (0: the main thread alone). */
  threads: number;
  /** A build thread that failed (the rest was built on the main thread), in one line; or null. */
  buildNote: string | null;
}

/**
 * Everything derived from the briefings: the paragraph index, the extracted events and the
 * people they name. Commands query it; it never talks to a transport.
 */
export class Library {
  private constructor(
    readonly dataDir: string,
    /** The briefings in name order, by id and by slot, each with its content; each slot's date for filters. */
    private readonly tables: BriefingTables,
    readonly problems: readonly LoadProblem[],
    private readonly index: ParagraphIndex,
    private readonly docs: DocTable,
    readonly build: BuildInfo,
    /** What the next build starts from. */
    readonly state: LibraryState,
    /** Settles once this Library's snapshot is on disk (at once when nothing needed saving; never rejects). */
    readonly saved: Promise<void>,
  ) {}

  private get stored(): readonly StoredBriefing[] {
    return this.tables.briefings;
  }

  private get byId(): IdIndex {
    return this.tables.byId;
  }

  /** In name order. */
  get briefings(): readonly Briefing[] {
    return this.stored;
  }
  private eventsById: Map<string, BriefingEvents> | null = null;
  private eventsView: EventsView | null = null;
  private lookupTables: Lookups | null = null;
  /**
   * While this Library's views are built between answers, the Library it replaced, whose views answer meanwhile
   * (a new briefing's events show a moment after its paragraphs); null once built.
   */
  private standIn: Library | null = null;

  /** Settles once the views are built: at once, unless they are being built between answers (never rejects). */
  viewsReady: Promise<void> = Promise.resolve();

  /** Every meeting and pledge newest first, and the people merged across briefings (built on first use). */
  get events(): EventsView {
    if (this.eventsView) return this.eventsView;
    const standIn = this.standIn?.eventsView;
    if (standIn) return standIn;
    this.finishViews();
    return (this.eventsView ??= runNow(this.eventsViewSteps()));
  }

  /** Prefix lookups of briefings and parties for completing what a user types (built on first use). */
  get lookups(): Lookups {
    if (this.lookupTables) return this.lookupTables;
    const standIn = this.standIn?.lookupTables;
    if (standIn) return standIn;
    this.finishViews();
    return (this.lookupTables ??= buildLookups(this.briefings, this.events));
  }

  /** The lookups if they are built or stood in for; null while a first start builds them between answers. */
  get readyLookups(): Lookups | null {
    return this.lookupTables ?? this.standIn?.lookupTables ?? (this.viewBuild ? null : this.lookups);
  }

  /** Views asked for while they are built between answers with none to stand in: the rest is built now. */
  private finishViews(): void {
    this.superseded = false; // asked for, they are needed after all
    if (this.viewBuild) runNow(this.viewBuild);
  }

  /** Each briefing's extracted events, by briefing id (parsed from the snapshot on first use). */
  get perBriefingEvents(): ReadonlyMap<string, BriefingEvents> {
    return this.eventsById ?? runNow(this.perBriefingSteps());
  }

  private *perBriefingSteps(): Steps<Map<string, BriefingEvents>> {
    if (this.eventsById) return this.eventsById;
    const out = new Map<string, BriefingEvents>();
    for (const b of this.stored) {
      out.set(b.id, b.content.events);
      if (out.size % BRIEFINGS_STEP === 0) yield;
    }
    return (this.eventsById ??= out);
  }

  private *eventsViewSteps(): Steps<EventsView> {
    const perBriefing = yield* this.perBriefingSteps();
    return yield* eventsViewSteps(perBriefing, (id) => this.get(id)?.meta.published ?? null);
  }

  /** Build every derived view (events, their index, people, lookups), in steps. */
  private *viewSteps(): Steps<void> {
    const view = yield* this.eventsViewSteps();
    this.eventsView ??= view;
    yield* eventsIndexSteps(this.eventsView);
    const lookups = yield* lookupsSteps(this.briefings, this.eventsView);
    this.lookupTables ??= lookups;
  }

  /**
   * The views patched from those of `from` (built) for the briefings changed since (`changed`): the new briefings'
   * events at once, in order, at a cost that grows with them; built whole instead past PATCH_LIMIT briefings.
   */
  private *patchedViewSteps(from: Library, changed: ReadonlySet<string>): Steps<void> {
    const view = yield* patchedViewSteps(from.eventsView!, changed, (id) => this.tables.byId.get(id)?.content.events);
    if (!view) return yield* this.viewSteps();
    this.eventsView ??= view;
    this.lookupTables ??= patchedLookups(from.lookupTables!, view.layers!.touched, (id) => this.get(id));
    this.wholeViewsLater();
  }

  /**
   * Once this Library has stayed the newest for `wholeViewsAfterMs`, its views are built whole, between answers, and
   * replace the patched ones (people and party lookups then take in the briefings added since).
   */
  private wholeViewsLater(): void {
    const timer = setTimeout(() => {
      if (this.superseded) return;
      const whole = unless(() => this.superseded, this.wholeViewSteps());
      void runInSlices(whole).catch(() => undefined); // on error the patched views go on answering
    }, this.wholeViewsAfterMs);
    timer.unref();
  }

  private *wholeViewSteps(): Steps<void> {
    const view = yield* this.eventsViewSteps();
    yield* eventsIndexSteps(view);
    const lookups = yield* lookupsSteps(this.briefings, view);
    this.eventsView = view;
    this.lookupTables = lookups;
  }

  /** Patching its views: the Library whose built views they come from, and the briefings changed since. */
  private patching: { from: Library; changed: ReadonlySet<string> } | null = null;

  private wholeViewsAfterMs = WHOLE_VIEWS_AFTER_MS;

  /** The Library whose views can answer for this one's: itself once they are built, else its own stand-in. */
  private get builtViews(): Library | null {
    return this.eventsView && this.lookupTables ? this : this.standIn;
  }

  /**
   * Build the views between answers, the views of the Library this one replaces answering meanwhile if it has built
   * them: at a million paragraphs they take seconds, and a server must go on answering.
   */
  private buildViews(replacing: Library | null, changed: ReadonlySet<string> | null): void {
    this.standIn = replacing?.builtViews ?? null;
    // Patched from the views of the Library replaced, or from those it was itself patching from (a burst).
    const from = replacing && changed ? replacing.patchBase(changed) : null;
    this.patching = from;
    const build = unless(
      () => this.superseded,
      from ? this.patchedViewSteps(from.from, from.changed) : this.viewSteps(),
    );
    this.viewBuild = build;
    const done = (built: boolean) => {
      this.viewBuild = null;
      // Stopped (replaced): the Library replacing it patches from what this one was patching from.
      if (built) this.patching = null;
      if (built) this.standIn = null;
    };
    this.viewsReady = runInSlices(build).then(
      // Finished early (a command asked for them) or stopped: `built` is not true.
      (built) => done(built === true),
      // Built on first use instead, where the error reaches the command that needs them.
      () => {
        done(false);
        this.patching = null;
        this.standIn = null;
      },
    );
  }

  /** What a Library replacing this one for the briefings `changed` may patch its views from, if anything. */
  private patchBase(changed: ReadonlySet<string>): { from: Library; changed: ReadonlySet<string> } | null {
    if (this.eventsView && this.lookupTables) return { from: this, changed };
    if (this.patching) return { from: this.patching.from, changed: new Set([...this.patching.changed, ...changed]) };
    return null;
  }

  /** The views being built between answers, until they are. */
  private viewBuild: Steps<boolean> | null = null;

  /**
   * A newer Library is being built from this one: views this one is still building between answers stop (its stand-in
   * goes on answering for it), so a burst of new briefings builds the newest Library's views only.
   */
  private superseded = false;

  /**
   * Open the folder: reuse the snapshot (or the previous Library) for every file whose size
   * and time are unchanged, read the others, index what is new, and save the snapshot.
   */
  static async open({
    dataDir,
    cacheDir,
    previous,
    changedNames,
    compact,
    layout = SEGMENT_LAYOUT,
    views = "lazy",
    settleMs = 0,
    whole,
    fsWaitMs = FS_WAIT_MS,
    sliceMs,
    checkFolder = true,
    parallel,
    wholeViewsAfterMs,
  }: OpenOptions): Promise<Library> {
    const started = performance.now();
    const parts = { format: SNAPSHOT_FORMAT, index: INDEX_VERSION, extract: EXTRACT_VERSION };
    const versions = versionList(parts);
    const folder = cacheDir ? cacheFolder(cacheDir, dataDir) : null;
    const update = previous !== undefined && previous.dataDir === dataDir;
    if (update) previous.superseded = true;
    const read = update ? { state: previous.state, repair: null } : await readCache(folder, parts, fsWaitMs);
    const known = read.state;
    let cacheNote = read.repair;
    // Files the previous build left out as unsettled are looked at again, whatever changed since.
    const names =
      update && changedNames
        ? new Set([...changedNames, ...previous.build.unsettled])
        : !update && !checkFolder
          ? new Set<string>()
          : null;
    const a = await assemble(dataDir, known, {
      ...(names ? { changedNames: names } : {}),
      compact: compact ?? false,
      layout,
      settleMs,
      ...(whole ? { whole } : {}),
      sliced: update,
      ...(sliceMs !== undefined ? { sliceMs } : {}),
      ...(parallel ? { parallel } : {}),
      ...(update ? { base: { tables: previous.tables, docs: previous.docs } } : {}),
    });
    const builtAt = a.changed || !known.builtAt ? new Date().toISOString() : known.builtAt;
    const state: LibraryState = {
      builtAt,
      files: a.files,
      contents: a.contents,
      staleContents: a.staleContents,
      segments: a.segments,
      nextDoc: a.nextDoc,
      ...(known.contentMark ? { contentMark: known.contentMark } : {}),
    };
    // A first open saves before answering; an update (a new briefing while serving) answers at once and saves behind.
    const saved =
      folder && a.changed
        ? saveSnapshot(folder, versions, state, a, known, update ? previous : null, fsWaitMs).then((note) => {
            if (note) cacheNote ??= note;
          })
        : Promise.resolve();
    if (!update) await saved;
    const index = ParagraphIndex.fromSegments(
      a.segments.map((s) => s.segment),
      a.docs.lead,
    );
    const build = {
      builtAt,
      fromCache: !a.changed,
      buildMs: performance.now() - started,
      compacted: a.compacted,
      compactionDue: smallTail(a.segments, layout) >= layout.compactAfter,
      unsettled: a.unsettled,
      settlesInMs: a.settlesInMs,
      cacheNote,
      threads: a.threads,
      buildNote: a.threadNote,
    };
    const library = new Library(dataDir, a.tables, a.problems, index, a.docs, build, state, saved);
    if (wholeViewsAfterMs !== undefined) library.wholeViewsAfterMs = wholeViewsAfterMs;
    if (views === "eager") library.buildViews(update ? previous : null, a.patchedIds);
    return library;
  }

  get(id: string): Briefing | undefined {
    return this.byId.get(id);
  }

  /** A briefing by id, unique id prefix, or exact headline; a UserError naming the value otherwise. */
  resolveSource(text: string): Briefing {
    const trimmed = text.trim();
    // A key that autocomplete offered for an id too long to send (never built unless one is asked for).
    const wanted = trimmed.startsWith("key:") ? (this.lookups.resolve(trimmed) ?? trimmed) : trimmed;
    const exact =
      this.byId.get(wanted) ?? this.briefings.find((b) => b.meta.title?.toLowerCase() === wanted.toLowerCase());
    if (exact) return exact;
    const byPrefix = wanted ? this.briefings.filter((b) => b.id.startsWith(wanted)) : [];
    if (byPrefix.length === 1) return byPrefix[0];
    if (byPrefix.length > 1) {
      throw new UserError(
        `"${wanted}" matches ${byPrefix.length} briefings (${byPrefix
          .slice(0, 3)
          .map((b) => b.id)
          .join(", ")}…): give more of the id.`,
      );
    }
    throw new UserError(`There is no briefing "${wanted}". Use \`sources\` to list the briefings and their ids.`);
  }

  citation(source: string, paragraph: number): Citation {
    const b = this.byId.get(source);
    return {
      source,
      paragraph,
      title: b?.meta.title ?? null,
      outlet: b?.meta.outlet ?? null,
      published: b?.meta.published ?? null,
      url: b?.meta.url ?? null,
    };
  }

  get paragraphCount(): number {
    return this.docs.count;
  }

  get meetings(): Meeting[] {
    return [...this.perBriefingEvents.values()].flatMap((e) => e.meetings);
  }

  get pledges(): Pledge[] {
    return [...this.perBriefingEvents.values()].flatMap((e) => e.pledges);
  }

  /** Paragraphs matching the query, best first, with filters applied: the requested window and the total. */
  search(req: SearchRequest): { total: number; hits: SearchHit[] } {
    const keep = docFilter(this.docs.briefing, this.tables.days, {
      ...(req.source !== undefined ? { source: this.tables.byId.get(req.source)?.at ?? -1 } : {}),
      ...(req.from !== undefined ? { from: req.from } : {}),
      ...(req.to !== undefined ? { to: req.to } : {}),
    });
    const offset = req.offset ?? 0;
    const wanted = offset + (req.limit ?? Infinity);
    const found = this.index.search(req.query, keep, Math.max(wanted, RESCORE.window));
    const { total } = found;
    // Within each briefing the rarer concepts first, then every word as typed above the rest.
    const local = withinBriefing(
      found.hits,
      (id) => this.docs.briefing[id],
      (ids) => this.index.conceptScores(req.query, ids),
    );
    const hits = rescore(req.query, local, (id) => this.paragraphOfDoc(id)?.text).slice(0, wanted);
    const out: SearchHit[] = [];
    for (const hit of hits.slice(offset)) {
      const briefing = this.briefingOfDoc(hit.id);
      const paragraph = this.paragraphOfDoc(hit.id);
      if (!briefing || !paragraph) continue;
      out.push(new SearchHit(briefing, paragraph, hit.score, hit.terms));
    }
    return { total, hits: out };
  }

  /** The query's words no passage holds that search read as typos, each with the word searched instead. */
  corrections(query: string): Array<{ typed: string; searched: string }> {
    return this.index.corrections(query).map((c) => {
      const searched = this.surface(c.term);
      return {
        typed: c.typed,
        searched: /^\p{Lu}/u.test(c.typed) ? searched[0].toUpperCase() + searched.slice(1) : searched,
      };
    });
  }

  /** Words close to the query's, for "did you mean …". */
  suggestions(query: string): string[] {
    const { typed, combos } = this.index.suggest(query);
    return combos.map((terms) => terms.map((t, i) => (t === null ? typed[i] : this.surface(t))).join(" "));
  }

  private paragraphOfDoc(id: number): Paragraph | undefined {
    return this.briefingOfDoc(id)?.paragraphs[this.docs.paragraph[id] - 1];
  }

  private briefingOfDoc(id: number): Briefing | undefined {
    const at = id >= 0 && id < this.docs.briefing.length ? this.docs.briefing[id] : -1;
    return at >= 0 ? this.tables.bySlot[at] : undefined;
  }

  /** A word as a paragraph writes it, for an index term (which may be stemmed). */
  private surface(term: string): string {
    const id = this.index.firstDocWith(term) ?? -1;
    const text = this.paragraphOfDoc(id)?.text;
    if (text) {
      for (const word of tokenize(text)) if (processTerm(word)?.includes(term)) return word.toLowerCase();
    }
    return term;
  }
}

/**
 * Save the snapshot: at once for a first open; replacing `previous`, after its save and after the new Library is
 * handed over (serialising a large manifest takes the event loop for moments, which should not delay the first
 * answers from it). Resolves to a note when saving timed out; never rejects.
 */
function saveSnapshot(
  folder: string,
  versions: string[],
  state: LibraryState,
  a: Assembled,
  known: LibraryState,
  previous: Library | null,
  fsWaitMs: number,
): Promise<string | null> {
  const handedOver = previous
    ? previous.saved.then(() => new Promise((resolve) => setTimeout(resolve, SAVE_BEHIND_MS)))
    : Promise.resolve();
  return handedOver
    .then(() => withTimeout(save(folder, versions, state, a, known), fsWaitMs, "saving the cache"))
    .then(
      () => null,
      (err: unknown) => (err instanceof TimedOut ? `${err.message}: running on without saving it` : null),
    );
}

/** The steps until `stop` says to stop: whether they all ran. */
function* unless(stop: () => boolean, steps: Steps<void>): Steps<boolean> {
  for (;;) {
    if (stop()) return false;
    if (steps.next().done) return true;
    yield;
  }
}

/** The snapshot in `folder` (nothing without a cache), never waiting on it longer than `ms`. */
async function readCache(folder: string | null, versions: Versions, ms: number): Promise<ReadState> {
  if (!folder) return { state: emptyState(), repair: null };
  try {
    return await withTimeout(readState(folder, versions), ms, "reading the cache");
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { state: emptyState(), repair: `${why}: every briefing is read again` };
  }
}
