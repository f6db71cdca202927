#!/usr/bin/env node
// `npm start`: bundle the bot (bin/build.mjs) and run the bundle in this process. When the build folder cannot be
// written (.cache read-only, or a file), one line says so and the TypeScript runs through tsx's loader instead (about
// half a second slower to start), so a broken cache folder never stops the bot. BRIEFINGS_BUILD_DIR names another
// build folder (tests).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { BUILD_DIR, bundle } from "./build.mjs";

const dir = process.env.BRIEFINGS_BUILD_DIR || BUILD_DIR;
let built = true;
try {
  await bundle({ main: "src/app/main.ts" }, dir, "silent");
} catch (err) {
  built = false;
  const first = err?.errors?.[0]?.text ?? (err instanceof Error ? err.message.split("\n")[0] : String(err));
  process.stderr.write(`cannot write the build to ${dir} (${first}): running the TypeScript directly instead\n`);
}
if (built) await import(pathToFileURL(path.join(dir, "main.mjs")).href);
else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/app/main.ts");
}
