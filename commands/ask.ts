import { type Answer, type AnswerItem } from "../src/kit/answer.ts";
import { UserError } from "../src/library/user-error.ts";
import { routeQuestion, type Routed } from "../src/questions/route.ts";
import { findEvents, type Scored } from "../src/questions/find-events.ts";
import { PAGING, paging, parseOptions } from "../src/kit/options.ts";
import type { Command, CommandContext, Options } from "../src/kit/command.ts";
import { findCommand } from "../src/kit/dispatch.ts";
import type { Meeting, Pledge } from "../src/extraction/event.ts";
import type { Library } from "../src/library/library.ts";
import { meetingItem, meetingJSON } from "./meetings.ts";
import { pledgeItem, pledgeJSON } from "./pledges.ts";
import { humanDate } from "../src/kit/human-date.ts";
import { plural } from "../src/kit/plural.ts";

/**
 * /ask: a question in plain words, routed to meetings, pledges, a person, the events of a
 * period or a search, with the filters it implies — the same routing the bot uses when
 * mentioned in conversation. A routed question that finds nothing falls back to passages
 * and says so; a search says what it searched for when that is not the question as typed.
 */
export const ask: Command = {
  name: "ask",
  description: "Ask in plain words: who met whom, who pledged what, who someone is, or anything else",
  options: [
    {
      name: "question",
      description: "e.g. who met Tina Redshaw? what did Vietnam pledge? who is Sar Kheng?",
      type: "string",
      required: true,
      positional: true,
      maxLength: 500,
    },
    ...PAGING,
  ],
  run(library, options, context): Answer {
    const question = String(options.question ?? "").trim();
    if (!question) throw new UserError("Ask a question, e.g. `ask who met Tina Redshaw?`.");
    const routed = routeQuestion(question);
    const answer =
      routed.route === "search"
        ? searchAnswer({ library, routed, options, context, question })
        : routed.route === "person" && findCommand(context.commands, "person")
          ? personAnswer({ library, routed, options, context, question })
          : eventsAnswer({ library, routed, options, context, question });
    const json = answer.json as Record<string, unknown>;
    return { ...answer, command: "ask", json: { route: routed.route, question, filters: routed.options, ...json } };
  },
};

/** One question being answered: the Library, how it was routed, the paging asked, the front end's commands. */
interface Asking {
  library: Library;
  routed: Routed;
  options: Options;
  context: CommandContext;
  question: string;
}

const pagingOf = (options: Options) => ({
  ...(options.page !== undefined ? { page: options.page } : {}),
  ...(options.limit !== undefined ? { limit: options.limit } : {}),
});

/** A question's filters in words: "Tina Redshaw, with Sar Kheng, in January, from 1 Jan 2024". */
const FILTER_WORDS: Record<string, (v: string) => string> = {
  with: (v) => `with ${v}`,
  month: (v) => `in ${MONTH_NAMES[Number(v) - 1]}`,
  place: (v) => `in ${v}`,
  from: (v) => `from ${humanDate(v)}`,
  to: (v) => `to ${humanDate(v)}`,
  kind: (v) => `${v}s only`,
  query: (v) => `“${v}”`,
};
/** A from–to range that is one whole year or month, as that: "1999", "Jan 2024"; null for any other range. */
function wholePeriod(from: string | undefined, to: string | undefined): string | null {
  const f = from ? /^(\d{4})-(\d{2})-01$/.exec(from) : null;
  const t = to ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(to) : null;
  if (!f || !t || f[1] !== t[1]) return null;
  const lastDay = new Date(Date.UTC(Number(t[1]), Number(t[2]), 0)).getUTCDate();
  if (Number(t[3]) !== lastDay) return null;
  if (f[2] === "01" && t[2] === "12") return f[1];
  return f[2] === t[2] ? humanDate(`${f[1]}-${f[2]}`) : null;
}

const filterLine = (filters: Record<string, string>) => {
  const period = wholePeriod(filters.from, filters.to);
  return Object.entries(filters)
    .filter(([k]) => period === null || (k !== "from" && k !== "to"))
    .map(([k, v]) => (FILTER_WORDS[k] ?? ((x: string) => x))(v))
    .concat(period ? [`in ${period}`] : [])
    .join(", ");
};

/** " for Tina Redshaw, in 2022", " in Jan 2024": the filters after "found", "for" only before a name. */
const forFilters = (line: string) => (line ? (/^(in|from|to|with) /.test(line) ? ` ${line}` : ` for ${line}`) : "");

const MONTH_NAMES = "January February March April May June July August September October November December".split(" ");

/** "Meetings with Tina Redshaw", "Pledges by Vietnam", "Events in January": what an events answer shows. */
function eventsTitle(routed: Routed): string {
  const o = routed.options;
  const who = [o.who, o.with].filter(Boolean).join(" and ");
  if (routed.route === "pledges")
    return `${o.kind ? `${o.kind[0].toUpperCase()}${o.kind.slice(1)}s` : "Pledges"}${who ? ` by ${who}` : ""}`;
  if (routed.route === "meetings") return `Meetings${who ? ` with ${who}` : ""}`;
  return `Events${who ? ` involving ${who}` : ""}`;
}

