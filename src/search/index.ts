import MiniSearch, { type Query, type SearchOptions } from "minisearch";
import { expansions } from "./expand.ts";
import { processTerm, termsOf, tokenize } from "./text.ts";

/**
 * The paragraph index: one MiniSearch document per paragraph, with the briefing's headline
 * and the names of people it mentions as extra fields. Queries are planned here: the
 * reporter's own words (typo-tolerant, the last word also as a prefix), then synonyms from
 * the newsroom list, weighted below exact matches; lead paragraphs get a small prior, as
 * news puts the story in its first lines.
 */

/** Bump when anything below changes how documents are indexed: cached indexes are rebuilt. */
export const INDEX_VERSION = "search-1";

export interface IndexDoc {
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
  /** Index terms that matched (for highlighting). */
  terms: string[];
}

const FIELD_BOOST = { text: 1, title: 0.5, names: 1.2 };
const EXPANSION_WEIGHT = 0.45;

const indexOptions = {
  fields: ["text", "title", "names"],
  storeFields: [] as string[],
  tokenize,
  processTerm: (term: string) => processTerm(term),
  searchOptions: { boost: FIELD_BOOST },
};

/** Terms already processed are passed through unchanged. */
const asIs = { tokenize: (s: string) => [s], processTerm: (t: string) => t };

const leadPrior = (n: number) => (n === 1 ? 1.25 : n === 2 ? 1.1 : 1);

export class ParagraphIndex {
  private constructor(
    private readonly mini: MiniSearch<IndexDoc>,
    private readonly lead: Uint16Array,
  ) {}

  static build(docs: readonly IndexDoc[]): ParagraphIndex {
    const mini = new MiniSearch<IndexDoc>(indexOptions);
    mini.addAll(docs);
    const lead = new Uint16Array(docs.length ? Math.max(...docs.map((d) => d.id)) + 1 : 0);
    for (const d of docs) lead[d.id] = Math.min(d.n, 65535);
    return new ParagraphIndex(mini, lead);
  }

  static fromJSON(data: { mini: string; lead: number[] }): ParagraphIndex {
    return new ParagraphIndex(MiniSearch.loadJSON<IndexDoc>(data.mini, indexOptions), Uint16Array.from(data.lead));
  }

  toJSON(): { mini: string; lead: number[] } {
    return { mini: JSON.stringify(this.mini), lead: Array.from(this.lead) };
  }

  /** The query's own terms, after folding, stop words and stemming. */
  static queryTerms(query: string): string[] {
    return [...new Set(termsOf(query))];
  }

  search(query: string, filter?: (id: number) => boolean): Hit[] {
    const terms = ParagraphIndex.queryTerms(query);
    if (terms.length === 0) return [];
    const last = terms[terms.length - 1];
    const own: Query = {
      ...asIs,
      combineWith: "OR",
      queries: terms,
      fuzzy: (term) => (term.length >= 5 && !/\d/.test(term) ? 0.2 : false),
      maxFuzzy: 2,
      prefix: (term) => term === last && term.length >= 3 && !/\d/.test(term),
    };
    const extra = expansions(terms).map<Query>((phrase) => ({
      ...asIs,
      combineWith: "AND",
      queries: [...phrase],
      boost: scale(FIELD_BOOST, EXPANSION_WEIGHT),
    }));
    const options: SearchOptions = {
      boostDocument: (id) => leadPrior(this.lead[id as number] ?? 0),
      ...(filter ? { filter: (r) => filter(r.id as number) } : {}),
    };
    const results = this.mini.search({ combineWith: "OR", queries: [own, ...extra] }, options);
    return results.map((r) => ({ id: r.id as number, score: r.score, terms: r.terms }));
  }

  /** Close terms for a query that found nothing (index terms, still stemmed). */
  suggest(query: string): string[][] {
    return this.mini
      .autoSuggest(query, { fuzzy: 0.3, prefix: true, combineWith: "OR" })
      .slice(0, 5)
      .map((s) => s.terms);
  }

  get documentCount(): number {
    return this.mini.documentCount;
  }
}

function scale<T extends Record<string, number>>(boost: T, by: number): T {
  return Object.fromEntries(Object.entries(boost).map(([k, v]) => [k, v * by])) as T;
}
