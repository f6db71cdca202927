import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BriefingEvents } from "../events/types.ts";

/**
 * The Library's on-disk cache: the built index and the extracted events, keyed by the
 * briefings' content and the code's index and extraction versions. A restart with
 * unchanged briefings loads it instead of reindexing.
 */
/** Bump when the snapshot's own layout changes. */
export const SNAPSHOT_FORMAT = "snapshot-2";

export interface Snapshot {
  key: string;
  builtAt: string;
  /** Paragraph documents in index order: [source id, paragraph number]. */
  docs: Array<[string, number]>;
  index: { mini: string; lead: number[] };
  /** Index term → a surface word, to show suggestions as words rather than stems. */
  vocab: Record<string, string>;
  /** The extraction code's version the events below were made with. */
  eventsVersion: string;
  /** Extracted events by briefing content hash: reused when only other files change. */
  events: Record<string, BriefingEvents>;
}

export function snapshotKey(versions: string[], files: Array<{ id: string; hash: string }>): string {
  const h = createHash("sha256");
  for (const v of versions) h.update(`${v}\n`);
  for (const f of [...files].sort((a, b) => a.id.localeCompare(b.id))) h.update(`${f.id}:${f.hash}\n`);
  return h.digest("hex");
}

export function snapshotPath(cacheDir: string, dataDir: string): string {
  const tag = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, `library-${tag}.json`);
}

/** The snapshot at `file`, or null when there is none or it cannot be used. */
export async function readSnapshot(file: string): Promise<Snapshot | null> {
  try {
    const data = JSON.parse(await readFile(file, "utf8")) as Snapshot;
    return typeof data?.key === "string" && Array.isArray(data.docs) ? data : null;
  } catch {
    return null;
  }
}

/** Write atomically: a crash mid-write leaves the previous snapshot, never half a file. */
export async function writeSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(snapshot));
  await rename(tmp, file);
}
