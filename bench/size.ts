import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BaselineResult } from "./baseline.ts";
import { unbuilt, type BotResult } from "./bot.ts";
import { checksFor } from "./checks.ts";
import type { FlexSearchResult } from "./flexsearch.ts";
import { generateArchive } from "./generate.ts";
import type { LoopDelay } from "./loop-delay.ts";
import { ratio, type Latency } from "./measure.ts";
import type { ColdStart, Percentiles, SizeResult } from "./result.ts";
import { BUILD_DIR, bundle } from "../bin/build.mjs";
import { runChild } from "./spawn.ts";

/**
 * One size, end to end: generate (or reuse) the archive, then measure the bot, its cold start and the peers (plain
 * MiniSearch, FlexSearch), each in its own process.
 */

export interface SizeOptions {
  briefings: number;
  seed: number;
  querySeed: number;
  queries: number;
  budgetS: number;
  coldRuns: number;
  baseline: boolean;
  /** FlexSearch over the same paragraphs, as a second peer. */
  flexsearch: boolean;
  stages: boolean;
  /** Where archives and scratch folders go. */
  tmpDir: string;
  /** V8 heap limit for the workers, in MB (the 1M size needs more than Node's default). */
  heapLimitMB: number;
  /** Folder for --cpu-prof profiles of the bot worker, or null. */
  profileDir: string | null;
  log: (line: string) => void;
}

