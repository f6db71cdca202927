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
import { watchLibrary, type WatchOptions } from "../library/watch.ts";
import { renderText, styleFor } from "./render-text.ts";

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
  /**
   * Open another folder for a line with `--data DIR` (the answer to the line is over that folder): its Library, or
   * why it cannot be read in one line. Without it, `--data` is refused with a line.
   */
  openFolder?: (dir: string) => Promise<Library | string>;
  /** Keep the Library up to date with its folder, as the bot does (a new briefing is searchable once saved). */
  watch?: Pick<WatchOptions, "cacheDir" | "log" | "fileSettleMs" | "settleMs">;
  /** NO_COLOR was set: no colour or bold even on a terminal. */
  noColor?: boolean;
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

/** The shell's Library, kept up to date with its folder when `watch` is given. */
function servedLibrary(
  initial: Library,
  watch: ShellOptions["watch"],
): { current: () => Library; replace: (next: Library) => Library; close: () => Promise<void> } {
  let library = initial;
  const watcher = watch
    ? watchLibrary({
        ...watch,
        dataDir: initial.dataDir,
        current: () => library,
        onLibrary: (next) => {
          library = next;
        },
      })
    : null;
  return {
    current: () => library,
    replace: (next) => (library = next),
    close: async () => void (await watcher?.close()),
  };
}

/** The Library of another folder (`--data DIR` on a line), each opened once; or why it cannot be. */
function otherFolders(openFolder: ShellOptions["openFolder"]): (dir: string) => Promise<Library | string> {
  const folders = new Map<string, Promise<Library | string>>();
  return (dir) => {
    if (!openFolder) return Promise.resolve("--data is not available here: start the shell with --data DIR instead.");
    if (!folders.has(dir)) folders.set(dir, openFolder(dir));
    return folders.get(dir)!;
  };
}

/**
 * How the shell runs `add` and `remove`: an edit's answer comes from the Library that has read the change, and the
 * shell serves that one from then on. Without an edit context the commands are pointed to the command line.
 */
function editRunner(
  edit: EditContext | undefined,
  served: { current: () => Library; replace: (next: Library) => Library },
  say: (text: string) => void,
): (parsed: CommandLine, style: ReturnType<typeof styleFor>) => Promise<void> {
  const editing = edit && {
    ...edit,
    refresh: async (previous: Library, file: string) => served.replace(await edit.refresh(previous, file)),
  };
  return async (parsed, style) => {
    if (!editing)
      return say(`${parsed.command.name} runs from the command line: npx briefings ${parsed.command.name} …`);
    const outcome = await runEditLine(served.current(), parsed, editing, NO_STDIN);
    if (!outcome.ok && !outcome.user) console.error(outcome.error);
    say(outcome.ok ? renderText(outcome.answer, style) : outcome.message);
  };
}

/**
 * The bot in a terminal: type `/search cybercrime`, `source 002`, `help`; `more` shows the
 * next page of the last answer; `exit` or Ctrl-D leaves. Also what tests drive: push lines
 * in, read answers out.
 */
export function startShell({
  library: initial,
  input,
  output,
  banner,
  context = commandContext(null),
  edit,
  openFolder,
  watch,
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
  const served = servedLibrary(initial, watch);
  const other = otherFolders(openFolder);
  const over = (dir: string | undefined) => (dir === undefined ? Promise.resolve(served.current()) : other(dir));
  let last: { name: string; options: Record<string, unknown>; data?: string } | null = null;

  if (banner) say(banner);
  say(`${initial.briefings.length} briefings loaded. Type help for commands, exit to leave.`);
  rl.prompt();

  const run = async (name: string, options: Record<string, unknown>, data?: string) => {
    const target = await over(data);
    if (typeof target === "string") return say(target);
    const outcome = execute(target, name, options, context);
    if (outcome.ok) {
      say(renderText(outcome.answer, style));
      const page = outcome.answer.page;
      last = page ? { name, options, ...(data !== undefined ? { data } : {}) } : null;
      if (page && page.page * page.pageSize < page.total) say("(type more for the next page)");
    } else {
      if (!outcome.user) console.error(outcome.error);
      say(outcome.message);
    }
  };

  const runEdit = editRunner(edit, served, say);

  const answer = async (line: string) => {
    if (line === "more" || line === "next") {
      if (!last) say("Nothing to page through: run a search first.");
      else await run(last.name, { ...last.options, page: Number(last.options.page ?? 1) + 1 }, last.data);
      return;
    }
    try {
      const parsed = parseCommandLine(splitLine(line.replace(/^\//, "")));
      if (findEdit(parsed.command.name)) return await runEdit(parsed, style);
      await run(parsed.command.name, parsed.options, parsed.data);
    } catch (err) {
      if (err instanceof UserError) say(err.message);
      else throw err;
    }
  };

  // Lines are answered one at a time, in order (an answer over another folder waits for it to open).
  let queue: Promise<void> = Promise.resolve();
  rl.on("line", (raw) => {
    const line = raw.trim();
    if (line === "exit" || line === "quit") return void queue.then(() => rl.close());
    queue = queue
      .then(() => (line === "" ? undefined : answer(line)))
      .catch((err: unknown) => {
        console.error(err);
        say("Something went wrong answering that line (details above).");
      })
      .then(() => rl.prompt());
  });
  return new Promise((resolve) =>
    rl.on("close", () => {
      void queue.then(async () => {
        await served.close();
        resolve();
      });
    }),
  );
}
