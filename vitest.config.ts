import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Many tests wait on child processes, the emulator or the disk, so a worker per core and one more keep both cores
    // busy (vitest's default, one fewer than the cores, runs the suite one file at a time on a 2-core machine).
    maxWorkers: Math.max(3, availableParallelism()),
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Test folders are written just before they are read: a short settle time (the default is 2 s) for every CLI and
    // npm start the tests spawn. Tests of the settle time set their own.
    env: { BRIEFING_SETTLE_MS: "50" },
  },
});
