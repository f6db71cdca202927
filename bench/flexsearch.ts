import { Document, type DocumentData, type DocumentOptions, type Id, type IndexOptions } from "flexsearch";
import { relevanceOf, TYPO_HIT_CASES, typoHitOf, type Relevance, type TypoHit } from "./bot.ts";
import { dateTags, dateTagsFor } from "./date-tags.ts";
import type { Manifest } from "./generate.ts";
import { collect, latency, memory, timed, warmAll, WARMUP, type Latency, type RunOptions } from "./measure.ts";
import { inDates, loadParagraphs, type PeerParagraphs } from "./paragraphs.ts";
import { buildQueries, warmupQueries, type QuerySets, type SearchCase } from "./queries.ts";

/**
 * FlexSearch 0.8, the fastest JavaScript full-text library, over the same paragraphs as plain MiniSearch (as the
 * project's loader cleans them) and asked the same queries, `limit: 5` as the bot answers. A Document index with one
 * indexed field, `text`, and nothing stored (results are ids); the source and the publication date are tags.
 *
 * Options (README, https://github.com/nextapps-de/flexsearch#index-options): its defaults for full-text search of
 * whole words — the `strict` tokenizer, resolution 9, the default encoder (Charset.Normalize: case and accents folded).
 * Its "score" preset, "optimized for scoring" (#presets), adds the context index (#context-search, depth 2), measured
 * and not kept: it answers nothing when the words of a query are not within two of each other in a paragraph (at 3k
 * paragraphs, 44% of the search set and 96% of the known items unanswered — fast by answering nothing), and with
 * `suggest: true` it answers but ranks worse (known item first 73% against 93%).
 *
 * Typos: FlexSearch has no edit-distance tolerance. Its README's "Fuzzy-Search" section
 * (https://github.com/nextapps-de/flexsearch#fuzzy-search) offers the `tolerant` tokenizer (swapped and missing
 * letters), fuzzier encoders and `suggest: true` (answers that miss a term); the typo set runs on a second index with
 * the tolerant tokenizer, searched with `suggest` (see TYPO_OPTIONS for the encoder), built once the first is dropped.
 *
 * Filters (https://github.com/nextapps-de/flexsearch/blob/master/doc/document-search.md#tags): a tag search keeps what
 * carries any of the tags asked for, across every tag field — a union, so a source and dates together cannot be one
 * tag search. A source alone is its tag; dates alone are the year, month and day tags that cover them
 * (bench/date-tags.ts); a source with dates is the source's tag, its answers then checked against the dates.
 */

export interface FlexSearchResult {
  paragraphs: number;
  readFolderS: number;
  buildS: number;
  heapMB: number;
  rssMB: number;
  search: Latency;
  /** The typo set, on the typo index (tolerant tokenizer, suggest); null if it did not finish. */
  fuzzy: Latency | null;
  /** Building the typo index. */
  fuzzyBuildS: number | null;
  filtered: Latency;
  /** How many filtered cases each way ran: one tag search, or a tag search whose answers were then checked. */
  filteredBy: { tags: number; tagsThenChecked: number };
  relevance: Relevance;
  /** The typo index against the main index's first answer to the query without the typo. */
  typoHit: TypoHit | null;
  errors: string[];
}

export interface FlexSearchArgs {
  dataDir: string;
  manifest: Manifest;
  queries: number;
  querySeed: number;
  budgetS: number;
}

interface FlexDoc extends DocumentData {
  id: number;
  text: string;
  /** Tags, in the main index only (null in the typo index). */
  source: string | null;
  date: string[] | null;
}

export const FULL_TEXT_OPTIONS: IndexOptions = { tokenize: "strict", resolution: 9 };
/** The default encoder: Charset.LatinBalance, tried too, folds vowel pairs, and some swaps are lost ("lighthosue"). */
export const TYPO_OPTIONS: IndexOptions = { tokenize: "tolerant", resolution: 9 };

/** A Document index over the paragraphs with `options` for its text field; tagged with source and date when `tags`. */
export function buildFlexIndex(corpus: PeerParagraphs, options: IndexOptions, tags: boolean): Document<FlexDoc> {
  const descriptor: DocumentOptions<FlexDoc> = {
    document: { id: "id", index: [{ field: "text", ...options }], ...(tags ? { tag: ["source", "date"] } : {}) },
  };
  const index = new Document<FlexDoc>(descriptor);
  const { docs, sourceOf, dateOf } = corpus;
  for (const d of docs)
    index.add(
      tags ? { ...d, source: sourceOf[d.id], date: dateTags(dateOf[d.id]) } : { ...d, source: null, date: null },
    );
  return index;
}

/** The ids of a Document search's answer (one indexed field). */
const idsOf = (result: ReadonlyArray<{ result: readonly Id[] }>): number[] => (result[0]?.result ?? []) as number[];

