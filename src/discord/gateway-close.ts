import type { Logger } from "pino";
import { Events, GatewayCloseCodes, WebSocketShardEvents, type Client, type WebSocketShard } from "discord.js";

/**
 * Gateway closes that discord.js does not recover from: the process would stay up, connected to nothing, while
 * every user sees "The application did not respond". Each gets one line saying what to do; the bot then exits
 * non-zero so a supervisor restarts it (and a restart with the same problem shows the same line).
 */
const FATAL: Partial<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]:
    "Discord refused the bot token (it was reset, perhaps because it was found in public): " +
    "set a new DISCORD_TOKEN (Developer Portal → your app → Bot → Reset Token) and restart",
  [GatewayCloseCodes.DisallowedIntents]:
    "Discord refused the bot's intents: the bot asks only for Guilds and Guild Messages, " +
    "so check the app's settings in the Developer Portal (Bot → Privileged Gateway Intents) and restart",
  [GatewayCloseCodes.InvalidIntents]: "Discord refused the bot's intents as invalid: update the bot and restart",
  [GatewayCloseCodes.InvalidShard]: "Discord refused the shard the bot asked for: restart the bot",
  [GatewayCloseCodes.ShardingRequired]: "Discord requires sharding for a bot in this many servers",
  [GatewayCloseCodes.InvalidAPIVersion]: "Discord refused the gateway version this discord.js speaks: update the bot",
};

export interface FatalClose {
  code: number;
  message: string;
}

/** What a gateway close code means when discord.js gives up on it; null when it reconnects by itself. */
export function fatalClose(code: number): FatalClose | null {
  const message = FATAL[code];
  return message ? { code, message: `disconnected from Discord (close ${code}): ${message}` } : null;
}

/**
 * A dropped gateway connection that discord.js recovers from, in the log: one line when it drops (with Discord's close
 * code), one when discord.js tries again, one when it is back (the session resumed, or a new one). A close that is
 * final is not told here: it is the fatal line above.
 */
export function logGatewayLifecycle(client: Client, log: Logger): void {
  const watched = new WeakSet<WebSocketShard>();
  const away = new Set<number>();
  client.on(Events.ShardReady, (shard) => {
    const ws = client.ws.shards.get(shard);
    if (ws && !watched.has(ws)) {
      watched.add(ws);
      ws.on(WebSocketShardEvents.Close, ({ code }) => {
        if (!fatalClose(code)) log.warn({ shard, code }, `disconnected from Discord (close ${code})`);
      });
    }
    if (away.delete(shard)) log.info({ shard }, "reconnected to Discord (a new session)");
  });
  client.on(Events.ShardReconnecting, (shard) => {
    away.add(shard);
    log.info({ shard }, "reconnecting to Discord");
  });
  client.on(Events.ShardResume, (shard, replayed) => {
    away.delete(shard);
    log.info({ shard, replayed }, `reconnected to Discord: session resumed (${replayed} events replayed)`);
  });
}
