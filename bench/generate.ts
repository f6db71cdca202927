import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { article } from "./corpus/article.ts";
import { PeoplePool } from "./corpus/names.ts";
import { Rng } from "./corpus/prng.ts";

/**
 * The synthetic archive: `count` briefing files with front matter, 50 a day ending on
 * END_DATE, written to bench/tmp/archive-n<count>-s<seed>/briefings/, plus a manifest the
 * query builder draws from (a sample of paragraphs, the most named people, the date span).
 * An archive already generated with the same version, size and seed is reused.
 */

/** Bump when the corpus changes: archives on disk are generated again. */
export const GENERATOR_VERSION = "corpus-2";
export const PER_DAY = 50;
const END_DATE = Date.UTC(2025, 5, 30);
const SAMPLE_SIZE = 3000;

export const BENCH_TMP = fileURLToPath(new URL("./tmp", import.meta.url));

export interface SampledParagraph {
  source: string;
  published: string | null;
  text: string;
  people: string[];
}

export interface Manifest {
  version: string;
  seed: number;
  briefings: number;
  /** Article paragraphs written (the loader may count a few more or fewer: headlines, furniture). */
  paragraphs: number;
  bytes: number;
  span: { from: string; to: string };
  ids: string[];
  people: string[];
  sample: SampledParagraph[];
}

export interface Archive {
  root: string;
  dataDir: string;
  manifest: Manifest;
}

export function generateArchive(count: number, seed = 1, baseDir = BENCH_TMP): Archive {
  const root = path.join(baseDir, `archive-n${count}-s${seed}`);
  const dataDir = path.join(root, "briefings");
  const manifestFile = path.join(root, "manifest.json");
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
    if (manifest.version === GENERATOR_VERSION && manifest.briefings === count) {
      // A run stopped mid-way may have left its "new briefing" behind (see cold-start.ts).
      for (const f of readdirSync(dataDir)) if (f.startsWith("zz_fresh_")) rmSync(path.join(dataDir, f));
      return { root, dataDir, manifest };
    }
  }
  rmSync(root, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const rng = new Rng(seed);
  const pool = new PeoplePool(rng, 150);
  const days = Math.ceil(count / PER_DAY);
  const ticker: string[] = [
    "Evercore Asia Expresses Interest in Cambodia’s Growth",
    "Justice Minister Reviews Year-Long Campaign Progress",
    "Japanese Finance Minister Vows to Further Strengthen Relations",
    "Police Return Suspect to Thailand",
  ];
  const sample: SampledParagraph[] = [];
  const ids: string[] = [];
  let paragraphs = 0;
  let bytes = 0;
  let seen = 0;
  for (let i = 0; i < count; i++) {
    const published = new Date(END_DATE - (days - 1 - Math.floor(i / PER_DAY)) * 86_400_000);
    const a = article(rng, pool, published, ticker);
    const id = `${String(i).padStart(6, "0")}_${rng.hex(16)}`;
    writeFileSync(path.join(dataDir, `${id}.txt`), a.file);
    ids.push(id);
    bytes += Buffer.byteLength(a.file);
    ticker[i % 40] = a.title;
    for (const text of a.paragraphs) {
      // Reservoir sampling: every paragraph is equally likely to be in the sample.
      seen++;
      const slot = seen <= SAMPLE_SIZE ? seen - 1 : Math.floor(rng.next() * seen);
      if (slot < SAMPLE_SIZE)
        sample[slot] = { source: id, published: a.published, text, people: a.people.filter((p) => text.includes(p)) };
    }
    paragraphs += a.paragraphs.length;
  }
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  const manifest: Manifest = {
    version: GENERATOR_VERSION,
    seed,
    briefings: count,
    paragraphs,
    bytes,
    span: { from: iso(END_DATE - (days - 1) * 86_400_000), to: iso(END_DATE) },
    ids,
    people: pool.top(300),
    sample,
  };
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return { root, dataDir, manifest };
}

// `tsx bench/generate.ts 1000 [seed]`: write one archive and print where.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const count = Number(process.argv[2] ?? 1000);
  const started = performance.now();
  const { dataDir, manifest } = generateArchive(count, Number(process.argv[3] ?? 1));
  console.log(
    `${manifest.briefings} briefings, ${manifest.paragraphs} paragraphs, ${(manifest.bytes / 1e6).toFixed(1)} MB in ${dataDir} (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}
