import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { loadBriefings } from "../../src/briefings/load.ts";
import { ParagraphIndex } from "../../src/search/index.ts";
import { Postings, type TermOptions } from "../../src/search/postings.ts";
import { Segment } from "../../src/search/segment.ts";
import SearchableMap from "minisearch/SearchableMap";
import { SAMPLES_DIR } from "../support/folders.ts";

const FIELDS = ["text", "title", "names"];
const tokenize = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const options = { fields: FIELDS, tokenize, processTerm: (t: string) => t };
const BOOST = { text: 1, title: 0.5, names: 1.2 };

async function sampleDocs() {
  const { briefings } = await loadBriefings(SAMPLES_DIR);
  let id = 0;
  return briefings.flatMap((b) =>
    b.paragraphs.map((p) => ({
      id: id++,
      text: p.text,
      title: b.meta.title ?? "",
      names: p.n % 3 === 0 ? "Sar Kheng" : "",
    })),
  );
}

function miniScores(mini: MiniSearch, term: string, opts: TermOptions): Map<number, number> {
  return new Map(
    mini
      .search({ queries: [term], tokenize: (s) => [s], processTerm: (t) => t, ...opts }, { boost: BOOST })
      .map((r) => [r.id as number, r.score]),
  );
}

function frozenScores(postings: Postings, term: string, opts: TermOptions): Map<number, number> {
  const out = new Map<number, number>();
  postings.score(term, opts, BOOST, (id, s) => out.set(id, s));
  return out;
}

describe("frozen segments score exactly as MiniSearch does", async () => {
  const docs = await sampleDocs();
  const whole = new MiniSearch(options);
  whole.addAll(docs);
  // The same paragraphs in two segments, each frozen from its own MiniSearch and reloaded from bytes.
  const halves = [docs.slice(0, 20), docs.slice(20)].map((part) => {
    const mini = new MiniSearch(options);
    mini.addAll(part);
    return Segment.fromBuffer(Segment.fromMiniSearch(mini, FIELDS).toBuffer());
  });
  const postings = new Postings(halves, FIELDS);

  it.each<[string, TermOptions]>([
    ["kheng", {}],
    ["crime", {}],
    ["cybercrime", { fuzzy: 0.2, maxFuzzy: 2 }],
    ["cybercrme", { fuzzy: 0.2, maxFuzzy: 2 }],
    ["traff", { prefix: true }],
    ["cooperation", { prefix: true, fuzzy: 0.2 }],
    ["vietnam", { prefix: true }],
  ])("%s %j", (term, opts) => {
    const expected = miniScores(whole, term, opts);
    const actual = frozenScores(postings, term, opts);
    expect([...actual.keys()].sort((a, b) => a - b)).toEqual([...expected.keys()].sort((a, b) => a - b));
    for (const [id, s] of expected) expect(actual.get(id)).toBeCloseTo(s, 9);
  });

  it("keeps ids, terms and postings through its binary form", () => {
    const mini = new MiniSearch(options);
    mini.addAll(docs);
    const seg = Segment.fromMiniSearch(mini, FIELDS);
    const back = Segment.fromBuffer(seg.toBuffer());
    expect(back.docCount).toBe(docs.length);
    expect(back.terms).toEqual(seg.terms);
    expect([...back.ids]).toEqual(docs.map((d) => d.id));
    expect(back.termId("kheng")).toBe(seg.terms.indexOf("kheng"));
    expect(back.df(0, back.termId("kheng")!)).toBe(seg.df(0, seg.termId("kheng")!));
  });
});

describe("scoring only some paragraphs", async () => {
  const docs = await sampleDocs();
  const freeze = (part: typeof docs) => {
    const mini = new MiniSearch(options);
    mini.addAll(part);
    return Segment.fromBuffer(Segment.fromMiniSearch(mini, FIELDS).toBuffer());
  };
  // Consecutive ids in two segments; and the same paragraphs with every other id skipped (not consecutive).
  const consecutive = new Postings([freeze(docs.slice(0, 25)), freeze(docs.slice(25))], FIELDS);
  const gapped = new Postings([freeze(docs.map((d) => ({ ...d, id: 2 * d.id })))], FIELDS);
  const variants = new Map([
    ["the", 1],
    ["crime", 1],
    ["kheng", 0.5],
  ]);
  const scores = (postings: Postings, inside: number[], ranges: boolean, scale = 1) => {
    const top = docs.length * scale;
    const mark = new Uint32Array(top);
    const pairs: number[] = [];
    for (const id of inside) {
      mark[id * scale] = 1;
      pairs.push(id * scale, id * scale + 1);
    }
    const out: Array<[number, number]> = [];
    const only = { in: mark, stamp: 1, others: 0, ...(ranges ? { ranges: Int32Array.from(pairs) } : {}) };
    postings.scoreVariants(variants, BOOST, (id, v) => out.push([id / scale, v]), undefined, only);
    return out;
  };
  const inside = [0, 1, 2, 3, 20, 24, 25, 26, 40, docs.length - 1];

  it("reads only the ranges' stretches of each list and scores them as the whole scan does", () => {
    const scanned = scores(consecutive, inside, false);
    expect(scanned.length).toBeGreaterThan(3);
    expect(scores(consecutive, inside, true)).toEqual(scanned);
    expect(scores(gapped, inside, true, 2)).toEqual(scanned);
  });
});

