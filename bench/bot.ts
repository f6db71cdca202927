import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { execute } from "../commands/index.ts";
import { Library } from "../src/library/library.ts";
import { eventsIndexSteps } from "../src/library/views/events-index.ts";
import { runNow } from "../src/search/steps.ts";
import { findAutocomplete } from "./autocomplete.ts";
import { fitOptions, optionalCommand } from "./commands.ts";
import type { Manifest } from "./generate.ts";
import { loopDuringMix, type LoopDelay, type MixSet } from "./loop-delay.ts";
import { latency, memory, timed, warmAll, WARMUP, type Latency, type RunOptions } from "./measure.ts";
import {
  buildQueries,
  warmupQueries,
  type AutocompleteCase,
  type EventCase,
  type KnownItem,
  type QuerySets,
  type SearchCase,
} from "./queries.ts";
import { measureStages, type Stages } from "./stages.ts";

/**
 * The bot, measured through its public doors: Library.open (build from the folder and save
 * the snapshot; then reopen from it), heap and RSS once built, and latencies of the
 * commands as every front end runs them, `execute(library, name, options)`.
 */

export interface Relevance {
  n: number;
  /** Share of known-item queries whose paragraph comes first / in the first five. */
  hitAt1: number;
  hitAt5: number;
  /** Mean reciprocal rank, counting ranks 1–10. */
  mrr: number;
}

export interface BotResult {
  briefings: number;
  paragraphs: number;
  problems: number;
  stages: Stages | null;
  /** Null when the Library could not be built at all (then every figure below is null or zero). */
  buildS: number | null;
  heapMB: number | null;
  /** Heap once the reopened Library is serving: its views (events, their index, lookups) built. */
  heapServingMB: number | null;
  rssMB: number | null;
  snapshotMB: number | null;
  /** Library.open again in the same process, from the snapshot. */
  reloadS: number | null;
  reloadFromCache: boolean;
  search: Latency | null;
  fuzzy: Latency | null;
  filtered: Latency | null;
  events: (Latency & { commands: string[] }) | null;
  autocomplete: (Latency & { via: string }) | null;
  /** Timed searches that did not return an answer (user errors such as "no words to search for"). */
  unanswered: number;
  relevance: Relevance | null;
  /** The typo set against the same queries without their typo (see `typoHitOf`). */
  typoHit: TypoHit | null;
  /** Event-loop delay while a mix of every set runs, one query a turn of the loop (see bench/loop-delay.ts). */
  loopDelay: LoopDelay | null;
  errors: string[];
}

export interface TypoHit {
  /** Typo queries scored: those with a typo whose query without it finds something. */
  n: number;
  /** Share of them whose first five answers hold the first answer to the query without the typo. */
  rate: number;
}

export interface BotArgs {
  dataDir: string;
  cacheDir: string;
  manifest: Manifest;
  queries: number;
  querySeed: number;
  budgetS: number;
  stages: boolean;
}

function dirMB(dir: string): number | null {
  try {
    let bytes = 0;
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (e.isFile()) bytes += statSync(path.join(e.parentPath, e.name)).size;
    }
    return bytes === 0 ? null : Number((bytes / 2 ** 20).toFixed(1));
  } catch {
    return null;
  }
}

export function rankOf(texts: readonly string[], expect: string): number {
  const i = texts.slice(0, 10).indexOf(expect);
  return i < 0 ? Infinity : i + 1;
}

/** Known-item relevance; stops after `budgetS` seconds (`n` says how many were scored). */
export function relevanceOf(
  items: readonly KnownItem[],
  top: (query: string) => string[],
  budgetS = Infinity,
): Relevance {
  const deadline = performance.now() + budgetS * 1000;
  const ranks: number[] = [];
  for (const k of items) {
    ranks.push(rankOf(top(k.query), k.expect));
    if (performance.now() > deadline) break;
  }
  const share = (ok: (r: number) => boolean) => Number((ranks.filter(ok).length / (ranks.length || 1)).toFixed(3));
  return {
    n: ranks.length,
    hitAt1: share((r) => r === 1),
    hitAt5: share((r) => r <= 5),
    mrr: Number((ranks.reduce((s, r) => s + (Number.isFinite(r) ? 1 / r : 0), 0) / (ranks.length || 1)).toFixed(3)),
  };
}

