#!/usr/bin/env node
// `npm start` runs this first (bin/start.mjs): bundles the TypeScript into plain ES modules in .cache/build/
// (esbuild, ~0.1 s) so the bot starts under bare Node instead of a TypeScript loader, which
// saves about half a second on every start. Dependencies stay in node_modules (not bundled);
// dynamic imports stay separate chunks, so the terminal shell never loads discord.js.
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BUILD_DIR = path.join(ROOT, ".cache", "build");

/** The build threads' entry (src/library/build/threads.ts starts it), in every bundle beside the entries asked. */
const BUILD_WORKER = { "build-worker": "src/library/build/worker.ts" };

/** Bundle `entries` ({ outName: sourcePath relative to the root }) into `outdir`; `logLevel`: esbuild's. */
export async function bundle(entries, outdir = BUILD_DIR, logLevel = "warning") {
  const workerUrl = pathToFileURL(path.join(path.resolve(ROOT, outdir), "build-worker.mjs")).href;
  await build({
    absWorkingDir: ROOT,
    entryPoints: Object.entries({ ...entries, ...BUILD_WORKER }).map(([out, src]) => ({ out, in: src })),
    define: { BRIEFINGS_BUILD_WORKER: JSON.stringify(workerUrl) },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: true,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    logLevel,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await bundle({ main: "src/app/main.ts" });
}
