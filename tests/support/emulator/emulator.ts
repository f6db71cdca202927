// DiscordEmulator: HTTP REST + WebSocket gateway on one 127.0.0.1 port, plus the helpers tests drive it with.
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  APIApplicationCommand,
  APIApplicationCommandAutocompleteGuildInteraction,
  APIChatInputApplicationCommandGuildInteraction,
  APIMessage,
  APIMessageApplicationCommandGuildInteraction,
  APIMessageComponentGuildInteraction,
  APIModalSubmitGuildInteraction,
  APIUser,
  GatewayIdentifyData,
} from "discord-api-types/v10";
import { FailureRules, rateLimitRule } from "./failures.ts";
import { guildCreate } from "./payloads.ts";
import { Gateway, type GatewaySession } from "./gateway.ts";
import * as build from "./interactions.ts";
import { MessageFlagBits } from "./limits.ts";
import { CallRecorder, DEFAULT_TIMEOUT } from "./recorder.ts";
import { MessageService } from "./messages.ts";
import { buildRouter } from "./rest-routes.ts";
import { createRestHandler } from "./server.ts";
import { EmulatorState, type StoredAttachment } from "./state.ts";
import type {
  EmulatorInfo,
  EmulatorOptions,
  FailureHandle,
  FailureRule,
  GuildInfo,
  GuildSpec,
  RecordedCall,
  RequestMatcher,
  WaitOptions,
} from "./types.ts";
import { messageCreateFor, userMessage, type UserMessageInit } from "./user-messages.ts";

const ok = (c: RecordedCall) => c.status >= 200 && c.status < 300;

type ModalInput = { type: number; custom_id: string; required?: boolean; min_length?: number; max_length?: number };
type ModalRow = { components?: ModalInput[] };

/** What the Discord client enforces before it sends a modal: known inputs, required ones filled, lengths. */
function checkModalFields(rows: readonly ModalRow[], fields: Record<string, string>): void {
  const inputs = rows.flatMap((r) => r.components ?? []).filter((c) => c.type === 4);
  for (const id of Object.keys(fields))
    if (!inputs.some((i) => i.custom_id === id)) throw new Error(`[emulator] the modal has no text input "${id}"`);
  for (const input of inputs) {
    const value = fields[input.custom_id] ?? "";
    if ((input.required ?? true) && value === "")
      throw new Error(`[emulator] text input "${input.custom_id}" is required; the client would not submit`);
    if (input.max_length !== undefined && value.length > input.max_length)
      throw new Error(`[emulator] text input "${input.custom_id}" is longer than ${input.max_length}`);
    if (value !== "" && input.min_length !== undefined && value.length < input.min_length)
      throw new Error(`[emulator] text input "${input.custom_id}" is shorter than ${input.min_length}`);
  }
}
const clone = <T>(v: T): T => structuredClone(v);

export interface InteractionResponse {
  kind: "reply" | "update" | "edit" | "followup" | "autocomplete" | "modal";
  call: RecordedCall;
  /** The message shown (snapshot at the time of the call), for reply / update / edit / followup. */
  message?: APIMessage;
  /** For autocomplete. */
  choices?: { name: string; value: string | number }[];
  /** For modal: the modal data. */
  modal?: Record<string, unknown>;
}

export interface InteractionHandle<P = build.BuiltInteraction["payload"]> {
  readonly id: string;
  readonly token: string;
  readonly payload: P;
  /** The first callback POST for this interaction, whatever its status. */
  callback(opts?: WaitOptions): Promise<RecordedCall>;
  /**
   * The first successful visible response: reply / update / autocomplete / modal, or after a defer the first edit or
   * follow-up.
   */
  response(opts?: WaitOptions): Promise<InteractionResponse>;
  /** Every recorded callback and webhook call for this interaction. */
  calls(): RecordedCall[];
  /** The current @original message, if any. */
  original(): APIMessage | undefined;
  followUps(): APIMessage[];
  acknowledged(): { type: number; at: number } | null;
}

