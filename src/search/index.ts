import { createHash } from "node:crypto";
import MiniSearch from "minisearch";
import { Postings, type Restriction } from "./postings.ts";
import { Segment } from "./segment.ts";
import { TopK } from "./top-k.ts";
import type { ConceptScores } from "./within-briefing.ts";
import { RowTable, rowPool, type RowPool } from "./rows.ts";
import { planQuery, type Concept, type NameTest } from "./expand.ts";
import { IRREGULAR } from "./irregular.ts";
import {
  gapNameTermFor,
  indexTermFor,
  indexTerms,
  isListedPhrase,
  LISTED_PHRASES,
  nameTermFor,
  wordsOf,
} from "./lists.ts";
import { STOP_WORDS } from "./stop-words.ts";
import { combine, CONTEXT_BOUNDED, MAX_LEAD_PRIOR, RANKING } from "./rank.ts";
import { DENSE, DENSE_MAX_CONCEPTS, DenseScorer } from "./dense.ts";
import { isUnspaced, processTerm, termsOf, tokenize } from "./analyze.ts";

/**
 * The paragraph index: one MiniSearch document per paragraph, with the briefing's headline
 * and the names of people it mentions as extra fields. A query is planned into concepts
 * (expand.ts); each concept is scored in every paragraph by its best way of matching — the
 * reporter's own words (typo-tolerant, long words and the last word also as prefixes), or a
 * synonym or alias weighted below them — and rank.ts combines the concepts with coverage,
 * context from the neighbouring paragraphs and the briefing, and a lead-paragraph prior.
 */

/**
 * Bump the number when the code changes how documents are indexed: cached indexes are rebuilt.
 * The data that makes index terms (listed phrases, irregular forms, stop words) is hashed in,
 * so editing those lists rebuilds the cache by itself.
 */
export const INDEX_VERSION = `search-7.${createHash("sha256")
  .update(JSON.stringify([LISTED_PHRASES, [...IRREGULAR], [...STOP_WORDS]]))
  .digest("hex")
  .slice(0, 12)}`;

export interface IndexDoc {
  /** Paragraphs of one briefing have consecutive ids, in order (the lead first). */
  id: number;
  text: string;
  title: string;
  names: string;
  /** Paragraph number: 1 is the lead. */
  n: number;
}

export interface Hit {
  id: number;
  score: number;
  /**
   * The index terms the query matched, in any paragraph (shared by all hits of a search):
   * highlighting marks the words of a paragraph whose terms are among them.
   */
  terms: string[];
}

/** The headline is shared by every paragraph of its briefing: a light field, to break ties rather than decide. */
const FIELD_BOOST = { text: 1, title: 0.05, names: 1.2 };

const FIELDS = ["text", "title", "names"];
const NAMES_FIELD = FIELDS.indexOf("names");

/** The last headline's terms: a briefing's paragraphs come one after another, all with its headline. */
let lastTitle: { text: string; terms: string[] } = { text: "", terms: [] };

/** indexTerms, a headline's worked out once for the run of paragraphs that carry it (MiniSearch only reads them). */
function fieldTerms(text: string, field?: string): string[] {
  if (field !== "title") return indexTerms(text);
  if (text !== lastTitle.text) lastTitle = { text, terms: indexTerms(text) };
  return lastTitle.terms;
}

const indexOptions = {
  fields: FIELDS,
  storeFields: [] as string[],
  // Terms are made whole by indexTerms (words, then listed phrases joined); MiniSearch keeps them.
  tokenize: fieldTerms,
  processTerm: (term: string) => term,
  searchOptions: { boost: FIELD_BOOST },
};

/** A name's two words the other way round, against the order typed. */
const REVERSED_NAME_WEIGHT = 0.9;

/** A name's two words with a third between them ("Bun Vanna Touch" for "Bun Touch"), against side by side. */
const GAP_NAME_WEIGHT = 0.75;

/** A listed phrase's words found apart, against the phrase itself. */
const PHRASE_WORDS_WEIGHT = 0.6;

const hasDigit = (t: string) => /\d/.test(t);
/** One typo in 5–7 letters, two from 8 letters on; none in numbers, nor in scripts written without spaces. */
const fuzzyFor = (term: string) => (term.length >= 5 && !hasDigit(term) && !isUnspaced(term) ? 0.2 : false);
/** Typed words matched as prefixes: long ones, and the last word typed (none in numbers or unspaced scripts). */
const prefixFor = (term: string, last: readonly string[]) =>
  !hasDigit(term) && !isUnspaced(term) && (term.length >= 5 || (term.length >= 3 && last.includes(term)));

