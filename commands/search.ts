import { type Answer, type NextStep, type PassageItem } from "../src/kit/answer.ts";
import { UserError } from "../src/library/user-error.ts";
import { DATE_RANGE, MAX_QUERY_LENGTH, PAGING, paging } from "../src/kit/options.ts";
import type { Command } from "../src/kit/command.ts";
import { ParagraphIndex } from "../src/search/index.ts";
import { plural } from "../src/kit/plural.ts";
import { nextJson, searchInstead } from "../src/kit/next-step.ts";

/** A typed word no passage contains, and the word searched instead. */
interface Corrected {
  typed: string;
  searched: string;
}

/** The query as searched after typo correction, and the words corrected; undefined when none were. */
function correction(query: string, words: Corrected[]): { query: string; words: Corrected[] } | undefined {
  if (words.length === 0) return undefined;
  let searched = query;
  for (const w of words) searched = searched.replace(w.typed, w.searched);
  return { query: searched, words };
}

/** What a search that found nothing offers next: the same words without the filters, the suggestion, or the list. */
function emptyNext(query: string, filtered: boolean, idea: string | undefined): NextStep {
  if (filtered) return { label: "Search without the filters", command: "search", options: { query } };
  if (idea) return searchInstead(idea);
  return { label: "List the briefings", command: "sources", options: {} };
}

/** /search: the paragraphs that best answer a query, quoted verbatim with citations. */
export const search: Command = {
  name: "search",
  description: "Find passages in the briefings, quoted with citations",
  options: [
    {
      name: "query",
      description: "Words to look for: names, places, topics",
      type: "string",
      required: true,
      positional: true,
    },
    { name: "source", description: "Only this briefing (its id)", type: "string", autocomplete: "source" },
    ...DATE_RANGE,
    ...PAGING,
  ],
  run(library, options): Answer {
    const query = String(options.query ?? "").trim();
    if (query === "") throw new UserError("Search needs a query: some words to look for, e.g. `search cybercrime UK`.");
    if (query.length > MAX_QUERY_LENGTH) {
      throw new UserError(
        `That query is ${query.length.toLocaleString("en")} characters long; keep it under ${MAX_QUERY_LENGTH} — a few key words work best.`,
      );
    }
    if (ParagraphIndex.queryTerms(query).length === 0) {
      throw new UserError(
        `"${query.slice(0, 80)}" has no words to search for (only very common words or punctuation): add a name, place or topic.`,
      );
    }
    const source = typeof options.source === "string" ? library.resolveSource(options.source).id : undefined;
    const from = options.from as string | undefined;
    const to = options.to as string | undefined;
    const { page, limit } = paging(options);
    const { total, hits: shown } = library.search({ query, source, from, to, offset: (page - 1) * limit, limit });
    const corrected = total > 0 ? correction(query, library.corrections(query)) : undefined;

    const items: PassageItem[] = shown.map((h) => ({
      kind: "passage",
      text: h.paragraph.text,
      marks: h.marks,
      score: h.score,
      citation: library.citation(h.briefing.id, h.paragraph.n),
    }));
    let note: string | undefined;
    let next: NextStep | undefined;
    if (total === 0) {
      const ideas = library.suggestions(query).filter((s) => s.toLowerCase() !== query.toLowerCase());
      const filtered = Boolean(source || from || to);
      note =
        `No passages match "${query}"${filtered ? " with those filters" : ""}.` +
        (ideas.length ? ` Did you mean: ${ideas.map((s) => `"${s}"`).join(", ")}?` : "") +
        (filtered || ideas.length ? "" : " Try fewer or other words.");
      next = emptyNext(query, filtered, ideas[0]);
    } else if (shown.length === 0) {
      note = `There are only ${plural(total, "result")}: page ${page} is past the end.`;
    } else if (corrected) {
      note = `Showing results for *${corrected.query}* (no passages contain ${corrected.words.map((w) => `*${w.typed}*`).join(" or ")})`;
    }
    return {
      command: "search",
      title: `Search: ${query}`,
      items,
      note,
      ...(next ? { next } : {}),
      page: { page, pageSize: limit, total },
      json: {
        query,
        total,
        page,
        results: shown.map((h) => ({
          source: h.briefing.id,
          paragraph: h.paragraph.n,
          text: h.paragraph.text,
          score: Number(h.score.toFixed(4)),
          citation: library.citation(h.briefing.id, h.paragraph.n),
        })),
        ...(corrected ? { corrected } : {}),
        ...(note ? { note } : {}),
        ...nextJson(next),
      },
    };
  },
};
