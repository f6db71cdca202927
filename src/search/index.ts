import { createHash } from "node:crypto";
import MiniSearch from "minisearch";
import { Postings, type TermOptions } from "./postings.ts";
import { Segment } from "./segment.ts";
import { TopK } from "./top-k.ts";
import { RowTable, rowPool, type RowPool } from "./rows.ts";
import { planQuery, type Concept } from "./expand.ts";
import { IRREGULAR } from "./irregular.ts";
import { indexTermFor, indexTerms, LISTED_PHRASES, wordsOf } from "./lists.ts";
import { STOP_WORDS } from "./stop-words.ts";
import { combine } from "./rank.ts";
import { termsOf } from "./text.ts";

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
export const INDEX_VERSION = `search-4.${createHash("sha256")
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

const FIELD_BOOST = { text: 1, title: 0.5, names: 1.2 };

const FIELDS = ["text", "title", "names"];

const indexOptions = {
  fields: FIELDS,
  storeFields: [] as string[],
  // Terms are made whole by indexTerms (words, then listed phrases joined); MiniSearch keeps them.
  tokenize: indexTerms,
  processTerm: (term: string) => term,
  searchOptions: { boost: FIELD_BOOST },
};

/** A listed phrase's words found apart, against the phrase itself. */
const PHRASE_WORDS_WEIGHT = 0.6;

const hasDigit = (t: string) => /\d/.test(t);
/** One typo in 5–7 letters, two from 8 letters on; none in numbers. */
const fuzzyFor = (term: string) => (term.length >= 5 && !hasDigit(term) ? 0.2 : false);

export class ParagraphIndex {

  private readonly postings: Postings;
  /** Buffers for a query's tables (rows, briefing bests, word sums), lent to each query in turn. */
  private readonly pools: RowPool[];

  private constructor(
    readonly segments: readonly Segment[],
    private readonly lead: Uint16Array,
  ) {
    this.postings = new Postings(segments, FIELDS);
    this.pools = [rowPool(lead.length), rowPool(lead.length), rowPool(lead.length)];
  }

  /** Index paragraphs with MiniSearch and freeze the result into a segment. */
  static buildSegment(docs: readonly IndexDoc[]): Segment {
    const mini = new MiniSearch<IndexDoc>(indexOptions);
    mini.addAll(docs);
    return Segment.fromMiniSearch(mini, FIELDS);
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

  /** The `top` best paragraphs (after `filter`), best first, and how many matched in all. */
  search(query: string, filter?: (id: number) => boolean, top = Infinity): { total: number; hits: Hit[] } {
    const concepts = planQuery(query);
    if (concepts.length === 0) return { total: 0, hits: [] };
    const [rowPool, bestPool, sumPool] = this.pools;
    const rows = new RowTable(concepts.length, rowPool);
    const best = new RowTable(concepts.length, bestPool);
    const sums = new RowTable(1, sumPool);
    try {
      const matched = this.scoreConcepts(concepts, rows, sums);
      // Every index term the query matched: highlighting marks those a paragraph contains.
      const terms = [...new Set([...matched].flatMap(wordsOf))];
      const heap = new TopK(top);
      let total = 0;
      combine(rows, best, this.lead, (id, score) => {
        if (filter && !filter(id)) return;
        total++;
        heap.push(id, score);
      });
      return { total, hits: heap.sorted().map(([id, score]) => ({ id, score, terms })) };
    } finally {
      rows.clear();
      best.clear();
      sums.clear();
    }
  }

  /**
   * Each concept's score in each paragraph (a row per paragraph, a column per concept): its
   * best way of matching there — the reporter's own words, summed (each exactly and, when
   * long enough or the last word typed, as a prefix; a word the index does not hold also
   * with typos), the listed phrase whole, or a synonym weighted down. Returns the index
   * terms matched.
   */
  private scoreConcepts(concepts: readonly Concept[], rows: RowTable, sums: RowTable): Set<string> {
    const last = concepts.length ? concepts[concepts.length - 1].own : [];
    const matched = new Set<string>();
    concepts.forEach((concept, c) => {
      const keep = (id: number, s: number) => {
        const r = rows.ensure(id) + c;
        if (s > rows.values[r]) rows.values[r] = s;
      };
      const add = (id: number, s: number) => {
        sums.values[sums.ensure(id)] += s;
      };
      for (const t of concept.own) {
        const prefix = !hasDigit(t) && (t.length >= 5 || (t.length >= 3 && last.includes(t)));
        const exact = this.term(t, { prefix }, matched, add);
        const fuzzy = fuzzyFor(t);
        if (!exact && fuzzy) this.term(t, { fuzzy, maxFuzzy: 2 }, matched, add);
      }
      const ownWeight = concept.phrase ? PHRASE_WORDS_WEIGHT : 1;
      for (let i = 0; i < sums.count; i++) keep(sums.id(i), ownWeight * sums.values[i]);
      sums.clear();
      if (concept.phrase) this.term(indexTermFor(concept.own), {}, matched, keep);
      for (const a of concept.alternatives) this.term(indexTermFor(a.terms), {}, matched, (id, s) => keep(id, a.weight * s));
    });
    return matched;
  }

  /**
   * Score one index term (with its prefix or typo variants if asked) in every paragraph that
   * holds it. Returns whether the term itself is in the index.
   */
  private term(term: string, options: TermOptions, matched: Set<string>, each: (id: number, score: number) => void): boolean {
    return this.postings.score(term, options, FIELD_BOOST, each, matched);
  }

  /** Close terms for a query that found nothing (index terms, still stemmed): the likeliest first. */
  suggest(query: string): string[][] {
    const terms = termsOf(query);
    const options = terms.map((t) => {
      const ranked = [...this.postings.variants(t, { prefix: true, fuzzy: 0.3, maxFuzzy: 3 })]
        .map(([v, w]) => [v, w * Math.log(2 + this.postings.df(v, 0))] as const)
        .sort((a, b) => b[1] - a[1]);
      return ranked.length ? ranked.map(([v]) => v) : [t];
    });
    if (options.length === 0) return [];
    const out = [options.map((o) => o[0])];
    // Other ways to read the least certain word, keeping the rest.
    const last = options.length - 1;
    for (const alt of options[last].slice(1, 5)) out.push([...options.slice(0, last).map((o) => o[0]), alt]);
    return out.filter((combo) => combo.join(" ") !== terms.join(" ")).slice(0, 5);
  }

  /** A paragraph whose text holds `term`, if any (to show a stemmed term as a written word). */
  firstDocWith(term: string): number | undefined {
    for (const s of this.segments) {
      const id = s.dict.get(term);
      if (id !== undefined && s.df(0, id) > 0) return s.ids[s.docs[0][s.offsets[0][id]]];
    }
    return undefined;
  }

  get documentCount(): number {
    return this.postings.documentCount;
  }
}
