// Discord's message, embed, component, autocomplete and modal limits. Violations → 400 / 50035 with an errors tree.
import { Errors, FormErrors } from "./errors.ts";

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowButtons: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectPlaceholder: 150,
  componentsV2Total: 40,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  nonce: 25,
  modalTitle: 45,
} as const;

/** Message flags a bot may set on a create / edit. */
export const MessageFlagBits = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  SuppressNotifications: 1 << 12,
  IsComponentsV2: 1 << 15,
} as const;

type Path = ReadonlyArray<string | number>;
type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const strLen = (v: unknown): number => (typeof v === "string" ? [...v].length : 0);

export interface MessageCheck {
  kind: "create" | "edit";
  /** Flags a bot may set here (ephemeral only on interaction responses). */
  allowedFlags: number;
  /** Number of uploaded files (multipart), counts as content for the empty-message rule. */
  fileCount?: number;
  /** Prefix for error paths (e.g. ["data"] for callbacks). */
  path?: Path;
}

/** Validates a message create/edit body; throws DiscordHttpError (50035, or 50006 for an empty create). */
export function validateMessageBody(body: unknown, check: MessageCheck): void {
  const base = check.path ?? [];
  const errors = new FormErrors();
  if (!isObj(body)) {
    errors.add(base, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    errors.throwIfAny();
    return;
  }
  const { content, embeds, components, allowed_mentions, flags, nonce } = body;
  if (content != null) {
    if (typeof content !== "string")
      errors.add([...base, "content"], "BASE_TYPE_STRING", "Could not interpret value as string.");
    else if (strLen(content) > LIMITS.content) errors.maxLength([...base, "content"], LIMITS.content);
  }
  if (embeds != null) checkEmbeds(embeds, [...base, "embeds"], errors);
  const flagBits = typeof flags === "number" ? flags : 0;
  if (flags != null) {
    if (typeof flags !== "number" || !Number.isInteger(flags))
      errors.add([...base, "flags"], "NUMBER_TYPE_COERCE", "Value is not int.");
    else if ((flags & ~check.allowedFlags) !== 0)
      errors.add([...base, "flags"], "MESSAGE_FLAGS_INVALID", "Invalid message flags");
  }
  if (components != null)
    checkComponents(components, [...base, "components"], errors, (flagBits & MessageFlagBits.IsComponentsV2) !== 0);
  if (allowed_mentions != null) checkAllowedMentions(allowed_mentions, [...base, "allowed_mentions"], errors);
  if (nonce != null) {
    const ok =
      (typeof nonce === "string" && strLen(nonce) <= LIMITS.nonce) ||
      (typeof nonce === "number" && Number.isInteger(nonce));
    if (!ok) errors.add([...base, "nonce"], "BASE_TYPE_MAX_LENGTH", `Must be ${LIMITS.nonce} or fewer in length.`);
  }
  errors.throwIfAny();
  if (check.kind === "create" && isEmptyMessage(body, check.fileCount ?? 0)) throw Errors.emptyMessage();
}

/** Nothing to show: no text, embeds, components, stickers, attachments, files or poll (Discord's 50006). */
export function isEmptyMessage(body: Obj, fileCount: number): boolean {
  const nonEmptyArray = (v: unknown) => Array.isArray(v) && v.length > 0;
  const hasContent = typeof body.content === "string" && body.content.trim().length > 0;
  return !(
    hasContent ||
    nonEmptyArray(body.embeds) ||
    nonEmptyArray(body.components) ||
    nonEmptyArray(body.sticker_ids) ||
    nonEmptyArray(body.attachments) ||
    fileCount > 0 ||
    isObj(body.poll)
  );
}

function checkEmbeds(embeds: unknown, path: Path, errors: FormErrors): void {
  if (!Array.isArray(embeds)) return errors.add(path, "BASE_TYPE_LIST", "Must be a list.");
  if (embeds.length > LIMITS.embeds) errors.maxLength(path, LIMITS.embeds);
  let total = 0;
  embeds.forEach((embed, i) => {
    const p = [...path, i];
    if (!isObj(embed)) return errors.add(p, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
    const maxStr = (v: unknown, key: Path, max: number) => {
      if (v == null) return;
      if (typeof v !== "string")
        return errors.add([...p, ...key], "BASE_TYPE_STRING", "Could not interpret value as string.");
      total += strLen(v);
      if (strLen(v) > max) errors.maxLength([...p, ...key], max);
    };
    maxStr(embed.title, ["title"], LIMITS.embedTitle);
    maxStr(embed.description, ["description"], LIMITS.embedDescription);
    if (embed.color != null && (typeof embed.color !== "number" || embed.color < 0 || embed.color > 0xffffff)) {
      errors.add([...p, "color"], "NUMBER_TYPE_MAX", "int value should be less than or equal to 16777215.");
    }
    if (embed.footer != null) {
      if (!isObj(embed.footer) || embed.footer.text == null || embed.footer.text === "")
        errors.required([...p, "footer", "text"]);
      else maxStr(embed.footer.text, ["footer", "text"], LIMITS.footerText);
    }
    if (embed.author != null) {
      if (!isObj(embed.author) || embed.author.name == null || embed.author.name === "")
        errors.required([...p, "author", "name"]);
      else maxStr(embed.author.name, ["author", "name"], LIMITS.authorName);
    }
    if (embed.fields != null) {
      if (!Array.isArray(embed.fields)) return errors.add([...p, "fields"], "BASE_TYPE_LIST", "Must be a list.");
      if (embed.fields.length > LIMITS.embedFields) errors.maxLength([...p, "fields"], LIMITS.embedFields);
      embed.fields.forEach((field: unknown, j: number) => {
        const f = isObj(field) ? field : {};
        if (f.name == null || f.name === "") errors.required([...p, "fields", j, "name"]);
        else maxStr(f.name, ["fields", j, "name"], LIMITS.fieldName);
        if (f.value == null || f.value === "") errors.required([...p, "fields", j, "value"]);
        else maxStr(f.value, ["fields", j, "value"], LIMITS.fieldValue);
      });
    }
  });
  if (total > LIMITS.embedTotal) {
    errors.add(path, "MAX_EMBED_SIZE_EXCEEDED", `Embed size exceeds maximum size of ${LIMITS.embedTotal}`);
  }
}

const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

function checkComponents(components: unknown, path: Path, errors: FormErrors, v2: boolean): void {
  if (!Array.isArray(components)) return errors.add(path, "BASE_TYPE_LIST", "Must be a list.");
  const seen = new Set<string>();
  const customId = (c: Obj, p: Path, required: boolean) => {
    const id = c.custom_id;
    if (id == null) {
      if (required) errors.required([...p, "custom_id"]);
      return;
    }
    if (typeof id !== "string" || strLen(id) < 1 || strLen(id) > LIMITS.customId)
      return errors.badLength([...p, "custom_id"], 1, LIMITS.customId);
    if (seen.has(id))
      errors.add([...p, "custom_id"], "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
    seen.add(id);
  };
  const leaf = (c: Obj, p: Path) => {
    if (c.type === 2) {
      const style = c.style;
      if (typeof style !== "number" || style < 1 || style > 6)
        errors.add([...p, "style"], "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4, 5, 6}.");
      if (style === 5) {
        if (typeof c.url !== "string" || c.url === "") errors.required([...p, "url"]);
        if (c.custom_id != null)
          errors.add(
            [...p, "custom_id"],
            "BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED",
            "Link buttons cannot have a custom_id",
          );
      } else if (style !== 6) {
        customId(c, p, true);
      }
      if (c.label != null && strLen(c.label) > LIMITS.buttonLabel)
        errors.maxLength([...p, "label"], LIMITS.buttonLabel);
      if (style !== 6 && (c.label == null || c.label === "") && c.emoji == null) {
        errors.add([...p], "BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED", "A button must have a label or an emoji");
      }
    } else if (SELECT_TYPES.has(c.type as number)) {
      customId(c, p, true);
      if (c.placeholder != null && strLen(c.placeholder) > LIMITS.selectPlaceholder)
        errors.maxLength([...p, "placeholder"], LIMITS.selectPlaceholder);
      if (c.type === 3) {
        const opts = Array.isArray(c.options) ? c.options : [];
        if (opts.length < 1 || opts.length > LIMITS.selectOptions)
          errors.badLength([...p, "options"], 1, LIMITS.selectOptions);
        opts.forEach((o: unknown, k: number) => {
          const opt = isObj(o) ? o : {};
          if (strLen(opt.label) < 1 || strLen(opt.label) > 100) errors.badLength([...p, "options", k, "label"], 1, 100);
          if (strLen(opt.value) < 1 || strLen(opt.value) > 100) errors.badLength([...p, "options", k, "value"], 1, 100);
          if (opt.description != null && strLen(opt.description) > 100)
            errors.maxLength([...p, "options", k, "description"], 100);
        });
      }
    } else if (c.custom_id != null) {
      customId(c, p, false);
    }
  };

  if (v2) {
    let count = 0;
    const walk = (list: unknown[], p: Path) =>
      list.forEach((c, i) => {
        if (!isObj(c)) return;
        count++;
        leaf(c, [...p, i]);
        if (Array.isArray(c.components)) walk(c.components, [...p, i, "components"]);
        if (isObj(c.accessory)) {
          count++;
          leaf(c.accessory, [...p, i, "accessory"]);
        }
      });
    walk(components, path);
    if (count > LIMITS.componentsV2Total) errors.maxLength(path, LIMITS.componentsV2Total);
    return;
  }

  if (components.length > LIMITS.actionRows) errors.maxLength(path, LIMITS.actionRows);
  components.forEach((row, i) => {
    const p = [...path, i];
    if (!isObj(row) || row.type !== 1)
      return errors.add([...p, "type"], "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (1,).');
    const children = Array.isArray(row.components) ? row.components : [];
    if (children.length < 1 || children.length > LIMITS.rowButtons)
      errors.badLength([...p, "components"], 1, LIMITS.rowButtons);
    const hasSelect = children.some((c) => isObj(c) && SELECT_TYPES.has(c.type as number));
    if (hasSelect && children.length > 1) {
      errors.add(
        [...p, "components"],
        "COMPONENT_LAYOUT_WIDTH_EXCEEDED",
        "The specified component exceeds the maximum width",
      );
    }
    children.forEach((c: unknown, j: number) => {
      if (!isObj(c)) return;
      if (c.type === 1)
        return errors.add(
          [...p, "components", j, "type"],
          "COMPONENT_TYPE_INVALID",
          "Action rows cannot contain action rows",
        );
      leaf(c, [...p, "components", j]);
    });
  });
}

function checkAllowedMentions(am: unknown, path: Path, errors: FormErrors): void {
  if (!isObj(am)) return errors.add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
  const parse = am.parse;
  if (parse != null) {
    if (!Array.isArray(parse)) errors.add([...path, "parse"], "BASE_TYPE_LIST", "Must be a list.");
    else
      parse.forEach((v: unknown, i: number) => {
        if (v !== "users" && v !== "roles" && v !== "everyone") {
          errors.add(
            [...path, "parse", i],
            "BASE_TYPE_CHOICES",
            "Value must be one of {'users', 'roles', 'everyone'}.",
          );
        }
      });
  }
  for (const kind of ["users", "roles"] as const) {
    const list = am[kind];
    if (list == null) continue;
    if (!Array.isArray(list)) {
      errors.add([...path, kind], "BASE_TYPE_LIST", "Must be a list.");
      continue;
    }
    if (list.length > 100) errors.maxLength([...path, kind], 100);
    if (list.length > 0 && Array.isArray(parse) && parse.includes(kind)) {
      errors.add(
        path,
        "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
        `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      );
    }
  }
}

/** Autocomplete result (callback type 8) `data`. */
export function validateAutocompleteData(data: unknown): void {
  const errors = new FormErrors();
  const choices = isObj(data) ? data.choices : undefined;
  if (!Array.isArray(choices)) {
    errors.required(["data", "choices"]);
    return errors.throwIfAny();
  }
  if (choices.length > LIMITS.choices) errors.maxLength(["data", "choices"], LIMITS.choices);
  choices.forEach((c: unknown, i: number) => {
    const choice = isObj(c) ? c : {};
    const name = choice.name;
    if (typeof name !== "string" || strLen(name) < 1 || strLen(name) > LIMITS.choiceName) {
      errors.badLength(["data", "choices", i, "name"], 1, LIMITS.choiceName);
    }
    const value = choice.value;
    if (typeof value === "string") {
      if (strLen(value) > LIMITS.choiceValue) errors.maxLength(["data", "choices", i, "value"], LIMITS.choiceValue);
    } else if (typeof value !== "number") {
      errors.required(["data", "choices", i, "value"]);
    }
  });
  errors.throwIfAny();
}

/** Modal (callback type 9) `data`. */
export function validateModalData(data: unknown): void {
  const errors = new FormErrors();
  const d = isObj(data) ? data : {};
  if (typeof d.custom_id !== "string" || strLen(d.custom_id) < 1 || strLen(d.custom_id) > LIMITS.customId) {
    errors.badLength(["data", "custom_id"], 1, LIMITS.customId);
  }
  if (typeof d.title !== "string" || strLen(d.title) < 1 || strLen(d.title) > LIMITS.modalTitle) {
    errors.badLength(["data", "title"], 1, LIMITS.modalTitle);
  }
  const comps = Array.isArray(d.components) ? d.components : [];
  if (comps.length < 1 || comps.length > 5) errors.badLength(["data", "components"], 1, 5);
  errors.throwIfAny();
}
