import { Client, GatewayIntentBits, Options } from "discord.js";
import { NO_MENTIONS } from "./render.ts";

export interface ClientSettings {
  /** Discord API base, e.g. the test emulator's `http://127.0.0.1:PORT/api`. */
  api?: string;
  /** discord.js caps requests per second even on loopback; tests raise it. */
  globalRequestsPerSecond?: number;
}

/**
 * The bot's discord.js client: only the Guilds and GuildMessages intents (no privileged
 * intents — a mention's text and a context-menu target arrive without MessageContent),
 * and mentions disabled by default on everything it sends.
 */
export function createClient(settings: ClientSettings = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: NO_MENTIONS,
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 50 }),
    rest: {
      ...(settings.api ? { api: settings.api } : {}),
      ...(settings.globalRequestsPerSecond ? { globalRequestsPerSecond: settings.globalRequestsPerSecond } : {}),
    },
  });
}
