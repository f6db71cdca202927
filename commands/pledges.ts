import type { Answer, EventItem, NextStep } from "../src/kit/answer.ts";
import { nextJson, searchPassagesFor } from "../src/kit/next-step.ts";
import { DATE_RANGE, PAGING, paging } from "../src/kit/options.ts";
import type { Command } from "../src/kit/command.ts";
import { toPledgeJSON } from "../src/library/views/events-json.ts";
import { pledgeItem as eventItem } from "../src/kit/event-items.ts";
import { plural } from "../src/kit/plural.ts";
import { findPledges } from "../src/library/views/events-find.ts";
import type { Pledge, PledgeKind } from "../src/extraction/event.ts";
import type { Library } from "../src/library/library.ts";
import { eventFilter, nameHint } from "../src/kit/event-filter.ts";
import { placeAndMonth, PLACE_AND_MONTH } from "../src/kit/place-month.ts";

const KINDS = ["pledge", "agreement", "request"] as const;
const KIND_LABEL: Record<PledgeKind, string> = { pledge: "Pledge", agreement: "Agreement", request: "Request" };

/** One pledge, agreement or request as an answer item, with its sentence and citation. */
export function pledgeItem(library: Library, p: Pledge): EventItem {
  return eventItem(p, library.citation(p.source, p.paragraph));
}

/** A pledge's public JSON with its citation (`pledges --json`, and `ask` routed to pledges). */
export function pledgeJSON(library: Library, p: Pledge) {
  return { ...toPledgeJSON(p), citation: library.citation(p.source, p.paragraph) };
}

/** /pledges: who promised, agreed or asked what — each with its sentence and citation. */
export const pledges: Command = {
  name: "pledges",
  description: "Pledges, agreements and requests in the briefings: who committed to or asked for what",
  options: [
    {
      name: "who",
      description: "The actor: person, country or body (surname alone works)",
      type: "string",
      autocomplete: "person",
      maxLength: 100,
    },
    {
      name: "with",
      description: "Another party: to an agreement, or asked by a request",
      type: "string",
      autocomplete: "person",
      maxLength: 100,
    },
    { name: "kind", description: "pledge, agreement or request", type: "string", choices: KINDS },
    ...DATE_RANGE,
    ...PLACE_AND_MONTH,
    { name: "source", description: "Only this briefing (its id)", type: "string", autocomplete: "source" },
    ...PAGING,
  ],
  run(library, options): Answer {
    const filter = { ...eventFilter(library, options), kind: options.kind as PledgeKind | undefined };
    const other = filter.with;
    const found = findPledges(library.events, { ...filter, ...placeAndMonth(options) }, (id) => library.get(id));
    const { page, limit } = paging(options);
    const shown = found.slice((page - 1) * limit, page * limit);
    const paged = options.page !== undefined || options.limit !== undefined;
    const what = filter.kind ? `${filter.kind}s` : "pledges";
    const noun = filter.kind ?? "pledge, agreement or request";

    let note: string | undefined;
    let next: NextStep | undefined;
    if (found.length === 0) {
      const filtered = filter.from || filter.to || filter.source || options.month || options.place;
      note =
        `No ${what}${filter.who ? ` by ${filter.who}` : ""}${other ? ` with ${other}` : ""}` +
        `${filtered ? " with those filters" : ""}.` +
        (filter.who ? nameHint(library, filter.who) : "");
      next = filter.who
        ? searchPassagesFor(filter.who)
        : filtered || other || filter.kind
          ? { label: "All pledges, agreements and requests", command: "pledges", options: {} }
          : undefined;
    } else if (shown.length === 0) {
      note = `There are only ${found.length} ${what}: page ${page} is past the end.`;
    }
    const plain = filter.kind
      ? `${KIND_LABEL[filter.kind]}s`
      : filter.who
        ? "Pledges"
        : "Pledges, agreements and requests";
    return {
      command: "pledges",
      title: `${plain}${filter.who ? ` by ${filter.who}` : ""}${other ? ` with ${other}` : ""}`,
      summary: found.length
        ? `${plural(found.length, noun, filter.kind ? `${noun}s` : "pledges, agreements or requests")}, newest first`
        : undefined,
      items: shown.map((p) => pledgeItem(library, p)),
      note,
      ...(next ? { next } : {}),
      page: { page, pageSize: limit, total: found.length },
      json: {
        total: found.length,
        ...(paged ? { page, limit } : {}),
        pledges: (paged ? shown : found).map((p) => pledgeJSON(library, p)),
        ...(note ? { note } : {}),
        ...nextJson(next),
      },
    };
  },
};
