import { listBriefingFiles } from "../src/briefings/folder.ts";
import { SEGMENT_LAYOUT } from "../src/library/assemble.ts";
import { readFiles } from "../src/library/build/read-files.ts";
import { newClock } from "../src/library/build/reader.ts";
import { buildSegments, cutSegments } from "../src/library/build/segments.ts";
import { BuildThreads } from "../src/library/build/threads.ts";
import type { Content } from "../src/library/snapshot.ts";
import type { Segment } from "../src/search/segment.ts";
import { seconds } from "./measure.ts";

/**
 * The build, stage by stage, as Library.open runs it (src/library/build): list the folder; read, parse, clean and
 * extract every file, on the build threads when there are many; index the paragraphs into segments (oldest first,
 * the Library's segment size), on the threads too; serialise the segments. Reading and extracting run together,
 * file by file: their wall time is shared between the two stages as the threads' time on each was. The end-to-end
 * figure is Library.open itself (see bot.ts).
 */
export interface Stages {
  /** Listing the folder (before #16's parallel build: reading every file's bytes). */
  readS: number;
  /** Reading, parsing and cleaning the files (before #16: parsing and cleaning alone). */
  cleanS: number;
  extractS: number;
  /** Null when indexing failed (the error is in `errors`). */
  indexS: number | null;
  /** The segments' bytes (null when they cannot be serialised: the error is in `errors`). */
  serializeS: number | null;
  serializedMB: number | null;
  /** Threads that ran the stages (1: the main thread alone). Absent in runs before issue #16. */
  workers?: number;
}

export async function measureStages(dataDir: string, errors: string[]): Promise<Stages> {
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const s = seconds(now - t);
    t = now;
    return s;
  };
  const listed = await listBriefingFiles(dataDir);
  const names = listed.ok ? listed.names : [];
  const readS = lap();
  const threads = new BuildThreads(dataDir, () => []);
  try {
    const clock = newClock();
    const reads = await readFiles(threads, dataDir, names, () => false, clock);
    const share = clock.readMs / (clock.readMs + clock.extractMs || 1);
    const both = lap();
    const [cleanS, extractS] = [seconds(both * 1000 * share), seconds(both * 1000 * (1 - share))];
    const workers = () => Math.max(1, threads.started);
    const briefings = reads.flatMap((r, i) =>
      r.kind === "read" && r.content ? [{ id: names[i].slice(0, names[i].lastIndexOf(".")), content: r.content }] : [],
    );
    const segments = await indexed(threads, briefings, errors);
    if (!segments)
      return { readS, cleanS, extractS, indexS: null, serializeS: null, serializedMB: null, workers: workers() };
    const indexS = lap();
    let serializeS: number | null = null;
    let serializedMB: number | null = null;
    try {
      const bytes = segments.reduce((n, segment) => n + segment.toBuffer().length, 0);
      serializeS = lap();
      serializedMB = Number((bytes / 2 ** 20).toFixed(1));
    } catch (err) {
      errors.push(`stages: serialising the index failed: ${(err as Error).message}`);
    }
    return { readS, cleanS, extractS, indexS, serializeS, serializedMB, workers: workers() };
  } finally {
    await threads.close();
  }
}

/** The briefings indexed as the Library indexes them on a first build; null (said in `errors`) when that failed. */
async function indexed(
  threads: BuildThreads,
  briefings: Array<{ id: string; content: Content }>,
  errors: string[],
): Promise<Segment[] | null> {
  const published = (b: { content: Content }) => b.content.meta.published ?? "";
  briefings.sort((a, b) => published(a).localeCompare(published(b)) || a.id.localeCompare(b.id));
  const { runs, nextDoc } = cutSegments(briefings, 0, SEGMENT_LAYOUT.segment);
  try {
    return await buildSegments(threads, runs);
  } catch (err) {
    errors.push(`stages: indexing ${nextDoc} paragraphs failed: ${(err as Error).message}`);
    return null;
  }
}
