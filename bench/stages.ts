import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseBriefing } from "../src/briefings/load.ts";
import type { Briefing } from "../src/briefings/briefing.ts";
import { extractEvents } from "../src/extraction/extract.ts";
import type { BriefingEvents } from "../src/extraction/event.ts";
import { ParagraphIndex, type IndexDoc } from "../src/search/index.ts";
import { seconds } from "./measure.ts";

/**
 * The build, stage by stage, through the project's exported functions: read the files,
 * parse and clean them, extract events, index the paragraphs, serialise the index. It
 * mirrors what Library.open does (documents as Library builds them), so each stage's share
 * of the build shows; the end-to-end figure is Library.open itself (see bot.ts).
 */
export interface Stages {
  readS: number;
  cleanS: number;
  extractS: number;
  /** Null when indexing failed (the error is in `errors`). */
  indexS: number | null;
  /** JSON of the index alone (null when it cannot be serialised: the error is in `errors`). */
  serializeS: number | null;
  serializedMB: number | null;
  /**
   * Threads that ran the stages: 1, the main thread, as the build runs today (so a parallel build shows beside it).
   * Absent in runs before issue #16.
   */
  workers?: number;
}

/** The stages below run one after another on this thread. */
const WORKERS = 1;

export async function measureStages(dataDir: string, errors: string[]): Promise<Stages> {
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const s = seconds(now - t);
    t = now;
    return s;
  };
  const names = (await readdir(dataDir)).filter((n) => /\.(txt|md)$/i.test(n)).sort();
  const files: Array<[string, Buffer]> = [];
  for (const name of names) files.push([name, await readFile(path.join(dataDir, name))]);
  const readS = lap();

  const briefings: Briefing[] = [];
  for (const [name, bytes] of files) {
    const parsed = parseBriefing(name, bytes);
    if (parsed.ok) briefings.push(parsed.briefing);
  }
  const cleanS = lap();

  const events = new Map<string, BriefingEvents>();
  for (const b of briefings) events.set(b.id, extractEvents(b));
  const extractS = lap();

  const docs: IndexDoc[] = [];
  for (const b of briefings) {
    const people = events.get(b.id)?.people ?? [];
    for (const p of b.paragraphs) {
      const names = people.filter((m) => m.paragraphs.includes(p.n)).flatMap((m) => [m.name, ...m.aliases]);
      docs.push({ id: docs.length, text: p.text, title: b.meta.title ?? "", names: names.join(" "), n: p.n });
    }
  }
  let index: ParagraphIndex;
  try {
    index = ParagraphIndex.build(docs);
  } catch (err) {
    errors.push(`stages: indexing ${docs.length} paragraphs failed: ${(err as Error).message}`);
    return { readS, cleanS, extractS, indexS: null, serializeS: null, serializedMB: null, workers: WORKERS };
  }
  const indexS = lap();

  let serializeS: number | null = null;
  let serializedMB: number | null = null;
  try {
    const bytes = index.segments.reduce((n, segment) => n + segment.toBuffer().length, 0);
    serializeS = lap();
    serializedMB = Number((bytes / 2 ** 20).toFixed(1));
  } catch (err) {
    errors.push(`stages: serialising the index failed: ${(err as Error).message}`);
  }
  return { readS, cleanS, extractS, indexS, serializeS, serializedMB, workers: WORKERS };
}
