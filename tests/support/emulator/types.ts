// Public types of the Discord emulator (tests/emulator). See index.ts for the entry point.
import type { APIMessage } from "discord-api-types/v10";

/** Options for `new DiscordEmulator(options)`; every field has a test-friendly default. */
export interface EmulatorOptions {
  /** Bot token the client must present (REST `Authorization: Bot <token>` and gateway IDENTIFY). */
  token?: string;
  /** Application id; also the bot user's id, as on Discord. */
  appId?: string;
  botUsername?: string;
  /** Guilds the bot is in. Default: one guild "Briefings Test Guild" with channels general + briefings. */
  guilds?: GuildSpec[];
  /** Time allowed for the first interaction callback (Discord: 3000 ms). */
  ackLimitMs?: number;
  /** Lifetime of an interaction token for edits and follow-ups (Discord: 15 min). */
  tokenLifetimeMs?: number;
  /** Window in which `nonce` + `enforce_nonce` returns the existing message (Discord: "a few minutes"). */
  nonceWindowMs?: number;
  /** HELLO heartbeat_interval (Discord: 41250 ms). */
  heartbeatIntervalMs?: number;
  /**
   * Privileged intents enabled for the app (GuildMembers | GuildPresences | MessageContent bits). Others → close 4014.
   */
  privilegedIntents?: number;
  /** Clock used for all Discord time rules (ms since epoch). Default Date.now; emu.advanceTime() adds to it. */
  now?: () => number;
  /** Print every REST call and gateway op to stderr. */
  log?: boolean;
  /** The port to listen on (127.0.0.1). Default: any free port. */
  port?: number;
}

export interface GuildSpec {
  id?: string;
  name?: string;
  /** Text channel names. */
  channels?: string[];
}

export interface GuildInfo {
  id: string;
  name: string;
  /** channel name → id */
  channels: Record<string, string>;
}

/** Returned by `start()`. */
export interface EmulatorInfo {
  port: number;
  /** Pass as discord.js `rest: { api }` (no version suffix; discord.js appends /v10). */
  apiUrl: string;
  gatewayUrl: string;
  token: string;
  appId: string;
  botUserId: string;
  /** The ordinary member used by default in dispatched interactions and messages. */
  userId: string;
  /** First guild. */
  guildId: string;
  /** Text channel ids of the first guild, in spec order. */
  channelIds: string[];
  /** channel name → id for the first guild. */
  channels: Record<string, string>;
  guilds: GuildInfo[];
}

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface MentionPings {
  users: string[];
  roles: string[];
  everyone: boolean;
  repliedUser: boolean;
}

/** Present on a recorded call whose body creates or edits a message. */
export interface MessageBodyInfo {
  kind: "create" | "edit";
  source: "callback" | "webhook" | "channel";
  /** The message part of the body (for callbacks: `body.data`). */
  body: Record<string, unknown>;
  hasAllowedMentions: boolean;
  allowedMentions: unknown;
  /** allowed_mentions present, parse ⊆ [] (no users/roles/everyone), no users/roles lists, replied_user not true. */
  mentionSafe: boolean;
  /** Who this body would actually ping, given its content and allowed_mentions (or Discord's defaults). */
  pings: MentionPings;
}

export interface RecordedCall {
  seq: number;
  /** Emulator clock (ms). */
  at: number;
  method: string;
  /** Decoded path without the /api/v10 prefix, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** Matched route pattern, e.g. `/webhooks/:app/:token/messages/:message`; null when no route matched. */
  route: string | null;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON body (or multipart `payload_json`), undefined when none. */
  body: unknown;
  files: RecordedFile[];
  status: number;
  response: unknown;
  /** True when the response came from a failure rule (`failNext` & co.). */
  injected: boolean;
  /** Set for interaction callbacks and interaction-webhook calls. */
  interactionId?: string;
  /** Set when the body creates or edits a message (even if the call then failed). */
  message?: MessageBodyInfo;
  /** Snapshot of the message this call created, edited or returned (successful calls only). */
  resultMessage?: APIMessage;
}

/** Which requests a failure rule applies to. `path` is the decoded path without /api/v10. */
export interface RequestMatcher {
  method?: string;
  /** Exact path, a pattern with `:param` / `*` segments, or a RegExp tested against the path. */
  path: string | RegExp;
}

export interface FailureRule extends RequestMatcher {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests fail (default 1; Infinity = always). */
  times?: number;
}

export interface FailureHandle {
  readonly hits: number;
  readonly remaining: number;
  cancel(): void;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Also consider calls recorded before waiting started (default true). */
  includePast?: boolean;
}

export type MentionViolation = { call: RecordedCall; reason: string };
