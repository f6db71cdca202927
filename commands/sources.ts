import type { Answer, LineItem } from "../src/kit/answer.ts";
import { paging } from "../src/kit/options.ts";
import type { Command } from "../src/kit/command.ts";
import { newestFirst } from "../src/briefings/briefing.ts";
import { humanDate } from "../src/kit/human-date.ts";
import { plural } from "../src/kit/plural.ts";

/** /sources: the briefings, newest first. */
export const sources: Command = {
  name: "sources",
  description: "List the briefings, newest first",
  options: [
    { name: "limit", description: "How many a page (1–25, default 10)", type: "integer", min: 1, max: 25 },
    { name: "page", description: "Which page", type: "integer", min: 1, max: 100000 },
  ],
  run(library, options): Answer {
    const all = [...library.briefings].sort(newestFirst);
    const { page, limit } = paging(options, 10);
    const shown = all.slice((page - 1) * limit, page * limit);
    const items: LineItem[] = shown.map((b) => {
      const headline = b.meta.title ?? "(no headline)";
      return {
        kind: "line",
        text: `${headline} — ${b.meta.outlet ?? "outlet unknown"} · ${humanDate(b.meta.published)} · ${plural(b.paragraphs.length, "paragraph")}`,
        link: headline,
        id: b.id,
        citation: library.citation(b.id, 1),
      };
    });
    return {
      command: "sources",
      title: "Briefings",
      items,
      page: { page, pageSize: limit, total: all.length },
      note: all.length === 0 ? "No briefings are loaded." : undefined,
      json: {
        total: all.length,
        page,
        sources: shown.map((b) => ({ source: b.id, ...b.meta, paragraphs: b.paragraphs.length })),
      },
    };
  },
};