describe("a segment's dictionary", async () => {
  const docs = await sampleDocs();
  const mini = new MiniSearch(options);
  mini.addAll(docs);
  const seg = Segment.fromBuffer(Segment.fromMiniSearch(mini, FIELDS).toBuffer());
  // What MiniSearch's own radix tree answers over the same terms.
  const tree = new SearchableMap<number>();
  seg.terms.forEach((t, i) => tree.set(t, i));

  it("finds every term, and no other, by binary search", () => {
    seg.terms.forEach((t, i) => expect(seg.termId(t)).toBe(i));
    for (const t of ["", "a", "zzzz", "kheng0", "khen"]) expect(seg.termId(t)).toBe(tree.get(t));
  });

  it("lists a prefix's terms in the order and number the radix tree does", () => {
    for (const prefix of ["tra", "co", "k", "minist", "zz", ""])
      expect([...seg.withPrefix(prefix)]).toEqual([...tree.atPrefix(prefix)].map(([t]) => t));
  });

  it("finds the typos the radix tree finds, at the same distances", () => {
    const byTerm = (a: [string, number], b: [string, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    const fromTree = (q: string, max: number) =>
      [...tree.fuzzyGet(q, max)].map(([t, [, d]]): [string, number] => [t, d]).sort(byTerm);
    expect([...seg.fuzzy("cybercrme", 2)].map(([t]) => t)).toContain("cybercrime");
    // Each term with a letter dropped, doubled or changed, short and long, at distances 1 to 3; and no word at all.
    const queries = seg.terms
      .filter((_, i) => i % 7 === 0)
      .flatMap((t) => [t, t.slice(1), t.slice(0, -1) + "x", `${t[0]}${t}`, t.replace(/[aeiou]/, "")]);
    queries.push("", "q", "zzzzzzzz", "ministerr", "goverment");
    let compared = 0;
    for (const q of queries) {
      for (const max of [1, 2, 3]) {
        expect([...seg.fuzzy(q, max)].sort(byTerm)).toEqual(fromTree(q, max));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it("still answers when its terms are not sorted (through the radix tree)", () => {
    const terms = ["zeta", "alpha", "mid"];
    const none = [new Uint32Array(4)];
    const odd = new Segment(
      ["text"],
      new Uint32Array(0),
      terms,
      none,
      [new Uint32Array(0)],
      [new Uint16Array(0)],
      [new Uint16Array(0)],
    );
    expect(terms.map((t) => odd.termId(t))).toEqual([0, 1, 2]);
    expect(odd.termId("beta")).toBeUndefined();
    expect([...odd.withPrefix("al")]).toEqual(["alpha"]);
  });
});

describe("a built segment's headline field", () => {
  it("holds each paragraph's own headline when headlines change and come back", () => {
    const titles = ["Port deal signed", "Port deal signed", "Floods close schools", "Port deal signed", ""];
    const docs = titles.map((title, id) => ({ id, text: `paragraph ${id} text`, title, names: "", n: 1 }));
    const segment = ParagraphIndex.buildSegment(docs);
    const title = segment.fields.indexOf("title");
    const holding = (term: string) => {
      const t = segment.termId(term);
      if (t === undefined) return [];
      return [...segment.docs[title].subarray(segment.offsets[title][t], segment.offsets[title][t + 1])].map(
        (d) => segment.ids[d],
      );
    };
    expect(holding("port")).toEqual([0, 1, 3]);
    expect(holding("flood")).toEqual([2]);
    expect(holding("sign")).toEqual([0, 1, 3]);
    expect([...segment.fieldLength[title]]).toEqual([3, 3, 3, 3, 0]);
  });
});

describe("freezing reads MiniSearch's own maps", async () => {
  const docs = await sampleDocs();
  const build = () => {
    const mini = new MiniSearch(options);
    mini.addAll(docs.map((d) => ({ ...d, id: 1000 + 3 * d.id })));
    mini.discard(1000 + 3 * 4); // a discarded paragraph's postings stay in the maps until vacuumed
    return mini;
  };

  it("without building toJSON's objects", () => {
    const mini = build();
    mini.toJSON = () => {
      throw new Error("toJSON was called");
    };
    expect(Segment.fromMiniSearch(mini, FIELDS).docCount).toBe(docs.length - 1);
  });

  it("giving the same segment, byte for byte, as through toJSON", () => {
    const direct = Segment.fromMiniSearch(build(), FIELDS);
    const viaJSON = Segment.fromMiniSearch(build(), FIELDS, true);
    expect(direct.terms.length).toBeGreaterThan(100);
    expect(direct.ids).not.toContain(1000 + 3 * 4);
    expect(Buffer.compare(direct.toBuffer(), viaJSON.toBuffer())).toBe(0);
  });

  it("through toJSON when the maps are not as it knows them", () => {
    // Another version's MiniSearch, its maps under other names: only its public toJSON is the same.
    const mini = build();
    const other = { toJSON: () => mini.toJSON() } as unknown as MiniSearch;
    const viaJSON = Segment.fromMiniSearch(build(), FIELDS, true);
    expect(Buffer.compare(Segment.fromMiniSearch(other, FIELDS).toBuffer(), viaJSON.toBuffer())).toBe(0);
  });
});
