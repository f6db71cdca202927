import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import { Events, type Client } from "discord.js";
import { formatProblem } from "../briefings/folder.ts";
import { newsroomGuilds, type Env } from "../runtime/settings.ts";
import { createDigests, type Digests, type DigestTuning } from "./digest-setup.ts";
import { digestAccess, digestAccessLines } from "./digest-access.ts";
import { headerlessLine, type HeaderlessInfo, type HeaderlessWait } from "./rate-limits.ts";
import type { DigestScheduler } from "../digest/scheduler.ts";
import { Library } from "../library/library.ts";
import { commandContext } from "../../commands/index.ts";
import { watchLibrary, type LibraryWatcher } from "../library/watch.ts";
import { createLogger } from "../runtime/log.ts";
import { acquireInstanceLock } from "../runtime/instance-lock.ts";
import { cacheLine, folderProblem } from "../runtime/folders.ts";
import { attachHandlers } from "./bot.ts";
import { fatalClose, type FatalClose } from "./gateway-close.ts";
import { classifyConnectError, untilStopped } from "./connect-error.ts";
import { ButtonStates } from "./button-state.ts";
import { createClient, type ClientSettings } from "./client.ts";
import type { BotContext } from "./bot-context.ts";
import { botEdit } from "./edit-setup.ts";
import { GuildAccess } from "./guild-access.ts";

export interface RunningBot {
  client: Client;
  context: BotContext;
  /** The digest scheduler, when DIGEST_SCHEDULES is set. */
  digest: DigestScheduler | null;
  /** Rebuilds the Library when data/briefings changes (null when watching is off). */
  watcher: LibraryWatcher | null;
  /** Settles when the gateway closed for good (bad token, intents…); already logged. */
  fatal: Promise<FatalClose>;
  stop: () => Promise<void>;
}

export interface RunOptions {
  digest?: DigestTuning;
  /** Folder watching: quiet time before a rebuild, or false for none. */
  watch?: { settleMs?: number; retryMs?: number; checkMs?: number } | false;
  /** Waits between tries when Discord cannot be reached at start: doubling from `firstMs` up to `maxMs`. */
  connectRetry?: { firstMs: number; maxMs: number };
  /** Aborted: stop trying to connect (Ctrl-C while the network is down). */
  signal?: AbortSignal;
}

const CONNECT_RETRY = { firstMs: 1000, maxMs: 30_000 };

/**
 * Log in and wait until the client is ready. A failure trying again can help (no network, DNS, refused, Discord's
 * 5xx) is logged with the wait and tried again, doubling the wait up to a cap; any other is a StartError.
 */
async function login(newClient: () => Client, env: Env, log: Logger, options: RunOptions): Promise<Client> {
  const host = env.DISCORD_API_URL ? new URL(env.DISCORD_API_URL).host : "discord.com";
  const retry = options.connectRetry ?? CONNECT_RETRY;
  for (let attempt = 1; ; attempt++) {
    const client = newClient();
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    try {
      await untilStopped(
        client.login(env.DISCORD_TOKEN).then(() => ready),
        options.signal,
      );
      if (attempt > 1) log.info({ attempt }, "reached Discord");
      return client;
    } catch (err) {
      if (options.signal?.aborted) {
        await client.destroy();
        throw err;
      }
      const failure = classifyConnectError(err, host);
      if (!failure.retry) throw new StartError(failure.message);
      const waitMs = Math.min(retry.maxMs, retry.firstMs * 2 ** (attempt - 1));
      log.warn({ attempt, waitMs }, `${failure.message}; trying again in ${Math.round(waitMs / 100) / 10} s`);
      await client.destroy();
      await sleep(waitMs, undefined, options.signal ? { signal: options.signal } : {});
    }
  }
}

/** A start-up the user must fix (another instance running…): logged as its message alone, no stack. */
export class StartError extends Error {}

/**
 * Take the state folder's lock, open the Library, connect to Discord and answer until stopped; keep the Library up
 * to date with its folder, and post the scheduled digests.
 */
