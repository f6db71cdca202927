import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { duel, duelReport, type Variant } from "./duel.ts";
import { BENCH_TMP, generateArchive } from "./generate.ts";
import type { Briefing } from "../src/briefings/briefing.ts";
import type { IndexDoc } from "../src/search/index.ts";
import type { SearchCase } from "./queries.ts";
import { PROJECT_ROOT, runChild } from "./spawn.ts";

/**
 * One change seen through this machine's noise: two or more versions of the code timed in one process, case by
 * case (duel.ts), with their answers compared.
 *
 *   tsx bench/ab.ts search <rev> <rev> … [--briefings 10000] [--set search|fuzzy|filtered] [--repeat 3]
 *   tsx bench/ab.ts extract <rev> <rev> … [--briefings 1000] [--repeat 2]
 *   tsx bench/ab.ts index <rev> <rev> … [--briefings 1000] [--repeat 2]
 *
 * A rev is a commit, checked out once into bench/tmp/ab/<commit> (sharing this checkout's node_modules), or "." for
 * the working tree as it is. Each version is bundled as `npm start` bundles the bot. `search` times the paragraph
 * index alone (bench/search-only.ts: segments built by each version, the bench's query sets); `extract` times
 * extractEvents per briefing; `index` times a segment built over 50 briefings' paragraphs at a time (its bytes
 * compared). Each prints, per version, the sum, p50 and p99 of each case's best run and its ratio
 * to the first version's, and how many answers differ from the first version's.
 */

/** What each version's bundle exports: written into its tree, so it imports that version's own code. */
const ENTRY = `import { readFileSync } from "node:fs";
import path from "node:path";
import { loadBriefings } from "../../src/briefings/load.ts";
import { extractEvents } from "../../src/extraction/extract.ts";
import { ParagraphIndex } from "../../src/search/index.ts";
import { buildQueries } from "../queries.ts";
import { loadIndex } from "../search-only.ts";
export { extractEvents, loadBriefings };
export const segmentOf = (docs: Parameters<typeof ParagraphIndex.buildSegment>[0]) =>
  ParagraphIndex.buildSegment(docs).toBuffer();
export function searcher(archive: string, segments: string) {
  const manifest = JSON.parse(readFileSync(path.join(archive, "manifest.json"), "utf8"));
  return { search: loadIndex(segments).search, queries: buildQueries(manifest, 1000, 7) };
}
`;

interface Searcher {
  search: (c: SearchCase, limit?: number) => { total: number; hits: Array<{ id: number }> };
  queries: Record<string, SearchCase[] | undefined>;
}

interface Version {
  key: string;
  dir: string;
  mod: {
    searcher: (archive: string, segments: string) => Searcher;
    extractEvents: (b: unknown) => unknown;
    segmentOf: (docs: IndexDoc[]) => Uint8Array;
    loadBriefings: (dir: string) => Promise<{ briefings: unknown[] }>;
  };
}

const git = (...args: string[]) => execFileSync("git", args, { cwd: PROJECT_ROOT, encoding: "utf8" }).trim();

/** The version's tree (the working tree for "."), its entry bundled and imported. */
async function prepare(rev: string): Promise<Version> {
  const key = rev === "." ? "work" : git("rev-parse", "--short=10", `${rev}^{commit}`);
  const dir = rev === "." ? PROJECT_ROOT : path.join(BENCH_TMP, "ab", key);
  if (!existsSync(dir)) {
    git("worktree", "add", "--detach", dir, key);
    symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(dir, "node_modules"));
  }
  const out = path.join(BENCH_TMP, "ab", `${key}-bundle`);
  mkdirSync(path.join(dir, "bench", "tmp"), { recursive: true });
  writeFileSync(path.join(dir, "bench", "tmp", "ab-entry.ts"), ENTRY);
  const { bundle } = (await import(pathToFileURL(path.join(dir, "bin", "build.mjs")).href)) as {
    bundle: (entries: Record<string, string>, outdir: string) => Promise<void>;
  };
  rmSync(out, { recursive: true, force: true });
  await bundle({ "ab-entry": "bench/tmp/ab-entry.ts" }, out);
  return { key, dir, mod: (await import(pathToFileURL(path.join(out, "ab-entry.mjs")).href)) as Version["mod"] };
}

