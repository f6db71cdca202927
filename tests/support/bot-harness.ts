import { Writable } from "node:stream";
import type { Env } from "../../src/runtime/settings.ts";
import { deployCommands } from "../../src/discord/deploy-commands.ts";
import { runBot, type RunningBot } from "../../src/discord/start.ts";
import { createLogger } from "../../src/runtime/log.ts";
import { startEmulator, type DiscordEmulator, type EmulatorOptions } from "./emulator/index.ts";
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
    DISCORD_GUILD_IDS: [emu.guildId],
    DISCORD_API_URL: emu.apiUrl,
    LOG_LEVEL: "info",
    ...rest,
  } as Env;
}

export interface HarnessOptions {
  /** The emulated Discord (default: one guild). */
  emulator?: EmulatorOptions;
  /** Deploy the commands first, as `npm run deploy-commands` would (default true). */
  deploy?: boolean;
  /** Runs after the commands are deployed and before the bot connects (e.g. to inject a failure). */
  beforeStart?: (emu: DiscordEmulator) => void;
}

/**
 * The real bot on a real discord.js client against the Discord emulator, over a copy of the
 * bundled briefings plus `extra` files, with its commands deployed to the emulated guild; `settings` adds to its
 * environment.
 */
export async function startHarness(
  extra: Record<string, string> = {},
  settings: (emu: DiscordEmulator) => Partial<Env> = () => ({}),
  options: HarnessOptions = {},
): Promise<BotHarness> {
  const folder = sampleFolder(extra);
  const cache = tempDir("briefings-e2e-cache-");
  const state = tempDir("briefings-e2e-state-");
  const emu = await startEmulator(options.emulator);
  const env = emulatorEnv(emu, { DATA_DIR: folder.dir, CACHE_DIR: cache.dir, STATE_DIR: state.dir, ...settings(emu) });
  const registered: string[] = [];
  if (options.deploy !== false) await deployCommands(env, (line) => registered.push(line));
  options.beforeStart?.(emu);
  let logs = "";
  const sink = new Writable({ write: (c, _e, cb) => ((logs += c.toString()), cb()) });
  const bot = await runBot(env, createLogger("info", [emu.token], sink), { globalRequestsPerSecond: 10_000 });
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
