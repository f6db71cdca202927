import { readFileSync } from "node:fs";
import { measureBaseline } from "./baseline.ts";
import { measureBot } from "./bot.ts";
import { measureFlexSearch } from "./flexsearch.ts";
import type { Manifest } from "./generate.ts";

/**
 * Child process for one measurement, so that each starts from an empty heap and its
 * memory figures are its own: `node --expose-gc --import tsx bench/worker.ts bot|baseline|flexsearch <args.json>`.
 * Prints `RESULT {…}` (FlexSearch's may print a partial one first: the last one printed is the result).
 */
export interface WorkerArgs {
  dataDir: string;
  /** The bot's snapshot folder, or the baseline's scratch folder (FlexSearch saves nothing). */
  cacheDir: string;
  manifestFile: string;
  queries: number;
  querySeed: number;
  budgetS: number;
  stages: boolean;
}

const [role, argsFile] = process.argv.slice(2);
const args = JSON.parse(readFileSync(argsFile, "utf8")) as WorkerArgs;
const manifest = JSON.parse(readFileSync(args.manifestFile, "utf8")) as Manifest;
const common = {
  dataDir: args.dataDir,
  manifest,
  queries: args.queries,
  querySeed: args.querySeed,
  budgetS: args.budgetS,
};
const print = (result: object): void => void process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
const result =
  role === "bot"
    ? await measureBot({ ...common, cacheDir: args.cacheDir, stages: args.stages })
    : role === "baseline"
      ? await measureBaseline({ ...common, workDir: args.cacheDir })
      : role === "flexsearch"
        ? await measureFlexSearch(common, print)
        : null;
if (!result) throw new Error(`unknown worker role "${role}": use bot, baseline or flexsearch`);
print(result);
