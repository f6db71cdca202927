import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/**
 * One bot per state folder: a second `npm start` (an old one left in a terminal, a supervisor's duplicate) would
 * answer every interaction twice and could post a digest twice. The lock is a file in STATE_DIR holding the pid and
 * host of the bot that holds it, created exclusively; a lock left by a process that no longer runs on this host is
 * taken over. A lock from another host cannot be checked, so it holds until removed by hand.
 */

export const LOCK_FILE = "bot.lock";

export interface LockHolder {
  pid: number;
  host: string;
  startedAt: string;
}

export type LockResult =
  | { ok: true; release: () => void; tookOverFrom: LockHolder | null }
  | { ok: false; holder: LockHolder | null; message: string };

/** Whether a process with this pid runs on this machine (EPERM: it runs, as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as Partial<LockHolder>;
    if (typeof data.pid === "number" && typeof data.host === "string")
      return { pid: data.pid, host: data.host, startedAt: String(data.startedAt ?? "") };
  } catch {
    // unreadable or half-written: treated as no holder
  }
  return null;
}

const stale = (h: LockHolder | null) => h === null || (h.host === hostname() && !running(h.pid));

/** Take the state folder's lock for this process, or say who holds it. */
export function acquireInstanceLock(stateDir: string, now: () => Date = () => new Date()): LockResult {
  mkdirSync(stateDir, { recursive: true });
  const file = path.join(stateDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), startedAt: now().toISOString() };
  let tookOverFrom: LockHolder | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify(me)}\n`, { flag: "wx" });
      const release = () => {
        if (readHolder(file)?.pid === me.pid) unlinkSync(file);
      };
      return { ok: true, release, tookOverFrom };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const holder = readHolder(file);
    if (!stale(holder) || attempt > 0) return { ok: false, holder, message: heldMessage(file, holder) };
    tookOverFrom = holder;
    unlinkSync(file);
  }
  return { ok: false, holder: null, message: heldMessage(file, null) };
}

function heldMessage(file: string, h: LockHolder | null): string {
  const who = h ? `process ${h.pid} on ${h.host}, started ${h.startedAt}` : "another process";
  return (
    `another bot is already running with this STATE_DIR (${who}): stop it first, ` +
    `or delete ${file} if that process is gone`
  );
}
