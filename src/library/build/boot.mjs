// Starts a build thread from the TypeScript (tsx, vitest, `npx briefings`): a worker thread gets no loader from its
// parent's in-process registration, so it registers tsx's own before loading worker.ts. A bundle (npm start) starts
// its build-worker.mjs instead (see bin/build.mjs).
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
