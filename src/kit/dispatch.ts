import type { Answer } from "./answer.ts";
import { UserError } from "../library/user-error.ts";
import type { Library } from "../library/library.ts";
import type { Command, CommandContext } from "./command.ts";
import { parseOptions } from "./options.ts";

export type Outcome =
  | { ok: true; answer: Answer }
  /** `user`: the user's mistake, `message` says what to do; otherwise an unexpected fault. */
  | { ok: false; user: boolean; message: string; error?: unknown };

/** A command by name, with or without its slash, in any case. */
export function findCommand(commands: readonly Command[], name: string): Command | undefined {
  const wanted = name.toLowerCase().replace(/^\//, "");
  return commands.find((c) => c.name === wanted);
}

/** Run a command by name with raw options: the one door every front end goes through. */
export function dispatch(
  context: CommandContext,
  library: Library,
  name: string,
  raw: Record<string, unknown>,
): Outcome {
  const command = findCommand(context.commands, name);
  if (!command) {
    const names = context.commands.map((c) => c.name).join(", ");
    return { ok: false, user: true, message: `There is no command "${name}". Commands: ${names}.` };
  }
  try {
    return { ok: true, answer: command.run(library, parseOptions(command, raw), context) };
  } catch (error) {
    return failure(error);
  }
}

/** A command's error as an outcome: the user's mistake as its message, anything else as a logged fault. */
export function failure(error: unknown): Outcome & { ok: false } {
  if (error instanceof UserError) return { ok: false, user: true, message: error.message };
  return { ok: false, user: false, message: "Sorry — something went wrong answering that. It has been logged.", error };
}

/** The outcome of a command that works asynchronously (adding or removing a briefing). */
export async function settle(run: () => Promise<Answer>): Promise<Outcome> {
  try {
    return { ok: true, answer: await run() };
  } catch (error) {
    return failure(error);
  }
}