export interface MessageHandle {
  /** The stored user message (as created, before per-session intent filtering). */
  readonly message: APIMessage;
  /** The bot's next successful POST /channels/:channel/messages in that channel (the created message). */
  reply(opts?: WaitOptions): Promise<APIMessage>;
}

export class DiscordEmulator extends CallRecorder {
  readonly state: EmulatorState;
  readonly gateway: Gateway;
  private readonly failures = new FailureRules();
  private readonly messageService: MessageService;
  private readonly log: boolean;
  private server: Server | null = null;
  private port = 0;
  private readySessions = 0;
  private readonly listenPort: number;

  constructor(options: EmulatorOptions = {}) {
    super();
    this.listenPort = options.port ?? 0;
    this.log = options.log ?? false;
    this.state = new EmulatorState(options);
    this.messageService = new MessageService(this.state);
    // Discord sends the bot its own (non-ephemeral) messages too; a bot must ignore them.
    this.messageService.onCreate = (msg) => {
      if (((msg.flags ?? 0) & MessageFlagBits.Ephemeral) === 0)
        this.gateway.broadcast("MESSAGE_CREATE", (s) => messageCreateFor(this.state, s, msg));
    };
    this.gateway = new Gateway(
      this.state,
      {
        heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41250,
        privilegedIntents: options.privilegedIntents ?? 0,
        log: this.log,
      },
      () => this.gatewayUrl,
    );
    this.gateway.setMaxListeners(0);
    this.gateway.on("ready", () => this.readySessions++);
  }

  // ── lifecycle ────────────────────────────────────────────────────────────

