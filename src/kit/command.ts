import type { Answer } from "./answer.ts";
import type { Library } from "../library/library.ts";

/**
 * A command's option, declared once. The Discord slash-command definition, the terminal
 * shell, the one-shot CLI and option validation are all generated from these specs.
 */
export type OptionType = "string" | "integer" | "boolean" | "date";

export interface OptionSpec {
  name: string;
  description: string;
  type: OptionType;
  required?: boolean;
  /** Filled by the first bare word(s) on the command line: `search cybercrime UK`. */
  positional?: boolean;
  /** Discord autocomplete source for this option. */
  autocomplete?: "source" | "person";
  choices?: readonly string[];
  min?: number;
  max?: number;
  /** Longest accepted string. */
  maxLength?: number;
}

export type OptionValue = string | number | boolean;
export type Options = Record<string, OptionValue | undefined>;

export interface Command {
  name: string;
  description: string;
  options: readonly OptionSpec[];
  /** Whether Discord should only offer this command to members with Manage Server. */
  adminOnly?: boolean;
  run(library: Library, options: Options): Answer;
}
