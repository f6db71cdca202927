import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Relevance } from "./bot.ts";
import type { LoopDelay } from "./loop-delay.ts";
import type { Latency } from "./measure.ts";
import { p99Series, p99Svg } from "./plot.ts";
import type { BenchReport, SizeResult } from "./result.ts";

/**
 * Results on disk: the JSON in bench/results/, the table in docs/benchmarks.md between its markers, and beside it the
 * chart of search p99 against archive size (`PLOT_FILE`).
 */

export const PLOT_FILE = "bench-p99.svg";

export const START = "<!-- bench:results:start -->";
export const END = "<!-- bench:results:end -->";

export function writeJson(dir: string, report: BenchReport, name = "latest.json"): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/** Sizes from `report` replace those of the same briefing count in the report already at `file`. */
export function merged(file: string, report: BenchReport): BenchReport {
  if (!existsSync(file)) return report;
  const old = JSON.parse(readFileSync(file, "utf8")) as BenchReport;
  const fresh = new Set(report.sizes.map((s) => s.briefings));
  const kept = old.sizes
    .filter((s) => !fresh.has(s.briefings))
    .map((s) => ({ ...s, measured: s.measured ?? { commit: old.commit ?? null, date: old.date } }));
  const sizes = [...kept, ...report.sizes].sort((a, b) => a.briefings - b.briefings);
  return { ...report, sizes };
}

const n = (x: number | null | undefined, digits = 1) =>
  x == null || !Number.isFinite(x)
    ? "—"
    : x >= 100 || Number.isInteger(x)
      ? Math.round(x).toLocaleString("en")
      : x.toFixed(digits);
const big = (x: number) =>
  x >= 1_000_000 ? `${n(x / 1_000_000)}M` : x >= 1000 ? `${Math.round(x / 1000)}k` : String(x);
const lat = (l: Latency | null | undefined) =>
  l ? `${n(l.p50)} / ${n(l.p95)} / ${n(l.p99)}${l.n < 100 ? ` (${l.n} runs)` : ""}` : "—";
const pctOf = (x: number | null | undefined) => (x == null ? "—" : `${n(x * 100, 0)}%`);
const times = (r: number | null | undefined) => (r == null ? "" : ` (×${r >= 10 ? Math.round(r) : r.toFixed(2)})`);
const loop = (l: LoopDelay | null | undefined) => (l ? `${n(l.p99)} / ${n(l.max)}` : "—");
/** The bot's figure, then plain MiniSearch's and FlexSearch's where the size measured them. */
function trio<T extends object>(
  s: SizeResult,
  of: (
    r: SizeResult | NonNullable<SizeResult["flexsearch"]> | NonNullable<SizeResult["baseline"]>,
  ) => T | null | undefined,
  show: (x: T | null | undefined) => string,
): string {
  const cells = [show(of(s))];
  if (s.baseline) cells.push(show(of(s.baseline)));
  if (s.flexsearch) cells.push(show(of(s.flexsearch)));
  return cells.join(" · ");
}
const known =
  (pick: (r: Relevance) => number, as = pctOf) =>
  (s: SizeResult) =>
    trio(
      s,
      (r) => r.relevance,
      (r) => as(r && pick(r)),
    );
const peers = (s: SizeResult, plain: string, flex: string) =>
  `${s.baseline ? ` · plain ${plain}` : ""}${s.flexsearch ? ` · FlexSearch ${flex}` : ""}`;

type Row = [label: string, cell: (s: SizeResult) => string];

