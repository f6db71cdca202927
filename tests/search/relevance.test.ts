import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Library } from "../../src/library/library.ts";
import { baselineSearch } from "../fixtures/search/baseline.ts";
import { makeCorpus, SAMPLES_DIR } from "../fixtures/search/make-corpus.ts";
import { readQa, scoreQa, type Ranked, type Score } from "../fixtures/search/qa.ts";
import { librarySearch } from "../fixtures/search/score.ts";

/**
 * Relevance over the sample briefings plus invented distractors on the same subjects
 * (tests/fixtures/search/): reporters' questions in plain words, paraphrased, and a held-out
 * set kept out of tuning. Each must find the expected paragraph among the first results.
 */
const fixtures = fileURLToPath(new URL("../fixtures/search/", import.meta.url));
const qa = (name: string) => readQa(path.join(fixtures, name));
const SHARED_EXAMPLES = fileURLToPath(new URL("../../../shared/eval/search-examples.json", import.meta.url));

let dir: string;
let ours: (q: string) => Ranked[];
let baseline: (q: string) => Ranked[];
const scores: Record<string, { ours: Score; baseline: Score }> = {};

beforeAll(async () => {
  dir = makeCorpus();
  ours = librarySearch(await Library.open({ dataDir: dir, cacheDir: null }));
  baseline = await baselineSearch(dir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const lines = Object.entries(scores).map(
    ([name, s]) =>
      `${name.padEnd(11)} n=${String(s.ours.queries).padEnd(4)} ours hit@1 ${pct(s.ours.hit1)} hit@3 ${pct(s.ours.hit3)}` +
      ` | plain MiniSearch hit@1 ${pct(s.baseline.hit1)} hit@3 ${pct(s.baseline.hit3)}`,
  );
  console.log(`Search relevance (samples + distractors):\n${lines.join("\n")}`);
});

function measure(name: string) {
  const set = qa(`qa-${name}.json`);
  const s = { ours: scoreQa(set, ours), baseline: scoreQa(set, baseline) };
  scores[name] = s;
  return s;
}

describe("search relevance", () => {
  it("answers plain questions (names, numbers, phrases, typos): right paragraph first ≥ 85 %, in the top 3 ≥ 95 %", () => {
    const { ours: s } = measure("plain");
    expect(s.queries).toBeGreaterThanOrEqual(40);
    expect(s.hit1, s.misses.join("\n")).toBeGreaterThanOrEqual(0.85);
    expect(s.hit3, s.misses.join("\n")).toBeGreaterThanOrEqual(0.95);
  });

  it("answers paraphrased questions among distractors: first ≥ 60 %, top 3 ≥ 80 %, well above plain MiniSearch", () => {
    const { ours: s, baseline: b } = measure("paraphrase");
    expect(s.queries).toBeGreaterThanOrEqual(40);
    expect(s.hit1, s.misses.join("\n")).toBeGreaterThanOrEqual(0.6);
    expect(s.hit3, s.misses.join("\n")).toBeGreaterThanOrEqual(0.8);
    expect(s.hit3 - b.hit3).toBeGreaterThanOrEqual(0.1);
  });

  it("answers the held-out questions as well as the tuned ones (first ≥ 60 %, top 3 ≥ 80 %)", () => {
    const { ours: s, baseline: b } = measure("heldout");
    expect(s.hit1, s.misses.join("\n")).toBeGreaterThanOrEqual(0.6);
    expect(s.hit3, s.misses.join("\n")).toBeGreaterThanOrEqual(0.8);
    expect(s.hit3).toBeGreaterThan(b.hit3);
  });

  it("never returns site furniture (tickers, Related News)", () => {
    for (const name of ["plain", "paraphrase", "heldout"]) expect(scoreQa(qa(`qa-${name}.json`), ours).leaks).toBe(0);
    expect(qa("qa-plain.json").absent?.length).toBeGreaterThan(5);
  });

  it.skipIf(!existsSync(SHARED_EXAMPLES))(
    "answers the shared search examples first over the samples alone",
    async () => {
      const samples = librarySearch(await Library.open({ dataDir: SAMPLES_DIR, cacheDir: null }));
      const s = scoreQa(readQa(SHARED_EXAMPLES), samples);
      expect(s.hit1, s.misses.join("\n")).toBe(1);
      expect(s.leaks).toBe(0);
    },
  );
});
