import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BaselineResult } from "./baseline.ts";
import { unbuilt, type BotResult } from "./bot.ts";
import { checksFor } from "./checks.ts";
import { generateArchive } from "./generate.ts";
import { ratio, type Latency } from "./measure.ts";
import type { ColdStart, Percentiles, SizeResult } from "./result.ts";
import { BUILD_DIR, bundle } from "../bin/build.mjs";
import { runChild } from "./spawn.ts";

/**
 * One size, end to end: generate (or reuse) the archive, then measure the bot, its cold start and the baseline, each in
 * its own process.
 */

export interface SizeOptions {
  briefings: number;
  seed: number;
  querySeed: number;
  queries: number;
  budgetS: number;
  coldRuns: number;
  baseline: boolean;
  stages: boolean;
  /** Where archives and scratch folders go. */
  tmpDir: string;
  /** V8 heap limit for the workers, in MB (the 1M size needs more than Node's default). */
  heapLimitMB: number;
  /** Folder for --cpu-prof profiles of the bot worker, or null. */
  profileDir: string | null;
  log: (line: string) => void;
}

function worker(role: "bot" | "baseline", args: object, opts: SizeOptions, scratch: string) {
  const file = path.join(scratch, `${role}-args.json`);
  writeFileSync(file, JSON.stringify(args));
  const flags = ["--expose-gc", `--max-old-space-size=${opts.heapLimitMB}`];
  if (opts.profileDir && role === "bot") flags.push("--cpu-prof", `--cpu-prof-dir=${opts.profileDir}`);
  return runChild("bench/worker.ts", [role, file], flags).then((run) => {
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
const pct = (a: Latency | null, b: Latency): Percentiles => ({
  p50: ratio(a?.p50, b.p50),
  p95: ratio(a?.p95, b.p95),
  p99: ratio(a?.p99, b.p99),
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
    const runsS: number[] = [];
    let cold: ColdStart | null = null;
    let freshS: number | null = null;
    const query = archive.manifest.people[0] ?? "minister";
    // Without a snapshot every "cold start" is a full rebuild: once is enough to show it;
    // when the bot could not be built at all, not even that.
    const coldRuns = bot.buildS === null ? 0 : bot.snapshotMB === null ? 1 : opts.coldRuns;
    // Cold starts run the bundle `npm start` runs (bin/build.mjs), under bare Node.
    const coldScript = coldRuns ? await bundleColdStart() : "";
    for (let i = 0; i < coldRuns; i++) {
      const last = i === coldRuns - 1;
      const run = await runChild(
        coldScript,
        [archive.dataDir, cacheDir, query, ...(last ? ["zanzibarite"] : [])],
        ["--enable-source-maps"],
      );
      const answer = run.lines.ANSWER as
        { importMs: number; openMs: number; answerMs: number; fromCache: boolean } | undefined;
      if (!answer) {
        errors.push(`cold start failed (exit ${run.code}): ${run.stderr.trim().split("\n").slice(-3).join(" ")}`);
        break;
      }
      runsS.push(seconds(run.at.ANSWER));
      cold = {
        runsS,
        fromCache: answer.fromCache,
        importMs: answer.importMs,
        openMs: answer.openMs,
        answerMs: answer.answerMs,
      };
      const fresh = run.lines.FRESH as { freshS: number; found: boolean } | undefined;
      if (last && !fresh)
        errors.push(
          `the new-briefing measurement did not finish (exit ${run.code}): ${run.stderr.trim().split("\n").slice(-2).join(" ")}`,
        );
      if (fresh) {
        freshS = fresh.found ? fresh.freshS : null;
        if (!fresh.found) errors.push("a new briefing saved into the folder was not found by search");
      }
    }
    if (cold && !cold.fromCache) errors.push("cold start did not load from the snapshot (it rebuilt)");

    let base: BaselineResult | null = null;
    if (opts.baseline) {
      log(`${opts.briefings} briefings: measuring plain MiniSearch`);
      try {
        base = (await worker(
          "baseline",
          { ...common, cacheDir: path.join(scratch, "baseline") },
          opts,
          scratch,
        )) as BaselineResult;
        errors.push(...base.errors);
      } catch (err) {
        errors.push(`baseline: ${(err as Error).message.split("\n").slice(0, 3).join(" ")}`);
      }
    }

    const partial: Omit<SizeResult, "checks"> = {
      briefings: bot.briefings,
      paragraphs: bot.paragraphs,
      archiveMB: Number((archive.manifest.bytes / 2 ** 20).toFixed(1)),
      buildS: bot.buildS,
      heapMB: bot.heapMB,
      rssMB: bot.rssMB,
      snapshotMB: bot.snapshotMB,
      coldStartS: runsS.length ? median(runsS) : null,
      coldStart: cold,
      reloadS: bot.reloadS,
      freshS,
      stages: bot.stages,
      search: bot.search,
      fuzzy: bot.fuzzy,
      filtered: bot.filtered,
      events: bot.events,
      autocomplete: bot.autocomplete,
      relevance: bot.relevance,
      baseline: base && (({ errors: _e, paragraphs: _p, ...rest }) => rest)(base),
      ratio: base && {
        buildS: ratio(bot.buildS, base.buildS),
        heapMB: ratio(bot.heapMB, base.heapMB),
        snapshotMB: ratio(bot.snapshotMB, base.snapshotMB),
        search: pct(bot.search, base.search),
        fuzzy: pct(bot.fuzzy, base.fuzzy),
        filtered: pct(bot.filtered, base.filtered),
      },
      errors,
      loadAvg: { before: loadBefore, after: Number(os.loadavg()[0].toFixed(2)) },
    };
    return { ...partial, checks: checksFor(partial) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * bench/cold-start.ts bundled the way `npm start` bundles the bot (inside the project, so
 * its packages resolve from node_modules); the path of the script to run.
 */
async function bundleColdStart(): Promise<string> {
  const outdir = path.join(BUILD_DIR, "bench");
  await bundle({ "cold-start": "bench/cold-start.ts" }, outdir);
  return path.join(outdir, "cold-start.mjs");
}
