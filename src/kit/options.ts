import { endOfMonth } from "date-fns/endOfMonth";
import { endOfYear } from "date-fns/endOfYear";
import { format } from "date-fns/format";
import { isValid } from "date-fns/isValid";
import { parse } from "date-fns/parse";
import { UserError } from "../library/user-error.ts";
import type { Command, OptionSpec, Options, OptionValue } from "./command.ts";

/** Paging options every listing command takes. */
export const PAGING: readonly OptionSpec[] = [
  { name: "limit", description: "How many results a page (1–25)", type: "integer", min: 1, max: 25 },
  { name: "page", description: "Which page of results", type: "integer", min: 1, max: 1000 },
];

export const DATE_RANGE: readonly OptionSpec[] = [
  { name: "from", description: "Earliest date, e.g. 2024-01-15, 2024-01 or 2024", type: "date" },
  { name: "to", description: "Latest date, e.g. 2024-01-31, 2024-01 or 2024", type: "date" },
];

/**
 * A date option: a day, a month or a year. `from` takes the first day of the period,
 * `to` the last, so `--from 2024-01 --to 2024-01` means all of January 2024.
 */
export function parseDateOption(name: string, raw: string): string {
  const value = raw.trim();
  const edge = name === "to" ? "end" : "start";
  const attempts: Array<[RegExp, string, (d: Date) => Date]> = [
    [/^\d{4}-\d{1,2}-\d{1,2}$/, "yyyy-M-d", (d) => d],
    [/^\d{4}-\d{1,2}$/, "yyyy-M", (d) => (edge === "end" ? endOfMonth(d) : d)],
    [/^\d{4}$/, "yyyy", (d) => (edge === "end" ? endOfYear(d) : d)],
  ];
  for (const [shape, pattern, widen] of attempts) {
    if (!shape.test(value)) continue;
    const d = parse(value, pattern, new Date(2000, 0, 1));
    if (isValid(d)) return format(widen(d), "yyyy-MM-dd");
  }
  throw new UserError(`"${raw}" is not a date for ${name}: use YYYY-MM-DD, YYYY-MM or YYYY (e.g. 2024-01-15).`);
}

function coerce(spec: OptionSpec, raw: unknown): OptionValue {
  const bad = (why: string) => new UserError(`Option ${spec.name}: ${why}.`);
  switch (spec.type) {
    case "boolean":
      if (typeof raw === "boolean") return raw;
      if (raw === "true" || raw === "yes" || raw === "1") return true;
      if (raw === "false" || raw === "no" || raw === "0") return false;
      throw bad(`"${String(raw)}" is not true or false`);
    case "integer": {
      const n = typeof raw === "number" ? raw : /^-?\d+$/.test(String(raw).trim()) ? Number(String(raw).trim()) : NaN;
      if (!Number.isInteger(n)) throw bad(`"${String(raw)}" is not a whole number`);
      if (spec.min !== undefined && n < spec.min) throw bad(`must be at least ${spec.min}`);
      if (spec.max !== undefined && n > spec.max) throw bad(`must be at most ${spec.max}`);
      return n;
    }
    case "date":
      return parseDateOption(spec.name, String(raw));
    case "string": {
      const s = String(raw).trim();
      if (spec.maxLength !== undefined && s.length > spec.maxLength) {
        throw bad(`is ${s.length} characters long; the limit is ${spec.maxLength}`);
      }
      if (spec.choices && !spec.choices.includes(s.toLowerCase())) {
        throw bad(`"${s}" is not one of ${spec.choices.join(", ")}`);
      }
      return spec.choices ? s.toLowerCase() : s;
    }
  }
}

/**
 * Check and convert raw option values (strings from a command line, typed values from
 * Discord) against a command's specs. Unknown or missing options are user errors.
 */
export function parseOptions(command: Pick<Command, "name" | "options">, raw: Record<string, unknown>): Options {
  const out: Options = {};
  const known = new Map(command.options.map((o) => [o.name, o]));
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined || value === null || value === "") continue;
    const spec = known.get(name);
    if (!spec) {
      const names = command.options.map((o) => o.name).join(", ") || "none";
      throw new UserError(`${command.name} has no option "${name}" (its options: ${names}).`);
    }
    out[name] = coerce(spec, value);
  }
  for (const spec of command.options) {
    if (spec.required && out[spec.name] === undefined) {
      throw new UserError(`${command.name} needs ${spec.name}: ${spec.description.toLowerCase()}.`);
    }
  }
  if (typeof out.from === "string" && typeof out.to === "string" && out.from > out.to) {
    throw new UserError(`from (${out.from}) is after to (${out.to}): swap them.`);
  }
  return out;
}

/** Page and page size from options, with a default size. */
export function paging(options: Options, defaultLimit = 5): { page: number; limit: number } {
  const limit = typeof options.limit === "number" ? options.limit : defaultLimit;
  const page = typeof options.page === "number" ? options.page : 1;
  return { page, limit };
}

/** The longest query or question accepted: a few key words work best. */
export const MAX_QUERY_LENGTH = 500;