const ROWS: Row[] = [
  [
    "Build from the folder (s)",
    (s) =>
      `${s.buildS === null ? "— (see errors)" : n(s.buildS)}${peers(s, n(s.baseline?.buildS), n(s.flexsearch?.buildS))}`,
  ],
  ["Heap once built (MB)", (s) => `${n(s.heapMB, 0)}${peers(s, n(s.baseline?.heapMB, 0), n(s.flexsearch?.heapMB, 0))}`],
  ["· serving, views built (MB)", (s) => n(s.heapServingMB, 0)],
  ["RSS once built (MB)", (s) => n(s.rssMB, 0)],
  ["Snapshot on disk (MB)", (s) => `${n(s.snapshotMB)}${s.baseline ? ` · plain ${n(s.baseline.snapshotMB)}` : ""}`],
  ["Read and clean the folder, loadBriefings (s)", (s) => n(s.baseline?.readFolderS ?? s.flexsearch?.readFolderS, 2)],
  [
    "Cold start to first answer (s)",
    (s) => `${n(s.coldStartS, 2)}${s.coldStart && !s.coldStart.fromCache ? " (rebuilt)" : ""}`,
  ],
  ["New briefing searchable (s)", (s) => n(s.freshS, 2)],
  ["· event-loop delay until searchable, p99 / max (ms)", (s) => loop(s.loopDelay?.searchable)],
  ["· its events in the views (s)", (s) => n(s.eventsS, 2)],
  ["· event-loop delay until its events are in, p99 / max (ms)", (s) => loop(s.loopDelay?.fresh)],
  ["Search p50 / p95 / p99 (ms)", (s) => lat(s.search)],
  ["· plain MiniSearch", (s) => `${lat(s.baseline?.search)}${times(s.ratio?.search.p99)}`],
  ["· FlexSearch", (s) => `${lat(s.flexsearch?.search)}${times(s.ratioFlex?.search.p99)}`],
  ["Typo search p50 / p95 / p99 (ms)", (s) => lat(s.fuzzy)],
  ["· plain MiniSearch, fuzzy 0.2", (s) => `${lat(s.baseline?.fuzzy)}${times(s.ratio?.fuzzy.p99)}`],
  ["· FlexSearch, tolerant + suggest", (s) => `${lat(s.flexsearch?.fuzzy)}${times(s.ratioFlex?.fuzzy.p99)}`],
  [
    "Typo keeps the first answer, in top 5 (bot · plain · FlexSearch)",
    (s) =>
      trio(
        s,
        (r) => r.typoHit,
        (t) => pctOf(t?.rate),
      ),
  ],
  ["Filtered search p50 / p95 / p99 (ms)", (s) => lat(s.filtered)],
  ["· plain MiniSearch, filter", (s) => `${lat(s.baseline?.filtered)}${times(s.ratio?.filtered.p99)}`],
  ["· FlexSearch, tags", (s) => `${lat(s.flexsearch?.filtered)}${times(s.ratioFlex?.filtered.p99)}`],
  [
    "Meetings / pledges p50 / p95 / p99 (ms)",
    (s) => (s.events ? lat(s.events) : s.buildS === null ? "—" : "no command yet"),
  ],
  [
    "Autocomplete p50 / p95 / p99 (ms)",
    (s) => (s.autocomplete ? lat(s.autocomplete) : s.buildS === null ? "—" : "no command yet"),
  ],
  ["Event-loop delay during the query mix, p99 / max (ms)", (s) => loop(s.loopDelay?.queries)],
  ["Known item first (bot · plain · FlexSearch)", known((r) => r.hitAt1)],
  ["Known item in top 5 (bot · plain · FlexSearch)", known((r) => r.hitAt5)],
  [
    "Known item MRR (bot · plain · FlexSearch)",
    known(
      (r) => r.mrr,
      (x) => n(x, 2),
    ),
  ],
];

function stagesCell(s: SizeResult): string {
  if (!s.stages) return "—";
  const { readS, cleanS, extractS, indexS, serializeS, workers } = s.stages;
  const times = [readS, cleanS, extractS, indexS, serializeS].map((x) => n(x, 2)).join(" · ");
  return workers === undefined ? times : `${times} (${workers} ${workers === 1 ? "thread" : "threads"})`;
}

