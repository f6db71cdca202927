/**
 * src/terminal: the terminal adapter: the interactive shell, command-line argument parsing and help, and the plain
 * text renderer. May import src/runtime, commands/ and everything below; never src/discord or src/app.
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { COMMANDS, EDITS } from "../../commands/index.ts";
import { UserError } from "../library/user-error.ts";
import { findEdit, splitLine, parseCommandLine, type CommandLine } from "./args.ts";
import { runEditLine } from "./edit-line.ts";
import type { EditContext } from "../kit/action.ts";
import { commandContext, execute } from "../../commands/index.ts";
import type { CommandContext } from "../kit/command.ts";
import type { Library } from "../library/library.ts";
import { ANSI, PLAIN, renderText } from "./render-text.ts";

export interface ShellOptions {
  library: Library;
  input: Readable;
  output: Writable & { isTTY?: boolean };
  /** A line shown once at start (e.g. why the shell opened instead of Discord). */
  banner?: string;
  /** What commands run with (made from the settings); without it the digest command knows no state folder. */
  context?: CommandContext;
  /** What `add` and `remove` run with; without it the shell does not offer them. */
  edit?: EditContext;
}

/** `add -` reads standard input, which is the shell's own. */
const NO_STDIN: AsyncIterable<unknown> = {
  [Symbol.asyncIterator]: () => {
    throw new UserError("In the shell, add a file or a link; `add -` reads standard input from the command line.");
  },
};

const NAMES = [...COMMANDS, ...Object.values(EDITS)].map((c) => c.name);
const WORDS = [...NAMES.map((n) => `/${n}`), ...NAMES, "more", "exit"];

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
  edit,
}: ShellOptions): Promise<void> {
  const style = output.isTTY ? ANSI : PLAIN;
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

  // An edit's answer comes from the Library that has read the change: the shell serves that one from then on.
  const editing = edit && {
    ...edit,
    refresh: async (previous: Library, file: string) => (library = await edit.refresh(previous, file)),
  };
  const runEdit = async (parsed: CommandLine) => {
    if (!editing)
      return say(`${parsed.command.name} runs from the command line: npx briefings ${parsed.command.name} …`);
    const outcome = await runEditLine(library, parsed, editing, NO_STDIN);
    if (!outcome.ok && !outcome.user) console.error(outcome.error);
    say(outcome.ok ? renderText(outcome.answer, style) : outcome.message);
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
      if (findEdit(parsed.command.name)) return void runEdit(parsed).finally(() => rl.prompt());
      run(parsed.command.name, parsed.options);
    } catch (err) {
      if (err instanceof UserError) say(err.message);
      else throw err;
    }
    rl.prompt();
  });
  return new Promise((resolve) => rl.on("close", () => resolve()));
}
