import { Writable } from "node:stream";
import type { Env } from "../../src/runtime/settings.ts";
import { deployCommands } from "../../src/discord/deploy-commands.ts";
import { parseSchedules } from "../../src/digest/schedule.ts";
import { runBot, type RunningBot } from "../../src/discord/start.ts";
import type { ClientSettings } from "../../src/discord/client.ts";
import { createLogger } from "../../src/runtime/log.ts";
import { startEmulator, type DiscordEmulator } from "./emulator/index.ts";
import { sampleFolder, tempDir } from "./folders.ts";

export interface BotHarness {
  emu: DiscordEmulator;
  bot: RunningBot;
  env: Env;
  /** Everything the bot logged. */
  logs: () => string;
  /** Lines deploy-commands printed. */
  registered: string[];
  dataDir: string;
  cacheDir: string;
  stop: () => Promise<void>;
}

/** The bot's environment pointed at the emulator, plus folders and other settings. */
export function emulatorEnv(emu: DiscordEmulator, rest: Partial<Env> & { DATA_DIR: string }): Env {
  return {
    DISCORD_TOKEN: emu.token,
    DISCORD_APP_ID: emu.appId,
    DISCORD_GUILD_ID: emu.guildId,
    DISCORD_API_URL: emu.apiUrl,
    LOG_LEVEL: "info",
    ...rest,
  } as Env;
}

/**
 * The bot's environment for digests (`schedules` written as in DIGEST_SCHEDULES) over the given folders, with its
 * commands deployed to the emulated guild.
 */
export async function digestEnv(
  emu: DiscordEmulator,
  folders: { DATA_DIR: string; CACHE_DIR: string; STATE_DIR: string },
  schedules: string,
): Promise<Env> {
  const parsed = parseSchedules(schedules);
  if (!parsed.ok) throw new Error(parsed.message);
  const env = emulatorEnv(emu, { ...folders, DIGEST_SCHEDULES: parsed.schedules });
  await deployCommands(env, () => undefined);
  return env;
}

/**
 * The real bot on a real discord.js client against the Discord emulator, over a copy of the
 * bundled briefings plus `extra` files, with its commands deployed to the emulated guild; `settings` adds to its
 * environment, `client` to its discord.js client's settings.
 */
export async function startHarness(
  extra: Record<string, string> = {},
  settings: (emu: DiscordEmulator) => Partial<Env> = () => ({}),
  client: ClientSettings = {},
): Promise<BotHarness> {
  const folder = sampleFolder(extra);
  const cache = tempDir("briefings-e2e-cache-");
  const state = tempDir("briefings-e2e-state-");
  const emu = await startEmulator();
  const env = emulatorEnv(emu, { DATA_DIR: folder.dir, CACHE_DIR: cache.dir, STATE_DIR: state.dir, ...settings(emu) });
  const registered: string[] = [];
  await deployCommands(env, (line) => registered.push(line));
  let logs = "";
  const sink = new Writable({ write: (c, _e, cb) => ((logs += c.toString()), cb()) });
  const bot = await runBot(env, createLogger("info", [emu.token], sink), {
    globalRequestsPerSecond: 10_000,
    ...client,
  });
  return {
    emu,
    bot,
    env,
    logs: () => logs,
    registered,
    dataDir: folder.dir,
    cacheDir: cache.dir,
    stop: async () => {
      await bot.stop();
      await emu.stop();
      folder.cleanup();
      cache.cleanup();
      state.cleanup();
    },
  };
}
