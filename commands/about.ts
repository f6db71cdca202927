import type { Answer, LineItem } from "../src/kit/answer.ts";
import type { Command } from "../src/kit/command.ts";
import { formatProblem } from "../src/briefings/folder.ts";

/** /about: what is indexed — counts, date range, when it was built, files skipped. */
export const about: Command = {
  name: "about",
  description: "What the bot has indexed: counts, date range, when built",
  options: [],
  run(library): Answer {
    const dates = library.briefings
      .map((b) => b.meta.published)
      .filter((d): d is string => d !== null)
      .sort();
    const facts = {
      briefings: library.briefings.length,
      paragraphs: library.paragraphCount,
      meetings: library.meetings.length,
      pledges: library.pledges.length,
      earliest: dates[0] ?? null,
      latest: dates[dates.length - 1] ?? null,
      builtAt: library.build.builtAt,
      fromCache: library.build.fromCache,
      skipped: library.problems.map((p) => ({ file: p.file, problem: p.message })),
    };
    const lines = [
      `${facts.briefings} briefings, ${facts.paragraphs} paragraphs indexed`,
      `${facts.meetings} meetings and ${facts.pledges} pledges, agreements or requests found`,
      `Published ${facts.earliest ?? "?"} to ${facts.latest ?? "?"}`,
      `Index built ${facts.builtAt}${facts.fromCache ? " (loaded from cache)" : ""}`,
      ...library.problems.map(formatProblem),
    ];
    const items: LineItem[] = lines.map((text) => ({ kind: "line", text }));
    return { command: "about", title: "About the briefings", items, json: facts };
  },
};