/** A typed word no paragraph holds, and the index term searched instead (typo-corrected). */
export interface Correction {
  typed: string;
  term: string;
}

/** A concept's ways of matching, resolved to index terms with their weights. */
interface ConceptPlan {
  /** The reporter's own words (each with its prefix or typo variants), summed. */
  own: Array<ReadonlyMap<string, number>>;
  ownWeight: number;
  /** The listed phrase whole, and synonyms and aliases, with their weights: the best counts. */
  whole: Array<[ReadonlyMap<string, number>, number]>;
}

/**
 * When and how search skips work that cannot change its answer (see `prune`). Pruning pays
 * only for a short window of results over common words.
 */
export interface Pruning {
  /** Score through dense per-segment columns when the segments allow (dense.ts). */
  dense: boolean;
  enabled: boolean;
  /** Longest window of results pruned for. */
  maxTop: number;
  /** Postings the costliest concept must read before pruning is tried. */
  minCost: number;
  /** Paragraphs of the cheapest concept the pilot scores in full: this many times the window, at least `pilotMin`. */
  pilotFactor: number;
  pilotMin: number;
}

export const PRUNING: Readonly<Pruning> = Object.freeze({
  dense: true,
  enabled: true,
  maxTop: 1000,
  minCost: 5000,
  pilotFactor: 4,
  pilotMin: 40,
});

/** How a search runs, for tests that compare the ways through: pruning, and the dense scorer's block size. */
export interface SearchSettings {
  pruning: Readonly<Pruning>;
  denseBlock: number;
}

const SETTINGS: Readonly<SearchSettings> = Object.freeze({ pruning: PRUNING, denseBlock: DENSE.block });

/**
 * Every index term the query matched, for highlighting: words as themselves, a listed phrase as its words, a name's
 * pairs whole (so that only its words side by side are marked).
 */
function matchedTerms(matched: ReadonlySet<string>): string[] {
  const whole = (t: string) => t.startsWith("_") && !isListedPhrase(t);
  return [...new Set([...matched].flatMap((t) => (whole(t) ? [t] : wordsOf(t))))].sort();
}

/** A concept the query says `times` times: every way it matches weighs that many times more. */
function repeated(plan: ConceptPlan, times: number): ConceptPlan {
  if (times === 1) return plan;
  return { ...plan, ownWeight: plan.ownWeight * times, whole: plan.whole.map(([v, w]) => [v, w * times]) };
}

export class ParagraphIndex {
  private readonly postings: Postings;
  /** Buffers for a query's tables (rows, briefing bests, word sums), lent to each query in turn. */
  private readonly pools: RowPool[];
  /** Paragraphs marked as in the briefings to score (`inside[id] === stamp`) and as counted (`seen`). */
  private readonly inside: Uint32Array;
  private readonly seen: Uint32Array;
  private stamp = 0;
  /** The fast way through well-formed segments (see dense.ts), null when they are not. */
  private readonly dense: DenseScorer | null;
  /** How many concepts the last search scored only where they could matter (0: none pruned). */
  lastPruned = 0;

  private constructor(
    readonly segments: readonly Segment[],
    private readonly lead: Uint16Array,
  ) {
    this.postings = new Postings(segments, FIELDS);
    this.pools = [rowPool(lead.length), rowPool(lead.length), rowPool(lead.length)];
    this.inside = new Uint32Array(lead.length);
    this.seen = new Uint32Array(lead.length);
    this.dense = DenseScorer.fits(segments, lead, this.postings);
  }

  /** Index paragraphs with MiniSearch and freeze the result into a segment (`viaJSON`: see Segment.fromMiniSearch). */
  static buildSegment(docs: readonly IndexDoc[], viaJSON = false): Segment {
    const mini = new MiniSearch<IndexDoc>(indexOptions);
    mini.addAll(docs);
    return Segment.fromMiniSearch(mini, FIELDS, viaJSON);
  }

  /** The index over segments; `lead[id]` is paragraph `id`'s number in its briefing (1 = lead). */
  static fromSegments(segments: readonly Segment[], lead: Uint16Array): ParagraphIndex {
    return new ParagraphIndex(segments, lead);
  }

