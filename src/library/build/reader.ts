import type { ParseResult } from "../../briefings/load.ts";
import type { BriefingEvents } from "../../extraction/event.ts";
import { freshContent, type Content } from "../snapshot.ts";

export interface Reader {
  /** `readBriefingFile` on the main thread, `readBriefingFileSync` in a build thread. */
  readBriefingFile: (dir: string, name: string, realDir: string) => Promise<ParseResult | null> | ParseResult | null;
  extractEvents: typeof import("../../extraction/extract.ts").extractEvents;
}

let reader: Promise<Reader> | null = null;

/**
 * The parser and the extractor, loaded once. A restart that reads no file never loads them;
 * the folder watcher loads them ahead (about 0.4 s), so a new briefing does not wait for them.
 */
export function loadReader(): Promise<Reader> {
  return (reader ??= Promise.all([import("../../briefings/load.ts"), import("../../extraction/extract.ts")]).then(
    ([{ readBriefingFile }, { extractEvents }]) => ({ readBriefingFile, extractEvents }),
  ));
}

/** What reading one briefing file gave. */
export type FileRead =
  /** The file went away since it was listed. */
  | { kind: "gone" }
  | { kind: "problem"; message: string }
  /** `content`: null when its hash was already known (not extracted again). */
  | { kind: "read"; hash: string; warning?: string; content: Content | null };

/** Milliseconds spent reading files (with parsing and cleaning them) and extracting their events, summed. */
export interface StageClock {
  readMs: number;
  extractMs: number;
}

export const newClock = (): StageClock => ({ readMs: 0, extractMs: 0 });

/**
 * Read, parse and clean one file, then extract its events unless `known(hash)` says its content is already there.
 * The one way a file is read, in this thread or a build thread; the time each part took is added to `clock`.
 */
export async function readOne(
  read: Reader,
  dataDir: string,
  realDir: string,
  name: string,
  known: (hash: string) => boolean,
  clock: StageClock,
): Promise<FileRead> {
  const started = performance.now();
  const parsed: ParseResult | null = await read.readBriefingFile(dataDir, name, realDir);
  const extracting = performance.now();
  clock.readMs += extracting - started;
  if (parsed === null) return { kind: "gone" };
  if (!parsed.ok) return { kind: "problem", message: parsed.message };
  const b = parsed.briefing;
  const warning = parsed.warning ? { warning: parsed.warning } : {};
  if (known(b.hash)) return { kind: "read", hash: b.hash, ...warning, content: null };
  const events: BriefingEvents = read.extractEvents(b);
  clock.extractMs += performance.now() - extracting;
  return {
    kind: "read",
    hash: b.hash,
    ...warning,
    content: freshContent(b.hash, b.meta, b.paragraphs, events, b.removed ?? []),
  };
}