function worker(role: "bot" | "baseline" | "flexsearch", args: object, opts: SizeOptions, scratch: string) {
  const file = path.join(scratch, `${role}-args.json`);
  writeFileSync(file, JSON.stringify(args));
  const flags = ["--expose-gc", `--max-old-space-size=${opts.heapLimitMB}`];
  if (opts.profileDir && role === "bot") flags.push("--cpu-prof", `--cpu-prof-dir=${opts.profileDir}`);
  return bundled("worker", "bench/worker.ts")
    .then((script) => runChild(script, [role, file], flags))
    .then((run) => {
      const result = run.lines.RESULT;
      if (!result)
        throw new Error(
          `${role} worker failed (exit ${run.code}):\n${run.stderr.trim().split("\n").slice(-15).join("\n")}`,
        );
      return result;
    });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const seconds = (ms: number) => Number((ms / 1000).toFixed(3));
const pct = (a: Latency | null, b: Latency | null): Percentiles => ({
  p50: ratio(a?.p50, b?.p50),
  p95: ratio(a?.p95, b?.p95),
  p99: ratio(a?.p99, b?.p99),
});

interface ColdStarts {
  runsS: number[];
  cold: ColdStart | null;
  freshS: number | null;
  eventsS: number | null;
  freshLoop: LoopDelay | null;
  searchableLoop: LoopDelay | null;
  errors: string[];
}

/** Cold starts from the snapshot (`runs` of them), the last one then adding a new briefing (see cold-start.ts). */
async function measureColdStarts(dataDir: string, cacheDir: string, query: string, runs: number): Promise<ColdStarts> {
  const out: ColdStarts = {
    runsS: [],
    cold: null,
    freshS: null,
    eventsS: null,
    freshLoop: null,
    searchableLoop: null,
    errors: [],
  };
  // Cold starts run the bundle `npm start` runs (bin/build.mjs), under bare Node.
  const coldScript = runs ? await bundled("cold-start", "bench/cold-start.ts") : "";
  for (let i = 0; i < runs; i++) {
    const last = i === runs - 1;
    const run = await runChild(
      coldScript,
      [dataDir, cacheDir, query, ...(last ? ["zanzibarite"] : [])],
      ["--enable-source-maps"],
    );
    const answer = run.lines.ANSWER as
      { importMs: number; openMs: number; answerMs: number; fromCache: boolean } | undefined;
    if (!answer) {
      out.errors.push(`cold start failed (exit ${run.code}): ${run.stderr.trim().split("\n").slice(-3).join(" ")}`);
      break;
    }
    out.runsS.push(seconds(run.at.ANSWER));
    const { fromCache, importMs, openMs, answerMs } = answer;
    out.cold = { runsS: out.runsS, fromCache, importMs, openMs, answerMs };
    const fresh = run.lines.FRESH as
      | {
          freshS: number;
          eventsS?: number | null;
          found: boolean;
          loopDelay?: LoopDelay | null;
          loopUntilFound?: LoopDelay | null;
        }
      | undefined;
    if (last && !fresh)
      out.errors.push(
        `the new-briefing measurement did not finish (exit ${run.code}): ${run.stderr.trim().split("\n").slice(-2).join(" ")}`,
      );
    if (fresh) {
      out.freshS = fresh.found ? fresh.freshS : null;
      out.eventsS = fresh.found ? (fresh.eventsS ?? null) : null;
      out.freshLoop = fresh.loopDelay ?? null;
      out.searchableLoop = fresh.loopUntilFound ?? null;
      if (!fresh.found) out.errors.push("a new briefing saved into the folder was not found by search");
    }
  }
  if (out.cold && !out.cold.fromCache) out.errors.push("cold start did not load from the snapshot (it rebuilt)");
  return out;
}

/** A peer's worker (plain MiniSearch, FlexSearch); null with the error noted when it fails. */
async function measurePeer<T extends { errors: string[] }>(
  role: "baseline" | "flexsearch",
  label: string,
  args: object,
  opts: SizeOptions,
  scratch: string,
  errors: string[],
): Promise<T | null> {
  opts.log(`${opts.briefings} briefings: measuring ${label}`);
  try {
    const result = (await worker(role, args, opts, scratch)) as T;
    errors.push(...result.errors);
    return result;
  } catch (err) {
    errors.push(`${role}: ${(err as Error).message.split("\n").slice(0, 3).join(" ")}`);
    return null;
  }
}

const ratios = (bot: BotResult, peer: BaselineResult | FlexSearchResult) => ({
  buildS: ratio(bot.buildS, peer.buildS),
  heapMB: ratio(bot.heapMB, peer.heapMB),
  search: pct(bot.search, peer.search),
  fuzzy: pct(bot.fuzzy, peer.fuzzy),
  filtered: pct(bot.filtered, peer.filtered),
});

export async function runSize(opts: SizeOptions): Promise<SizeResult> {
  const { log } = opts;
  const loadBefore = Number(os.loadavg()[0].toFixed(2));
  log(`${opts.briefings} briefings: generating the archive`);
  const archive = generateArchive(opts.briefings, opts.seed, opts.tmpDir);
  const scratch = path.join(opts.tmpDir, `run-n${opts.briefings}-${process.pid}`);
  const cacheDir = path.join(scratch, "cache");
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  if (opts.profileDir) mkdirSync(opts.profileDir, { recursive: true });
  const common = {
    dataDir: archive.dataDir,
    manifestFile: path.join(archive.root, "manifest.json"),
    queries: opts.queries,
    querySeed: opts.querySeed,
    budgetS: opts.budgetS,
    stages: opts.stages,
  };
  try {
    log(`${opts.briefings} briefings: measuring the bot (stages, build, snapshot, queries)`);
    const bot = (await worker("bot", { ...common, cacheDir }, opts, scratch).catch((err: Error) =>
      unbuilt(archive.manifest, null, [err.message]),
    )) as BotResult;
    const errors = [...bot.errors];

    log(`${opts.briefings} briefings: cold start from the snapshot (${opts.coldRuns} runs) and a new briefing`);
    // Without a snapshot every "cold start" is a full rebuild: once is enough to show it;
    // when the bot could not be built at all, not even that.
    const coldRuns = bot.buildS === null ? 0 : bot.snapshotMB === null ? 1 : opts.coldRuns;
    const query = archive.manifest.people[0] ?? "minister";
    const starts = await measureColdStarts(archive.dataDir, cacheDir, query, coldRuns);
    errors.push(...starts.errors);

    const peerArgs = { ...common, cacheDir: path.join(scratch, "baseline") };
    const base = opts.baseline
      ? await measurePeer<BaselineResult>("baseline", "plain MiniSearch", peerArgs, opts, scratch, errors)
      : null;
    const flex = opts.flexsearch
      ? await measurePeer<FlexSearchResult>("flexsearch", "FlexSearch", peerArgs, opts, scratch, errors)
      : null;
    const peer = <T extends { errors: string[]; paragraphs: number }>(r: T | null) =>
      r && (({ errors: _e, paragraphs: _p, ...rest }) => rest)(r);

    const partial: Omit<SizeResult, "checks"> = {
      briefings: bot.briefings,
      paragraphs: bot.paragraphs,
      archiveMB: Number((archive.manifest.bytes / 2 ** 20).toFixed(1)),
      buildS: bot.buildS,
      heapMB: bot.heapMB,
      heapServingMB: bot.heapServingMB,
      rssMB: bot.rssMB,
      snapshotMB: bot.snapshotMB,
      coldStartS: starts.runsS.length ? median(starts.runsS) : null,
      coldStart: starts.cold,
      reloadS: bot.reloadS,
      freshS: starts.freshS,
      eventsS: starts.eventsS,
      stages: bot.stages,
      search: bot.search,
      fuzzy: bot.fuzzy,
      filtered: bot.filtered,
      events: bot.events,
      autocomplete: bot.autocomplete,
      relevance: bot.relevance,
      typoHit: bot.typoHit,
      loopDelay: { fresh: starts.freshLoop, searchable: starts.searchableLoop, queries: bot.loopDelay },
      baseline: peer(base),
      ratio: base && { ...ratios(bot, base), snapshotMB: ratio(bot.snapshotMB, base.snapshotMB) },
      flexsearch: peer(flex),
      ratioFlex: flex && ratios(bot, flex),
      errors,
      loadAvg: { before: loadBefore, after: Number(os.loadavg()[0].toFixed(2)) },
    };
    return { ...partial, checks: checksFor(partial) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Scripts bundled in this run, by output name. */
const scripts = new Map<string, Promise<string>>();

/**
 * A bench script bundled the way `npm start` bundles the bot (bin/build.mjs: plain ES modules for bare Node, inside
 * the project so its packages resolve from node_modules), once a run; the path of the script to run. The workers and
 * the cold starts measure the code as the bot runs it, not through a TypeScript loader.
 */
function bundled(name: string, source: string): Promise<string> {
  let script = scripts.get(name);
  if (!script) {
    const outdir = path.join(BUILD_DIR, "bench", name);
    script = bundle({ [name]: source }, outdir).then(() => path.join(outdir, `${name}.mjs`));
    scripts.set(name, script);
  }
  return script;
}
