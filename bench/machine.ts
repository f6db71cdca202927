import { execFileSync } from "node:child_process";
import os from "node:os";
import type { Machine } from "./result.ts";
import { PROJECT_ROOT } from "./spawn.ts";

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
  };
}

/**
 * The commit measured (read only: `git rev-parse`), with "+changes" when tracked files differ
 * from it; BENCH_COMMIT overrides it (for a copy of the tree outside git).
 */
export function commit(): string | null {
  if (process.env.BENCH_COMMIT) return process.env.BENCH_COMMIT;
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: PROJECT_ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["--no-optional-locks", "status", "--porcelain", "--untracked-files=no"], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return null;
  }
}
