/**
 * src/app: the entry points (npm start, the CLI behind `npx briefings`) and the start-up they share: read the
 * settings once, open the Library, hand both to an adapter. May import anything below it; nothing imports it.
 */
import { argv, stderr, stdin, stdout } from "node:process";
import { parseArgs } from "node:util";
import { commandContext } from "../../commands/index.ts";
import { startShell } from "../terminal/shell.ts";
import { dataDirProblem, editContext, openLibrary, settingsOrExit, shellFolders, usableCache } from "./startup.ts";

/**
 * `npm start [-- --data DIR]`: the Discord bot when DISCORD_TOKEN is set, otherwise the terminal shell over the same
 * commands. Entry points (this folder) read the settings once and pass them down; nothing below reads the
 * environment. A briefings folder that cannot be used stops both with one line and exit status 2.
 */
function dataFlag(): string | undefined {
  try {
    return parseArgs({ args: argv.slice(2), options: { data: { type: "string" } }, strict: true }).values.data;
  } catch (err) {
    stderr.write(`${(err as Error).message.split(".")[0]}. npm start takes only --data DIR (after --).\n`);
    process.exit(2);
  }
}

const flag = dataFlag();
const settings = settingsOrExit();
const env = flag === undefined ? settings : { ...settings, DATA_DIR: flag };
const fault = await dataDirProblem(env.DATA_DIR, flag === undefined ? "DATA_DIR" : "--data");
if (fault) {
  stderr.write(`${fault}\n`);
  process.exit(2);
}

if (env.DISCORD_TOKEN) {
  const { startBot } = await import("../discord/start.ts");
  await startBot(env);
} else {
  const cacheDir = await usableCache(env);
  await startShell({
    library: await openLibrary(env, env.DATA_DIR, cacheDir),
    input: stdin,
    output: stdout,
    context: commandContext(env.STATE_DIR),
    edit: editContext(env, cacheDir),
    ...shellFolders(env, cacheDir),
    noColor: env.NO_COLOR,
    banner:
      "No DISCORD_TOKEN configured: opening the terminal shell with the bot's commands (set DISCORD_TOKEN in .env to connect to Discord).",
  });
}
