// Typed Discord objects built from emulator state: roles, members, channels, GUILD_CREATE, READY, messages.
import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  MessageType,
  PermissionFlagsBits as P,
  type APIApplicationCommand,
  type ApplicationFlags,
  type ChannelFlags,
  type GuildMemberFlags,
  type RoleFlags,
  type UserFlags,
  type APIAttachment,
  type APIEmbed,
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageReference,
  type APIMessageTopLevelComponent,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
  type RESTGetAPIGatewayBotResult,
} from "discord-api-types/v10";
import type { ChannelState, EmulatorState, GuildState, InteractionState } from "./state.ts";

const bits = (...flags: bigint[]): string => flags.reduce((a, b) => a | b, 0n).toString();

/** @everyone in the test guilds: an ordinary newsroom member. */
export const EVERYONE_PERMISSIONS = bits(
  P.ViewChannel,
  P.SendMessages,
  P.SendMessagesInThreads,
  P.ReadMessageHistory,
  P.EmbedLinks,
  P.AttachFiles,
  P.AddReactions,
  P.UseExternalEmojis,
  P.UseApplicationCommands,
  P.CreateInstantInvite,
  P.ChangeNickname,
  P.Connect,
  P.Speak,
);

/** What the bot may do in the test channels (the interaction's app_permissions). */
export const BOT_PERMISSIONS = bits(
  BigInt(EVERYONE_PERMISSIONS),
  P.ManageMessages,
  P.CreatePublicThreads,
  P.SendMessagesInThreads,
);

export function roles(guild: GuildState, botId: string): APIRole[] {
  const role = (id: string, name: string, permissions: string, position: number, managed: boolean): APIRole => ({
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    position,
    permissions,
    managed,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...(managed ? { tags: { bot_id: botId } } : {}),
  });
  const everyone = role(guild.id, "@everyone", EVERYONE_PERMISSIONS, 0, false);
  const bot = role(guild.botRoleId, "Briefings", BOT_PERMISSIONS, 1, true);
  const editors = role(guild.editorRoleId, "Editors", EVERYONE_PERMISSIONS, 2, false);
  return [everyone, bot, editors];
}

export function member(state: EmulatorState, guild: GuildState, user: APIUser): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles: user.id === state.botUser.id ? [guild.botRoleId] : [],
    joined_at: guild.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function interactionMember(
  state: EmulatorState,
  guild: GuildState,
  user: APIUser,
  permissions: string = EVERYONE_PERMISSIONS,
  memberRoles?: string[],
): APIInteractionGuildMember {
  const base = member(state, guild, user);
  return { ...base, ...(memberRoles ? { roles: memberRoles } : {}), user, permissions };
}

export function textChannel(channel: ChannelState): APITextChannel {
  return {
    id: channel.id,
    type: ChannelType.GuildText,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    last_pin_timestamp: null,
    rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  };
}

export function guildCreate(state: EmulatorState, guild: GuildState): GatewayGuildCreateDispatchData {
  const channels = guild.channelIds.map((id) => textChannel(state.channels.get(id)!));
  const members = [state.botUser, state.testUser].map((u) => member(state, guild, u));
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: GuildVerificationLevel.None,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.Disabled,
    roles: roles(guild, state.botUser.id),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: guild.channelIds[0] ?? null,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    incidents_data: null,
    max_members: 500000,
    max_video_channel_users: 25,
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members,
    channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function ready(
  state: EmulatorState,
  sessionId: string,
  resumeUrl: string,
  shard: [number, number],
): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...state.botUser, verified: true, mfa_enabled: false, flags: 0 as UserFlags },
    guilds: [...state.guilds.keys()].map((id) => ({ id, unavailable: true })),
    session_id: sessionId,
    resume_gateway_url: resumeUrl,
    shard,
    application: { id: state.appId, flags: 0 as ApplicationFlags, flags_new: "0" },
  };
}

export function gatewayBot(url: string): RESTGetAPIGatewayBotResult {
  return {
    url,
    shards: 1,
    session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
  };
}

export interface MessageInit {
  channelId: string;
  author: APIUser;
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  attachments?: APIAttachment[];
  flags?: number;
  type?: MessageType;
  nonce?: string | number;
  tts?: boolean;
  mentions?: APIUser[];
  mentionRoles?: string[];
  mentionEveryone?: boolean;
  messageReference?: APIMessageReference;
  referencedMessage?: APIMessage | null;
  /** For interaction responses and follow-ups. */
  interaction?: InteractionState;
  appId?: string;
}

export function message(state: EmulatorState, init: MessageInit): APIMessage {
  const i = init.interaction;
  const msg: APIMessage = {
    id: state.snowflake(),
    channel_id: init.channelId,
    author: init.author,
    content: init.content ?? "",
    timestamp: state.iso(),
    edited_timestamp: null,
    tts: init.tts ?? false,
    mention_everyone: init.mentionEveryone ?? false,
    mentions: init.mentions ?? [],
    mention_roles: init.mentionRoles ?? [],
    attachments: init.attachments ?? [],
    embeds: init.embeds ?? [],
    components: init.components ?? [],
    pinned: false,
    type: init.type ?? MessageType.Default,
    flags: init.flags ?? 0,
    reactions: [],
  };
  if (init.nonce !== undefined) msg.nonce = init.nonce;
  if (init.messageReference) {
    msg.message_reference = init.messageReference;
    msg.referenced_message = init.referencedMessage ?? null;
  }
  if (i) {
    msg.webhook_id = state.appId;
    msg.application_id = state.appId;
    msg.interaction_metadata = {
      id: i.id,
      type: i.payload.type,
      user: i.user,
      authorizing_integration_owners: { 0: i.guildId ?? "0" },
    } as APIMessage["interaction_metadata"];
  } else if (init.appId) {
    msg.application_id = init.appId;
  }
  return msg;
}

/** A registered command as Discord returns it. */
export function command(
  state: EmulatorState,
  body: Record<string, unknown>,
  guildId: string | undefined,
  id: string,
): APIApplicationCommand {
  const type = (body.type as number | undefined) ?? 1;
  return {
    default_member_permissions: null,
    nsfw: false,
    contexts: null,
    integration_types: [0],
    description_localizations: null,
    name_localizations: null,
    ...body,
    id,
    application_id: state.appId,
    type,
    name: String(body.name),
    description: type === 1 ? String(body.description ?? "") : "",
    version: state.snowflake(),
    ...(guildId ? { guild_id: guildId } : {}),
  } as APIApplicationCommand;
}