/** The filtered search, as the module comment says; `plan` says which way a case runs. */
export function flexFilter(index: Document<FlexDoc>, corpus: PeerParagraphs) {
  const days = corpus.dateOf.filter((d): d is string => d !== null).sort();
  const span = { first: days[0] ?? "", last: days.at(-1) ?? "" };
  const known = new Set(days.flatMap(dateTags));
  const plan = (c: SearchCase) => (c.source !== undefined && dateTagsFor(c, span, known) ? "tagsThenChecked" : "tags");
  const search = (c: SearchCase, limit = 5): number[] => {
    const dates = dateTagsFor(c, span, known);
    if (dates?.length === 0) return [];
    if (c.source === undefined) {
      const tag = dates ? dates.map((date) => ({ date })) : undefined;
      return idsOf(index.search(c.query, { ...(tag ? { tag } : {}), limit }));
    }
    // A source is one briefing: its tag's answers are few, all asked for, then checked against the dates.
    const tagged = idsOf(index.search(c.query, { tag: { source: c.source }, limit: dates ? 1000 : limit }));
    return dates ? tagged.filter((id) => inDates(c, corpus.dateOf[id])).slice(0, limit) : tagged;
  };
  return { search, plan };
}

type Sets = { q: QuerySets; warm: QuerySets[]; run: RunOptions; budgetS: number };

/** Build the main index, time search, filtered and known items; what the typo phase needs of it is returned. */
async function measureMain(corpus: PeerParagraphs, { q, warm, run, budgetS }: Sets) {
  const built = await timed(() => buildFlexIndex(corpus, FULL_TEXT_OPTIONS, true));
  const index = built.value;
  const { heapMB, rssMB } = memory();
  const top = (query: string, limit = 5) => idsOf(index.search(query, { limit }));
  const plain = (c: SearchCase) => top(c.query);
  const filter = flexFilter(index, corpus);
  warmAll(
    warm.map((w) => [
      [w.search, plain],
      [w.filtered, filter.search],
    ]),
  );
  const plans = q.filtered.map(filter.plan);
  return {
    buildS: built.s,
    heapMB,
    rssMB,
    search: latency(q.search, plain, run),
    filtered: latency(q.filtered, (c) => filter.search(c), run),
    filteredBy: {
      tags: plans.filter((p) => p === "tags").length,
      tagsThenChecked: plans.filter((p) => p === "tagsThenChecked").length,
    },
    relevance: relevanceOf(q.relevance, (query) => top(query, 10).map((id) => corpus.docs[id].text), budgetS),
    firstAnswers: firstAnswersOf(q.fuzzy, (query) => top(query, 1)[0], budgetS),
  };
}

/** The first answer to each typo case's query as meant (the cases `typoHitOf` scores), for `budgetS` at most. */
function firstAnswersOf(cases: readonly SearchCase[], first: (query: string) => number | undefined, budgetS: number) {
  const deadline = performance.now() + budgetS * 1000;
  const out = new Map<string, number | undefined>();
  for (const c of cases.slice(0, TYPO_HIT_CASES)) {
    if (c.intended !== undefined && !out.has(c.intended)) out.set(c.intended, first(c.intended));
    if (performance.now() > deadline) break;
  }
  return out;
}

/**
 * Both phases; `partial` is called with the main index's figures before the typo index is built (the tolerant
 * tokenizer indexes a dozen variants of each word: should the worker run out of memory there, those figures stand).
 */
export async function measureFlexSearch(
  args: FlexSearchArgs,
  partial: (result: FlexSearchResult) => void = () => undefined,
): Promise<FlexSearchResult> {
  const corpus = await loadParagraphs(args.dataDir);
  const sets: Sets = {
    q: buildQueries(args.manifest, args.queries, args.querySeed),
    warm: warmupQueries(args.manifest, args.queries, args.querySeed, WARMUP.rounds),
    run: { budgetS: args.budgetS },
    budgetS: args.budgetS,
  };
  // The main index is unreachable once measureMain returns: the typo index is built without it alive.
  const { firstAnswers, ...main } = await measureMain(corpus, sets);
  const common = { paragraphs: corpus.docs.length, readFolderS: corpus.readFolderS, ...main };
  const unfinished = "FlexSearch: the typo index did not finish (its worker stopped while building or timing it)";
  partial({ ...common, fuzzy: null, fuzzyBuildS: null, typoHit: null, errors: [unfinished] });
  collect();
  const typoBuilt = await timed(() => buildFlexIndex(corpus, TYPO_OPTIONS, false));
  const typo = typoBuilt.value;
  const tolerant = (c: Pick<SearchCase, "query">) => idsOf(typo.search(c.query, { limit: 5, suggest: true }));
  warmAll(sets.warm.map((w) => [[w.fuzzy, tolerant]]));
  return {
    ...common,
    fuzzy: latency(sets.q.fuzzy, tolerant, sets.run),
    fuzzyBuildS: typoBuilt.s,
    typoHit: typoHitOf(
      sets.q.fuzzy,
      (query) => firstAnswers.get(query),
      (query) => tolerant({ query }),
      args.budgetS,
    ),
    errors: [],
  };
}
