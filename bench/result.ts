import type { BaselineResult } from "./baseline.ts";
import type { BotResult, Relevance } from "./bot.ts";
import type { Stages } from "./stages.ts";
import type { Latency } from "./measure.ts";

/** The shape of bench/results/*.json. Milliseconds unless a name ends in S (seconds) or MB. */

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
  rssMB: number | null;
  snapshotMB: number | null;
  /** Median of the cold-start runs. */
  coldStartS: number | null;
  coldStart: ColdStart | null;
  reloadS: number | null;
  /** From saving a new briefing into the folder to a search finding it. */
  freshS: number | null;
  stages: Stages | null;
  search: Latency | null;
  fuzzy: Latency | null;
  filtered: Latency | null;
  events: BotResult["events"];
  autocomplete: BotResult["autocomplete"];
  relevance: Relevance | null;
  baseline: Omit<BaselineResult, "errors" | "paragraphs"> | null;
  /** Bot ÷ plain MiniSearch: below 1 is better. */
  ratio: {
    buildS: number | null;
    heapMB: number | null;
    snapshotMB: number | null;
    search: Percentiles;
    fuzzy: Percentiles;
    filtered: Percentiles;
  } | null;
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
