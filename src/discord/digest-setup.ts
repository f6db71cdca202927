import type { Logger } from "pino";
import type { Env } from "../runtime/settings.ts";
import type { Library } from "../library/library.ts";
import { systemClock, type Clock } from "../digest/clock.ts";
import { DEFAULT_RETRY, digestRest, RestPoster, type DigestRestSettings, type RetryPolicy } from "./digest-poster.ts";
import type { AccessCheck, DigestPoster } from "../digest/ports.ts";
import { digestMessages } from "./digest-messages.ts";
import { DigestScheduler } from "../digest/scheduler.ts";
import { DigestService, type DigestOptions, type StepHook } from "../digest/service.ts";
import { DigestStore } from "../digest/store.ts";

/** Knobs tests turn: a clock they move, quick retries, a hook at each step of a digest. */
export interface DigestTuning {
  clock?: Clock;
  retry?: RetryPolicy;
  options?: Partial<DigestOptions>;
  onStep?: StepHook;
  /** The REST client's settings besides the API address: its request cap (tests raise it), header-less 429s. */
  rest?: Omit<DigestRestSettings, "api">;
  /** Post through this instead of Discord's REST API. */
  poster?: DigestPoster;
  /** What the bot may do in a channel, checked before each digest. */
  access?: AccessCheck;
}

export interface Digests {
  scheduler: DigestScheduler;
  service: DigestService;
  store: DigestStore;
  /** Stop scheduling, stop waiting on retries, let a post in progress end. */
  stop(): Promise<void>;
}

/**
 * The digest machinery for the configured schedules, or null when there are none (or its
 * state cannot be opened, which is logged). Not started: call `scheduler.start()`.
 */
export function createDigests(
  env: Env,
  log: Logger,
  library: () => Library,
  tuning: DigestTuning = {},
): Digests | null {
  const schedules = env.DIGEST_SCHEDULES ?? [];
  if (schedules.length === 0 || !env.DISCORD_TOKEN) return null;
  const clock = tuning.clock ?? systemClock;
  const stateDir = env.STATE_DIR;
  let opened: ReturnType<typeof DigestStore.open>;
  try {
    opened = DigestStore.open(stateDir, () => clock.now());
  } catch (err) {
    log.error({ err, stateDir }, "digests are off: their state cannot be opened");
    return null;
  }
  const { store, setAside } = opened;
  if (setAside) {
    log.error(
      { file: store.file, movedTo: setAside.movedTo, problem: setAside.problem },
      `the digest state file ${setAside.problem}; it was moved to ${setAside.movedTo} and digests start afresh: each channel's baseline is the briefings present now, so nothing is announced twice, but briefings added since the last good digest are not announced (see them with \`npx briefings digest --since DATE\`)`,
    );
  }
  const abort = new AbortController();
  const poster =
    tuning.poster ??
    new RestPoster(
      digestRest(env.DISCORD_TOKEN, { ...(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}), ...tuning.rest }),
      tuning.retry ?? DEFAULT_RETRY,
      abort.signal,
      (info) =>
        log.warn(info, `digest post to channel ${info.channel} failed (${info.error}); retrying in ${info.waitMs} ms`),
    );
  const service = new DigestService({
    store,
    poster,
    render: (digest, id) => digestMessages(digest, id),
    library,
    clock,
    log,
    schedules,
    options: { ...(env.DIGEST_WHEN_EMPTY ? { whenEmpty: env.DIGEST_WHEN_EMPTY } : {}), ...tuning.options },
    ...(tuning.onStep ? { onStep: tuning.onStep } : {}),
    ...(tuning.access ? { access: tuning.access } : {}),
  });
  const scheduler = new DigestScheduler(service, clock, log);
  return {
    scheduler,
    service,
    store,
    stop: async () => {
      abort.abort();
      await scheduler.stop();
    },
  };
}
