import { REST, Routes } from "discord.js";
import type { RESTPutAPIApplicationCommandsResult } from "discord-api-types/v10";
import { readEnv, type Env } from "../runtime/settings.ts";
import { commandDefinitions } from "./definitions.ts";
import { headerlessLine, pacedRequests } from "./rate-limits.ts";

/**
 * Register the slash commands: to DISCORD_GUILD_ID when set (instant, for a newsroom's own
 * server), globally otherwise. A bulk PUT replaces the whole set.
 */
export async function deployCommands(
  env: Env,
  print: (line: string) => void = console.log,
): Promise<RESTPutAPIApplicationCommandsResult> {
  if (!env.DISCORD_TOKEN || !env.DISCORD_APP_ID) {
    throw new Error(
      `${!env.DISCORD_TOKEN ? "DISCORD_TOKEN" : "DISCORD_APP_ID"} is not set: add it to .env (see .env.example)`,
    );
  }
  const rest = new REST({
    ...(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}),
    makeRequest: pacedRequests((info) => print(headerlessLine(info))),
  }).setToken(env.DISCORD_TOKEN);
  const body = commandDefinitions();
  const route = env.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(env.DISCORD_APP_ID, env.DISCORD_GUILD_ID)
    : Routes.applicationCommands(env.DISCORD_APP_ID);
  const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
  print(
    `Registered ${registered.length} commands ${env.DISCORD_GUILD_ID ? `to server ${env.DISCORD_GUILD_ID}` : "globally (may take up to an hour to appear)"}:`,
  );
  for (const c of registered)
    print(`  ${c.type === 1 ? "/" : ""}${c.name}${c.description ? ` — ${c.description}` : ""}`);
  return registered;
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
