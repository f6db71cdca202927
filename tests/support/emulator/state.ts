// In-memory Discord world: clock, snowflakes, users, guilds, channels, message store, interactions, commands.
import { randomBytes } from "node:crypto";
import type { APIApplicationCommand, APIInteraction, APIMessage, APIUser, UserFlags } from "discord-api-types/v10";
import type { EmulatorOptions, GuildInfo, GuildSpec } from "./types.ts";

const DISCORD_EPOCH = 1420070400000n;

export type InteractionKind = "command" | "autocomplete" | "component" | "modal";

export interface InteractionState {
  id: string;
  token: string;
  kind: InteractionKind;
  /** Message type Discord gives the interaction's reply (20 slash, 23 context menu, 19 component reply). */
  replyMessageType: number;
  commandName?: string;
  createdAt: number;
  /** null in a direct message. */
  guildId: string | null;
  channelId: string;
  user: APIUser;
  acknowledged: { type: number; at: number } | null;
  /** The message @original refers to (reply, deferred placeholder, or the component's message after 6/7). */
  originalMessageId?: string;
  /** Message a component is attached to. */
  componentMessageId?: string;
  followUpIds: string[];
  payload: APIInteraction;
}

export interface ChannelState {
  id: string;
  guildId: string;
  name: string;
  position: number;
}

/** A direct-message channel between the bot and one user. */
export interface DMChannelState {
  id: string;
  recipient: APIUser;
}

export interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  channelIds: string[];
  botRoleId: string;
  /** An ordinary role ("Editors", no extra permissions) a test can give a member and name in the bot's settings. */
  editorRoleId: string;
  joinedAt: string;
}

/** A file a user attached, served by the emulator at `url` (as Discord's CDN would). */
export interface StoredAttachment {
  id: string;
  filename: string;
  contentType: string;
  content: Buffer;
  url: string;
}

export interface NonceEntry {
  messageId: string;
  at: number;
}

export class EmulatorState {
  readonly token: string;
  readonly appId: string;
  readonly botUser: APIUser;
  readonly testUser: APIUser;
  /** Guild owner (kept apart from testUser so the default member has ordinary permissions). */
  readonly ownerUser: APIUser;
  readonly users = new Map<string, APIUser>();
  readonly guilds = new Map<string, GuildState>();
  readonly channels = new Map<string, ChannelState>();
  /** Direct-message channels with the bot, by channel id. */
  readonly dmChannels = new Map<string, DMChannelState>();
  /** channel id → messages, oldest first (ephemeral interaction messages included, flagged 64). */
  readonly messages = new Map<string, APIMessage[]>();
  /** `${channel}:${author}:${nonce}` → message created with that nonce. */
  readonly nonces = new Map<string, NonceEntry>();
  readonly interactions = new Map<string, InteractionState>();
  readonly interactionsByToken = new Map<string, InteractionState>();
  readonly attachments = new Map<string, StoredAttachment>();
  globalCommands: APIApplicationCommand[] = [];
  readonly guildCommands = new Map<string, APIApplicationCommand[]>();
  ackLimitMs: number;
  tokenLifetimeMs: number;
  nonceWindowMs: number;
  private readonly baseNow: () => number;
  private clockOffset = 0;
  private increment = 0n;

  constructor(opts: EmulatorOptions) {
    this.baseNow = opts.now ?? Date.now;
    this.ackLimitMs = opts.ackLimitMs ?? 3000;
    this.tokenLifetimeMs = opts.tokenLifetimeMs ?? 15 * 60_000;
    this.nonceWindowMs = opts.nonceWindowMs ?? 5 * 60_000;
    this.appId = opts.appId ?? this.snowflake();
    this.token =
      opts.token ?? `${Buffer.from(this.appId).toString("base64")}.Emu.${randomBytes(20).toString("base64url")}`;
    this.botUser = this.addUser({ id: this.appId, username: opts.botUsername ?? "Briefings", bot: true });
    this.testUser = this.addUser({ username: "reporter" });
    this.ownerUser = this.addUser({ username: "editor" });
    for (const spec of opts.guilds?.length ? opts.guilds : [{}]) this.addGuild(spec);
  }

