import path from "node:path";
import { BUILD_DIR, bundle } from "../../bin/build.mjs";

let built: Promise<string> | null = null;

/**
 * The one-shot CLI (`src/app/cli.ts`) bundled once per test process, as `npm start` bundles the bot, so that each
 * child starts under plain Node instead of compiling the TypeScript again (about 3 s a run on two cores).
 * `bin/briefings.mjs`, the `npx briefings` entry, runs the same module through tsx; one test runs it that way.
 */
export function bundledCli(): Promise<string> {
  return (built ??= (async () => {
    const dir = path.join(BUILD_DIR, `test-cli-${process.pid}`);
    await bundle({ cli: "src/app/cli.ts" }, dir);
    return path.join(dir, "cli.mjs");
  })());
}
