import { COMMANDS, EDITS } from "../../commands/index.ts";
import type { CommandSpec } from "./args.ts";

/** `npx briefings --help` and `npx briefings <command> --help`. */
export function cliHelp(command?: CommandSpec): string {
  if (command) {
    const opts = command.options.map(
      (o) =>
        `  ${o.positional ? `<${o.name}>` : `--${o.name}`}${o.type === "boolean" ? "" : o.positional ? "" : ` ${o.type.toUpperCase()}`}  ${o.description}${o.required ? " (required)" : ""}`,
    );
    return [
      `briefings ${command.name} — ${command.description}`,
      "",
      ...opts,
      "  --json  machine-readable output",
      "  --data DIR  read briefings from DIR",
      "",
    ].join("\n");
  }
  return [
    "briefings — search the newsroom's briefings; every answer is quoted verbatim with a citation.",
    "",
    "Usage: npx briefings <command> [options] [--json] [--data DIR]",
    "       npx briefings            (interactive shell)",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.description}`),
    "",
    "Editing the briefings folder:",
    ...Object.values(EDITS).map((c) => `  ${c.name.padEnd(10)} ${c.description}`),
    "  e.g. npx briefings add https://example.com/story · add story.html · add - < story.txt · remove ID",
    "",
    "Run `npx briefings <command> --help` for a command's options.",
    "",
  ].join("\n");
}
