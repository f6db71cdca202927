import { GatewayCloseCodes } from "discord.js";

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