  /** One segment over `docs`: for tests and small collections. */
  static build(docs: readonly IndexDoc[]): ParagraphIndex {
    let top = 0;
    for (const d of docs) top = Math.max(top, d.id + 1);
    const lead = new Uint16Array(top);
    for (const d of docs) lead[d.id] = Math.min(d.n, 65535);
    return new ParagraphIndex(docs.length ? [ParagraphIndex.buildSegment(docs)] : [], lead);
  }

  /** The query's own terms, after folding, stop words and stemming. */
  static queryTerms(query: string): string[] {
    return [...new Set(termsOf(query))];
  }

  /** Two words side by side are a name when typed capitalised, or when they are a person's name in the index. */
  private readonly isName: NameTest = (term, capitalised) => capitalised || this.postings.df(term, NAMES_FIELD) > 0;

  /** The `top` best paragraphs (after `filter`), best first, and how many matched in all. */
  search(
    query: string,
    filter?: (id: number) => boolean,
    top = Infinity,
    settings: Readonly<SearchSettings> = SETTINGS,
  ): { total: number; hits: Hit[] } {
    const pruning = settings.pruning;
    const concepts = planQuery(query, this.isName);
    if (concepts.length === 0) return { total: 0, hits: [] };
    const plans = this.plansFor(query, concepts);
    const [rowPool, bestPool, sumPool] = this.pools;
    const rows = new RowTable(concepts.length, rowPool);
    const best = new RowTable(concepts.length, bestPool);
    const sums = new RowTable(1, sumPool);
    const matched = new Set<string>();
    try {
      const heap = new TopK(top);
      let total = 0;
      const push = (id: number, score: number) => {
        if (filter && !filter(id)) return;
        total++;
        heap.push(id, score);
      };
      this.lastPruned = 0;
      if (this.dense && pruning.dense && plans.length <= DENSE_MAX_CONCEPTS) {
        total = this.dense.run(plans, FIELD_BOOST, matched, filter, heap, top, settings.denseBlock);
        this.lastPruned = this.dense.lastDeferred;
        const terms = matchedTerms(matched);
        return { total, hits: heap.sorted().map(([id, score]) => ({ id, score, terms })) };
      }
      const pruned =
        pruning.enabled && plans.length > 1 && top <= pruning.maxTop
          ? this.prune(plans, rows, best, sums, filter, top, pruning)
          : null;
      if (pruned) {
        this.lastPruned = pruned.size;
        // The concepts that can lift a paragraph into the top are scored everywhere; the
        // others only in the briefings those reach, and merely counted elsewhere.
        plans.forEach((p, c) => {
          if (!pruned.has(c)) this.scoreConcept(p, c, rows, sums, matched);
        });
        const only = this.briefingsOf(rows, filter, true);
        plans.forEach((p, c) => {
          if (pruned.has(c)) this.scoreConcept(p, c, rows, sums, matched, only);
        });
        combine(rows, best, this.lead, push);
        total += only.others;
      } else {
        plans.forEach((p, c) => this.scoreConcept(p, c, rows, sums, matched));
        combine(rows, best, this.lead, push);
      }
      const terms = matchedTerms(matched);
      return { total, hits: heap.sorted().map(([id, score]) => ({ id, score, terms })) };
    } finally {
      rows.clear();
      best.clear();
      sums.clear();
    }
  }

  /** The last query's plans, kept for a second look at its hits (conceptScores). */
  private lastPlans: { query: string; plans: ConceptPlan[] } | null = null;

  private plansFor(query: string, planned?: Concept[]): ConceptPlan[] {
    if (this.lastPlans?.query === query) return this.lastPlans.plans;
    const concepts = planned ?? planQuery(query, this.isName);
    const last = concepts.length ? concepts[concepts.length - 1].own : [];
    const plans = concepts.map((c) => repeated(this.resolve(c, last), c.times));
    this.lastPlans = { query, plans };
    return plans;
  }

  /** The id of the lead of paragraph `id`'s briefing (paragraphs of a briefing have consecutive ids). */
  private briefingStart(id: number): number {
    return id - (Math.max(1, this.lead[id]) - 1);
  }

