/**
 * src/kit: the command kit: the Command contract and option specs, option parsing and validation, dispatch, the
 * Answer type and presentation helpers every renderer shares. May import src/library and below.
 */
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
  run(library: Library, options: Options, context: CommandContext): Answer;
}

/** What a command may know beyond its options and the Library; the front end supplies it from its settings. */
export interface CommandContext {
  /** Every command the front end offers: help lists them, ask routes among them. */
  commands: readonly Command[];
  /** Where the digest keeps its state (the settings' STATE_DIR); null where no settings were read. */
  stateDir: string | null;
}
