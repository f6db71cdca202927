// Application command registration rules (names, descriptions, option shape and order, set sizes).
import { FormErrors } from "./errors.ts";

/** Discord's documented name regex for CHAT_INPUT commands and options (must also be lowercase). */
export const COMMAND_NAME_RE = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

const SUB = 1;
const GROUP = 2;
const CHOICE_TYPES = new Set([3, 4, 10]);
/** Per-type maximum of commands in one scope (chat input, user, message). */
const MAX_PER_TYPE: Record<number, number> = { 1: 100, 2: 15, 3: 15 };

type Path = ReadonlyArray<string | number>;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const len = (v: unknown): number => (typeof v === "string" ? [...v].length : 0);

function checkName(name: unknown, path: Path, errors: FormErrors, chatInput: boolean): void {
  if (typeof name !== "string" || len(name) < 1 || len(name) > 32) return errors.badLength(path, 1, 32);
  if (!chatInput) return;
  if (!COMMAND_NAME_RE.test(name)) {
    errors.add(path, "APPLICATION_COMMAND_INVALID_NAME", `Command name is invalid`);
  } else if (name !== name.toLowerCase()) {
    errors.add(path, "APPLICATION_COMMAND_INVALID_NAME", `Command name must be lowercase`);
  }
}

function checkDescription(desc: unknown, path: Path, errors: FormErrors): void {
  if (typeof desc !== "string" || len(desc) < 1 || len(desc) > 100) errors.badLength(path, 1, 100);
}

/** Returns the characters counted toward the 4000-character command size limit. */
function checkOptions(
  options: unknown,
  path: Path,
  errors: FormErrors,
  level: "command" | "group" | "subcommand",
): number {
  if (options == null) return 0;
  if (!Array.isArray(options)) {
    errors.add(path, "BASE_TYPE_LIST", "Must be a list.");
    return 0;
  }
  if (options.length > 25) errors.maxLength(path, 25);
  let chars = 0;
  let sawOptional = false;
  const names = new Set<string>();
  const types = options.map((o) => (isObj(o) ? o.type : undefined));
  const subs = types.filter((t) => t === SUB || t === GROUP).length;
  if (level === "command" && subs > 0 && subs < options.length) {
    errors.add(
      path,
      "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
      "Sub-command and sub-command group option types are mutually exclusive to all other types",
    );
  }
  options.forEach((raw, i) => {
    const p = [...path, i];
    const o = isObj(raw) ? raw : {};
    const type = o.type;
    checkName(o.name, [...p, "name"], errors, true);
    checkDescription(o.description, [...p, "description"], errors);
    chars += len(o.name) + len(o.description);
    if (typeof o.name === "string") {
      if (names.has(o.name))
        errors.add([...p, "name"], "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS", "Option names must be unique");
      names.add(o.name);
    }
    if (typeof type !== "number" || type < 1 || type > 11) {
      errors.add([...p, "type"], "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.");
      return;
    }
    if (level === "group" && type !== SUB)
      errors.add(
        [...p, "type"],
        "APPLICATION_COMMAND_OPTION_TYPE_INVALID",
        "Sub-command groups may only contain sub-commands",
      );
    if (level === "subcommand" && (type === SUB || type === GROUP)) {
      errors.add(
        [...p, "type"],
        "APPLICATION_COMMAND_OPTION_TYPE_INVALID",
        "Sub-commands cannot contain sub-commands or groups",
      );
    }
    if (type === SUB || type === GROUP) {
      if (o.required === true)
        errors.add(
          [...p, "required"],
          "APPLICATION_COMMAND_OPTION_REQUIRED_INVALID",
          "Sub-commands cannot be required",
        );
      chars += checkOptions(o.options, [...p, "options"], errors, type === GROUP ? "group" : "subcommand");
      return;
    }
    if (o.required === true) {
      if (sawOptional) {
        errors.add(
          [...p, "required"],
          "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
          "Required options must be placed before non-required options",
        );
      }
    } else {
      sawOptional = true;
    }
    const choices = o.choices;
    if (choices != null) {
      if (!CHOICE_TYPES.has(type))
        errors.add(
          [...p, "choices"],
          "APPLICATION_COMMAND_OPTION_CHOICES_INVALID",
          "Choices are only allowed on string, integer and number options",
        );
      if (o.autocomplete === true)
        errors.add(
          [...p, "autocomplete"],
          "APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES_INVALID",
          "Autocomplete cannot be set with choices",
        );
      if (!Array.isArray(choices)) errors.add([...p, "choices"], "BASE_TYPE_LIST", "Must be a list.");
      else {
        if (choices.length > 25) errors.maxLength([...p, "choices"], 25);
        choices.forEach((c: unknown, j: number) => {
          const ch = isObj(c) ? c : {};
          if (len(ch.name) < 1 || len(ch.name) > 100) errors.badLength([...p, "choices", j, "name"], 1, 100);
          if (type === 3 && (typeof ch.value !== "string" || len(ch.value) > 100))
            errors.badLength([...p, "choices", j, "value"], 1, 100);
          if (type === 4 && !Number.isInteger(ch.value))
            errors.add([...p, "choices", j, "value"], "NUMBER_TYPE_COERCE", "Value is not int.");
          if (type === 10 && typeof ch.value !== "number")
            errors.add([...p, "choices", j, "value"], "NUMBER_TYPE_COERCE", "Value is not float.");
          chars += len(ch.name) + String(ch.value ?? "").length;
        });
      }
    }
    if (o.autocomplete === true && !CHOICE_TYPES.has(type)) {
      errors.add(
        [...p, "autocomplete"],
        "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_INVALID",
        "Autocomplete is only allowed on string, integer and number options",
      );
    }
    for (const key of ["min_length", "max_length"] as const) {
      const v = o[key];
      if (v == null) continue;
      if (type !== 3)
        errors.add(
          [...p, key],
          "APPLICATION_COMMAND_OPTION_LENGTH_INVALID",
          `${key} is only allowed on string options`,
        );
      else if (!Number.isInteger(v) || (v as number) < (key === "min_length" ? 0 : 1) || (v as number) > 6000) {
        errors.add([...p, key], "NUMBER_TYPE_MAX", "int value should be between 0 and 6000.");
      }
    }
  });
  return chars;
}

