import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { execute } from "../commands/index.ts";
import { Library } from "../src/library/library.ts";
import { findAutocomplete } from "./autocomplete.ts";
import { fitOptions, optionalCommand } from "./commands.ts";
import type { Manifest } from "./generate.ts";
import { latency, memory, timed, warmAll, WARMUP, type Latency, type RunOptions } from "./measure.ts";
import {
  buildQueries,
  warmupQueries,
  type AutocompleteCase,
  type EventCase,
  type KnownItem,
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
  errors: string[];
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

/** The result for a size at which the Library could not be built. */
export function unbuilt(manifest: Manifest, stages: Stages | null, errors: string[]): BotResult {
  const nothing = { buildS: null, heapMB: null, rssMB: null, snapshotMB: null, reloadS: null, reloadFromCache: false };
  const none = { search: null, fuzzy: null, filtered: null, events: null, autocomplete: null, relevance: null };
  return {
    briefings: manifest.briefings,
    paragraphs: manifest.paragraphs,
    problems: 0,
    stages,
    ...nothing,
    ...none,
    unanswered: 0,
    errors,
  };
}

export async function measureBot(args: BotArgs): Promise<BotResult> {
  const errors: string[] = [];
  const stages = args.stages ? await measureStages(args.dataDir, errors) : null;

  let built: Library;
  let buildS: number;
  const started = performance.now();
  try {
    ({ s: buildS, value: built } = await timed(() => Library.open({ dataDir: args.dataDir, cacheDir: args.cacheDir })));
  } catch (err) {
    const e = err as Error;
    errors.push(`Library.open failed after ${((performance.now() - started) / 1000).toFixed(1)} s: ${e.message}`);
    // Only a failure to save the snapshot is worth a second build without one.
    if (!/snapshot|toJSON|stringify|Invalid string length|writeFile/i.test(`${e.message}\n${e.stack}`))
      return unbuilt(args.manifest, stages, errors);
    try {
      ({ s: buildS, value: built } = await timed(() => Library.open({ dataDir: args.dataDir, cacheDir: null })));
    } catch (again) {
      errors.push(`Library.open without a snapshot failed too: ${(again as Error).message}`);
      return unbuilt(args.manifest, stages, errors);
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
      library = reopened.value;
      built = library; // the first build is not kept alive while the reopened Library is measured
    } catch (err) {
      errors.push(`reopening from the snapshot failed: ${(err as Error).message}`);
    }
  }

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
    errors,
  };
  result.unanswered = unanswered;

  const eventCommands = (["meetings", "pledges"] as const).filter((name) => optionalCommand([name]));
  if (eventCommands.length > 0) {
    const cases = (events: EventCase[]) =>
      events
        .filter((c) => eventCommands.includes(c.command))
        .map((c) => ({ name: c.command, options: fitOptions(optionalCommand([c.command])!, c.values, { limit: 5 }) }))
        .filter((c): c is { name: "meetings" | "pledges"; options: Record<string, unknown> } => c.options !== null);
    const lookup = (c: { name: "meetings" | "pledges"; options: Record<string, unknown> }) =>
      execute(library, c.name, c.options);
    warmAll(warm.map((w) => [[cases(w.events), lookup]]));
    result.events = { ...latency(cases(q.events), lookup, run), commands: eventCommands };
  }

  const complete = await findAutocomplete(library);
  if (complete) {
    const suggest = (c: AutocompleteCase) => complete.complete(c.kind, c.prefix);
    warmAll(warm.map((w) => [[w.autocomplete, suggest]]));
    result.autocomplete = { ...latency(q.autocomplete, suggest, run), via: complete.via };
  }
  return result;
}
