/**
 * src/app: the entry points (npm start, the CLI behind `npx briefings`) and the start-up they share: read the
 * settings once, open the Library, hand both to an adapter. May import anything below it; nothing imports it.
 */
import { stdin, stdout } from "node:process";
import { commandContext } from "../../commands/index.ts";
import { startShell } from "../terminal/shell.ts";
import { openLibrary, settingsOrExit } from "./startup.ts";

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the terminal shell over the same commands.
 * Entry points (this folder) read the settings once and pass them down; nothing below reads the environment.
 */
const env = settingsOrExit();

if (env.DISCORD_TOKEN) {
  const { startBot } = await import("../discord/start.ts");
  await startBot(env);
} else {
  await startShell({
    library: await openLibrary(env),
    input: stdin,
    output: stdout,
    context: commandContext(env.STATE_DIR),
    noColor: env.NO_COLOR,
    banner:
      "No DISCORD_TOKEN configured: opening the terminal shell with the bot's commands (set DISCORD_TOKEN in .env to connect to Discord).",
  });
}
