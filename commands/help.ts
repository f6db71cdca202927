import type { Answer, LineItem } from "../src/kit/answer.ts";
import type { Command } from "../src/kit/command.ts";

const usage = (c: Command) =>
  [
    c.name,
    ...c.options.map((o) => (o.positional ? (o.required ? `<${o.name}>` : `[${o.name}]`) : `[--${o.name}]`)),
  ].join(" ");

/** Where the editing commands are (they are not answering commands, so not in the list). */
const EDITING =
  "Editors add and remove briefings with /briefing add (a link, a file or pasted text) and /briefing remove in Discord, or `npx briefings add <file|url|->` and `npx briefings remove <id>`.";

/** /help: the commands and their options. */
export const help: Command = {
  name: "help",
  description: "How to use the bot: commands and their options",
  options: [{ name: "command", description: "Explain one command in detail", type: "string", positional: true }],
  run(_library, options, context): Answer {
    const one =
      typeof options.command === "string"
        ? context.commands.find((c) => c.name === options.command?.toString().replace(/^\//, ""))
        : undefined;
    const listed = one ? [one] : context.commands;
    const items: LineItem[] = listed.flatMap((c) => [
      { kind: "line" as const, text: `${usage(c)} — ${c.description}`, command: c.name },
      ...(one
        ? c.options.map((o) => ({
            kind: "line" as const,
            text: `${o.name}: ${o.description}${o.required ? " (required)" : ""}`,
          }))
        : []),
    ]);
    return {
      command: "help",
      title: one ? `Help: ${one.name}` : "Briefings bot: commands",
      summary: "Every answer quotes the briefings verbatim, with outlet, headline, date, paragraph (¶) and link.",
      items,
      note: one ? undefined : EDITING,
      json: { commands: listed.map((c) => ({ name: c.name, description: c.description, options: c.options })) },
    };
  },
};