/** Per version, how many of its outputs (one a case, as text) differ from the first version's. */
function differing(versions: number, outputs: (i: number) => string[]): number[] {
  const first = outputs(0);
  return Array.from({ length: versions }, (_, i) =>
    i === 0 ? 0 : outputs(i).filter((o, at) => o !== first[at]).length,
  );
}

async function searchDuel(versions: Version[], briefings: number, set: string, repeat: number) {
  const archive = generateArchive(briefings);
  const searchers: Searcher[] = [];
  for (const v of versions) {
    const segments = path.join(BENCH_TMP, "ab", `${v.key}-segments-n${briefings}`);
    if (v.key === "work" || !existsSync(path.join(segments, "meta.json"))) {
      const built = await runChild(path.join(v.dir, "bench", "search-only.ts"), ["build", archive.root, segments]);
      if (built.code !== 0) throw new Error(`${v.key}: building segments failed\n${built.stderr}`);
    }
    searchers.push(v.mod.searcher(archive.root, segments));
  }
  const cases = searchers[0].queries[set];
  if (!cases) throw new Error(`no query set "${set}" (search, fuzzy, filtered)`);
  const differ = differing(versions.length, (i) =>
    cases.map((c) => {
      const { total, hits } = searchers[i].search(c, 10);
      return `${total} ${hits.map((h) => h.id).join(",")}`;
    }),
  );
  const variants: Array<Variant<SearchCase>> = versions.map((v, i) => ({ name: v.key, run: searchers[i].search }));
  for (const v of variants) for (const c of cases) v.run(c);
  return { results: duel(variants, cases, repeat), differ, of: cases.length };
}

/** Each 50 briefings' paragraphs as the index is given them (the names field left empty, as search-only.ts). */
async function indexDuel(versions: Version[], briefings: number, repeat: number) {
  const archive = generateArchive(briefings);
  const all = (await versions[0].mod.loadBriefings(archive.dataDir)).briefings as Briefing[];
  const batches: IndexDoc[][] = [];
  let id = 0;
  for (let i = 0; i < all.length; i += 50) {
    batches.push(
      all
        .slice(i, i + 50)
        .flatMap((b) =>
          b.paragraphs.map((p) => ({ id: id++, text: p.text, title: b.meta.title ?? "", names: "", n: p.n })),
        ),
    );
  }
  const differ = differing(versions.length, (i) =>
    batches.map((d) => createHash("sha1").update(versions[i].mod.segmentOf(d)).digest("hex")),
  );
  const variants: Array<Variant<IndexDoc[]>> = versions.map((v) => ({ name: v.key, run: v.mod.segmentOf }));
  return { results: duel(variants, batches, repeat), differ, of: batches.length };
}

async function extractDuel(versions: Version[], briefings: number, repeat: number) {
  const archive = generateArchive(briefings);
  const all = (await versions[0].mod.loadBriefings(archive.dataDir)).briefings;
  const differ = differing(versions.length, (i) => all.map((b) => JSON.stringify(versions[i].mod.extractEvents(b))));
  const variants: Array<Variant<unknown>> = versions.map((v) => ({ name: v.key, run: v.mod.extractEvents }));
  return { results: duel(variants, all, repeat), differ, of: all.length };
}

const [mode, ...rest] = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest.splice(i, 2)[1] : fallback;
};
if (mode === "search" || mode === "extract" || mode === "index") {
  const briefings = Number(flag("briefings", mode === "search" ? "10000" : "1000"));
  const repeat = Number(flag("repeat", mode === "search" ? "3" : "2"));
  const set = flag("set", "search");
  if (rest.length < 2) throw new Error("name two versions or more (commits, or . for the working tree)");
  const versions: Version[] = [];
  for (const rev of rest) versions.push(await prepare(rev));
  const duels = {
    search: () => searchDuel(versions, briefings, set, repeat),
    extract: () => extractDuel(versions, briefings, repeat),
    index: () => indexDuel(versions, briefings, repeat),
  };
  const { results, differ, of } = await duels[mode]();
  for (const [i, line] of duelReport(results).entries()) console.log(`${line} · ${differ[i]} of ${of} answers differ`);
} else {
  console.error("usage: tsx bench/ab.ts search|extract|index <rev> <rev> … [--briefings N] [--set S] [--repeat R]");
  process.exitCode = 1;
}
