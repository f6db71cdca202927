// Starts a build thread from the TypeScript (tsx, vitest, `npx briefings`), where a thread has no loader of its own:
// worker.ts is bundled into one plain module (esbuild, about 0.1 s), kept in .cache/build under the hash of its text,
// and loaded from there, which starts the thread in a fraction of the second or more tsx takes to compile each
// module it loads. Where that cannot be done, tsx's loader is registered in the thread instead. A bundle (npm start)
// starts its own build-worker.mjs and never this file (see bin/build.mjs).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { threadId } from "node:worker_threads";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const entry = fileURLToPath(new URL("./worker.ts", import.meta.url));

/** The bundled thread's file (inside the project, so that the packages it imports resolve), or null. */
async function bundled() {
  try {
    const { build } = await import("esbuild");
    const options = { bundle: true, format: "esm", platform: "node", target: "node20", packages: "external" };
    const result = await build({
      absWorkingDir: root,
      entryPoints: [entry],
      write: false,
      logLevel: "silent",
      ...options,
    });
    const code = result.outputFiles[0].contents;
    const dir = path.join(root, ".cache", "build");
    const file = path.join(dir, `thread-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}-${threadId}.tmp`;
      writeFileSync(tmp, code);
      renameSync(tmp, file);
    }
    return file;
  } catch {
    return null;
  }
}

const file = await bundled();
if (file) await import(pathToFileURL(file).href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./worker.ts");
}
