import { DiscordAPIError, REST, Routes } from "discord.js";
import type { RESTGetAPIApplicationCommandsResult, RESTPutAPIApplicationCommandsResult } from "discord-api-types/v10";
import { newsroomGuilds, readEnv, type Env } from "../runtime/settings.ts";
import { commandDefinitions } from "./definitions.ts";

type Print = (line: string) => void;

/**
 * Register the slash commands: to each of the newsroom's servers when DISCORD_GUILD_IDS is set (they appear at once,
 * and nowhere else), globally otherwise. A bulk PUT replaces the whole set. Registering to servers also removes any
 * global commands left from an earlier global registration: they would show twice in the newsroom's server and could
 * be used elsewhere. A server that cannot be registered to is reported (the others are still done) and the global
 * commands are then kept.
 */
export async function deployCommands(
  env: Env,
  print: Print = console.log,
): Promise<RESTPutAPIApplicationCommandsResult> {
  if (!env.DISCORD_TOKEN || !env.DISCORD_APP_ID) {
    throw new Error(
      `${!env.DISCORD_TOKEN ? "DISCORD_TOKEN" : "DISCORD_APP_ID"} is not set: add it to .env (see .env.example)`,
    );
  }
  const rest = new REST({ ...(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}) }).setToken(env.DISCORD_TOKEN);
  const appId = env.DISCORD_APP_ID;
  const guilds = newsroomGuilds(env);
  const put = async (route: `/${string}`, where: string) => {
    const registered = (await rest.put(route, { body: commandDefinitions() })) as RESTPutAPIApplicationCommandsResult;
    print(`Registered ${registered.length} commands ${where}:`);
    return registered;
  };
  if (!guilds) {
    const registered = await put(Routes.applicationCommands(appId), "globally (may take up to an hour to appear)");
    printCommands(registered, print);
    return registered;
  }
  let registered: RESTPutAPIApplicationCommandsResult = [];
  const failed: string[] = [];
  for (const guild of guilds) {
    try {
      registered = await put(Routes.applicationGuildCommands(appId, guild), `to server ${guild}`);
    } catch (err) {
      failed.push(`server ${guild}: ${whyNot(err)}`);
    }
  }
  printCommands(registered, print);
  // The global ones go only once every server has its own: until then they may be all a server has.
  if (failed.length) throw new Error(`not registered to ${failed.join("; ")}`);
  await clearGlobal(rest, appId, print);
  return registered;
}

function printCommands(registered: RESTPutAPIApplicationCommandsResult, print: Print): void {
  for (const c of registered)
    print(`  ${c.type === 1 ? "/" : ""}${c.name}${c.description ? ` — ${c.description}` : ""}`);
}

/** Global commands left from a registration before DISCORD_GUILD_IDS was set: removed, with a line saying so. */
async function clearGlobal(rest: REST, appId: string, print: Print): Promise<void> {
  const route = Routes.applicationCommands(appId);
  const stale = (await rest.get(route)) as RESTGetAPIApplicationCommandsResult;
  if (stale.length === 0) return;
  await rest.put(route, { body: [] });
  print(
    `Removed ${stale.length} global commands left from an earlier global registration (${stale.map((c) => c.name).join(", ")}): with DISCORD_GUILD_IDS set, commands are registered to those servers only`,
  );
}

/** Why a server could not be registered to, in words: mostly, the bot was never invited there. */
function whyNot(err: unknown): string {
  if (err instanceof DiscordAPIError && (err.code === 50001 || err.status === 403))
    return "the bot is not in that server (invite it first: README, Running it in Discord, step 3) or the id is wrong";
  return err instanceof Error ? err.message : String(err);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const env = readEnv();
  if (!env.ok) {
    for (const line of env.problems) console.error(line);
    process.exit(2);
  }
  deployCommands(env.env).catch((err: unknown) => {
    console.error(`Could not register commands: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
