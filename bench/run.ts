import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BENCH_TMP } from "./generate.ts";
import { commit, machine } from "./machine.ts";
import { merged, writeDocs, writeJson } from "./report.ts";
import type { BenchReport } from "./result.ts";
import { runSize, type SizeOptions } from "./size.ts";
import { PROJECT_ROOT } from "./spawn.ts";

/**
 * `npm run bench [-- options]`: generate synthetic archives and measure the bot against
 * plain MiniSearch and FlexSearch at each size; write bench/results/latest.json and the table in
 * docs/benchmarks.md. See docs/benchmarks.md for the options and what is measured.
 */

export interface BenchOptions extends Omit<SizeOptions, "briefings"> {
  sizes: number[];
  /** Called after each size with the report so far (so a long run that dies keeps what it measured). */
  onSize?: (report: BenchReport) => void;
}

export async function runBench(opts: BenchOptions): Promise<BenchReport> {
  const report: BenchReport = {
    machine: machine(),
    date: new Date().toISOString(),
    commit: commit(),
    options: {
      queries: opts.queries,
      seed: opts.seed,
      querySeed: opts.querySeed,
      budgetS: opts.budgetS,
      coldRuns: opts.coldRuns,
    },
    sizes: [],
  };
  for (const briefings of opts.sizes) {
    report.sizes.push(await runSize({ ...opts, briefings }));
    opts.onSize?.(report);
  }
  return report;
}

const HELP = `npm run bench -- [--quick] [--sizes 1000,10000,100000] [--queries 1000] [--budget 120]
  [--cold-runs 3] [--seed 1] [--no-baseline] [--no-flexsearch] [--no-stages] [--merge] [--profile] [--heap-limit 16384]
  --quick       one small archive (300 briefings, 200 queries, 6 s a set); writes bench/tmp/quick.json, not the docs
  --sizes       briefing counts to measure (about 10 paragraphs each)
  --queries     queries in each set (search, typo, filtered, autocomplete; half as many event lookups)
  --budget      seconds at most per query set; a set stops early (and says how many it ran) past it
  --no-baseline, --no-flexsearch   leave out a peer (plain MiniSearch, FlexSearch)
  --merge       keep sizes already in latest.json that this run does not measure
  --profile     CPU profiles of the bot worker into bench/tmp/profiles (open in Chrome DevTools)
  --render      only rewrite the table in docs/benchmarks.md from bench/results/latest.json
`;

async function main(argv: string[]): Promise<void> {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean" },
      sizes: { type: "string" },
      queries: { type: "string" },
      budget: { type: "string" },
      "cold-runs": { type: "string" },
      seed: { type: "string" },
      "no-baseline": { type: "boolean" },
      "no-flexsearch": { type: "boolean" },
      "no-stages": { type: "boolean" },
      merge: { type: "boolean" },
      profile: { type: "boolean" },
      "heap-limit": { type: "string" },
      render: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (v.help) return void process.stdout.write(HELP);
  const resultsDir = path.join(PROJECT_ROOT, "bench", "results");
  const docsFile = path.join(PROJECT_ROOT, "docs", "benchmarks.md");
  if (v.render) {
    writeDocs(docsFile, JSON.parse(readFileSync(path.join(resultsDir, "latest.json"), "utf8")) as BenchReport);
    return void process.stderr.write("rewrote the table in docs/benchmarks.md from bench/results/latest.json\n");
  }
  const quick = v.quick ?? false;
  const int = (s: string | undefined, dflt: number) => {
    const x = s === undefined ? dflt : Number(s);
    if (!Number.isFinite(x) || x <= 0) throw new Error(`"${s}" is not a positive number: see --help`);
    return x;
  };
  const opts: BenchOptions = {
    sizes: v.sizes
      ? v.sizes.split(",").map((s) => int(s.trim().replace(/k$/i, "000"), 0))
      : quick
        ? [300]
        : [1000, 10_000, 100_000],
    seed: int(v.seed, 1),
    querySeed: 7,
    queries: int(v.queries, quick ? 200 : 1000),
    budgetS: int(v.budget, quick ? 6 : 120),
    coldRuns: int(v["cold-runs"], quick ? 2 : 3),
    baseline: !v["no-baseline"],
    flexsearch: !v["no-flexsearch"],
    stages: !v["no-stages"],
    tmpDir: BENCH_TMP,
    heapLimitMB: int(v["heap-limit"], 16_384),
    profileDir: v.profile ? path.join(BENCH_TMP, "profiles") : null,
    log: (line) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`),
  };
  const started = performance.now();
  const save = (report: BenchReport) => {
    if (quick) return void writeJson(BENCH_TMP, report, "quick.json");
    const full = v.merge ? merged(path.join(resultsDir, "latest.json"), report) : report;
    writeJson(resultsDir, full);
    writeJson(resultsDir, report, `run-${report.date.slice(0, 19).replace(/:/g, "")}.json`);
    writeDocs(docsFile, full);
  };
  // Written after every size, so that a long run stopped part way keeps what it measured.
  const report = await runBench({ ...opts, onSize: save });
  opts.log(quick ? "wrote bench/tmp/quick.json" : "wrote bench/results/latest.json and docs/benchmarks.md");
  for (const s of report.sizes) {
    opts.log(
      `${s.briefings} briefings, ${s.paragraphs} ¶: build ${s.buildS} s, heap ${s.heapMB} MB, snapshot ${s.snapshotMB} MB, cold start ${s.coldStartS} s; ` +
        `search p99 ${s.search?.p99 ?? "—"} ms (plain ${s.baseline?.search.p99 ?? "—"}, FlexSearch ${s.flexsearch?.search.p99 ?? "—"}), ` +
        `typo p99 ${s.fuzzy?.p99 ?? "—"} ms (plain ${s.baseline?.fuzzy.p99 ?? "—"}, FlexSearch ${s.flexsearch?.fuzzy?.p99 ?? "—"}); ` +
        `event-loop delay p99 / max ${s.loopDelay?.fresh?.p99 ?? "—"} / ${s.loopDelay?.fresh?.max ?? "—"} ms while a new briefing is added, ` +
        `${s.loopDelay?.queries?.p99 ?? "—"} / ${s.loopDelay?.queries?.max ?? "—"} ms during the query mix` +
        (s.errors.length ? `; ${s.errors.length} error(s): ${s.errors.join(" | ")}` : ""),
    );
  }
  opts.log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main(process.argv.slice(2));
}
