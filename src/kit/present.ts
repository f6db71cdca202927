import type { AnswerItem, EventItem, LineItem, Moment, PassageItem } from "./answer.ts";
import type { Citation } from "../briefings/briefing.ts";
import { humanDate } from "./human-date.ts";
import { windowAround, type TextWindow } from "./window.ts";

/**
 * The presentation model every renderer shares (Discord, terminal, digest): an answer's items as blocks a person
 * reads. Passages are grouped by briefing — its headline, outlet and date once, then each passage with its ¶ and, for
 * a long paragraph, a verbatim window around the first marked word. An event is a heading line, its quote and its
 * citation, with only the facts the heading and quote do not already say; a briefing cited by an earlier event is
 * not named again.
 */

/** A briefing as a person sees it cited: headline, outlet, human date, link. */
export interface BriefingHead {
  source: string;
  title: string | null;
  outlet: string | null;
  /** "24 Jan 2024", or "undated". */
  date: string;
  url: string | null;
}

export interface PassageView {
  /** The item's number in the answer, counted from 1 across pages. */
  n: number;
  paragraph: number;
  window: TextWindow;
  /** The paragraph the user asked for (source with a paragraph). */
  asked: boolean;
  /** A search hit showing none of the words it was found by (matched through its headline or a related word). */
  unmarked: boolean;
}

export interface GroupBlock {
  kind: "group";
  head: BriefingHead;
  passages: PassageView[];
}

export interface EventBlock {
  kind: "event";
  n: number;
  heading: string;
  facts: Array<[string, string]>;
  quote: string;
  head: BriefingHead;
  paragraph: number;
  /** The number of an earlier event citing the same briefing: the citation names it no more in full. */
  sameBriefingAs: number | null;
  /** Whether that earlier event is the one just above. */
  sameAsPrevious: boolean;
}

export interface LineBlock {
  kind: "line";
  n: number;
  text: string;
  url: string | null;
  /** The start of `text` to link to `url`. */
  link?: string;
  /** An id the user may need to type a command, shown small. */
  id?: string;
  command?: string;
  moment?: Moment;
}

export type Block = GroupBlock | EventBlock | LineBlock;

export function briefingHead(c: Citation): BriefingHead {
  return { source: c.source, title: c.title, outlet: c.outlet, date: humanDate(c.published), url: c.url };
}

const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The facts worth a line: those neither the heading nor the quote already says. */
export function newFacts(item: EventItem): Array<[string, string]> {
  const said = ` ${squash(item.heading)} ${squash(item.quote)} `;
  return item.facts.filter(([, value]) => {
    const v = squash(value);
    return v !== "" && !said.includes(` ${v} `) && !said.includes(v);
  });
}

/** How long a window each passage gets (characters); Infinity for whole paragraphs. */
export type WindowSize = (item: PassageItem, index: number) => number;

function passageView(item: PassageItem, n: number, size: number): PassageView {
  const window = windowAround(item.text, item.marks, size);
  const unmarked = item.score !== undefined && item.marks.length === 0;
  return { n, paragraph: item.citation.paragraph, window, asked: item.asked === true, unmarked };
}

function eventBlock(
  item: EventItem,
  n: number,
  cited: Map<string, number>,
  previous: AnswerItem | undefined,
): EventBlock {
  const earlier = cited.get(item.citation.source) ?? null;
  if (earlier === null) cited.set(item.citation.source, n);
  const sameAsPrevious = previous?.kind === "event" && previous.citation.source === item.citation.source;
  return {
    kind: "event",
    n,
    heading: item.heading,
    facts: newFacts(item),
    quote: item.quote,
    head: briefingHead(item.citation),
    paragraph: item.citation.paragraph,
    sameBriefingAs: earlier,
    sameAsPrevious,
  };
}

function lineBlock(item: LineItem, n: number): LineBlock {
  const { text, link, id, command, moment } = item;
  return { kind: "line", n, text, url: item.citation?.url ?? null, link, id, command, moment };
}

/**
 * Items as blocks, numbered from `first`. Consecutive passages are grouped by briefing, each group placed where its
 * briefing's first (best) passage stands; events and lines keep their places.
 */
export function present(items: readonly AnswerItem[], first: number, size: WindowSize): Block[] {
  const blocks: Block[] = [];
  const cited = new Map<string, number>();
  let run = new Map<string, GroupBlock>();
  items.forEach((item, i) => {
    const n = first + i;
    if (item.kind !== "passage") run = new Map();
    if (item.kind === "event") blocks.push(eventBlock(item, n, cited, items[i - 1]));
    else if (item.kind === "line") blocks.push(lineBlock(item, n));
    else {
      const view = passageView(item, n, size(item, i));
      const group = run.get(item.citation.source);
      if (group) group.passages.push(view);
      else {
        const fresh: GroupBlock = { kind: "group", head: briefingHead(item.citation), passages: [view] };
        run.set(item.citation.source, fresh);
        blocks.push(fresh);
      }
    }
  });
  return blocks;
}
