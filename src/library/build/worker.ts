/**
 * A build thread: reads, parses and extracts batches of briefing files, and builds index segments, for the build on
 * the main thread (see threads.ts). Started through boot.mjs from the TypeScript, or bundled as build-worker.mjs.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readBriefingFileSync } from "../../briefings/load.ts";
import { warmBriefingFile } from "../../briefings/warm.ts";
import { extractEvents } from "../../extraction/extract.ts";
import { splitContentLines } from "../snapshot.ts";
import { indexContents } from "./index-docs.ts";
import { ownBytes, readReply, type Job, type Reply, type ThreadSetup } from "./protocol.ts";
import { newClock, readOne, type FileRead } from "./reader.ts";

const setup = workerData as ThreadSetup;
/** Hashes the build has, and those this thread has read since: such a file is not extracted again. */
const known = new Set(setup.knownHashes ? setup.knownHashes.split("\n") : []);
/** A thread reads its files synchronously: it has nothing else to do meanwhile (see readBriefingFileSync). */
const reader = { readBriefingFile: readBriefingFileSync, extractEvents };
let jobs = 0;

if (setup.failAtJob === 0) throw new Error("a test made this build thread fail as it started");

parentPort!.on("message", (job: Job) => {
  if (++jobs === setup.failAtJob) throw new Error(`a test made this build thread fail on job ${jobs}`);
  void answer(job).then(
    ([reply, transfer]) => parentPort!.postMessage(reply, transfer),
    (err: unknown) => parentPort!.postMessage({ type: "error", message: errorLine(err) } satisfies Reply),
  );
});

async function answer(job: Job): Promise<[Reply, ArrayBuffer[]]> {
  if (job.type === "read") {
    const reads: FileRead[] = [];
    const clock = newClock();
    for (const name of job.files) warmBriefingFile(setup.dataDir, name);
    for (const name of job.files) {
      // A turn of the event loop, for the warming reads to go on (a file takes milliseconds to extract).
      await new Promise(setImmediate);
      const read = await readOne(reader, setup.dataDir, setup.realDir, name, (hash) => known.has(hash), clock);
      if (read.kind === "read") known.add(read.hash);
      reads.push(read);
    }
    const reply = readReply(reads, clock);
    return [reply, [reply.lines]];
  }
  const { contents } = splitContentLines(Buffer.from(job.lines));
  if (contents.length !== job.firstDocs.length) throw new Error("an index job's content lines are not whole");
  const segment = ownBytes(indexContents(contents, job.firstDocs).toBuffer());
  return [{ type: "index", segment }, [segment]];
}

function errorLine(err: unknown): string {
  return err instanceof Error ? err.message.split("\n")[0] : String(err);
}
