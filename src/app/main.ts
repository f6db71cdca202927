import { stdin, stdout, stderr } from "node:process";
import { formatProblem } from "../briefings/folder.ts";
import { readEnv } from "./settings.ts";
import { Library } from "../library/library.ts";
import { startShell } from "../terminal/shell.ts";

/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the terminal shell
 * over the same commands.
 */
const env = readEnv();
if (!env.ok) {
  for (const line of env.problems) stderr.write(`${line}\n`);
  process.exit(2);
}
const { DISCORD_TOKEN, DATA_DIR, CACHE_DIR } = env.env;

if (DISCORD_TOKEN) {
  const { startBot } = await import("../discord/start.ts");
  await startBot(env.env);
} else {
  const library = await Library.open({ dataDir: DATA_DIR, ...(CACHE_DIR ? { cacheDir: CACHE_DIR } : {}) });
  for (const p of library.problems) stderr.write(`${formatProblem(p)}\n`);
  await startShell({
    library,
    input: stdin,
    output: stdout,
    banner:
      "No DISCORD_TOKEN configured: opening the terminal shell with the bot's commands (set DISCORD_TOKEN in .env to connect to Discord).",
  });
}