/** Typo cases `typoHitOf` scores at most (the first of the set), as the known-item check takes 300. */
export const TYPO_HIT_CASES = 200;

/**
 * How often a typo costs the answer: for each typo case, `first` answers the query as meant (its `intended`), and a hit
 * is that answer among `top`'s first five for the query as typed. The first `TYPO_HIT_CASES` cases; stops after
 * `budgetS` seconds.
 */
export function typoHitOf<K>(
  cases: readonly SearchCase[],
  first: (intended: string) => K | undefined,
  top: (query: string) => readonly K[],
  budgetS = Infinity,
): TypoHit {
  const deadline = performance.now() + budgetS * 1000;
  let n = 0;
  let hits = 0;
  for (const c of cases.slice(0, TYPO_HIT_CASES)) {
    if (c.intended === undefined || c.intended === c.query) continue;
    const want = first(c.intended);
    if (want === undefined) continue;
    n++;
    if (top(c.query).slice(0, 5).includes(want)) hits++;
    if (performance.now() > deadline) break;
  }
  return { n, rate: Number((hits / (n || 1)).toFixed(3)) };
}

/** The result for a size at which the Library could not be built. */
export function unbuilt(manifest: Manifest, stages: Stages | null, errors: string[]): BotResult {
  const nothing = {
    buildS: null,
    heapMB: null,
    heapServingMB: null,
    rssMB: null,
    snapshotMB: null,
    reloadS: null,
    reloadFromCache: false,
  };
  const none = { search: null, fuzzy: null, filtered: null, events: null, autocomplete: null, relevance: null };
  const more = { typoHit: null, loopDelay: null };
  return {
    briefings: manifest.briefings,
    paragraphs: manifest.paragraphs,
    problems: 0,
    stages,
    ...nothing,
    ...none,
    ...more,
    unanswered: 0,
    errors,
  };
}

/** Library.open from the folder (timed, with the snapshot saved), heap, then again from the snapshot. */
async function openLibrary(args: BotArgs, errors: string[]) {
  let built: Library;
  let buildS: number;
  const started = performance.now();
  try {
    ({ s: buildS, value: built } = await timed(() => Library.open({ dataDir: args.dataDir, cacheDir: args.cacheDir })));
  } catch (err) {
    const e = err as Error;
    errors.push(`Library.open failed after ${((performance.now() - started) / 1000).toFixed(1)} s: ${e.message}`);
    // Only a failure to save the snapshot is worth a second build without one.
    if (!/snapshot|toJSON|stringify|Invalid string length|writeFile/i.test(`${e.message}\n${e.stack}`)) return null;
    try {
      ({ s: buildS, value: built } = await timed(() => Library.open({ dataDir: args.dataDir, cacheDir: null })));
    } catch (again) {
      errors.push(`Library.open without a snapshot failed too: ${(again as Error).message}`);
      return null;
    }
  }
  const { heapMB, rssMB } = memory();
  const snapshotMB = dirMB(args.cacheDir);

  let library = built;
  let reloadS: number | null = null;
  let reloadFromCache = false;
  if (snapshotMB !== null) {
    try {
      const reopened = await timed(() => Library.open({ dataDir: args.dataDir, cacheDir: args.cacheDir }));
      reloadS = reopened.s;
      reloadFromCache = reopened.value.build.fromCache;
      library = reopened.value; // the first build is not kept alive (not returned) while this one is measured
    } catch (err) {
      errors.push(`reopening from the snapshot failed: ${(err as Error).message}`);
    }
  }
  return { library, buildS, heapMB, rssMB, snapshotMB, reloadS, reloadFromCache };
}

/**
 * The heap of a serving bot: its views built (the events, their index, the lookups), as a server builds them between
 * answers after it opens. "Heap once built" leaves them out: a Library builds them on first use otherwise.
 */
function servingHeap(library: Library): number {
  runNow(eventsIndexSteps(library.events));
  void library.lookups;
  return memory().heapMB;
}

