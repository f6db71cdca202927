import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Child process: open the Library from the snapshot and answer one search, as a restarted
 * bot would (views built between answers, as the bot's are); print `ANSWER {…}` the moment the answer exists (the
 * parent times process start to that line). With a fresh word, once those views are built, save a new briefing into
 * the folder and time until a search finds it (`freshS`) through the bot's folder watcher, then until its events are
 * in the views too (`eventsS`), with the event-loop delay over that time (bench/loop-delay.ts: a rebuild on the main
 * thread shows as one long delay) and over the time until it is searchable: `FRESH {…}`; and remove the file again.
 * The harness runs it bundled, as `npm start` runs the bot (bin/build.mjs);
 * by hand: node --import tsx bench/cold-start.ts <dataDir> <cacheDir> <query> [freshWord]
 */
const [dataDir, cacheDir, query, freshWord] = process.argv.slice(2);
const started = performance.now(); // ms since this process started (performance.timeOrigin)
const { Library } = await import("../src/library/library.ts");
const { execute } = await import("../commands/index.ts");
const imported = performance.now();
// As the bot opens it: the snapshot's files served at once, its folder watcher checking them right after.
const library = await Library.open({ dataDir, cacheDir, views: "eager", checkFolder: false });
const opened = performance.now();
const outcome = execute(library, "search", { query, limit: 5 });
const answered = performance.now();
const hits = outcome.ok ? outcome.answer.items.length : 0;
const ms = (x: number) => Number(x.toFixed(1));
process.stdout.write(
  `ANSWER ${JSON.stringify({ startMs: ms(started), importMs: ms(imported - started), openMs: ms(opened - imported), answerMs: ms(answered - opened), sinceStartMs: ms(answered), fromCache: library.build.fromCache, hits })}\n`,
);

if (freshWord) {
  const file = path.join(dataDir, `zz_fresh_${process.pid}.txt`);
  const findsIt = (lib: typeof library) => lib.search({ query: freshWord, limit: 1 }).total > 0;
  const { watchLibrary } = await import("../src/library/watch.ts");
  const { pino } = await import("pino");
  const { watchLoop } = await import("./loop-delay.ts");
  let current = library;
  const watcher = watchLibrary({
    dataDir,
    cacheDir,
    log: pino({ level: "silent" }),
    views: "eager",
    current: () => current,
    onLibrary: (l) => (current = l),
  });
  await watcher.ready; // a bot that has been running: the watch is up and has checked the folder …
  await library.viewsReady; // … and has built its views
  const loop = watchLoop();
  const untilFound = watchLoop();
  const saved = performance.now();
  writeFileSync(
    file,
    `---\ntitle: "Fresh briefing"\npublished: 2025-06-30\n---\nThe minister spoke about ${freshWord} at a press conference.\n`,
  );
  let found: typeof library | null = null;
  let freshS: number | null = null;
  let eventsS: number | null = null;
  let loopUntilFound: Awaited<ReturnType<typeof loop.stop>> = null;
  // The watcher's fs.watch and timers do not hold the process open; this does, while waiting.
  const keepAlive = setInterval(() => undefined, 1000);
  try {
    for (;;) {
      const r = await watcher.nextRebuild();
      if (r.ok && r.library && findsIt(r.library)) found = r.library;
      if (found || !r.ok) break;
    }
    freshS = Number(((performance.now() - saved) / 1000).toFixed(3));
    loopUntilFound = await untilFound.stop();
    if (found) {
      await found.viewsReady;
      eventsS = Number(((performance.now() - saved) / 1000).toFixed(3));
    }
  } finally {
    const loopDelay = await loop.stop();
    clearInterval(keepAlive);
    await watcher.close();
    rmSync(file, { force: true });
    const line = { freshS, eventsS, found: found !== null, via: "watchLibrary", loopDelay, loopUntilFound };
    process.stdout.write(`FRESH ${JSON.stringify(line)}\n`);
  }
}
