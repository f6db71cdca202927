import MiniSearch from "minisearch";
import { describe, expect, it } from "vitest";
import { loadBriefings } from "../../src/briefings/load.ts";
import { Postings, type TermOptions } from "../../src/search/postings.ts";
import { Segment } from "../../src/search/segment.ts";
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
    expect(back.dict.get("kheng")).toBe(seg.terms.indexOf("kheng"));
    expect(back.df(0, back.dict.get("kheng")!)).toBe(seg.df(0, seg.dict.get("kheng")!));
  });
});
