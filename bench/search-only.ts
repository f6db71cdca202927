import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadBriefings } from "../src/briefings/load.ts";
import { parseDateOption } from "../src/kit/options.ts";
import { dayNumber, docFilter } from "../src/library/filter.ts";
import { ParagraphIndex, type IndexDoc } from "../src/search/index.ts";
import { Segment } from "../src/search/segment.ts";
import type { Manifest } from "./generate.ts";
import { latency, summarise } from "./measure.ts";
import { buildQueries, type SearchCase } from "./queries.ts";

/**
 * The paragraph index alone, timed: no Library, no event extraction, no highlighting.
 *
 *   tsx bench/search-only.ts build <archive dir> <out dir>   # once: segments + doc tables
 *   tsx bench/search-only.ts time <archive dir> <out dir> [--queries 1000] [--rounds 1] [--only
 * search,fuzzy,filtered,relevance]
 *
 * `build` indexes the briefings the way Library's assemble does (sorted by date, then id;
 * 50k-paragraph segments; the `names` field left empty) and saves each segment's buffer
 * and, per paragraph, its briefing, lead number and a hash of its text. `time` loads them
 * and times the bench's query sets (bench/queries.ts, same seed) through
 * `ParagraphIndex.search` with the Library's filter, plus the known-item check.
 */

const SEGMENT_PARAGRAPHS = 50_000;

/** FNV-1a of a string: a paragraph text's stand-in for the known-item check. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Meta {
  briefings: string[];
  days: number[];
  segments: string[];
  paragraphs: number;
}

async function build(archive: string, out: string) {
  const t0 = performance.now();
  const { briefings } = await loadBriefings(path.join(archive, "briefings"));
  briefings.sort((a, b) => (a.meta.published ?? "").localeCompare(b.meta.published ?? "") || a.id.localeCompare(b.id));
  console.log(`loaded ${briefings.length} briefings in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  mkdirSync(out, { recursive: true });
  const total = briefings.reduce((n, b) => n + b.paragraphs.length, 0);
  const docBriefing = new Int32Array(total);
  const lead = new Uint16Array(total);
  const texts = new Uint32Array(total);
  const segments: string[] = [];
  let next = 0;
  for (let i = 0; i < briefings.length;) {
    const docs: IndexDoc[] = [];
    while (
      i < briefings.length &&
      (docs.length === 0 || docs.length + briefings[i].paragraphs.length <= SEGMENT_PARAGRAPHS)
    ) {
      const b = briefings[i];
      for (const p of b.paragraphs) {
        const id = next + p.n - 1;
        docs.push({ id, text: p.text, title: b.meta.title ?? "", names: "", n: p.n });
        docBriefing[id] = i;
        lead[id] = Math.min(p.n, 65535);
        texts[id] = hash(p.text);
      }
      next += b.paragraphs.length;
      i++;
    }
    const file = `segment-${segments.length}.bin`;
    writeFileSync(path.join(out, file), ParagraphIndex.buildSegment(docs).toBuffer());
    segments.push(file);
    console.log(
      `${file}: ${docs.length} paragraphs, ${next}/${total}, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  writeFileSync(
    path.join(out, "docs.bin"),
    Buffer.concat([Buffer.from(docBriefing.buffer), Buffer.from(texts.buffer), Buffer.from(lead.buffer)]),
  );
  const meta: Meta = {
    briefings: briefings.map((b) => b.id),
    days: briefings.map((b) => dayNumber(b.meta.published)),
    segments,
    paragraphs: total,
  };
  writeFileSync(path.join(out, "meta.json"), JSON.stringify(meta));
}

export function loadIndex(out: string) {
  const meta = JSON.parse(readFileSync(path.join(out, "meta.json"), "utf8")) as Meta;
  const n = meta.paragraphs;
  const raw = readFileSync(path.join(out, "docs.bin"));
  const buf = new Uint8Array(raw).buffer;
  const docBriefing = new Int32Array(buf, 0, n);
  const texts = new Uint32Array(buf, 4 * n, n);
  const lead = new Uint16Array(buf, 8 * n, n);
  const segments = meta.segments.map((f) => Segment.fromBuffer(readFileSync(path.join(out, f))));
  const index = ParagraphIndex.fromSegments(segments, lead);
  const position = new Map(meta.briefings.map((b, i) => [b, i]));
  const days = Int32Array.from(meta.days);
  /** The Library's search, minus highlighting and paragraph lookup. */
  const search = (c: SearchCase, limit = 5) => {
    const keep = docFilter(docBriefing, days, {
      ...(c.source !== undefined ? { source: position.get(c.source) ?? -1 } : {}),
      ...(c.from !== undefined ? { from: parseDateOption("from", c.from) } : {}),
      ...(c.to !== undefined ? { to: parseDateOption("to", c.to) } : {}),
    });
    return index.search(c.query, keep, limit);
  };
  return { index, search, texts, meta };
}