export async function measureBot(args: BotArgs): Promise<BotResult> {
  const errors: string[] = [];
  const stages = args.stages ? await measureStages(args.dataDir, errors) : null;
  const opened = await openLibrary(args, errors);
  if (!opened) return unbuilt(args.manifest, stages, errors);
  const { library, buildS, heapMB, rssMB, snapshotMB, reloadS, reloadFromCache } = opened;

  const q = buildQueries(args.manifest, args.queries, args.querySeed);
  const warm = warmupQueries(args.manifest, args.queries, args.querySeed, WARMUP.rounds);
  const run: RunOptions = { budgetS: args.budgetS };
  let unanswered = 0;
  const ask = (c: SearchCase) =>
    execute(library, "search", { query: c.query, source: c.source, from: c.from, to: c.to, limit: 5 });
  const search = (c: SearchCase) => {
    const outcome = ask(c);
    if (!outcome.ok) unanswered++;
    return outcome;
  };

  warmAll(
    warm.map((w) => [
      [w.search, ask],
      [w.fuzzy, ask],
      [w.filtered, ask],
    ]),
  );
  const result: BotResult = {
    briefings: library.briefings.length,
    paragraphs: library.paragraphCount,
    problems: library.problems.length,
    stages,
    buildS,
    heapMB,
    heapServingMB: servingHeap(library),
    rssMB,
    snapshotMB,
    reloadS,
    reloadFromCache,
    search: latency(q.search, search, run),
    fuzzy: latency(q.fuzzy, search, run),
    filtered: latency(q.filtered, search, run),
    events: null,
    autocomplete: null,
    unanswered: 0,
    relevance: relevanceOf(
      q.relevance,
      (query) => library.search({ query, limit: 10 }).hits.map((h) => h.paragraph.text),
      args.budgetS,
    ),
    typoHit: null,
    loopDelay: null,
    errors,
  };
  result.unanswered = unanswered;
  const texts = (query: string, limit: number) => library.search({ query, limit }).hits.map((h) => h.paragraph.text);
  result.typoHit = typoHitOf(
    q.fuzzy,
    (query) => texts(query, 1)[0],
    (query) => texts(query, 5),
    args.budgetS,
  );

  const lookups = await measureLookups(library, q, warm, run);
  result.events = lookups.events;
  result.autocomplete = lookups.autocomplete;
  const mix = [[q.search, ask], [q.fuzzy, ask], [q.filtered, ask], ...lookups.mix] as const;
  result.loopDelay = await loopDuringMix(mix, MIX_CALLS, Math.min(MIX_SECONDS, args.budgetS));
  return result;
}

/** The query mix whose event-loop delay is measured: this many calls at most, for this many seconds at most. */
const MIX_CALLS = 2000;
const MIX_SECONDS = 30;

type Lookup = { name: "meetings" | "pledges"; options: Record<string, unknown> };

/** Meetings / pledges and autocomplete, when the bot has them: their latencies, and their share of the query mix. */
async function measureLookups(library: Library, q: QuerySets, warm: QuerySets[], run: RunOptions) {
  const out: Pick<BotResult, "events" | "autocomplete"> & { mix: MixSet[] } = {
    events: null,
    autocomplete: null,
    mix: [],
  };
  const eventCommands = (["meetings", "pledges"] as const).filter((name) => optionalCommand([name]));
  if (eventCommands.length > 0) {
    const cases = (events: EventCase[]) =>
      events
        .filter((c) => eventCommands.includes(c.command))
        .map((c) => ({ name: c.command, options: fitOptions(optionalCommand([c.command])!, c.values, { limit: 5 }) }))
        .filter((c): c is Lookup => c.options !== null);
    const lookup = (c: Lookup) => execute(library, c.name, c.options);
    warmAll(warm.map((w) => [[cases(w.events), lookup]]));
    const timedCases = cases(q.events);
    out.events = { ...latency(timedCases, lookup, run), commands: eventCommands };
    out.mix.push([timedCases, lookup]);
  }

  const complete = await findAutocomplete(library);
  const suggest = (c: AutocompleteCase) => complete.complete(c.kind, c.prefix);
  warmAll(warm.map((w) => [[w.autocomplete, suggest]]));
  out.autocomplete = { ...latency(q.autocomplete, suggest, run), via: complete.via };
  out.mix.push([q.autocomplete, suggest]);
  return out;
}
