/**
 * Answer: the transport-neutral result of a command. Renderers (Discord, terminal, JSON)
 * turn it into what their medium shows; commands never touch a transport.
 */
import type { Citation } from "../briefings/briefing.ts";

/** A verbatim passage from a briefing. `marks` are [start, end) offsets in `text` to emphasise. */
export interface PassageItem {
  kind: "passage";
  text: string;
  marks: Array<[number, number]>;
  citation: Citation;
  score?: number;
  /** The paragraph the user asked for, among its neighbours (`source` with a paragraph). */
  asked?: boolean;
}

/** A meeting, pledge or other event, with the verbatim sentence it comes from. */
export interface EventItem {
  kind: "event";
  /** One-line summary built from extracted fields (not a quote). */
  heading: string;
  /** Labelled facts: Date, Participants, Topic… */
  facts: Array<[label: string, value: string]>;
  /** The verbatim evidence sentence(s). */
  quote: string;
  citation: Citation;
}

/** A plain line of information (a briefing in a list, a count…), optionally with a citation. */
export interface LineItem {
  kind: "line";
  text: string;
  citation?: Citation;
  /** The start of `text` a renderer may link to the citation's page (a headline). */
  link?: string;
  /** An id the user may need to type a command (a briefing's), which a renderer shows small. */
  id?: string;
  /** The command this line describes (help): a renderer may show that command in its own syntax. */
  command?: string;
  /** A moment the line names, which a renderer may show its own way (Discord: a time in each reader's zone). */
  moment?: Moment;
}

/** A moment named in a text: when it is, and the words of the text that say it ("2 Dec 2026, 01:30 UTC"). */
export interface Moment {
  /** An ISO 8601 date and time. */
  at: string;
  text: string;
}

/**
 * What to do when an answer comes up empty: a command to run instead (search without the filters, the query
 * suggested). Discord offers it as a button, the terminal as a line saying what to type.
 */
export interface NextStep {
  /** What it does, in a few words for a button: "Search without the filters". */
  label: string;
  command: string;
  options: Record<string, string | number | boolean>;
}

export type AnswerItem = PassageItem | EventItem | LineItem;

export interface Page {
  /** 1-based page number. */
  page: number;
  pageSize: number;
  total: number;
}

export interface Answer {
  /** The command that produced it. */
  command: string;
  title: string;
  /** Short text above the items (e.g. "Briefing 000… ¶3 with its neighbours"). */
  summary?: string;
  items: AnswerItem[];
  /** A note below the items: "No results — did you mean …". */
  note?: string;
  /** The next step an empty answer offers. */
  next?: NextStep;
  page?: Page;
  /** The machine-readable form printed by `--json`; its shape is a public contract per command. */
  json: unknown;
}
