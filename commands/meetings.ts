import type { Answer, EventItem } from "../src/kit/answer.ts";
import { DATE_RANGE, PAGING, paging } from "../src/kit/options.ts";
import type { Command, OptionSpec, Options } from "../src/kit/command.ts";
import { toMeetingJSON } from "../src/library/views/events-json.ts";
import { personChoices } from "../src/library/views/people.ts";
import { dateLabel, eventsOf, filterMeetings, type EventFilter } from "../src/library/views/events-query.ts";
import { monthFits, placeFits } from "../src/library/views/event-extras.ts";
import type { Meeting, Party, Pledge } from "../src/extraction/event.ts";
import type { Library } from "../src/library/library.ts";

const withRole = (p: Party) => (p.role ? `${p.name} (${p.role})` : p.name);

/** One meeting as an answer item: who, when, where, about what, with its sentence and citation. */
export function meetingItem(library: Library, m: Meeting): EventItem {
  const facts: Array<[string, string]> = [
    ["Date", dateLabel(m)],
    ["Participants", m.participants.map(withRole).join("; ")],
  ];
  if (m.place) facts.push(["Place", m.place]);
  if (m.topic) facts.push(["Topic", m.topic]);
  return {
    kind: "event",
    heading: `${dateLabel(m)} · ${m.participants.map((p) => p.name).join(" — ")}`,
    facts,
    quote: m.quote,
    citation: library.citation(m.source, m.paragraph),
  };
}

/** A meeting's public JSON with its citation (`meetings --json`, and `ask` routed to meetings). */
export function meetingJSON(library: Library, m: Meeting) {
  return { ...toMeetingJSON(m), citation: library.citation(m.source, m.paragraph) };
}

/** A "did you mean" for a name that matched nothing. */
export function nameHint(library: Library, name: string): string {
  const people = eventsOf(library).people;
  const first = name.trim().split(/\s+/)[0] ?? "";
  const ideas = personChoices(people, first.slice(0, 3)).slice(0, 5);
  return ideas.length
    ? ` Did you mean: ${ideas.map((s) => `"${s}"`).join(", ")}?`
    : " Use `people` to list the names the briefings give.";
}

export function eventFilter(library: Library, options: Options): EventFilter {
  const str = (k: string) =>
    typeof options[k] === "string" && String(options[k]).trim() !== "" ? String(options[k]).trim() : undefined;
  const source = str("source");
  return {
    who: str("who"),
    with: str("with"),
    from: str("from"),
    to: str("to"),
    source: source === undefined ? undefined : library.resolveSource(source).id,
  };
}

/** Filters beyond who/with/dates that meetings and pledges share: a month of any year, a place. */
export const PLACE_AND_MONTH: readonly OptionSpec[] = [
  { name: "month", description: "Only this month, of any year (1–12)", type: "integer", min: 1, max: 12 },
  {
    name: "place",
    description: "Where: a city, province or country named for the event",
    type: "string",
    maxLength: 100,
  },
];

/** The events that pass the month and place options (all when neither is given). */
export function byPlaceAndMonth<T extends Meeting | Pledge>(library: Library, events: T[], options: Options): T[] {
  const month = typeof options.month === "number" ? options.month : undefined;
  const place = typeof options.place === "string" && options.place.trim() ? options.place.trim() : undefined;
  if (month === undefined && place === undefined) return events;
  const people = eventsOf(library).people;
  return events.filter(
    (e) =>
      (month === undefined || monthFits(e, month, library.get(e.source))) &&
      (place === undefined || placeFits(e, place, people)),
  );
}

/** /meetings: who met whom, when, where and about what — each with its sentence and citation. */
export const meetings: Command = {
  name: "meetings",
  description: "Meetings in the briefings: who met whom, when, about what",
  options: [
    {
      name: "who",
      description: "A participant: person, country or body (surname alone works)",
      type: "string",
      autocomplete: "person",
      maxLength: 100,
    },
    {
      name: "with",
      description: "Another participant, met by `who`",
      type: "string",
      autocomplete: "person",
      maxLength: 100,
    },
    ...DATE_RANGE,
    ...PLACE_AND_MONTH,
    { name: "source", description: "Only this briefing (its id)", type: "string", autocomplete: "source" },
    ...PAGING,
  ],
  run(library, options): Answer {
    const filter = eventFilter(library, options);
    const view = eventsOf(library);
    const found = byPlaceAndMonth(library, filterMeetings(view.meetings, filter, view.people), options);
    const { page, limit } = paging(options);
    const shown = found.slice((page - 1) * limit, page * limit);
    const paged = options.page !== undefined || options.limit !== undefined;

    const who = [filter.who, filter.with].filter(Boolean).join(" and ");
    let note: string | undefined;
    if (found.length === 0) {
      const filtered =
        filter.who || filter.with || filter.from || filter.to || filter.source || options.month || options.place;
      note =
        `No meetings${who ? ` with ${who}` : ""}${filtered && !who ? " with those filters" : ""}.` +
        (who ? nameHint(library, filter.with ?? filter.who ?? "") : "");
    } else if (shown.length === 0) {
      note = `There are only ${found.length} meetings: page ${page} is past the end.`;
    }
    return {
      command: "meetings",
      title: who ? `Meetings: ${who}` : "Meetings",
      summary: `${found.length} meeting${found.length === 1 ? "" : "s"}, newest first`,
      items: shown.map((m) => meetingItem(library, m)),
      note,
      page: { page, pageSize: limit, total: found.length },
      json: {
        total: found.length,
        ...(paged ? { page, limit } : {}),
        meetings: (paged ? shown : found).map((m) => meetingJSON(library, m)),
        ...(note ? { note } : {}),
      },
    };
  },
};
