import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import MiniSearch from "minisearch";
import { relevanceOf, typoHitOf, type Relevance, type TypoHit } from "./bot.ts";
import type { Manifest } from "./generate.ts";
import { latency, memory, timed, warmAll, WARMUP, type Latency, type RunOptions } from "./measure.ts";
import { keeper, loadParagraphs, type PeerDoc } from "./paragraphs.ts";
import { buildQueries, warmupQueries, type SearchCase } from "./queries.ts";

/**
 * Plain MiniSearch, default options, over the same paragraphs (as the project's loader
 * cleans them) and asked the same queries: what the bot is compared with. Typo queries use
 * `{ fuzzy: 0.2 }`, MiniSearch's documented setting; filters use its `filter` callback.
 */

export interface BaselineResult {
  paragraphs: number;
  /**
   * loadBriefings over the folder (read, parse, clean): what the bot does before anything else on every start today.
   */
  readFolderS: number;
  buildS: number;
  heapMB: number;
  rssMB: number;
  /** JSON.stringify(index) on disk (null when it fails: the error is in `errors`). */
  snapshotMB: number | null;
  /** Read the file and MiniSearch.loadJSON, in process. */
  loadS: number | null;
  search: Latency;
  fuzzy: Latency;
  filtered: Latency;
  relevance: Relevance;
  /** Fuzzy 0.2 against its own first answer to the query without the typo. */
  typoHit: TypoHit;
  errors: string[];
}

export interface BaselineArgs {
  dataDir: string;
  workDir: string;
  manifest: Manifest;
  queries: number;
  querySeed: number;
  budgetS: number;
}

export async function measureBaseline(args: BaselineArgs): Promise<BaselineResult> {
  const errors: string[] = [];
  const corpus = await loadParagraphs(args.dataDir);
  const { readFolderS, docs } = corpus;
  const options = { fields: ["text"] };
  const { s: buildS, value: mini } = await timed(() => {
    const m = new MiniSearch<PeerDoc>(options);
    m.addAll(docs);
    return m;
  });
  const { heapMB, rssMB } = memory();

  let snapshotMB: number | null = null;
  let loadS: number | null = null;
  try {
    mkdirSync(args.workDir, { recursive: true });
    const file = path.join(args.workDir, "minisearch.json");
    writeFileSync(file, JSON.stringify(mini));
    snapshotMB = Number((statSync(file).size / 2 ** 20).toFixed(1));
    loadS = (await timed(() => MiniSearch.loadJSON<PeerDoc>(readFileSync(file, "utf8"), options))).s;
  } catch (err) {
    errors.push(`baseline: saving or loading the index failed: ${(err as Error).message}`);
  }

  const q = buildQueries(args.manifest, args.queries, args.querySeed);
  const warm = warmupQueries(args.manifest, args.queries, args.querySeed, WARMUP.rounds);
  const run: RunOptions = { budgetS: args.budgetS };
  const plain = (c: SearchCase) => mini.search(c.query);
  const fuzzy = (c: SearchCase) => mini.search(c.query, { fuzzy: 0.2 });
  const filtered = (c: SearchCase) => {
    const k = keeper(c, corpus);
    return mini.search(c.query, { filter: (r) => k(r.id as number) });
  };
  warmAll(
    warm.map((w) => [
      [w.search, plain],
      [w.fuzzy, fuzzy],
      [w.filtered, filtered],
    ]),
  );
  return {
    paragraphs: docs.length,
    readFolderS,
    buildS,
    heapMB,
    rssMB,
    snapshotMB,
    loadS,
    search: latency(q.search, plain, run),
    fuzzy: latency(q.fuzzy, fuzzy, run),
    filtered: latency(q.filtered, filtered, run),
    relevance: relevanceOf(
      q.relevance,
      (query) =>
        mini
          .search(query)
          .slice(0, 10)
          .map((r) => docs[r.id as number].text),
      args.budgetS,
    ),
    typoHit: typoHitOf(
      q.fuzzy,
      (query) => mini.search(query)[0]?.id as number | undefined,
      (query) => fuzzy({ query }).map((r) => r.id as number),
      args.budgetS,
    ),
    errors,
  };
}
