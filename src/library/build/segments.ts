import { Segment } from "../../search/segment.ts";
import type { Content } from "../snapshot.ts";
import { indexContents } from "./index-docs.ts";
import type { PoolJob, WorkerPool } from "./pool.ts";
import { linesOf, type IndexReply } from "./protocol.ts";
import type { BuildThreads } from "./threads.ts";

/** The briefings of one segment to build: their contents, oldest first, and each one's first paragraph id. */
export interface SegmentChunk {
  contents: readonly Content[];
  firstDocs: readonly number[];
}

/**
 * Briefings (oldest first, each with its content) cut into the runs that make segments: up to `most` paragraphs each
 * (a longer briefing alone), paragraphs numbered on from `firstDoc`.
 */
export function cutSegments<T extends { content: Content }>(
  items: readonly T[],
  firstDoc: number,
  most: number,
): { runs: Array<SegmentChunk & { items: T[]; paragraphs: number }>; nextDoc: number } {
  const runs: Array<SegmentChunk & { items: T[]; paragraphs: number }> = [];
  let nextDoc = firstDoc;
  for (let i = 0; i < items.length;) {
    const run = { items: [] as T[], contents: [] as Content[], firstDocs: [] as number[], paragraphs: 0 };
    while (i < items.length && (run.items.length === 0 || run.paragraphs + items[i].content.count <= most)) {
      const { content } = items[i];
      run.items.push(items[i++]);
      run.contents.push(content);
      run.firstDocs.push(nextDoc);
      run.paragraphs += content.count;
      nextDoc += content.count;
    }
    runs.push(run);
  }
  return { runs, nextDoc };
}

/**
 * One index segment per chunk, in order: in threads when there is much to index (or, for a compaction, more than a
 * little), else on this thread.
 */
export async function buildSegments(
  threads: BuildThreads,
  chunks: readonly SegmentChunk[],
  compact = false,
): Promise<Segment[]> {
  let paragraphs = 0;
  for (const chunk of chunks) for (const c of chunk.contents) paragraphs += c.count;
  const pool = chunks.length ? threads.forSegments(paragraphs, chunks.length, compact) : null;
  const built = pool ? await indexInThreads(pool, chunks) : [];
  // On this thread: every segment, or those a failed thread left.
  return chunks.map((chunk, i) => built[i] ?? indexContents(chunk.contents, chunk.firstDocs));
}

async function indexInThreads(pool: WorkerPool, chunks: readonly SegmentChunk[]): Promise<Array<Segment | undefined>> {
  const jobs: PoolJob[] = chunks.map((chunk) => () => {
    const lines = linesOf(chunk.contents);
    const firstDocs = Uint32Array.from(chunk.firstDocs);
    return { message: { type: "index", lines, firstDocs }, transfer: [lines, firstDocs.buffer] };
  });
  const replies = (await pool.runAll(jobs)) as Array<IndexReply | undefined>;
  return replies.map((reply) => (reply ? Segment.fromBuffer(Buffer.from(reply.segment)) : undefined));
}
