import type { Action } from "../src/kit/action.ts";
import type { Answer, AnswerItem } from "../src/kit/answer.ts";
import type { Library } from "../src/library/library.ts";
import { ingest, type Added, type IngestInput } from "../src/library/ingest/pipeline.ts";
import { meetingItem, meetingJSON } from "./meetings.ts";
import { pledgeItem, pledgeJSON } from "./pledges.ts";

/** Events listed in the answer, of each kind (the rest are counted). */
const MAX_LISTED = 5;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** What was stored, as the Library that has read it: headline, outlet, date, ¶1 quoted, the events found. */
function addedAnswer(library: Library, added: Added): Answer {
  const stored = library.get(added.id);
  const b = stored ?? added.briefing;
  const events = stored ? library.perBriefingEvents.get(added.id) : undefined;
  const meetings = events?.meetings ?? [];
  const pledges = events?.pledges ?? [];
  const cite = { source: added.id, paragraph: 1, ...b.meta };
  const items: AnswerItem[] = [
    { kind: "passage", text: b.paragraphs[0].text, marks: [], citation: stored ? library.citation(b.id, 1) : cite },
    ...meetings.slice(0, MAX_LISTED).map((m) => meetingItem(library, m)),
    ...pledges.slice(0, MAX_LISTED).map((p) => pledgeItem(library, p)),
  ];
  const found = events
    ? meetings.length + pledges.length
      ? `Found ${plural(meetings.length, "meeting")} and ${plural(pledges.length, "pledge")}${meetings.length > MAX_LISTED || pledges.length > MAX_LISTED ? ` (the first ${MAX_LISTED} of each shown)` : ""}.`
      : "No meetings or pledges found in it."
    : "It is searchable once the briefings folder is read again.";
  return {
    command: "add",
    title: `Added: ${b.meta.title ?? added.id}`,
    summary: `${b.meta.outlet ?? "outlet unknown"} · ${b.meta.published ?? "undated"} · ${plural(b.paragraphs.length, "paragraph")} · id ${added.id}`,
    items,
    note: found,
    json: {
      source: added.id,
      file: added.file,
      ...b.meta,
      paragraphCount: b.paragraphs.length,
      firstParagraph: b.paragraphs[0].text,
      loaded: stored !== undefined,
      meetings: meetings.map((m) => meetingJSON(library, m)),
      pledges: pledges.map((p) => pledgeJSON(library, p)),
    },
  };
}

/** `add`: a file, a link or pasted text into the briefings folder, answered with what the bot made of it. */
export const add: Action<IngestInput> = {
  name: "add",
  description: "Add a briefing: a .txt, .md or .html file, a link to an article, or pasted text",
  options: [
    {
      name: "input",
      description: "A .txt, .md or .html file, a link (https://…), or - to read the text from standard input",
      type: "string",
      required: true,
      positional: true,
    },
    { name: "title", description: "The headline (instead of the one found)", type: "string", maxLength: 1000 },
    { name: "outlet", description: "The outlet (instead of the one found)", type: "string", maxLength: 1000 },
    { name: "published", description: "The publication date, YYYY-MM-DD", type: "string", maxLength: 10 },
    { name: "url", description: "The article's link (instead of the one found)", type: "string", maxLength: 1000 },
  ],
  async perform(library, input, context) {
    const added = await ingest(library, input, context.fetch);
    return addedAnswer(await context.refresh(library, added.file), added);
  },
};
