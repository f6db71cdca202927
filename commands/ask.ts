import { type Answer } from "../src/kit/answer.ts";
import { UserError } from "../src/library/user-error.ts";
import { routeQuestion } from "../src/questions/route.ts";
import { PAGING, parseOptions } from "../src/kit/options.ts";
import type { Command } from "../src/kit/command.ts";
import { findCommand } from "../src/kit/dispatch.ts";

/**
 * /ask: a question in plain words, routed to meetings, pledges or search with the filters it
 * implies — the same routing the bot uses when mentioned in conversation.
 */
export const ask: Command = {
  name: "ask",
  description: "Ask in plain words: who met whom, who pledged what, or anything else",
  options: [
    {
      name: "question",
      description: "e.g. who met Tina Redshaw? what did Vietnam pledge?",
      type: "string",
      required: true,
      positional: true,
      maxLength: 500,
    },
    ...PAGING,
  ],
  run(library, options, context): Answer {
    const question = String(options.question ?? "").trim();
    if (!question) throw new UserError("Ask a question, e.g. `ask who met Tina Redshaw?`.");
    let { route, options: filters } = routeQuestion(question);
    const target = findCommand(context.commands, route);
    if (!target) ({ route, options: filters } = { route: "search", options: { query: question } });
    const command = findCommand(context.commands, route)!;
    const paging = {
      ...(options.page !== undefined ? { page: options.page } : {}),
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
    };
    const answer = command.run(library, parseOptions(command, { ...filters, ...paging }), context);
    const json = answer.json as Record<string, unknown>;
    return {
      ...answer,
      command: "ask",
      summary:
        route === "search"
          ? answer.summary
          : `${route}${
              Object.keys(filters).length
                ? ` — ${Object.entries(filters)
                    .map(([k, v]) => `${k}: ${v}`)
                    .join(", ")}`
                : ""
            }`,
      json: { route, question, filters, ...json },
    };
  },
};