async function time(archive: string, out: string, queries: number, rounds: number, only: Set<string>) {
  const manifest = JSON.parse(readFileSync(path.join(archive, "manifest.json"), "utf8")) as Manifest;
  const t0 = performance.now();
  const { index, search, texts } = loadIndex(out);
  console.log(`loaded ${index.documentCount} paragraphs in ${(performance.now() - t0).toFixed(0)} ms`);
  const q = buildQueries(manifest, queries, 7);
  const sets = { search: q.search, fuzzy: q.fuzzy, filtered: q.filtered } as const;
  const result: Record<string, unknown> = {};
  for (const [name, cases] of Object.entries(sets)) {
    if (!only.has(name)) continue;
    const all: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const l = latency(cases, (c) => search(c), { warmup: r === 0 ? 50 : 0 });
      all.push(l.p50, l.p95, l.p99);
    }
    // Per round p50/p95/p99, then the median round's figures.
    const pick = (k: number) => summarise(all.filter((_, i) => i % 3 === k)).p50;
    result[name] = { p50: pick(0), p95: pick(1), p99: pick(2), rounds };
  }
  if (only.has("relevance")) {
    const ranks = q.relevance.map((k) => {
      const want = hash(k.expect);
      const hits = search({ query: k.query }, 10).hits;
      const i = hits.findIndex((h) => texts[h.id] === want);
      return i < 0 ? Infinity : i + 1;
    });
    const share = (ok: (r: number) => boolean) => Number((ranks.filter(ok).length / ranks.length).toFixed(3));
    result.relevance = {
      n: ranks.length,
      hitAt1: share((r) => r === 1),
      hitAt5: share((r) => r <= 5),
      mrr: Number((ranks.reduce((s, r) => s + (Number.isFinite(r) ? 1 / r : 0), 0) / ranks.length).toFixed(3)),
    };
  }
  if (only.has("totals")) {
    // A digest of totals and top ids, to compare two versions' answers.
    const lines = [...q.search, ...q.fuzzy, ...q.filtered].map((c) => {
      const { total, hits } = search(c, 10);
      return `${c.query}\t${total}\t${hits.map((h) => h.id).join(",")}`;
    });
    writeFileSync(path.join(out, `answers-${process.pid}.tsv`), lines.join("\n"));
    result.answers = path.join(out, `answers-${process.pid}.tsv`);
  }
  console.log(`RESULT ${JSON.stringify(result)}`);
}

const main = process.argv[1]?.endsWith("search-only.ts");
const [mode, archive, out, ...rest] = main ? process.argv.slice(2) : [];
const opt = (name: string, dflt: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : dflt;
};
if (mode === "build") await build(archive, out);
else if (mode === "time") {
  await time(
    archive,
    out,
    Number(opt("queries", "1000")),
    Number(opt("rounds", "1")),
    new Set(opt("only", "search,fuzzy,filtered,relevance").split(",")),
  );
} else if (mode) {
  console.error(
    "usage: tsx bench/search-only.ts build|time <archive dir> <out dir> [--queries N] [--rounds N] [--only sets]",
  );
  process.exit(1);
}
