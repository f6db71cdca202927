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

/** One index segment per chunk, in order: in threads when there is much to index, else on this thread. */
export async function buildSegments(threads: BuildThreads, chunks: readonly SegmentChunk[]): Promise<Segment[]> {
  let paragraphs = 0;
  for (const chunk of chunks) for (const c of chunk.contents) paragraphs += c.count;
  const pool = chunks.length ? threads.forSegments(paragraphs, chunks.length) : null;
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
