import { Client, GatewayIntentBits, Options } from "discord.js";
import { NO_MENTIONS } from "./render.ts";
import { pacedRequests, type HeaderlessInfo, type HeaderlessWait } from "./rate-limits.ts";

export interface ClientSettings {
  /** Discord API base, e.g. the test emulator's `http://127.0.0.1:PORT/api`. */
  api?: string;
  /** discord.js caps requests per second even on loopback; tests raise it. */
  globalRequestsPerSecond?: number;
  /** How long to hold requests after a 429 without rate-limit headers (tests shorten it). */
  headerlessWait?: HeaderlessWait;
  /** Told of each 429 without rate-limit headers (it is logged). */
  onHeaderless?: (info: HeaderlessInfo) => void;
  /** How long a request to Discord may go unanswered before it fails (discord.js: 15 s); tests shorten it. */
  requestTimeoutMs?: number;
}

/**
 * The bot's discord.js client: only the Guilds and GuildMessages intents (no privileged
 * intents — a mention's text and a context-menu target arrive without MessageContent),
 * mentions disabled by default on everything it sends, and a 429 without rate-limit headers
 * waited out instead of retried at once (rate-limits.ts).
 */
export function createClient(settings: ClientSettings = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: NO_MENTIONS,
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 50 }),
    rest: {
      ...(settings.api ? { api: settings.api } : {}),
      ...(settings.globalRequestsPerSecond ? { globalRequestsPerSecond: settings.globalRequestsPerSecond } : {}),
      ...(settings.requestTimeoutMs ? { timeout: settings.requestTimeoutMs } : {}),
      makeRequest: pacedRequests(settings.onHeaderless ?? (() => undefined), settings.headerlessWait),
    },
  });
}
