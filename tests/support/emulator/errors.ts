// Discord-style HTTP errors: `{ message, code, errors? }` bodies and the nested 50035 error tree.

export interface FieldError {
  code: string;
  message: string;
}

export type ErrorTree = { _errors?: FieldError[] } & { [key: string]: ErrorTree | FieldError[] | undefined };

export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: ErrorTree,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return { message: this.message, code: this.code, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

/** Collects field errors keyed by path, shaped like Discord's `errors` object (array indices become string keys). */
export class FormErrors {
  private readonly root: ErrorTree = {};
  count = 0;

  add(path: ReadonlyArray<string | number>, code: string, message: string): void {
    let node = this.root;
    for (const seg of path) {
      const key = String(seg);
      const next = (node[key] ??= {}) as ErrorTree;
      node = next;
    }
    (node._errors ??= []).push({ code, message });
    this.count++;
  }

  maxLength(path: ReadonlyArray<string | number>, max: number): void {
    this.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
  }

  badLength(path: ReadonlyArray<string | number>, min: number, max: number): void {
    this.add(path, "BASE_TYPE_BAD_LENGTH", `Must be between ${min} and ${max} in length.`);
  }

  required(path: ReadonlyArray<string | number>): void {
    this.add(path, "BASE_TYPE_REQUIRED", "This field is required");
  }

  get empty(): boolean {
    return this.count === 0;
  }

  tree(): ErrorTree {
    return this.root;
  }

  /** Throws 400 / 50035 Invalid Form Body when any error was added. */
  throwIfAny(): void {
    if (!this.empty) throw invalidFormBody(this);
  }
}

export const invalidFormBody = (errors: FormErrors): DiscordHttpError =>
  new DiscordHttpError(400, 50035, "Invalid Form Body", errors.tree());

export const Errors = {
  unauthorized: () => new DiscordHttpError(401, 0, "401: Unauthorized"),
  notFound: () => new DiscordHttpError(404, 0, "404: Not Found"),
  methodNotAllowed: () => new DiscordHttpError(405, 0, "405: Method Not Allowed"),
  invalidJson: () => new DiscordHttpError(400, 50109, "The request body contains invalid JSON."),
  missingAccess: () => new DiscordHttpError(403, 50001, "Missing Access"),
  unknownChannel: () => new DiscordHttpError(404, 10003, "Unknown Channel"),
  unknownGuild: () => new DiscordHttpError(404, 10004, "Unknown Guild"),
  unknownMessage: () => new DiscordHttpError(404, 10008, "Unknown Message"),
  unknownWebhook: () => new DiscordHttpError(404, 10015, "Unknown Webhook"),
  unknownInteraction: () => new DiscordHttpError(404, 10062, "Unknown interaction"),
  unknownCommand: () => new DiscordHttpError(404, 10063, "Unknown application command"),
  invalidWebhookToken: () => new DiscordHttpError(401, 50027, "Invalid Webhook Token"),
  alreadyAcknowledged: () => new DiscordHttpError(400, 40060, "Interaction has already been acknowledged."),
  emptyMessage: () => new DiscordHttpError(400, 50006, "Cannot send an empty message"),
  editOthersMessage: () => new DiscordHttpError(403, 50005, "Cannot edit a message authored by another user"),
};