  async start(): Promise<EmulatorInfo> {
    if (this.server) throw new Error("[emulator] already started");
    const router = buildRouter(
      this.state,
      this.messageService,
      () => this.gatewayUrl,
      (t, d) => this.dispatch(t, d),
    );
    const handler = createRestHandler({
      state: this.state,
      router,
      failures: this.failures,
      record: (c) => this.record(c),
      log: this.log,
    });
    const server = createServer((req, res) => {
      if (req.method === "GET" && req.url?.startsWith("/attachments/")) return this.serveAttachment(req.url, res);
      handler(req, res);
    });
    server.on("upgrade", (req, socket, head) => this.gateway.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.listenPort, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this.info;
  }

  /** Closes the gateway (terminating clients), the HTTP server and all pending waits. Destroy your Client first. */
  async stop(): Promise<void> {
    this.cancelWaits();
    await this.gateway.stop();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get info(): EmulatorInfo {
    if (!this.server) throw new Error("[emulator] not started");
    const first = this.state.firstGuild();
    const guilds = [...this.state.guilds.values()].map((g) => this.state.guildInfo(g));
    return {
      port: this.port,
      apiUrl: this.apiUrl,
      gatewayUrl: this.gatewayUrl,
      token: this.state.token,
      appId: this.state.appId,
      botUserId: this.state.botUser.id,
      userId: this.state.testUser.id,
      guildId: first.id,
      channelIds: [...first.channelIds],
      channels: guilds[0]!.channels,
      guilds,
    };
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }
  get token(): string {
    return this.state.token;
  }
  get appId(): string {
    return this.state.appId;
  }
  get botUserId(): string {
    return this.state.botUser.id;
  }
  get userId(): string {
    return this.state.testUser.id;
  }
  get guildId(): string {
    return this.state.firstGuild().id;
  }
  get channelIds(): string[] {
    return [...this.state.firstGuild().channelIds];
  }

  // ── clock ────────────────────────────────────────────────────────────────

  now(): number {
    return this.state.now();
  }

  /** Change Discord's timing rules mid-test (e.g. a 200 ms ack limit to provoke 10062 quickly). */
  configure(rules: Pick<EmulatorOptions, "ackLimitMs" | "tokenLifetimeMs" | "nonceWindowMs">): void {
    if (rules.ackLimitMs !== undefined) this.state.ackLimitMs = rules.ackLimitMs;
    if (rules.tokenLifetimeMs !== undefined) this.state.tokenLifetimeMs = rules.tokenLifetimeMs;
    if (rules.nonceWindowMs !== undefined) this.state.nonceWindowMs = rules.nonceWindowMs;
  }

  /** Moves the emulator clock forward (interaction 3 s / 15 min rules, nonce window, timestamps). */
  advanceTime(ms: number): void {
    this.state.advance(ms);
  }

  // ── message store & commands ─────────────────────────────────────────────

  /** Copy of a channel's messages, oldest first (ephemeral interaction replies included, flags & 64). */
  messages(channelId: string = this.channelIds[0]!): APIMessage[] {
    return clone(this.state.channelMessages(channelId));
  }

  message(messageId: string): APIMessage | undefined {
    const m = this.state.findMessageAnywhere(messageId);
    return m && clone(m);
  }

  /** Registered commands: global when guildId is omitted. */
  commands(guildId?: string): APIApplicationCommand[] {
    return clone(this.state.commandsFor(guildId));
  }

  addUser(username: string): APIUser {
    return this.state.addUser({ username });
  }

  // ── guilds and direct messages ───────────────────────────────────────────

  /** Someone adds the bot to another guild: stored, and GUILD_CREATE sent to every session. */
  addGuild(spec: GuildSpec = {}): GuildInfo {
    const guild = this.state.addGuild(spec);
    this.gateway.broadcast("GUILD_CREATE", () => guildCreate(this.state, guild));
    return this.state.guildInfo(guild);
  }

  /** Whether the bot is (still) in a guild: the leave route (DELETE /users/@me/guilds/:id) removes it. */
  inGuild(guildId: string): boolean {
    return this.state.guilds.has(guildId);
  }

  /**
   * The DM channel between the bot and a user (default: the test user). Interactions given this `channelId` come as
   * Discord sends them from a DM: `user` instead of `member`, no `guild_id`, context 1 (bot DM).
   */
  dmChannel(user: APIUser = this.state.testUser): string {
    return this.state.dmChannel(user).id;
  }

  // ── failure injection ────────────────────────────────────────────────────

  /** The next `times` (default 1) requests matching method + path get this status / body / headers. */
  failNext(rule: FailureRule): FailureHandle {
    return this.failures.add(rule);
  }

  /** Every request to /channels/:id and below fails (default: always 403 50001 Missing Access). */
  failChannel(
    channelId: string,
    opts: { status?: number; code?: number; message?: string; times?: number } = {},
  ): FailureHandle {
    const status = opts.status ?? 403;
    return this.failures.add({
      path: new RegExp(`^/channels/${channelId}(/.*)?$`),
      status,
      body: {
        message: opts.message ?? (status === 404 ? "Unknown Channel" : "Missing Access"),
        code: opts.code ?? (status === 404 ? 10003 : 50001),
      },
      times: opts.times ?? Infinity,
    });
  }

  /** 429 with retry_after (seconds) and X-RateLimit-* headers for the next matching request(s). */
  rateLimitNext(
    matcher: RequestMatcher,
    opts: { retryAfter?: number; global?: boolean; times?: number } = {},
  ): FailureHandle {
    return this.failures.add(rateLimitRule(matcher, opts));
  }

  clearFailures(): void {
    this.failures.clear();
  }

  // ── gateway ──────────────────────────────────────────────────────────────

  /** Every IDENTIFY payload received (token, intents, properties, shard…). */
  get identifies(): GatewayIdentifyData[] {
    return this.gateway.identifies;
  }

  /** Intents of the last IDENTIFY, or undefined before any. */
  intents(): number | undefined {
    return this.gateway.identifies.at(-1)?.intents;
  }

  waitForIdentify(opts: WaitOptions = {}): Promise<GatewayIdentifyData> {
    const last = this.gateway.identifies.at(-1);
    if (last && opts.includePast !== false) return Promise.resolve(last);
    return this.wait(
      this.gateway,
      "identify",
      (s: GatewaySession) => s.identify,
      "IDENTIFY",
      opts.timeoutMs ?? DEFAULT_TIMEOUT,
    );
  }

  /** Resolves once READY and every GUILD_CREATE were sent to some session (the client still needs to process them). */
  waitForGatewayReady(opts: WaitOptions = {}): Promise<void> {
    if (this.readySessions > 0 && opts.includePast !== false) return Promise.resolve();
    return this.wait(this.gateway, "ready", () => true, "gateway READY", opts.timeoutMs ?? DEFAULT_TIMEOUT).then(
      () => undefined,
    );
  }

  /** Resolves at the next successful RESUME (after e.g. disconnectGateway(4000)). */
  waitForResume(opts: Pick<WaitOptions, "timeoutMs"> = {}): Promise<void> {
    return this.wait(this.gateway, "resumed", () => true, "gateway RESUME", opts.timeoutMs ?? DEFAULT_TIMEOUT).then(
      () => undefined,
    );
  }

  /** Close every gateway connection (4000 → discord.js resumes; 1000 → it identifies again). */
  disconnectGateway(code = 4000): void {
    this.gateway.disconnectAll(code);
  }

  /** Raw dispatch to every session; returns how many sessions got it. */
  dispatch(t: string, d: unknown): number {
    return this.gateway.broadcast(t, () => d);
  }

  private requireSession(): void {
    if (this.gateway.sessions.size === 0)
      throw new Error("[emulator] no gateway session: log the client in (and await clientReady) first");
  }

  // ── interactions ─────────────────────────────────────────────────────────

  private dispatchInteraction<P>(built: build.BuiltInteraction): InteractionHandle<P> {
    this.requireSession();
    const i = built.state;
    i.createdAt = this.state.now();
    this.state.interactions.set(i.id, i);
    this.state.interactionsByToken.set(i.token, i);
    this.gateway.broadcast("INTERACTION_CREATE", () => built.payload);
    const mine = (c: RecordedCall) => c.interactionId === i.id;
    const visible = (c: RecordedCall): InteractionResponse | undefined => {
      if (!mine(c) || !ok(c)) return undefined;
      if (c.route === "/interactions/:id/:token/callback") {
        const body = c.body as { type: number; data?: Record<string, unknown> };
        const kinds: Record<number, InteractionResponse["kind"]> = {
          4: "reply",
          7: "update",
          8: "autocomplete",
          9: "modal",
        };
        const kind = kinds[body.type];
        if (!kind) return undefined;
        return {
          kind,
          call: c,
          ...(c.resultMessage ? { message: c.resultMessage } : {}),
          ...(kind === "autocomplete" ? { choices: (body.data?.choices ?? []) as InteractionResponse["choices"] } : {}),
          ...(kind === "modal" ? { modal: body.data } : {}),
        };
      }
      if (c.method === "PATCH" && c.resultMessage) return { kind: "edit", call: c, message: c.resultMessage };
      if (c.method === "POST" && c.route === "/webhooks/:app/:token")
        return { kind: "followup", call: c, ...(c.resultMessage ? { message: c.resultMessage } : {}) };
      return undefined;
    };
    return {
      id: i.id,
      token: i.token,
      payload: built.payload as P,
      callback: (opts) => this.waitForCallback(i.id, opts),
      response: async (opts = {}) => {
        const past = opts.includePast === false ? undefined : this.calls.map(visible).find((r) => r !== undefined);
        if (past) return past;
        return this.wait(
          this.events,
          "call",
          visible,
          `a visible response to interaction ${i.id}`,
          opts.timeoutMs ?? DEFAULT_TIMEOUT,
        );
      },
      calls: () => this.calls.filter(mine),
      original: () => {
        const m = i.originalMessageId ? this.state.findMessage(i.channelId, i.originalMessageId) : undefined;
        return m && clone(m);
      },
      followUps: () =>
        i.followUpIds
          .map((id) => this.state.findMessage(i.channelId, id))
          .filter((m): m is APIMessage => !!m)
          .map(clone),
      acknowledged: () => i.acknowledged,
    };
  }

  /** Dispatch a chat-input command. Options are typed from the registered command when commands are registered. */
  slashCommand(init: build.SlashCommandInit) {
    return this.dispatchInteraction<APIChatInputApplicationCommandGuildInteraction>(
      build.slashCommand(this.state, init),
    );
  }

  /** Dispatch an autocomplete interaction (type 4) with `focused` as the focused option. */
  autocomplete(init: build.AutocompleteInit) {
    return this.dispatchInteraction<APIApplicationCommandAutocompleteGuildInteraction>(
      build.autocomplete(this.state, init),
    );
  }

  /** Click a button on a stored message (default: the newest message carrying that custom_id). */
  clickButton(init: build.ComponentInit) {
    return this.dispatchInteraction<APIMessageComponentGuildInteraction>(build.buttonClick(this.state, init));
  }

  /** Choose values in a string select on a stored message. */
  selectMenu(init: build.SelectInit) {
    return this.dispatchInteraction<APIMessageComponentGuildInteraction>(build.stringSelect(this.state, init));
  }

  /** Dispatch a message context-menu command (data.type 3) on a stored or freshly created message. */
  messageCommand(init: build.MessageCommandInit) {
    return this.dispatchInteraction<APIMessageApplicationCommandGuildInteraction>(
      build.messageCommand(this.state, init),
    );
  }

  /**
   * Submit a modal the bot showed (the newest one with that custom_id): fields are checked against its text inputs
   * (known ids, required ones filled, lengths), as the Discord client would before sending.
   */
  submitModal(init: build.ModalSubmitInit) {
    const shown = this.calls
      .filter((c) => ok(c) && c.route === "/interactions/:id/:token/callback")
      .map((c) => c.body as { type: number; data?: { custom_id?: string; components?: ModalRow[] } })
      .filter((b) => b.type === 9 && b.data?.custom_id === init.customId)
      .at(-1);
    if (!shown) throw new Error(`[emulator] the bot showed no modal with custom_id "${init.customId}"`);
    checkModalFields(shown.data?.components ?? [], init.fields);
    return this.dispatchInteraction<APIModalSubmitGuildInteraction>(build.modalSubmit(this.state, init));
  }

  // ── attachments ──────────────────────────────────────────────────────────

  /** A file a user attaches to a command: pass its id as the attachment option's value. Served at its `url`. */
  uploadAttachment(init: { filename: string; content: Buffer | string; contentType?: string }): StoredAttachment {
    const id = this.state.snowflake();
    const channel = this.channelIds[0]!;
    const attachment: StoredAttachment = {
      id,
      filename: init.filename,
      contentType: init.contentType ?? "text/plain; charset=utf-8",
      content: Buffer.from(init.content),
      url: `http://127.0.0.1:${this.port}/attachments/${channel}/${id}/${encodeURIComponent(init.filename)}`,
    };
    this.state.attachments.set(id, attachment);
    return attachment;
  }

  private serveAttachment(url: string, res: ServerResponse): void {
    const id = url.split("/")[3];
    const a = id ? this.state.attachments.get(id) : undefined;
    if (!a) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("no such attachment");
      return;
    }
    res.writeHead(200, { "content-type": a.contentType, "content-length": a.content.length });
    res.end(a.content);
  }

  // ── user messages ────────────────────────────────────────────────────────

  /** Store a user's message and dispatch MESSAGE_CREATE (filtered per session by GuildMessages / MessageContent). */
  sendUserMessage(init: UserMessageInit): MessageHandle {
    this.requireSession();
    const msg = userMessage(this.state, init);
    this.gateway.broadcast("MESSAGE_CREATE", (s) => messageCreateFor(this.state, s, msg));
    const after = this.calls.length ? this.calls.at(-1)!.seq : 0;
    const path = `/channels/${msg.channel_id}/messages`;
    return {
      message: clone(msg),
      reply: (opts = {}) =>
        this.waitFor((c) => c.seq > after && c.method === "POST" && c.path === path && ok(c) && !!c.resultMessage, {
          ...opts,
          what: `a bot message in channel ${msg.channel_id}`,
        }).then((c) => c.resultMessage!),
    };
  }

  /** A user message mentioning the bot: content `<@BOT_ID> ${text}`. */
  mentionBot(text = "who met X?", init: Omit<UserMessageInit, "content"> = {}): MessageHandle {
    return this.sendUserMessage({ ...init, content: `<@${this.state.botUser.id}> ${text}` });
  }
}
