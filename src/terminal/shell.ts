/**
 * src/terminal: the terminal adapter: the interactive shell, command-line argument parsing and help, and the plain
 * text renderer. May import src/runtime, commands/ and everything below; never src/discord or src/app.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { COMMANDS } from "../../commands/index.ts";
import { UserError } from "../library/user-error.ts";
import { splitLine, parseCommandLine } from "./args.ts";
import { commandContext, execute } from "../../commands/index.ts";
import type { CommandContext } from "../kit/command.ts";
import type { Library } from "../library/library.ts";
import { renderText, styleFor } from "./render-text.ts";

export interface ShellOptions {
  library: Library;
  input: Readable;
  output: Writable & { isTTY?: boolean };
  /** A line shown once at start (e.g. why the shell opened instead of Discord). */
  banner?: string;
  /** What commands run with (made from the settings); without it the digest command knows no state folder. */
  context?: CommandContext;
  /** NO_COLOR was set: no colour or bold even on a terminal. */
  noColor?: boolean;
}

const WORDS = [...COMMANDS.map((c) => `/${c.name}`), ...COMMANDS.map((c) => c.name), "more", "exit"];

/** Tab completion of command names, with or without the leading slash. */
export function complete(line: string): [string[], string] {
  if (line.includes(" ")) return [[], line];
  const hits = WORDS.filter((w) => w.startsWith(line));
  return [hits.length ? hits : [], line];
}

/**
 * The bot in a terminal: type `/search cybercrime`, `source 002`, `help`; `more` shows the
 * next page of the last answer; `exit` or Ctrl-D leaves. Also what tests drive: push lines
 * in, read answers out.
 */
export function startShell({
  library,
  input,
  output,
  banner,
  context = commandContext(null),
  noColor = false,
}: ShellOptions): Promise<void> {
  const style = styleFor(output, noColor);
  const rl = createInterface({
    input,
    output,
    completer: complete,
    terminal: output.isTTY === true,
    historySize: 200,
    prompt: "briefings> ",
  });
  const say = (text: string) => output.write(`${text}\n`);
  let last: { name: string; options: Record<string, unknown> } | null = null;

  if (banner) say(banner);
  say(`${library.briefings.length} briefings loaded. Type help for commands, exit to leave.`);
  rl.prompt();

  const run = (name: string, options: Record<string, unknown>) => {
    const outcome = execute(library, name, options, context);
    if (outcome.ok) {
      say(renderText(outcome.answer, style));
      last = outcome.answer.page ? { name, options } : null;
      if (
        last &&
        outcome.answer.page &&
        outcome.answer.page.page * outcome.answer.page.pageSize < outcome.answer.page.total
      )
        say("(type more for the next page)");
    } else {
      if (!outcome.user) console.error(outcome.error);
      say(outcome.message);
    }
  };

  rl.on("line", (raw) => {
    const line = raw.trim();
    if (line === "exit" || line === "quit") return rl.close();
    if (line === "") return rl.prompt();
    if (line === "more" || line === "next") {
      if (!last) say("Nothing to page through: run a search first.");
      else {
        const page = Number(last.options.page ?? 1) + 1;
        run(last.name, { ...last.options, page });
      }
      return rl.prompt();
    }
    try {
      const parsed = parseCommandLine(splitLine(line.replace(/^\//, "")));
      run(parsed.command.name, parsed.options);
    } catch (err) {
      if (err instanceof UserError) say(err.message);
      else throw err;
    }
    rl.prompt();
  });
  return new Promise((resolve) => rl.on("close", () => resolve()));
}