/** Run one of the front end's commands with options as a user would give them. */
function runCommand(library: Library, name: string, raw: Record<string, unknown>, context: CommandContext): Answer {
  const command = findCommand(context.commands, name);
  if (!command) throw new UserError(`This front end has no ${name} command to answer that.`);
  return command.run(library, parseOptions(command, raw), context);
}

/** Relevance first, or — for "latest", "recent" — the newest of the relevant passages first. */
function searchAnswer(asking: Asking): Answer {
  const { library, routed, options, context } = asking;
  const query = routed.options.query;
  if (!routed.newest) {
    const answer = runCommand(library, "search", { ...routed.options, ...pagingOf(options) }, context);
    return withSearchedFor(answer, routed);
  }
  const { page, limit } = paging(options);
  const all = runCommand(library, "search", { ...routed.options, limit: 25 }, context);
  const json = all.json as { total: number; results: Array<{ score: number; citation: { published: string | null } }> };
  const top = json.results[0]?.score ?? 0;
  // The relevant ones only: a passage scoring a fraction of the best is not "on" the subject.
  const order = json.results
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.score >= top * 0.3)
    .sort((a, b) => (b.r.citation.published ?? "").localeCompare(a.r.citation.published ?? "") || a.i - b.i);
  const shown = order.slice((page - 1) * limit, page * limit);
  const answer: Answer = {
    ...all,
    items: shown.map(({ i }) => all.items[i]),
    page: { page, pageSize: limit, total: order.length },
    json: { ...json, query, total: order.length, page, order: "newest", results: order.map(({ r }) => r) },
  };
  return withSearchedFor(answer, routed, "newest first");
}

function withSearchedFor(answer: Answer, routed: Routed, order?: string): Answer {
  const filters = filterLine(Object.fromEntries(Object.entries(routed.options).filter(([k]) => k !== "query")));
  const summary = [
    `Searched for: ${routed.options.query}${filters ? ` (${filters})` : ""}${order ? `, ${order}` : ""}`,
    answer.summary,
  ]
    .filter(Boolean)
    .join(" · ");
  return { ...answer, summary };
}

/** "who is X": the person page; someone the briefings do not list is searched for instead. */
function personAnswer(asking: Asking): Answer {
  const { library, routed, context } = asking;
  const name = routed.options.name;
  let answer: Answer;
  try {
    answer = runCommand(library, "person", { name }, context);
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    const why = `${err.message} Showing passages that name "${name}" instead.`;
    return passagesInstead(asking, { query: name }, why);
  }
  // Someone with few events: the passages that name them say more about who they are.
  const json = answer.json as { meetings: unknown[]; pledges: unknown[] };
  if (json.meetings.length + json.pledges.length >= SHORT) return answer;
  const more = morePassages(asking);
  if (!more?.items.length) return answer;
  return {
    ...answer,
    items: [...answer.items, ...more.items.slice(0, 3)],
    note: [answer.note, "Passages that name them follow."].filter(Boolean).join(" "),
    json: { ...json, results: more.results },
  };
}

/** Passages for what a routed question named, when its own route found nothing. */
function passagesInstead(asking: Asking, search: Record<string, string>, why: string): Answer {
  const routed: Routed = { route: "search", options: search, topic: [], newest: false };
  const answer = searchAnswer({ ...asking, routed });
  const json = answer.json as Record<string, unknown>;
  return { ...answer, note: [why, answer.note].filter(Boolean).join(" "), json: { ...json, fallback: "search" } };
}

type AnyEvent = Scored<Meeting> | Scored<Pledge>;
const isMeeting = (s: AnyEvent): s is Scored<Meeting> => "participants" in s.event;

/** What the question asked for, in words: "meetings", "agreements", "meetings or pledges". */
function asked(routed: Routed): string {
  if (routed.route === "pledges") return routed.options.kind ? `${routed.options.kind}s` : "pledges";
  return routed.route === "meetings" ? "meetings" : "meetings or pledges";
}

/** The events found, in the order to show: the route's own kind first; the other only when it has none. */
function chooseEvents(routed: Routed, meetings: Scored<Meeting>[], pledges: Scored<Pledge>[]) {
  if (routed.route === "events") {
    const all: AnyEvent[] = [...meetings, ...pledges];
    all.sort((a, b) => (b.event.date ?? "").localeCompare(a.event.date ?? "") || b.score - a.score);
    return { list: all, meetings, pledges, instead: false };
  }
  const own = routed.route === "pledges" ? pledges : meetings;
  if (own.length > 0)
    return routed.route === "pledges"
      ? { list: pledges as AnyEvent[], meetings: [], pledges, instead: false }
      : { list: meetings as AnyEvent[], meetings, pledges: [], instead: false };
  return { list: [...meetings, ...pledges] as AnyEvent[], meetings, pledges, instead: true };
}

