import { stdin, stdout, stderr } from "node:process";
import { parseArgs } from "node:util";
import { UserError } from "../kit/answer.ts";
import { formatProblem } from "../briefings/folder.ts";
import { execute } from "../kit/dispatch.ts";
import { readEnv } from "../app/settings.ts";
import { Library } from "../library/library.ts";
import { ANSI, PLAIN, renderText } from "./render-text.ts";
import { startShell } from "./shell.ts";
import { parseCommandLine } from "./args.ts";
import { cliHelp } from "./cli-help.ts";

/**
 * `npx briefings <command> [options]`: one answer and exit; with no command, the
 * interactive shell. Answers go to stdout (JSON with --json); problems to stderr.
 */
async function main(argv: string[]): Promise<number> {
  const env = readEnv();
  if (!env.ok) {
    for (const line of env.problems) stderr.write(`${line}\n`);
    return 2;
  }
  if (argv.length === 0 || argv[0].startsWith("-")) {
    let flags;
    try {
      flags = parseArgs({
        args: argv,
        options: { data: { type: "string" }, help: { type: "boolean", short: "h" } },
        strict: true,
      }).values;
    } catch (err) {
      stderr.write(`${(err as Error).message.split(".")[0]}. Try --help.\n`);
      return 2;
    }
    if (flags.help) {
      stdout.write(cliHelp());
      return 0;
    }
    const library = await openLibrary(flags.data ?? env.env.DATA_DIR, env.env.CACHE_DIR);
    await startShell({ library, input: stdin, output: stdout });
    return 0;
  }
  let line;
  try {
    line = parseCommandLine(argv);
  } catch (err) {
    if (err instanceof UserError) {
      stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
  if (line.help) {
    stdout.write(cliHelp(line.command));
    return 0;
  }
  const library = await openLibrary(line.data ?? env.env.DATA_DIR, env.env.CACHE_DIR);
  const outcome = execute(library, line.command.name, line.options);
  if (!outcome.ok) {
    if (!outcome.user) console.error(outcome.error);
    if (line.json) stdout.write(`${JSON.stringify({ error: outcome.message })}\n`);
    stderr.write(`${outcome.message}\n`);
    return outcome.user ? 2 : 1;
  }
  stdout.write(
    line.json
      ? `${JSON.stringify(outcome.answer.json, null, 2)}\n`
      : `${renderText(outcome.answer, stdout.isTTY ? ANSI : PLAIN)}\n`,
  );
  return 0;
}

async function openLibrary(dataDir: string, cacheDir: string | undefined): Promise<Library> {
  const library = await Library.open({ dataDir, ...(cacheDir ? { cacheDir } : {}) });
  for (const p of library.problems) stderr.write(`${formatProblem(p)}\n`);
  return library;
}

process.exitCode = await main(process.argv.slice(2));
