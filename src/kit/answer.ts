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
  page?: Page;
  /** The machine-readable form printed by `--json`; its shape is a public contract per command. */
  json: unknown;
}