export async function runBot(
  env: Env,
  log: Logger,
  settings: ClientSettings = {},
  options: RunOptions = {},
): Promise<RunningBot> {
  const stateProblem = await folderProblem(env.STATE_DIR);
  if (stateProblem && env.DIGEST_SCHEDULES?.length)
    throw new StartError(
      `the state folder ${env.STATE_DIR} (STATE_DIR) is not usable (${stateProblem}): digests need it to remember what they posted; make it writable, point STATE_DIR elsewhere or unset DIGEST_SCHEDULES`,
    );
  if (stateProblem)
    log.warn(
      { stateDir: env.STATE_DIR, problem: stateProblem },
      `the state folder ${env.STATE_DIR} (STATE_DIR) is not usable (${stateProblem}): running without the lock that keeps a second bot from starting`,
    );
  const lock = stateProblem ? NO_LOCK : acquireInstanceLock(env.STATE_DIR);
  if (!lock.ok) throw new StartError(lock.message);
  if (lock.tookOverFrom)
    log.info({ previous: lock.tookOverFrom }, "took over the lock of a bot that is no longer running");
  try {
    const bot = await connect(env, log, settings, options);
    return { ...bot, stop: () => bot.stop().finally(lock.release) };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/**
 * The Library the bot starts serving, with a line for each problem found. With the folder watched, a snapshot's files
 * are served as they were and the watcher checks them right after (a file changed meanwhile is read then).
 */
async function openServed(
  env: Env,
  log: Logger,
  cacheDir: string | null,
  settleMs: number,
  watched: boolean,
): Promise<Library> {
  // Views (events, people, lookups) are built between answers; autocomplete offers none until they are.
  const library = await Library.open({
    dataDir: env.DATA_DIR,
    cacheDir,
    views: "eager",
    settleMs,
    checkFolder: !watched,
  });
  if (library.build.cacheNote) log.warn({ cacheDir }, `cache: ${library.build.cacheNote}`);
  if (library.build.buildNote) log.warn({ threads: library.build.threads }, `build: ${library.build.buildNote}`);
  for (const p of library.problems) log.warn({ file: p.file }, formatProblem(p));
  log.info(
    {
      briefings: library.briefings.length,
      paragraphs: library.paragraphCount,
      skipped: library.problems.length,
      fromCache: library.build.fromCache,
    },
    "briefings loaded",
  );
  if (library.build.unsettled.length)
    log.info({ files: library.build.unsettled }, "briefings still being written: read once they settle");
  return library;
}

/** Without a usable state folder (and no digests): no lock to take. */
const NO_LOCK = { ok: true as const, release: () => {}, tookOverFrom: null };

/** CACHE_DIR, or null (with one line saying why) when files cannot be kept there: the bot then runs without one. */
async function usableCache(env: Env, log: Logger): Promise<string | null> {
  const problem = await folderProblem(env.CACHE_DIR);
  if (!problem) return env.CACHE_DIR;
  log.warn({ cacheDir: env.CACHE_DIR, problem }, cacheLine(env.CACHE_DIR, problem));
  return null;
}

async function connect(env: Env, log: Logger, settings: ClientSettings, options: RunOptions): Promise<RunningBot> {
  const cacheDir = await usableCache(env, log);
  const settleMs = env.BRIEFING_SETTLE_MS ?? 0;
  let library = await openServed(env, log, cacheDir, settleMs, options.watch !== false);

  const watcher =
    options.watch === false
      ? null
      : watchLibrary({
          dataDir: env.DATA_DIR,
          cacheDir,
          log,
          current: () => library,
          views: "eager",
          fileSettleMs: settleMs,
          onLibrary: (next) => {
            library = next;
          },
          ...options.watch,
        });
  const onHeaderless = (info: HeaderlessInfo) => log.warn(info, headerlessLine(info));
  let live: Client | null = null;
  const digests = createDigests(env, log, () => library, {
    rest: { ...restTuning(settings), onHeaderless },
    access: (channel) => (live ? digestAccess(live, channel) : null),
    ...options.digest,
  });

  const context: BotContext = {
    library: () => library,
    log,
    access: new GuildAccess(newsroomGuilds(env), log),
    commands: commandContext(env.STATE_DIR),
    buttons: new ButtonStates(path.join(env.CACHE_DIR, "buttons.json")),
    digest: digests?.scheduler ?? null,
    edit: botEdit(env, watcher, () => library),
  };
  let fatal: Promise<FatalClose> = new Promise(() => {});
  // A client that failed to log in cannot log in again (discord.js marks it destroyed): each try has its own.
  const newClient = () => {
    const client = createClient({
      ...(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}),
      onHeaderless,
      ...settings,
    });
    attachHandlers(client, context);
    fatal = new Promise<FatalClose>((resolve) =>
      client.on(Events.ShardDisconnect, (event) => {
        const close = fatalClose(event.code);
        if (!close) return;
        log.fatal({ code: close.code }, close.message);
        resolve(close);
      }),
    );
    return client;
  };
  let client: Client;
  try {
    client = await login(newClient, env, log, options);
  } catch (err) {
    await watcher?.close();
    await digests?.stop();
    throw err;
  }
  live = client;
  if (digests) {
    // The schedule starts once the watcher's first check has read what changed while the bot was down.
    await watcher?.caughtUp;
    startDigests(digests, client, log);
  }
  return {
    client,
    context,
    digest: digests?.scheduler ?? null,
    watcher,
    fatal,
    stop: async () => {
      await digests?.stop();
      await watcher?.close();
      await client.destroy();
    },
  };
}

/** The digest REST client's settings from the bot's. */
function restTuning(settings: ClientSettings): { globalRequestsPerSecond?: number; headerlessWait?: HeaderlessWait } {
  return {
    ...(settings.globalRequestsPerSecond ? { globalRequestsPerSecond: settings.globalRequestsPerSecond } : {}),
    ...(settings.headerlessWait ? { headerlessWait: settings.headerlessWait } : {}),
  };
}

/** Once connected: say what is scheduled and what each digest channel lacks, then start the schedule. */
function startDigests(digests: Digests, client: Client, log: Logger): void {
  const { schedules } = digests.service;
  log.info(
    { schedules: schedules.map((s) => s.key), whenEmpty: digests.service.options.whenEmpty },
    "digests scheduled",
  );
  for (const { line, ...where } of digestAccessLines(client, schedules)) log.warn(where, line);
  void digests.scheduler.start();
}

/** `npm start` with a token: run until Ctrl-C or SIGTERM, then disconnect cleanly. */
export async function startBot(env: Env): Promise<void> {
  const log = createLogger(env.LOG_LEVEL, [env.DISCORD_TOKEN]);
  // Signals are handled from the start: a stop asked for while connecting waits for the
  // connection, then disconnects.
  let starting: Promise<RunningBot | null> = Promise.resolve(null);
  let stopping = false;
  const connecting = new AbortController();
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    connecting.abort();
    void starting
      .then((bot) => bot?.stop())
      .catch((err: unknown) => log.error({ err }, "error while shutting down"))
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("unhandledRejection", (err) => log.error({ err }, "unhandled rejection"));
  starting = runBot(env, log, {}, { signal: connecting.signal }).catch((err: unknown) => {
    if (stopping) return null;
    if (err instanceof StartError) {
      log.fatal(err.message);
      process.exitCode = 1;
      return null;
    }
    log.fatal({ err }, "the bot could not start");
    process.exitCode = 1;
    return null;
  });
  const bot = await starting;
  if (bot === null) {
    if (!stopping) process.exit(1);
    return;
  }
  // A close discord.js gives up on: stop, and exit non-zero so that a supervisor restarts the bot.
  void bot.fatal.then(() => {
    if (stopping) return;
    stopping = true;
    void bot
      .stop()
      .catch(() => undefined)
      .finally(() => process.exit(1));
  });
}