/** What the note says when the answer is not exactly what was asked. */
function eventsNote(routed: Routed, list: AnyEvent[], instead: boolean): string | undefined {
  const filters = filterLine(routed.options);
  if (instead) {
    const other = routed.route === "pledges" ? "meetings" : "pledges, agreements and requests";
    return `No ${asked(routed)} found (${filters}); showing ${other} instead.`;
  }
  if (routed.route !== "events" && !list.some((s) => s.exact))
    return `No ${asked(routed)} match exactly (${filters}); showing the closest: other kinds, or the names in the sentence or briefing.`;
  return undefined;
}

/** The words to search for when no event answers: the names, place and topic the question gave. */
function fallbackQuery(routed: Routed, question: string): string {
  const o = routed.options;
  const words = [o.name, o.who, o.with, o.place, ...routed.topic].filter(Boolean);
  return words.length ? words.join(" ") : question;
}

/** Fewer events than this, none of them exact, and passages follow them. */
const SHORT = 5;

/** The top passages for a question's names, event words and topic (none when it has no words to search). */
function morePassages({ library, routed, question, context }: Asking) {
  const o = routed.options;
  const query = [fallbackQuery(routed, question), ...(routed.verbs ?? [])].join(" ");
  const dates = { ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) };
  try {
    const answer = runCommand(library, "search", { query, ...dates, limit: SHORT }, context);
    return { items: answer.items, results: (answer.json as { results: unknown[] }).results };
  } catch (err) {
    if (err instanceof UserError) return null;
    throw err;
  }
}

/** No event answers the question: the passages for what it named, saying so. */
function noEventsAnswer(asking: Asking): Answer {
  const { routed, question } = asking;
  const o = routed.options;
  const dates = Object.fromEntries(Object.entries(o).filter(([k]) => k === "from" || k === "to"));
  const why = `No ${asked(routed)} found (${filterLine(o)}).`;
  if (routed.route === "events") {
    // "what happened in 1999?" has no words to look for in passages.
    const json = { total: 0, meetings: [], pledges: [], note: why };
    return { command: "ask", title: `Events${filterLine(o) ? ` ${filterLine(o)}` : ""}`, items: [], note: why, json };
  }
  const search = { query: fallbackQuery(routed, question), ...dates };
  const passages = passagesInstead(asking, search, why);
  const json = passages.json as Record<string, unknown>;
  return {
    ...passages,
    json: {
      ...json,
      total: 0,
      meetings: [],
      pledges: [],
      note: passages.note,
      fallback: "search",
      passages: json.total,
    },
  };
}

/** Meetings, pledges or both for a question, best match first; passages when there are none. */
function eventsAnswer(asking: Asking): Answer {
  const { library, routed, options } = asking;
  const o = routed.options;
  const found = findEvents(library, {
    ...(o.who ? { who: o.who } : {}),
    ...(o.with ? { with: o.with } : {}),
    ...(o.kind ? { kind: o.kind } : {}),
    ...(o.from ? { from: o.from } : {}),
    ...(o.to ? { to: o.to } : {}),
    ...(o.month ? { month: Number(o.month) } : {}),
    ...(o.place ? { place: o.place } : {}),
    topic: routed.topic,
    newest: routed.newest,
  });
  const { list, meetings, pledges, instead } = chooseEvents(routed, found.meetings, found.pledges);
  // Events that share none of the question's other words ("on intelligence") do not answer it.
  const offTopic = routed.topic.length > 0 && !list.some((s) => s.topicHits > 0);
  if (list.length === 0 || offTopic) return noEventsAnswer(asking);
  const { page, limit } = paging(options);
  const shown = list.slice((page - 1) * limit, page * limit);
  const items: AnswerItem[] = shown.map((s) =>
    isMeeting(s) ? meetingItem(library, s.event) : pledgeItem(library, s.event as Pledge),
  );
  // A short answer is followed by the passages that name the same: the events may not be all there is.
  const weak = list.length < SHORT;
  const more = weak ? morePassages(asking) : null;
  if (more && page === 1) items.push(...more.items.slice(0, Math.max(0, limit - items.length)));
  const note = [eventsNote(routed, list, instead), more?.items.length ? "Passages that name them follow." : ""]
    .filter(Boolean)
    .join(" ");
  return {
    command: "ask",
    title: eventsTitle(routed),
    summary: `${plural(list.length, asked(routed).replace(/s\b/g, ""), asked(routed))} found${forFilters(filterLine(o))}`,
    items,
    note: note || (shown.length === 0 ? `There are only ${list.length}: page ${page} is past the end.` : undefined),
    page: { page, pageSize: limit, total: list.length },
    json: {
      total: list.length,
      meetings: meetings.map((s) => meetingJSON(library, s.event)),
      ...(pledges.length || routed.route !== "meetings"
        ? { pledges: pledges.map((s) => pledgeJSON(library, s.event)) }
        : {}),
      ...(note ? { note } : {}),
      ...(more ? { results: more.results } : {}),
    },
  };
}