  /** The id of the last paragraph of the briefing whose lead is `first`. */
  private briefingEnd(first: number): number {
    let g = first;
    while (g + 1 < this.lead.length && this.lead[g + 1] === this.lead[g] + 1) g++;
    return g;
  }

  /** Every concept's score in each paragraph of the briefings holding `ids` (see within-briefing.ts). */
  conceptScores(query: string, ids: readonly number[]): ConceptScores {
    const plans = this.plansFor(query);
    const k = plans.length;
    const briefingOf = (id: number) => this.briefingStart(id);
    const size = (first: number) => this.briefingEnd(first) - first + 1;
    const scores = new Map<number, Float64Array>();
    const [rowPool, , sumPool] = this.pools;
    const rows = new RowTable(Math.max(1, k), rowPool);
    const sums = new RowTable(1, sumPool);
    try {
      const only = this.briefingsOf(ids, undefined, false);
      plans.forEach((p, c) => this.scoreConcept(p, c, rows, sums, new Set(), only));
      for (let i = 0; i < rows.count; i++) scores.set(rows.id(i), rows.values.slice(i * k, i * k + k));
    } finally {
      rows.clear();
      sums.clear();
    }
    return { k, scores, briefingOf, size };
  }

  /**
   * A concept's ways of matching, looked up once: the reporter's own words (each exactly
   * and, when long enough or the last word typed, as a prefix; a word the index does not
   * hold also with typos), the listed phrase whole, or a synonym weighted down.
   */
  private resolve(concept: Concept, last: readonly string[]): ConceptPlan {
    // A name: each pair of its words side by side (with typos when the index lacks the pair), nothing else.
    if (concept.pairs) {
      const gaps = concept.pairs.length === 1;
      return { own: concept.pairs.map((p) => this.namePair(p, gaps)), ownWeight: 1, whole: [] };
    }
    const own: Array<ReadonlyMap<string, number>> = [];
    for (const t of concept.own) {
      const prefix = prefixFor(t, last);
      const exact = this.postings.variants(t, { prefix });
      own.push(exact);
      const fuzzy = fuzzyFor(t);
      if (!exact.has(t) && fuzzy) own.push(this.postings.variants(t, { fuzzy, maxFuzzy: 2 }));
    }
    const whole: Array<[ReadonlyMap<string, number>, number]> = [];
    if (concept.phrase) whole.push([this.postings.variants(indexTermFor(concept.own)), 1]);
    for (const a of concept.alternatives) whole.push([this.postings.variants(indexTermFor(a.terms)), a.weight]);
    return { own, ownWeight: concept.phrase ? PHRASE_WORDS_WEIGHT : 1, whole };
  }

  /**
   * A name's pair as the index holds it, or else within the typos its words' length allows; and the pair the other
   * way round ("Nguyen Quang" for "Quang Nguyen": the region's names are written family name first or last), a
   * little below it. A two-word name (`gaps`) also finds its words with a middle name between them, lower still.
   */
  private namePair(pair: string, gaps: boolean): ReadonlyMap<string, number> {
    const out = new Map(this.pairVariants(pair));
    const offer = (term: string, weight: number) => {
      for (const [t, w] of this.postings.variants(term)) out.set(t, Math.max(out.get(t) ?? 0, weight * w));
    };
    const [, first, second] = pair.split("_");
    if (!first || !second) return out;
    if (first !== second) offer(nameTermFor(second, first), REVERSED_NAME_WEIGHT);
    if (gaps) offer(gapNameTermFor(first, second), GAP_NAME_WEIGHT);
    if (gaps && first !== second) offer(gapNameTermFor(second, first), GAP_NAME_WEIGHT * REVERSED_NAME_WEIGHT);
    return out;
  }

  private pairVariants(pair: string): ReadonlyMap<string, number> {
    const exact = this.postings.variants(pair);
    const fuzzy = fuzzyFor(pair.replaceAll("_", ""));
    return exact.size > 0 || !fuzzy ? exact : this.postings.variants(pair, { fuzzy, maxFuzzy: 2 });
  }

  /** The most one paragraph can score for the concept, and how many postings it reads. */
  private measure(plan: ConceptPlan): { bound: number; cost: number } {
    let own = 0;
    let cost = 0;
    for (const v of plan.own) {
      own += this.postings.bound(v, FIELD_BOOST);
      cost += this.postings.cost(v);
    }
    let bound = plan.ownWeight * own;
    for (const [v, weight] of plan.whole) {
      bound = Math.max(bound, weight * this.postings.bound(v, FIELD_BOOST));
      cost += this.postings.cost(v);
    }
    return { bound, cost };
  }