  /** A guild the bot is in, with its text channels (default: general and briefings). */
  addGuild(spec: GuildSpec): GuildState {
    const id = spec.id ?? this.snowflake();
    const guild: GuildState = {
      id,
      name: spec.name ?? (this.guilds.size === 0 ? "Briefings Test Guild" : `Test Guild ${this.guilds.size + 1}`),
      ownerId: this.ownerUser.id,
      channelIds: [],
      botRoleId: this.snowflake(),
      editorRoleId: this.snowflake(),
      joinedAt: new Date(this.now()).toISOString(),
    };
    this.guilds.set(id, guild);
    (spec.channels ?? ["general", "briefings"]).forEach((name, position) => {
      const channel: ChannelState = { id: this.snowflake(), guildId: id, name, position };
      this.channels.set(channel.id, channel);
      this.messages.set(channel.id, []);
      guild.channelIds.push(channel.id);
    });
    return guild;
  }

  /** The bot left (or was removed from) a guild: it and its channels are gone for the bot. */
  removeGuild(id: string): boolean {
    const guild = this.guilds.get(id);
    if (!guild) return false;
    for (const channelId of guild.channelIds) this.channels.delete(channelId);
    this.guilds.delete(id);
    return true;
  }

  /** The DM channel between the bot and `user`, opened on first use. */
  dmChannel(user: APIUser): DMChannelState {
    for (const dm of this.dmChannels.values()) if (dm.recipient.id === user.id) return dm;
    const dm: DMChannelState = { id: this.snowflake(), recipient: user };
    this.dmChannels.set(dm.id, dm);
    this.messages.set(dm.id, []);
    return dm;
  }

  now(): number {
    return this.baseNow() + this.clockOffset;
  }

  advance(ms: number): void {
    this.clockOffset += ms;
  }

  iso(ms = this.now()): string {
    return new Date(ms).toISOString();
  }

  /** A snowflake whose timestamp is the emulator clock. */
  snowflake(): string {
    this.increment = (this.increment + 1n) & 0xfffn;
    return (((BigInt(this.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | this.increment).toString();
  }

  interactionToken(): string {
    return `aW50ZXJhY3Rpb24.${randomBytes(48).toString("base64url")}`;
  }

  addUser(init: { id?: string; username: string; bot?: boolean; globalName?: string }): APIUser {
    const user: APIUser = {
      id: init.id ?? this.snowflake(),
      username: init.username,
      discriminator: "0",
      global_name: init.bot ? null : (init.globalName ?? init.username),
      avatar: null,
      ...(init.bot ? { bot: true } : {}),
      public_flags: 0 as UserFlags,
    };
    this.users.set(user.id, user);
    return user;
  }

  guildInfo(guild: GuildState): GuildInfo {
    const channels: Record<string, string> = {};
    for (const id of guild.channelIds) channels[this.channels.get(id)!.name] = id;
    return { id: guild.id, name: guild.name, channels };
  }

  firstGuild(): GuildState {
    return this.guilds.values().next().value!;
  }

  channelMessages(channelId: string): APIMessage[] {
    let list = this.messages.get(channelId);
    if (!list) this.messages.set(channelId, (list = []));
    return list;
  }

  findMessage(channelId: string, messageId: string): APIMessage | undefined {
    return this.messages.get(channelId)?.find((m) => m.id === messageId);
  }

  findMessageAnywhere(messageId: string): APIMessage | undefined {
    for (const list of this.messages.values()) {
      const found = list.find((m) => m.id === messageId);
      if (found) return found;
    }
    return undefined;
  }

  removeMessage(channelId: string, messageId: string): boolean {
    const list = this.messages.get(channelId);
    const i = list?.findIndex((m) => m.id === messageId) ?? -1;
    if (i < 0) return false;
    list!.splice(i, 1);
    return true;
  }

  commandsFor(guildId: string | undefined): APIApplicationCommand[] {
    return guildId ? (this.guildCommands.get(guildId) ?? []) : this.globalCommands;
  }
}
