import type { Answer, EventItem } from "../src/kit/answer.ts";
import { DATE_RANGE, PAGING, paging } from "../src/kit/options.ts";
import type { Command } from "../src/kit/command.ts";
import { actorLabel, toPledgeJSON } from "../src/library/views/events-json.ts";
import { aliasIndex, dateLabel, filterPledges, partyMatcher } from "../src/library/views/events-query.ts";
import type { Person, Pledge, PledgeKind } from "../src/extraction/event.ts";
import type { Library } from "../src/library/library.ts";
import { eventFilter, nameHint } from "../src/kit/event-filter.ts";
import { byPlaceAndMonth, PLACE_AND_MONTH } from "../src/kit/place-month.ts";

const KINDS = ["pledge", "agreement", "request"] as const;
const KIND_LABEL: Record<PledgeKind, string> = { pledge: "Pledge", agreement: "Agreement", request: "Request" };

/** One pledge, agreement or request as an answer item, with its sentence and citation. */
export function pledgeItem(library: Library, p: Pledge): EventItem {
  const facts: Array<[string, string]> = [
    ["Date", dateLabel(p)],
    [p.kind === "request" ? "Asked by" : "Actor", actorLabel(p)],
    ["Kind", KIND_LABEL[p.kind]],
    [p.kind === "request" ? "Asked" : "What", p.commitment],
  ];
  if (p.counterparts.length)
    facts.push([p.kind === "request" ? "Of" : "With", p.counterparts.map((c) => c.name).join("; ")]);
  return {
    kind: "event",
    heading: `${dateLabel(p)} · ${KIND_LABEL[p.kind]} · ${actorLabel(p)}`,
    facts,
    quote: p.quote,
    citation: library.citation(p.source, p.paragraph),
  };
}

/** A pledge's public JSON with its citation (`pledges --json`, and `ask` routed to pledges). */
export function pledgeJSON(library: Library, p: Pledge) {
  return { ...toPledgeJSON(p), citation: library.citation(p.source, p.paragraph) };
}

/** Pledges with `other` as a counterpart or a co-actor (all when `other` is not given). */
function withParty(found: Pledge[], other: string | undefined, people: readonly Person[]): Pledge[] {
  if (other === undefined) return found;
  const matches = partyMatcher(other, aliasIndex(people));
  return found.filter((p) => p.counterparts.some(matches) || (p.actors.length > 1 && p.actors.some(matches)));
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
    const filter = { ...eventFilter(library, options), with: undefined, kind: options.kind as PledgeKind | undefined };
    const view = library.events;
    const other = eventFilter(library, options).with;
    const found = withParty(
      byPlaceAndMonth(library, filterPledges(view.pledges, filter, view.people), options),
      other,
      view.people,
    );
    const { page, limit } = paging(options);
    const shown = found.slice((page - 1) * limit, page * limit);
    const paged = options.page !== undefined || options.limit !== undefined;
    const what = filter.kind ? `${filter.kind}s` : "pledges";

    let note: string | undefined;
    if (found.length === 0) {
      note =
        `No ${what}${filter.who ? ` by ${filter.who}` : ""}${filter.from || filter.to || filter.source ? " with those filters" : ""}.` +
        (filter.who ? nameHint(library, filter.who) : "");
    } else if (shown.length === 0) {
      note = `There are only ${found.length} ${what}: page ${page} is past the end.`;
    }
    return {
      command: "pledges",
      title: filter.who
        ? `${KIND_LABEL[filter.kind ?? "pledge"]}s: ${filter.who}`
        : filter.kind
          ? `${KIND_LABEL[filter.kind]}s`
          : "Pledges, agreements and requests",
      summary: `${found.length} found, newest first`,
      items: shown.map((p) => pledgeItem(library, p)),
      note,
      page: { page, pageSize: limit, total: found.length },
      json: {
        total: found.length,
        ...(paged ? { page, limit } : {}),
        pledges: (paged ? shown : found).map((p) => pledgeJSON(library, p)),
        ...(note ? { note } : {}),
      },
    };
  },
};