  /**
   * The concepts that need not be scored everywhere (MaxScore, by briefing): a paragraph
   * whose briefing holds none of the other concepts cannot reach the top. A first estimate
   * of the top's lowest score comes from the briefings where the cheapest concept scores
   * best, all concepts scored there; then the costliest concepts are set aside while the
   * most a paragraph with only them could score — their bounds summed, at their coverage,
   * with the best lead prior — stays below that estimate. Null: score everything.
   */
  private prune(
    plans: readonly ConceptPlan[],
    rows: RowTable,
    best: RowTable,
    sums: RowTable,
    filter: ((id: number) => boolean) | undefined,
    top: number,
    pruning: Readonly<Pruning>,
  ): Set<number> | null {
    const k = plans.length;
    if (!CONTEXT_BOUNDED) return null;
    const measured = plans.map((p) => this.measure(p));
    const byCost = measured.map((_, c) => c).sort((a, b) => measured[b].cost - measured[a].cost);
    // Too little to gain: even the costliest concept reads few postings.
    if (measured[byCost[0]].cost < pruning.minCost) return null;
    // The pilot: the cheapest concept's best paragraphs that the filter keeps.
    const cheapest = byCost[k - 1];
    this.scoreConcept(plans[cheapest], cheapest, rows, sums, new Set());
    const pilot = new TopK(Math.max(pruning.pilotMin, pruning.pilotFactor * top));
    for (let i = 0; i < rows.count; i++) {
      const id = rows.id(i);
      if (!filter || filter(id)) pilot.push(id, rows.values[i * k + cheapest]);
    }
    rows.clear();
    if (pilot.size < top) return null;
    const only = this.briefingsOf(pilot.idList(), undefined, false);
    plans.forEach((p, c) => this.scoreConcept(p, c, rows, sums, new Set(), only));
    const heap = new TopK(top);
    combine(rows, best, this.lead, (id, score) => {
      if (!filter || filter(id)) heap.push(id, score);
    });
    rows.clear();
    best.clear();
    if (heap.size < top) return null;
    const threshold = heap.lowest();
    const set = new Set<number>();
    let sum = 0;
    for (const c of byCost) {
      const bound = (sum + measured[c].bound) * ((set.size + 1) / k) ** RANKING.coveragePower * MAX_LEAD_PRIOR;
      if (bound * (1 + 1e-9) >= threshold) continue;
      set.add(c);
      sum += measured[c].bound;
    }
    return set.size ? set : null;
  }

  /**
   * Mark every paragraph of the briefings holding one of `ids` (or of the ids with a row in
   * `rows`) with a new stamp; with `count`, paragraphs outside are counted once each.
   */
  private briefingsOf(
    ids: RowTable | readonly number[],
    filter: ((id: number) => boolean) | undefined,
    count: boolean,
  ): Restriction {
    const stamp = ++this.stamp;
    const inside = this.inside;
    const list = Array.isArray(ids) ? (ids as readonly number[]) : null;
    const table = list ? null : (ids as RowTable);
    const n = list ? list.length : table!.count;
    const ranges: number[] = [];
    for (let i = 0; i < n; i++) {
      const id = list ? list[i] : table!.id(i);
      if (inside[id] === stamp) continue;
      const first = this.briefingStart(id);
      const end = Math.max(this.briefingEnd(first), id) + 1;
      inside.fill(stamp, first, end);
      if (!count) ranges.push(Math.min(first, id), end);
    }
    const only: Restriction = { in: inside, stamp, seen: count ? this.seen : undefined, keep: filter, others: 0 };
    if (!count) only.ranges = sortedRanges(ranges);
    return only;
  }

