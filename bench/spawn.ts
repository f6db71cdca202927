import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface ChildRun {
  /** Wall-clock ms from spawn to each tagged line (`TAG {json}`) the child printed. */
  at: Record<string, number>;
  lines: Record<string, unknown>;
  code: number | null;
  stderr: string;
}

/**
 * Run a file in a fresh Node process — TypeScript under tsx, or an already built `.mjs` under
 * bare Node — collecting its `TAG {json}` lines with their arrival times.
 */
export function runChild(script: string, args: string[], nodeFlags: string[] = []): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const loader = script.endsWith(".ts") ? ["--import", "tsx"] : [];
    const child = spawn(process.execPath, [...nodeFlags, ...loader, script, ...args], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    const run: ChildRun = { at: {}, lines: {}, code: null, stderr: "" };
    let buffer = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      const now = performance.now() - t0;
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const m = /^([A-Z]+) (\{.*\})$/.exec(line);
        if (!m) continue;
        run.at[m[1]] = now;
        run.lines[m[1]] = JSON.parse(m[2]);
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      run.stderr = (run.stderr + chunk).slice(-20_000);
      if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ ...run, code }));
  });
}
