import { stdin, stdout, stderr } from "node:process";
import { parseArgs } from "node:util";
import { UserError } from "../library/user-error.ts";
import { commandContext, execute } from "../../commands/index.ts";
import { renderText, styleFor } from "../terminal/render-text.ts";
import { startShell } from "../terminal/shell.ts";
import { findEdit, parseCommandLine } from "../terminal/args.ts";
import { runEditLine } from "../terminal/edit-line.ts";
import { cliHelp } from "../terminal/cli-help.ts";
import { dataDirProblem, editContext, openLibrary, settingsOrExit, shellFolders, usableCache } from "./startup.ts";

/**
 * `npx briefings <command> [options]`: one answer and exit; with no command, the
 * interactive shell. Answers go to stdout (JSON with --json); problems to stderr.
 */
async function main(argv: string[]): Promise<number> {
  const env = settingsOrExit();
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
    const dataDir = flags.data ?? env.DATA_DIR;
    const fault = await dataDirProblem(dataDir, flags.data ? "--data" : "DATA_DIR");
    if (fault) {
      stderr.write(`${fault}\n`);
      return 2;
    }
    const cacheDir = await usableCache(env);
    const library = await openLibrary(env, dataDir, cacheDir);
    const context = commandContext(env.STATE_DIR);
    const edit = editContext(env, cacheDir);
    await startShell({
      library,
      input: stdin,
      output: stdout,
      context,
      edit,
      ...shellFolders(env, cacheDir),
      noColor: env.NO_COLOR,
    });
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
  const dataDir = line.data ?? env.DATA_DIR;
  const fault = await dataDirProblem(dataDir, line.data ? "--data" : "DATA_DIR");
  if (fault) {
    if (line.json) stdout.write(`${JSON.stringify({ error: fault })}\n`);
    stderr.write(`${fault}\n`);
    return 2;
  }
  const cacheDir = await usableCache(env);
  const library = await openLibrary(env, dataDir, cacheDir);
  const outcome = findEdit(line.command.name)
    ? await runEditLine(library, line, editContext(env, cacheDir), stdin)
    : execute(library, line.command.name, line.options, commandContext(env.STATE_DIR));
  if (!outcome.ok) {
    if (!outcome.user) console.error(outcome.error);
    if (line.json) stdout.write(`${JSON.stringify({ error: outcome.message })}\n`);
    stderr.write(`${outcome.message}\n`);
    return outcome.user ? 2 : 1;
  }
  stdout.write(
    line.json
      ? `${JSON.stringify(outcome.answer.json, null, 2)}\n`
      : `${renderText(outcome.answer, styleFor(stdout, env.NO_COLOR))}\n`,
  );
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