  /**
   * Concept `c`'s score in each paragraph (its column of `rows`): its best way of matching
   * there — the reporter's own words summed, the listed phrase whole, or a synonym weighted
   * down. Index terms matched are added to `matched`; with `only`, see Postings.scoreVariants.
   */
  private scoreConcept(
    plan: ConceptPlan,
    c: number,
    rows: RowTable,
    sums: RowTable,
    matched: Set<string>,
    only?: Restriction,
  ): void {
    const keep = (id: number, s: number) => {
      const r = rows.ensure(id) + c;
      if (s > rows.values[r]) rows.values[r] = s;
    };
    const add = (id: number, s: number) => {
      sums.values[sums.ensure(id)] += s;
    };
    for (const v of plan.own) this.postings.scoreVariants(v, FIELD_BOOST, add, matched, only);
    const ownWeight = plan.ownWeight;
    for (let i = 0; i < sums.count; i++) keep(sums.id(i), ownWeight * sums.values[i]);
    sums.clear();
    for (const [v, weight] of plan.whole)
      this.postings.scoreVariants(v, FIELD_BOOST, weight === 1 ? keep : (id, s) => keep(id, weight * s), matched, only);
  }

  /**
   * The typed words no paragraph holds, even as the start of a longer word, that search reads as typos: each with
   * the likeliest index term within the typo distance its length allows (the one searched with the most weight).
   */
  corrections(query: string): Correction[] {
    const out: Correction[] = [];
    for (const typed of tokenize(query)) {
      const terms = processTerm(typed);
      const term = terms?.length === 1 ? terms[0] : undefined;
      const fuzzy = term === undefined ? false : fuzzyFor(term);
      if (term === undefined || !fuzzy || this.postings.variants(term, { prefix: true }).size > 0) continue;
      let best: [string, number] | undefined;
      for (const [v, w] of this.postings.variants(term, { fuzzy, maxFuzzy: 2 })) {
        const weight = w * Math.log(2 + this.postings.df(v, 0));
        if (!best || weight > best[1]) best = [v, weight];
      }
      if (best) out.push({ typed, term: best[0] });
    }
    return out;
  }

  /**
   * Other readings of a query no paragraph matches, for "did you mean": for each of its content words as typed
   * (`typed`), a combination holds an index term to write instead, or null to keep the word. A word is replaced only
   * when the index lacks it, by a completion or a close spelling no more than a letter shorter ("agency" is not "gen").
   */
  suggest(query: string): { typed: string[]; combos: Array<Array<string | null>> } {
    const typed: string[] = [];
    const options: string[][] = [];
    for (const word of tokenize(query)) {
      const term = processTerm(word)?.[0];
      if (term === undefined) continue;
      typed.push(word);
      if (this.postings.df(term, 0) > 0) {
        options.push([]);
        continue;
      }
      const ranked = [...this.postings.variants(term, { prefix: !hasDigit(term), fuzzy: 0.3, maxFuzzy: 3 })]
        .filter(([v]) => v !== term && v.length >= term.length - 1)
        .map(([v, w]) => [v, w * Math.log(2 + this.postings.df(v, 0))] as const)
        .sort((a, b) => b[1] - a[1]);
      options.push(ranked.map(([v]) => v));
    }
    const first = options.map((o) => o[0] ?? null);
    if (first.every((t) => t === null)) return { typed, combos: [] };
    const combos = [first];
    // Other ways to read the last word that has any, keeping the rest.
    const last = options.findLastIndex((o) => o.length > 1);
    if (last >= 0)
      for (const alt of options[last].slice(1, 5)) combos.push(first.map((t, i) => (i === last ? alt : t)));
    return { typed, combos };
  }

  /** A paragraph whose text holds `term`, if any (to show a stemmed term as a written word). */
  firstDocWith(term: string): number | undefined {
    for (const s of this.segments) {
      const id = s.termId(term);
      if (id !== undefined && s.df(0, id) > 0) return s.ids[s.docs[0][s.offsets[0][id]]];
    }
    return undefined;
  }

  /** Whether the segments allow the dense scorer (consecutive ids, whole briefings). */
  get denseReady(): boolean {
    return this.dense !== null;
  }

  get documentCount(): number {
    return this.postings.documentCount;
  }
}

/** `[from, to)` pairs sorted by their start (they do not overlap: each is a whole briefing). */
function sortedRanges(pairs: readonly number[]): Int32Array {
  const order = Array.from({ length: pairs.length / 2 }, (_, i) => i).sort((a, b) => pairs[2 * a] - pairs[2 * b]);
  const out = new Int32Array(pairs.length);
  order.forEach((i, x) => {
    out[2 * x] = pairs[2 * i];
    out[2 * x + 1] = pairs[2 * i + 1];
  });
  return out;
}
