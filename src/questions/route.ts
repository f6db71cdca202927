import { endOfMonth } from "date-fns/endOfMonth";
import { format } from "date-fns/format";

/**
 * Question routing for conversation: "who met Tina Redshaw?" → meetings with who=Tina
 * Redshaw; "what did Vietnam pledge?" → pledges with who=Vietnam; "who did Hun Manet meet
 * in January 2024?" → meetings, who=Hun Manet, January 2024; anything else → search.
 */
export type Route = "meetings" | "pledges" | "search";

export interface Routed {
  route: Route;
  options: Record<string, string>;
}

const MEETING =
  /\b(meet|meets|met|meeting|meetings|talks|talked|visit|visited|visits|host|hosted|received|call(?:ed)? on|spoke with|sat down with)\b/i;
const PLEDGE = /\b(pledge[sd]?|promise[sd]?|vow(?:s|ed)?|commit(?:s|ted|ment|ments)?|undert(?:ake|ook))\b/i;
const AGREEMENT = /\b(agree[sd]?|agreement|agreements|sign(?:s|ed)?|deal|deals|mou|memorand(?:um|a)|accord)\b/i;
const REQUEST = /\b(request(?:s|ed)?|ask(?:s|ed)?|urge[sd]?|appeal(?:s|ed)?|call(?:s|ed)? for)\b/i;

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH_RE = new RegExp(
  `\\b(?:in|during|on|since|from|before|until|by)?\\s*(?:(\\d{1,2})\\s+)?(${MONTHS.join("|")}|${MONTHS.map((m) => m.slice(0, 3)).join("|")})\\.?\\s*(\\d{1,2})?(?:,)?\\s+(\\d{4})\\b`,
  "i",
);
const YEAR_RE = /\b(in|during|since|from|before|until|by)?\s*((?:19|20)\d{2})\b/i;

/** Words that never start a name in a question. */
const NOT_NAMES = new Set(
  "who whom what when where which why how did does do has have had was were is are will would could should the a an and or with in on at of to for from about any ever all last this that these those since before until by during i me my we our you your they their tell show list find give please".split(
    " ",
  ),
);

function dateRange(text: string): { from?: string; to?: string; rest: string } {
  const m = MONTH_RE.exec(text);
  if (m) {
    const month = MONTHS.findIndex((x) => x.startsWith(m[2].toLowerCase().slice(0, 3)));
    const year = Number(m[4]);
    const dayText = m[1] ?? m[3];
    const start = new Date(year, month, dayText ? Number(dayText) : 1);
    const end = dayText ? start : endOfMonth(start);
    const iso = (d: Date) => format(d, "yyyy-MM-dd");
    const lead = m[0].trim().split(/\s+/)[0].toLowerCase();
    const rest = text.replace(m[0], " ");
    if (lead === "since" || lead === "from") return { from: iso(start), rest };
    if (lead === "before" || lead === "until" || lead === "by") return { to: iso(end), rest };
    return { from: iso(start), to: iso(end), rest };
  }
  const y = YEAR_RE.exec(text);
  if (y) {
    const lead = (y[1] ?? "").toLowerCase();
    const rest = text.replace(y[0], " ");
    if (lead === "since" || lead === "from") return { from: `${y[2]}-01-01`, rest };
    if (lead === "before" || lead === "until" || lead === "by") return { to: `${y[2]}-12-31`, rest };
    return { from: `${y[2]}-01-01`, to: `${y[2]}-12-31`, rest };
  }
  return { rest: text };
}

/** Runs of capitalised words (allowing "of", "for", "the" inside), e.g. "Ministry of Interior". */
function names(text: string, verbs: RegExp): string[] {
  const cleaned = text.replace(new RegExp(verbs.source, "gi"), " | ").replace(/[?!.,;:"“”]/g, " | ");
  const out: string[] = [];
  for (const chunk of cleaned.split("|")) {
    const words = chunk.trim().split(/\s+/).filter(Boolean);
    let run: string[] = [];
    const flush = () => {
      while (run.length && NOT_NAMES.has(run[run.length - 1].toLowerCase())) run.pop();
      if (run.length) out.push(run.join(" "));
      run = [];
    };
    for (const w of words) {
      const lower = w.toLowerCase();
      const capital = /^[\p{Lu}\d]/u.test(w) && !NOT_NAMES.has(lower);
      if (capital) run.push(w);
      else if (run.length && (lower === "of" || lower === "for" || lower === "the" || lower === "and")) run.push(w);
      else flush();
    }
    flush();
  }
  return out;
}

export function routeQuestion(question: string): Routed {
  const text = question.trim();
  const isQuestionAboutEvents = /^(who|whom|what|when|did|has|have|which|list|show)\b/i.test(text) || /\?$/.test(text);
  const meeting = MEETING.test(text);
  const pledgeKind = PLEDGE.test(text)
    ? "pledge"
    : AGREEMENT.test(text)
      ? "agreement"
      : REQUEST.test(text)
        ? "request"
        : null;
  if (!isQuestionAboutEvents || (!meeting && !pledgeKind)) return { route: "search", options: { query: text } };

  const { from, to, rest } = dateRange(text);
  const route: Route = pledgeKind && !(meeting && /\bmeet|met\b/i.test(text)) ? "pledges" : "meetings";
  const verbs =
    route === "meetings" ? MEETING : new RegExp(`${PLEDGE.source}|${AGREEMENT.source}|${REQUEST.source}`, "i");
  const found = names(rest, verbs);
  const options: Record<string, string> = {};
  if (found[0]) options.who = found[0];
  if (route === "meetings" && found[1]) options.with = found[1];
  if (route === "pledges" && pledgeKind) options.kind = pledgeKind;
  if (from) options.from = from;
  if (to) options.to = to;
  return { route, options };
}
