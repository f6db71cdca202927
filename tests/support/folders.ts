import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const SAMPLES_DIR = fileURLToPath(new URL("../../data/briefings", import.meta.url));

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = "briefings-test-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A temporary copy of the bundled briefings, plus any extra files given. */
export function sampleFolder(extra: Record<string, string | Buffer> = {}): { dir: string; cleanup: () => void } {
  const t = tempDir();
  const dir = path.join(t.dir, "briefings");
  cpSync(SAMPLES_DIR, dir, { recursive: true });
  for (const [name, content] of Object.entries(extra)) writeFileSync(path.join(dir, name), content);
  return { dir, cleanup: t.cleanup };
}

/** A briefing file's text with front matter. */
export function briefingFile(
  meta: { title?: string; outlet?: string; published?: string; url?: string },
  body: string,
): string {
  const lines = Object.entries(meta).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  return `---\n${lines.join("\n")}\n---\n${body}\n`;
}
