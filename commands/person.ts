import { partyName } from "../src/kit/event-filter.ts";
import { type Answer, type AnswerItem } from "../src/kit/answer.ts";
import { UserError } from "../src/library/user-error.ts";
import type { Command } from "../src/kit/command.ts";
import { toMeetingJSON, toPledgeJSON } from "../src/library/views/events-json.ts";
import { findPerson, personChoices } from "../src/library/views/people.ts";
import { findMeetings, findPledges } from "../src/library/views/events-find.ts";
import { peopleNaming, peopleStarting } from "../src/library/views/events-index.ts";
import { meetingItem } from "./meetings.ts";
import { pledgeItem } from "./pledges.ts";
import { humanDate } from "../src/kit/human-date.ts";
import { plural } from "../src/kit/plural.ts";

/** How many meetings and pledges a person page lists (newest first). */
const SHOWN = 10;

/** /person: one person's roles, meetings, pledges and latest mention. */
export const person: Command = {
  name: "person",
  description: "One person: roles, meetings, pledges and latest mention",
  options: [
    {
      name: "name",
      description: "Full name, surname or short form (e.g. Redshaw)",
      type: "string",
      required: true,
      positional: true,
      autocomplete: "person",
      maxLength: 100,
    },
  ],
  run(library, options): Answer {
    const query = partyName(library, String(options.name ?? ""));
    if (query === "") throw new UserError("person needs a name, e.g. `person Sar Kheng` or `person Redshaw`.");
    const view = library.events;
    const { person: p, candidates } = findPerson(peopleNaming(view, query), query);
    if (!p) {
      if (candidates.length > 1) {
        throw new UserError(
          `"${query}" could be ${candidates
            .slice(0, 5)
            .map((c) => `"${c.name}"`)
            .join(", ")}: give the full name.`,
        );
      }
      const prefix = query.slice(0, 3);
      const ideas = personChoices(peopleStarting(view, prefix), prefix).slice(0, 5);
      throw new UserError(
        `No one named "${query}" in the briefings.` +
          (ideas.length
            ? ` Did you mean: ${ideas.map((s) => `"${s}"`).join(", ")}?`
            : " Use `people` to list the names they give."),
      );
    }
    const briefingOf = (id: string) => library.get(id);
    const meetings = findMeetings(view, { who: p.name }, briefingOf);
    const pledges = findPledges(view, { who: p.name }, briefingOf);
    const items: AnswerItem[] = [];
    if (p.latest) {
      const c = library.citation(p.latest.source, p.latest.paragraph);
      const headline = c.title ?? "(no headline)";
      items.push({
        kind: "line",
        text: `Latest mention: ${headline} — ${[c.outlet, humanDate(c.published)].filter(Boolean).join(", ")}, ¶${c.paragraph}`,
        link: `Latest mention: ${headline}`,
        citation: c,
      });
    }
    items.push(...meetings.slice(0, SHOWN).map((m) => meetingItem(library, m)));
    items.push(...pledges.slice(0, SHOWN).map((x) => pledgeItem(library, x)));
    const more = [
      meetings.length > SHOWN ? `meetings --who "${p.name}"` : "",
      pledges.length > SHOWN ? `pledges --who "${p.name}"` : "",
    ].filter(Boolean);
    return {
      command: "person",
      title: p.name,
      summary: [
        p.roles.length ? `Roles: ${p.roles.join("; ")}` : null,
        p.aliases.length ? `Also: ${p.aliases.join(", ")}` : null,
        `${plural(p.mentions, "mention")} in ${plural(p.sources.length, "briefing")}`,
        `${plural(meetings.length, "meeting")}, ${plural(pledges.length, "pledge or request", "pledges or requests")}`,
      ]
        .filter(Boolean)
        .join(" · "),
      items,
      note: more.length ? `Showing the latest ${SHOWN}; see \`${more.join("` and `")}\` for all.` : undefined,
      json: {
        person: p,
        meetings: meetings.map(toMeetingJSON),
        pledges: pledges.map(toPledgeJSON),
        latest: p.latest ? library.citation(p.latest.source, p.latest.paragraph) : null,
      },
    };
  },
};
