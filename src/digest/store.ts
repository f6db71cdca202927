import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * What the digest remembers between runs, in one JSON file: per channel, which briefings it
 * has been sent; per schedule, up to when its runs are done; and digests recorded but not yet
 * fully posted. The file is replaced atomically (write a temporary file, fsync, rename), so a
 * crash leaves either the old or the new state, never half of one, and it is validated when
 * read: a file that fails is reported and moved aside, never silently reset.
 */

export const STATE_FILE = "digest-state.json";
const iso = z.iso.datetime({ offset: true });

/** One message of a recorded digest: its exact body and the nonce it is always posted with. */
const partSchema = z.object({
  /** Discord's nonce (≤ 25 characters): posting again with it returns the first message. */
  nonce: z.string().min(1).max(25),
  /** The message body, as posted (without nonce). */
  body: z.record(z.string(), z.unknown()),
  /** Set once Discord has accepted the part. */
  messageId: z.string().nullable(),
});

const pendingSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  channel: z.string(),
  createdAt: iso,
  reason: z.enum(["schedule", "manual"]),
  /** The schedule whose run created it (null for /digest now). */
  schedule: z.string().nullable(),
  /** Briefing ids this digest delivers: marked sent once every part is posted. */
  briefings: z.array(z.string()),
  counts: z.object({ briefings: z.number(), meetings: z.number(), pledges: z.number() }),
  parts: z.array(partSchema).min(1),
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  /** The failure needs someone to act (missing access, unknown channel…): retried only at the next run. */
  permanent: z.boolean(),
  /** When to try again after a temporary failure. */
  retryAt: iso.nullable(),
});

const lastRunSchema = z.object({
  /** The scheduled time that was due (the earliest, when several were missed). */
  due: iso,
  ranAt: iso,
  outcome: z.enum(["posted", "pending", "failed", "nothing new", "noted"]),
  digest: z.string().nullable(),
  detail: z.string().nullable(),
});

const scheduleStateSchema = z.object({
  firstSeenAt: iso,
  /** Every run due at or before this time has been done (or recorded to be posted). */
  coveredUntil: iso,
  lastRun: lastRunSchema.nullable(),
});

const channelStateSchema = z.object({
  /** When the channel's first schedule was first seen: briefings present then are the baseline. */
  baselineAt: iso,
  /** Briefing id → the digest that delivered it, or "baseline". */
  sent: z.record(z.string(), z.string()),
  lastDigestAt: iso.nullable(),
});

export const stateSchema = z.object({
  version: z.literal(1),
  schedules: z.record(z.string(), scheduleStateSchema),
  channels: z.record(z.string(), channelStateSchema),
  pending: z.array(pendingSchema),
});

export type DigestState = z.infer<typeof stateSchema>;
export type PendingDigest = z.infer<typeof pendingSchema>;
export type DigestPart = z.infer<typeof partSchema>;
export type ScheduleState = z.infer<typeof scheduleStateSchema>;
export type ChannelState = z.infer<typeof channelStateSchema>;
export type LastRun = z.infer<typeof lastRunSchema>;

export const emptyState = (): DigestState => ({ version: 1, schedules: {}, channels: {}, pending: [] });

export type ReadResult = { ok: true; state: DigestState; found: boolean } | { ok: false; problem: string };

/** Read and validate the state file; a missing file is an empty state, a bad one a problem. */
export function readStateFile(file: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { ok: true, state: emptyState(), found: false };
    return { ok: false, problem: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: `is not valid JSON (${(err as Error).message})` };
  }
  const parsed = stateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: `is not a digest state: ${issue.path.join(".") || "(top level)"} ${issue.message}` };
  }
  return { ok: true, state: parsed.data, found: true };
}

/** Write `data` to `file` atomically: a temporary file in the same folder, fsynced, renamed over it. */
export function writeFileAtomic(file: string, data: string): void {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const fd = openSync(tmp, "w", 0o600);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  try {
    const dirFd = openSync(dir, "r");
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Some platforms cannot fsync a folder; the rename is still atomic.
  }
}

export interface OpenedStore {
  store: DigestStore;
  /** Set when the file was corrupt: what was wrong and where it was moved. */
  setAside: { problem: string; movedTo: string } | null;
}

/**
 * The state in memory plus its file. Every change goes through `update`, which applies it and
 * writes the whole state before resolving; writes never interleave.
 */
export class DigestStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private current: DigestState,
  ) {}

  /** Open the state in `dir`. A corrupt file is renamed `…corrupt-<time>` and reported; the store starts empty. */
  static open(dir: string, now: () => number = Date.now): OpenedStore {
    const file = path.join(dir, STATE_FILE);
    const read = readStateFile(file);
    if (read.ok) return { store: new DigestStore(file, read.state), setAside: null };
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, "-");
    const movedTo = `${file}.corrupt-${stamp}`;
    try {
      renameSync(file, movedTo);
    } catch (err) {
      throw new Error(
        `the digest state file ${file} ${read.problem}, and could not be moved aside (${String(err)}): move or fix it by hand`,
        { cause: err },
      );
    }
    return { store: new DigestStore(file, emptyState()), setAside: { problem: read.problem, movedTo } };
  }

  /** A deep copy of the state: read freely, change only through `update`. */
  get state(): DigestState {
    return structuredClone(this.current);
  }

  /** Apply `change` to a copy of the state and persist it; the new state is kept only once written. */
  update(change: (draft: DigestState) => void): Promise<void> {
    const run = async () => {
      const draft = structuredClone(this.current);
      change(draft);
      const checked = stateSchema.parse(draft);
      writeFileAtomic(this.file, `${JSON.stringify(checked, null, 1)}\n`);
      this.current = checked;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