/** `contexts` (0 guild, 1 bot DM, 2 private channel) and `integration_types` (0 guild install, 1 user install). */
function checkPlaces(cmd: Obj, path: Path, errors: FormErrors): void {
  const lists = { contexts: [0, 1, 2], integration_types: [0, 1] } as const;
  for (const [key, allowed] of Object.entries(lists)) {
    const v = cmd[key];
    if (v == null) continue;
    if (!Array.isArray(v)) {
      errors.add([...path, key], "BASE_TYPE_LIST", "Must be a list.");
      continue;
    }
    v.forEach((x, i) => {
      if (!(allowed as readonly unknown[]).includes(x))
        errors.add([...path, key, i], "ENUM_TYPE_COERCE", `Value "${String(x)}" is not a valid enum value.`);
    });
  }
}

/** Validates one command body; `path` prefixes error keys (the index in a bulk PUT). */
export function checkCommand(cmd: unknown, path: Path, errors: FormErrors): void {
  if (!isObj(cmd)) return errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
  const type = cmd.type ?? 1;
  if (type !== 1 && type !== 2 && type !== 3 && type !== 4) {
    return errors.add([...path, "type"], "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4}.");
  }
  const chatInput = type === 1;
  checkName(cmd.name, [...path, "name"], errors, chatInput);
  checkPlaces(cmd, path, errors);
  if (chatInput) {
    checkDescription(cmd.description, [...path, "description"], errors);
    const chars =
      len(cmd.name) + len(cmd.description) + checkOptions(cmd.options, [...path, "options"], errors, "command");
    if (chars > 4000) errors.add(path, "APPLICATION_COMMAND_TOO_LARGE", "Command exceeds maximum size (4000)");
  } else {
    if (cmd.description != null && cmd.description !== "") {
      errors.add(
        [...path, "description"],
        "APPLICATION_COMMAND_DESCRIPTION_INVALID",
        "Context menu commands cannot have a description",
      );
    }
    if (Array.isArray(cmd.options) && cmd.options.length > 0) {
      errors.add(
        [...path, "options"],
        "APPLICATION_COMMAND_OPTIONS_INVALID",
        "Context menu commands cannot have options",
      );
    }
  }
}

/** Validates a bulk-overwrite body (array of commands); throws 400 / 50035. */
export function validateCommandList(body: unknown): void {
  const errors = new FormErrors();
  if (!Array.isArray(body)) {
    errors.add([], "BASE_TYPE_LIST", "Must be a list.");
    return errors.throwIfAny();
  }
  const seen = new Set<string>();
  const perType = new Map<number, number>();
  body.forEach((cmd, i) => {
    checkCommand(cmd, [i], errors);
    if (!isObj(cmd)) return;
    const type = typeof cmd.type === "number" ? cmd.type : 1;
    perType.set(type, (perType.get(type) ?? 0) + 1);
    const key = `${type}:${String(cmd.name)}`;
    if (seen.has(key))
      errors.add([i, "name"], "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
    seen.add(key);
  });
  for (const [type, count] of perType) {
    const max = MAX_PER_TYPE[type];
    if (max !== undefined && count > max)
      errors.add(
        [],
        "APPLICATION_COMMANDS_TOO_MANY",
        `Maximum number of application commands of type ${type} reached (${max})`,
      );
  }
  errors.throwIfAny();
}
