import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acquireInstanceLock, LOCK_FILE } from "../../src/runtime/instance-lock.ts";
import { tempDir } from "../support/folders.ts";

/** The pid of a process that has already exited. */
function deadPid(): number {
  return Number(
    execFileSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }),
  );
}

describe("one bot per state folder", () => {
  it("refuses a second holder, naming the first, and frees the lock on release", () => {
    const dir = tempDir("briefings-lock-");
    try {
      const first = acquireInstanceLock(dir.dir);
      expect(first.ok).toBe(true);
      const second = acquireInstanceLock(dir.dir);
      expect(second.ok).toBe(false);
      if (second.ok) return;
      expect(second.holder).toMatchObject({ pid: process.pid, host: hostname() });
      expect(second.message).toContain(`process ${process.pid} on ${hostname()}`);
      expect(second.message).toContain(path.join(dir.dir, LOCK_FILE));
      if (first.ok) first.release();
      expect(existsSync(path.join(dir.dir, LOCK_FILE))).toBe(false);
      expect(acquireInstanceLock(dir.dir).ok).toBe(true);
    } finally {
      dir.cleanup();
    }
  });

  it("takes over a lock left by a process that no longer runs", () => {
    const dir = tempDir("briefings-lock-");
    try {
      const gone = { pid: deadPid(), host: hostname(), startedAt: "2026-01-01T00:00:00.000Z" };
      writeFileSync(path.join(dir.dir, LOCK_FILE), JSON.stringify(gone));
      const lock = acquireInstanceLock(dir.dir);
      expect(lock.ok).toBe(true);
      if (!lock.ok) return;
      expect(lock.tookOverFrom).toMatchObject({ pid: gone.pid });
      expect(JSON.parse(readFileSync(path.join(dir.dir, LOCK_FILE), "utf8")).pid).toBe(process.pid);
    } finally {
      dir.cleanup();
    }
  });

  it("keeps a lock held on another host, which it cannot check", () => {
    const dir = tempDir("briefings-lock-");
    try {
      const other = { pid: deadPid(), host: `not-${hostname()}`, startedAt: "2026-01-01T00:00:00.000Z" };
      writeFileSync(path.join(dir.dir, LOCK_FILE), JSON.stringify(other));
      const lock = acquireInstanceLock(dir.dir);
      expect(lock.ok).toBe(false);
      if (!lock.ok) expect(lock.message).toContain(`on not-${hostname()}`);
    } finally {
      dir.cleanup();
    }
  });
});
