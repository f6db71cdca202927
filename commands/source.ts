import { type Answer, type PassageItem } from "../src/kit/answer.ts";
import { UserError } from "../src/library/user-error.ts";
import type { Command } from "../src/kit/command.ts";
import { describeRemovals } from "../src/briefings/removal.ts";
import { humanDate } from "../src/kit/human-date.ts";
import { plural } from "../src/kit/plural.ts";

/** /source: one briefing with its numbered paragraphs (or one with its neighbours), and what cleaning removed. */
export const source: Command = {
  name: "source",
  description: "Read a briefing, or one paragraph of it with its neighbours",
  options: [
    {
      name: "id",
      description: "The briefing's id (see sources)",
      type: "string",
      required: true,
      positional: true,
      autocomplete: "source",
    },
    {
      name: "paragraph",
      description: "Only this paragraph (¶) and its neighbours",
      type: "integer",
      min: 1,
      max: 10000,
    },
    {
      name: "context",
      description: "How many neighbours either side of the paragraph (0–5, default 1)",
      type: "integer",
      min: 0,
      max: 5,
    },
  ],
  run(library, options): Answer {
    const briefing = library.resolveSource(String(options.id ?? ""));
    const count = briefing.paragraphs.length;
    let paragraphs = briefing.paragraphs;
    let summary = `${plural(count, "paragraph")} · ${[briefing.meta.outlet, humanDate(briefing.meta.published)].filter(Boolean).join(" · ")}`;
    if (typeof options.paragraph === "number") {
      const n = options.paragraph;
      if (n > count) throw new UserError(`${briefing.id} has ${plural(count, "paragraph")}; there is no ¶${n}.`);
      const context = typeof options.context === "number" ? options.context : 1;
      paragraphs = briefing.paragraphs.slice(Math.max(0, n - 1 - context), n + context);
      summary = `¶${n} of ${count}, with ${plural(context, "neighbour")} either side`;
    }
    const removed = briefing.removed ?? [];
    const cleaning = describeRemovals(removed);
    const items: PassageItem[] = paragraphs.map((p) => ({
      kind: "passage",
      text: p.text,
      marks: [],
      citation: library.citation(briefing.id, p.n),
      ...(p.n === options.paragraph ? { asked: true } : {}),
    }));
    return {
      command: "source",
      title: briefing.meta.title ?? briefing.id,
      summary,
      items,
      note: cleaning ? `Cleaning ${cleaning}; ¶ numbers count the kept paragraphs.` : undefined,
      json: {
        source: briefing.id,
        ...briefing.meta,
        paragraphCount: count,
        paragraphs: paragraphs.map((p) => ({ paragraph: p.n, text: p.text })),
        removedSummary: cleaning,
        removed,
      },
    };
  },
};
