import { parseArgs } from "node:util";
import { UserError } from "../library/user-error.ts";
import { EDITS, findCommand, COMMANDS } from "../../commands/index.ts";
import type { Command } from "../kit/command.ts";

/** What the command line needs of a command: its name, description and options (an answering or editing one). */
export type CommandSpec = Pick<Command, "name" | "description" | "options">;

/** The editing command of that name (`add`, `remove`), if it is one. */
export const findEdit = (name: string): CommandSpec | undefined =>
  Object.values(EDITS).find((e) => e.name === name.toLowerCase());

export interface CommandLine {
  command: CommandSpec;
  options: Record<string, unknown>;
  json: boolean;
  data?: string;
  help: boolean;
}

/**
 * `search "UK cybercrime" --limit 3 --json` → the command, its raw options and the
 * front-end flags. Bare words fill the command's positional option.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const [name, ...rest] = argv;
  const command = name ? (findCommand(name) ?? findEdit(name)) : undefined;
  if (!command) {
    const names = [...COMMANDS, ...Object.values(EDITS)].map((c) => c.name).join(", ");
    throw new UserError(`There is no command "${name ?? ""}". Commands: ${names}. Try --help.`);
  }
  const optionSpecs: Record<string, { type: "string" | "boolean" }> = {
    json: { type: "boolean" },
    data: { type: "string" },
    help: { type: "boolean" },
  };
  for (const o of command.options) optionSpecs[o.name] = { type: o.type === "boolean" ? "boolean" : "string" };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], options: optionSpecs, allowPositionals: true, strict: true });
  } catch (err) {
    const known = command.options.map((o) => `--${o.name}`).join(", ") || "none";
    throw new UserError(
      `${(err as Error).message.split(".")[0]}. Options of ${command.name}: ${known}; also --json, --data DIR, --help.`,
    );
  }
  const { json, data, help, ...options } = parsed.values as Record<string, unknown>;
  const positional = command.options.find((o) => o.positional);
  if (parsed.positionals.length > 0) {
    if (!positional)
      throw new UserError(
        `${command.name} takes no bare words ("${parsed.positionals.join(" ")}"); use its --options.`,
      );
    if (options[positional.name] !== undefined) throw new UserError(`${positional.name} is given twice.`);
    options[positional.name] = parsed.positionals.join(" ");
  }
  return {
    command,
    options,
    json: json === true,
    data: typeof data === "string" ? data : undefined,
    help: help === true,
  };
}

/** Split a shell line into words, honouring "double" and 'single' quotes. */
export function splitLine(line: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const m of line.matchAll(re)) words.push(m[1] ?? m[2] ?? m[3]);
  return words;
}
