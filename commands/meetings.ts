import type { Answer, EventItem, NextStep } from "../src/kit/answer.ts";
import { nextJson, searchPassagesFor } from "../src/kit/next-step.ts";
import { DATE_RANGE, PAGING, paging } from "../src/kit/options.ts";
import type { Command } from "../src/kit/command.ts";
import { eventFilter, nameHint } from "../src/kit/event-filter.ts";
import { toMeetingJSON } from "../src/library/views/events-json.ts";
import { findMeetings } from "../src/library/views/events-find.ts";
import { andList, meetingItem as eventItem } from "../src/kit/event-items.ts";
import { plural } from "../src/kit/plural.ts";
import { placeAndMonth, PLACE_AND_MONTH } from "../src/kit/place-month.ts";
import type { Meeting } from "../src/extraction/event.ts";
import type { Library } from "../src/library/library.ts";

/** One meeting as an answer item: who, when, where, about what, with its sentence and citation. */
export function meetingItem(library: Library, m: Meeting): EventItem {
  return eventItem(m, library.citation(m.source, m.paragraph));
}

/** A meeting's public JSON with its citation (`meetings --json`, and `ask` routed to meetings). */
export function meetingJSON(library: Library, m: Meeting) {
  return { ...toMeetingJSON(m), citation: library.citation(m.source, m.paragraph) };
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
      description: "Another participant: someone the person in who met",
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
    const found = findMeetings(library.events, { ...filter, ...placeAndMonth(options) }, (id) => library.get(id));
    const { page, limit } = paging(options);
    const shown = found.slice((page - 1) * limit, page * limit);
    const paged = options.page !== undefined || options.limit !== undefined;

    const who = andList([filter.who, filter.with].filter((x): x is string => !!x));
    let note: string | undefined;
    let next: NextStep | undefined;
    if (found.length === 0) {
      const filtered =
        filter.who || filter.with || filter.from || filter.to || filter.source || options.month || options.place;
      note =
        `No meetings${who ? ` with ${who}` : ""}${filtered && !who ? " with those filters" : ""}.` +
        (who ? nameHint(library, filter.with ?? filter.who ?? "") : "");
      next = who
        ? searchPassagesFor([filter.who, filter.with].filter((x): x is string => !!x).join(" "))
        : filtered
          ? { label: "All meetings", command: "meetings", options: {} }
          : undefined;
    } else if (shown.length === 0) {
      note = `There are only ${plural(found.length, "meeting")}: page ${page} is past the end.`;
    }
    return {
      command: "meetings",
      title: who ? `Meetings with ${who}` : "Meetings",
      summary: found.length ? `${plural(found.length, "meeting")}, newest first` : undefined,
      items: shown.map((m) => meetingItem(library, m)),
      note,
      ...(next ? { next } : {}),
      page: { page, pageSize: limit, total: found.length },
      json: {
        total: found.length,
        ...(paged ? { page, limit } : {}),
        meetings: (paged ? shown : found).map((m) => meetingJSON(library, m)),
        ...(note ? { note } : {}),
        ...nextJson(next),
      },
    };
  },
};
