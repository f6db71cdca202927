import { partyName } from "../src/kit/event-filter.ts";
import type { Answer, LineItem, NextStep } from "../src/kit/answer.ts";
import { nextJson } from "../src/kit/next-step.ts";
import { PAGING, paging } from "../src/kit/options.ts";
import type { Command } from "../src/kit/command.ts";
import { matchesParty, personChoices } from "../src/library/views/people.ts";

/** /people: who the briefings name, how often, and where last. */
export const people: Command = {
  name: "people",
  description: "People the briefings name, most mentioned first",
  options: [
    {
      name: "name",
      description: "Only people whose name starts with this (or contains this word)",
      type: "string",
      positional: true,
      autocomplete: "person",
      maxLength: 100,
    },
    {
      name: "source",
      description: "Only people named in this briefing (its id)",
      type: "string",
      autocomplete: "source",
    },
    ...PAGING,
  ],
  run(library, options): Answer {
    const all = library.events.people;
    const name = typeof options.name === "string" ? partyName(library, options.name) : "";
    const source = typeof options.source === "string" ? library.resolveSource(options.source).id : undefined;
    const prefixed = name ? new Set(personChoices(all, name)) : null;
    const found = all.filter(
      (p) =>
        (prefixed === null || prefixed.has(p.name) || matchesParty(name, p.name, p.aliases)) &&
        (source === undefined || p.sources.includes(source)),
    );
    const { page, limit } = paging(options, 10);
    const shown = found.slice((page - 1) * limit, page * limit);
    const items: LineItem[] = shown.map((p) => ({
      kind: "line",
      text:
        `${p.name}${p.roles.length ? ` — ${p.roles[0]}` : ""} · ${p.mentions} mention${p.mentions === 1 ? "" : "s"} in ${p.sources.length} briefing${p.sources.length === 1 ? "" : "s"}` +
        (p.aliases.length ? ` · also "${p.aliases.join('", "')}"` : ""),
      citation: p.latest ? library.citation(p.latest.source, p.latest.paragraph) : undefined,
    }));
    const note =
      found.length === 0
        ? name
          ? `No one named "${name}" in the briefings.`
          : "The briefings name no one yet."
        : shown.length === 0
          ? `There are only ${found.length} people: page ${page} is past the end.`
          : undefined;
    const next: NextStep | undefined =
      found.length === 0 && name ? { label: "List everyone", command: "people", options: {} } : undefined;
    return {
      command: "people",
      title: name ? `People: ${name}` : "People in the briefings",
      summary: `${found.length} ${found.length === 1 ? "person" : "people"}, most mentioned first`,
      items,
      note,
      ...(next ? { next } : {}),
      page: { page, pageSize: limit, total: found.length },
      json: { total: found.length, people: shown, ...(note ? { note } : {}), ...nextJson(next) },
    };
  },
};
