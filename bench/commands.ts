import { findCommand } from "../commands/index.ts";
import type { Command, OptionSpec } from "../src/kit/command.ts";

/**
 * Commands that may not exist yet (meetings, pledges, autocomplete) are measured only when
 * `findCommand` knows them, with only the options they declare: each value the query
 * builder drew is offered under the option names such a command is likely to use.
 */
const ALIASES: Record<string, readonly string[]> = {
  person: ["person", "who", "name", "participant", "actor", "people"],
  country: ["country", "party", "place", "with", "who"],
  pledgeKind: ["kind"],
  query: ["query", "topic", "about", "text", "q"],
  from: ["from", "since", "after"],
  to: ["to", "until", "before"],
  kind: ["kind", "option", "field", "type", "for"],
  prefix: ["prefix", "value", "partial", "focused", "input", "query", "text"],
};

export function optionalCommand(names: readonly string[]): Command | undefined {
  for (const name of names) {
    const command = findCommand(name);
    if (command) return command;
  }
  return undefined;
}

/**
 * Raw options for `command` from drawn `values`, or null when a required option cannot be
 * filled (the case is then skipped, not failed).
 */
export function fitOptions(
  command: Command,
  values: Record<string, string>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> | null {
  const declared = new Map<string, OptionSpec>(command.options.map((o) => [o.name, o]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const name = (ALIASES[key] ?? [key]).find((n) => declared.has(n) && out[n] === undefined);
    if (!name) continue;
    const spec = declared.get(name)!;
    if (spec.choices && !spec.choices.includes(value.toLowerCase())) continue;
    out[name] = value;
  }
  for (const [name, value] of Object.entries(extra)) if (declared.has(name)) out[name] = value;
  for (const spec of command.options) if (spec.required && out[spec.name] === undefined) return null;
  return out;
}
