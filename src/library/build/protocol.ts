import { contentLine, splitContentLines, type Content } from "../snapshot.ts";
import type { FileRead, StageClock } from "./reader.ts";

/**
 * What the build threads are told and answer. Contents travel as their snapshot lines and segments as their bytes,
 * in buffers that are moved across (transferred), never copied object by object.
 */

/** Given to every build thread as it starts (its workerData). */
export interface ThreadSetup {
  dataDir: string;
  /** The folder's real path (files are confined to it). */
  realDir: string;
  /** The content hashes the build already has, one a line: files with them are read but not extracted again. */
  knownHashes: string;
  /** Tests only: fail on this job (1: the first), or as the thread starts (0). */
  failAtJob?: number;
}

export type Job = ReadJob | IndexJob;

/** Read, parse and extract these files of the folder. */
export interface ReadJob {
  type: "read";
  files: string[];
}

/** Build one index segment over these contents (their lines in order), numbering each from its first doc id. */
export interface IndexJob {
  type: "index";
  lines: ArrayBuffer;
  firstDocs: Uint32Array;
}

export type Reply = ReadReply | IndexReply | { type: "error"; message: string };

/** Per file, what reading it gave; the contents read are `lines`, in the order of the files that have `line`. */
export interface ReadReply {
  type: "read";
  results: WireRead[];
  lines: ArrayBuffer;
  /** The thread's time on these files. */
  clock: StageClock;
}

type WireRead = Exclude<FileRead, { kind: "read" }> | { kind: "read"; hash: string; warning?: string; line: boolean };

export interface IndexReply {
  type: "index";
  segment: ArrayBuffer;
}

/** The buffer's bytes as an ArrayBuffer of their own, fit to transfer (a Buffer may be a slice of a shared pool). */
export function ownBytes(buf: Buffer): ArrayBuffer {
  if (buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength && buf.buffer instanceof ArrayBuffer)
    return buf.buffer;
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return copy;
}

/** Contents as one buffer of snapshot lines, ready to transfer. */
export const linesOf = (contents: readonly Content[]): ArrayBuffer =>
  ownBytes(Buffer.concat(contents.map(contentLine)));

export function readReply(reads: readonly FileRead[], clock: StageClock): ReadReply {
  const contents = reads.flatMap((r) => (r.kind === "read" && r.content ? [r.content] : []));
  const results = reads.map((r): WireRead => {
    if (r.kind !== "read") return r;
    const { content, ...rest } = r;
    return { ...rest, line: content !== null };
  });
  return { type: "read", results, lines: linesOf(contents), clock };
}

/** The reads a reply carries, each content backed by the reply's buffer (parsed in parts when first asked). */
export function readsOf(reply: ReadReply): FileRead[] {
  const { contents } = splitContentLines(Buffer.from(reply.lines));
  let next = 0;
  return reply.results.map((r): FileRead => {
    if (r.kind !== "read") return r;
    const { line, ...rest } = r;
    const content = line ? contents[next++] : null;
    if (line && !content) throw new Error("a build thread's reply lacks a content line");
    return { ...rest, content };
  });
}
