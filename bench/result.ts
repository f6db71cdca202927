import type { BaselineResult } from "./baseline.ts";
import type { BotResult, Relevance, TypoHit } from "./bot.ts";
import type { FlexSearchResult } from "./flexsearch.ts";
import type { LoopDelay } from "./loop-delay.ts";
import type { Stages } from "./stages.ts";
import type { Latency } from "./measure.ts";

/**
 * The shape of bench/results/*.json. Milliseconds unless a name ends in S (seconds) or MB. Fields marked "(#16)" are
 * absent in runs made before issue #16 added them.
 */

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface ColdStart {
  /** Each run: process start to the first answer, in seconds. */
  runsS: number[];
  fromCache: boolean;
  /** Inside the child, last run: module loading, Library.open, the first search. */
  importMs: number;
  openMs: number;
  answerMs: number;
}

export interface Ratios {
  buildS: number | null;
  heapMB: number | null;
  snapshotMB: number | null;
  search: Percentiles;
  fuzzy: Percentiles;
  filtered: Percentiles;
}

export interface Check {
  name: string;
  limit: number;
  value: number | null;
  pass: boolean;
}

export interface SizeResult {
  briefings: number;
  paragraphs: number;
  archiveMB: number;
  /** Null when the bot could not be built at this size (see `errors`). */
  buildS: number | null;
  heapMB: number | null;
  /** (#16) Heap once the Library is serving: reopened from the snapshot, views built (events, their index, lookups). */
  heapServingMB?: number | null;
  rssMB: number | null;
  snapshotMB: number | null;
  /** Median of the cold-start runs. */
  coldStartS: number | null;
  coldStart: ColdStart | null;
  reloadS: number | null;
  /** From saving a new briefing into the folder to a search finding it. */
  freshS: number | null;
  /** From saving it to its events being in the views (built between answers after it is searchable). */
  eventsS?: number | null;
  stages: Stages | null;
  search: Latency | null;
  fuzzy: Latency | null;
  filtered: Latency | null;
  events: BotResult["events"];
  autocomplete: BotResult["autocomplete"];
  relevance: Relevance | null;
  /** (#16) The typo set against the same queries without their typo (`typoHitOf` in bench/bot.ts). */
  typoHit?: TypoHit | null;
  /**
   * (#16) Event-loop delay: while a new briefing is added (in the process that adds it, from saving the file to its
   * events being in the views: `eventsS`; `searchable`: until a search finds it, `freshS`), and in the bot's worker
   * while a mix of every query set runs, one query a turn.
   */
  loopDelay?: { fresh: LoopDelay | null; searchable?: LoopDelay | null; queries: LoopDelay | null };
  baseline: Omit<BaselineResult, "errors" | "paragraphs"> | null;
  /** Bot ÷ plain MiniSearch: below 1 is better. */
  ratio: Ratios | null;
  /** (#16) FlexSearch over the same paragraphs (bench/flexsearch.ts). */
  flexsearch?: Omit<FlexSearchResult, "errors" | "paragraphs"> | null;
  /** (#16) Bot ÷ FlexSearch: below 1 is better (no snapshot: FlexSearch's is not measured). */
  ratioFlex?: Omit<Ratios, "snapshotMB"> | null;
  checks: Check[];
  errors: string[];
  /** One-minute load average when the size started and ended: above ~3 means other work shared the two cores. */
  loadAvg: { before: number; after: number };
  /** The run this size comes from, when a merged report holds sizes of several runs (`--merge`). */
  measured?: { commit: string | null; date: string };
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGB: number;
  node: string;
  platform: string;
  arch: string;
}

export interface BenchReport {
  machine: Machine;
  date: string;
  commit: string | null;
  options: { queries: number; seed: number; querySeed: number; budgetS: number; coldRuns: number };
  sizes: SizeResult[];
}
