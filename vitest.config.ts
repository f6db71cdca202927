import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Test folders are written just before they are read: a short settle time (the default is 2 s) for every CLI and
    // npm start the tests spawn. Tests of the settle time set their own.
    env: { BRIEFING_SETTLE_MS: "50" },
  },
});
