import { UserError, type Answer } from "./answer.ts";
import type { Library } from "../library/library.ts";
import { COMMANDS, findCommand } from "../../commands/index.ts";
import { parseOptions } from "./options.ts";

export type Outcome =
  | { ok: true; answer: Answer }
  /** `user`: the user's mistake, `message` says what to do; otherwise an unexpected fault. */
  | { ok: false; user: boolean; message: string; error?: unknown };

/** Run a command by name with raw options: the one door every front end goes through. */
export function execute(library: Library, name: string, raw: Record<string, unknown>): Outcome {
  const command = findCommand(name);
  if (!command) {
    return {
      ok: false,
      user: true,
      message: `There is no command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(", ")}.`,
    };
  }
  try {
    return { ok: true, answer: command.run(library, parseOptions(command, raw)) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, user: true, message: error.message };
    return {
      ok: false,
      user: false,
      message: "Sorry — something went wrong answering that. It has been logged.",
      error,
    };
  }
}