export function markdown(report: BenchReport): string {
  const sizes = report.sizes;
  const head = sizes.map((s) => `${big(s.briefings)} briefings · ${big(s.paragraphs)} ¶`);
  const lines = [
    `Measured ${report.date.slice(0, 10)} on ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGB} GB, Node ${report.machine.node}` +
      `${report.commit ? `, commit ${report.commit}` : ""}; up to ${report.options.queries} queries a set, ${report.options.budgetS} s at most a set; ` +
      'latencies p50 / p95 / p99 in ms, "(n runs)" where a set ran fewer than 100; (×r) = bot ÷ the peer on that row, at p99.',
    "",
    `| | ${head.join(" | ")} |`,
    `|---|${head.map(() => "---").join("|")}|`,
    ...ROWS.map(([label, cell]) => `| ${label} | ${sizes.map(cell).join(" | ")} |`),
    "",
    "Build by stage (s), as Library.open runs them: list the folder · read, parse and clean · extract events · index · serialise the index; threads that ran them (reading and extracting run together, file by file: their wall time is shared as the threads' time on each was).",
    "",
    `| | ${head.join(" | ")} |`,
    `|---|${head.map(() => "---").join("|")}|`,
    `| Stages | ${sizes.map(stagesCell).join(" | ")} |`,
    "",
    `![Search p99 against archive size: the bot, plain MiniSearch and FlexSearch](${PLOT_FILE})`,
    "",
  ];
  const earlier = sizes.filter((s) => s.measured && s.measured.commit !== report.commit);
  if (earlier.length) {
    lines.push(
      `From an earlier run kept in this report: ${earlier.map((s) => `${big(s.briefings)} briefings (${s.measured!.date.slice(0, 16).replace("T", " ")}, commit ${s.measured!.commit ?? "unknown"})`).join("; ")}.`,
      "",
    );
  }
  const checks = sizes.filter((s) => s.checks.length > 0);
  if (checks.length) {
    lines.push("Targets (issue #6; those marked #16 are issue #16's):", "");
    for (const s of checks) {
      const items = s.checks.map((c) => `${c.pass ? "✅" : "❌"} ${c.name}: ${n(c.value, 2)}`);
      lines.push(`- ${big(s.paragraphs)} ¶: ${items.join("; ")}`);
    }
    lines.push("");
  }
  const busy = sizes.filter((s) => s.loadAvg && Math.max(s.loadAvg.before, s.loadAvg.after) > 3);
  if (busy.length) {
    lines.push(
      `Other work shared the machine during ${busy.map((s) => `${big(s.briefings)} (load ${s.loadAvg.before} → ${s.loadAvg.after})`).join(", ")}: those figures are pessimistic.`,
      "",
    );
  }
  const errors = sizes.flatMap((s) => s.errors.map((e) => `- ${big(s.briefings)} briefings: ${e.split("\n")[0]}`));
  if (errors.length) lines.push("Errors:", "", ...errors, "");
  return lines.join("\n");
}

/**
 * Replace the text between the markers in `file` (created with the markers when missing), formatted as the
 * project's Prettier settings say (format:check reads it); the chart beside it.
 */
export function writeDocs(file: string, report: BenchReport): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const title = `Search p99 against archive size (${report.date.slice(0, 10)})`;
  writeFileSync(path.join(path.dirname(file), PLOT_FILE), p99Svg(p99Series(report), title));
  const table = `${START}\n${markdown(report)}\n${END}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : `# Benchmarks\n\n${START}\n${END}\n`;
  const at = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    at >= 0 && end > at
      ? current.slice(0, at) + table + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n${table}\n`;
  writeFileSync(file, next);
  const prettier = createRequire(import.meta.url).resolve("prettier/bin/prettier.cjs");
  execFileSync(process.execPath, [prettier, "--write", "--log-level", "warn", file], { stdio: "inherit" });
}
