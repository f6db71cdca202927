import type { Options } from "./command.ts";
import type { Library } from "../library/library.ts";
import { peopleStarting } from "../library/views/events-index.ts";
import { personChoices } from "../library/views/people.ts";
import { type EventFilter } from "../library/views/events-query.ts";

/** The options the event commands (meetings, pledges) share, as a filter; and a hint when a name finds nothing. */

/** A "did you mean" for a name that matched nothing. */
export function nameHint(library: Library, name: string): string {
  const first = name.trim().split(/\s+/)[0] ?? "";
  const prefix = first.slice(0, 3);
  const ideas = personChoices(peopleStarting(library.events, prefix), prefix).slice(0, 5);
  return ideas.length
    ? ` Did you mean: ${ideas.map((s) => `"${s}"`).join(", ")}?`
    : " Use `people` to list the names the briefings give.";
}

/** A party as typed, or the name behind a key that autocomplete offered for a name too long to send. */
export function partyName(library: Library, value: string): string {
  const typed = value.trim();
  return typed.startsWith("key:") ? (library.lookups.resolve(typed) ?? typed) : typed;
}

export function eventFilter(library: Library, options: Options): EventFilter {
  const str = (k: string) =>
    typeof options[k] === "string" && String(options[k]).trim() !== "" ? String(options[k]).trim() : undefined;
  const party = (k: string) => {
    const v = str(k);
    return v === undefined ? undefined : partyName(library, v);
  };
  const source = str("source");
  return {
    who: party("who"),
    with: party("with"),
    from: str("from"),
    to: str("to"),
    source: source === undefined ? undefined : library.resolveSource(source).id,
  };
}
