// INTERACTION_CREATE payloads: slash commands (typed options, subcommands), autocomplete, buttons, selects,
// message context-menu commands. Options are checked against the registered command when commands are registered.
import {
  ApplicationCommandOptionType as OT,
  ApplicationCommandType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  type APIApplicationCommand,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionDataResolved,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentInteraction,
  type APIModalSubmitInteraction,
  type APIUser,
  type APIDMChannel,
  type ChannelFlags,
  ChannelType,
} from "discord-api-types/v10";
import {
  BOT_PERMISSIONS,
  EVERYONE_PERMISSIONS,
  interactionMember,
  message as buildMessage,
  roles,
  textChannel,
} from "./payloads.ts";
import type { DMChannelState, EmulatorState, InteractionKind, InteractionState } from "./state.ts";

/** An option value: JS type picks the option type when the command is not registered; or give the type. */
export type OptionInput = string | number | boolean | { type: OT; value: string | number | boolean };

export interface InteractionCommon {
  /** Default: the emulator's test user. */
  user?: APIUser;
  /** Default: the first channel of the first guild. */
  channelId?: string;
  locale?: Locale;
  /** Member permissions bitfield string. Default: @everyone permissions. */
  memberPermissions?: string;
  /** The bot's permissions in the channel. Default: BOT_PERMISSIONS. */
  appPermissions?: string;
  /** The member's role ids. Default: none. */
  memberRoles?: string[];
}

export interface ModalSubmitInit extends InteractionCommon {
  customId: string;
  /** Text input custom_id → what the user typed. */
  fields: Record<string, string>;
}

export interface SlashCommandInit extends InteractionCommon {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: Record<string, OptionInput>;
}

export interface AutocompleteInit extends SlashCommandInit {
  /** Name of the focused option; its (partial) text is `options[focused]` (default ""). */
  focused: string;
}

export interface ComponentInit extends InteractionCommon {
  customId: string;
  /** The message carrying the component. Default: the newest message in any channel with that custom_id. */
  messageId?: string;
}

export interface SelectInit extends ComponentInit {
  values: string[];
}

export interface MessageCommandInit extends InteractionCommon {
  name: string;
  /** Target an existing stored message… */
  targetMessageId?: string;
  /** …or have one created (authored by `targetAuthor`, default the test user) with this content. */
  targetContent?: string;
  targetAuthor?: APIUser;
}

/** In a guild (guild_id, member) or, when the channel is a DM channel, in a direct message (user, no guild_id). */
type InteractionPayload =
  | APIModalSubmitInteraction
  | APIChatInputApplicationCommandInteraction
  | APIApplicationCommandAutocompleteInteraction
  | APIMessageComponentInteraction
  | APIMessageApplicationCommandInteraction;

type RawOption = APIApplicationCommandInteractionDataOption;

/** Where an interaction happens: a guild's channel, or a DM channel (then no guild). */
function context(state: EmulatorState, c: InteractionCommon) {
  const channelId = c.channelId ?? state.firstGuild().channelIds[0]!;
  const dm = state.dmChannels.get(channelId);
  if (dm) return { channelId, dm, guild: undefined, user: c.user ?? dm.recipient };
  const channel = state.channels.get(channelId);
  if (!channel) throw new Error(`[emulator] unknown channel ${channelId}`);
  const guild = state.guilds.get(channel.guildId)!;
  return { channelId, channel, guild, user: c.user ?? state.testUser };
}

function common(state: EmulatorState, c: InteractionCommon, id: string, token: string) {
  const place = context(state, c);
  const shared = {
    id,
    token,
    application_id: state.appId,
    version: 1 as const,
    app_permissions: c.appPermissions ?? BOT_PERMISSIONS,
    locale: c.locale ?? Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (place.dm) {
    // A DM with the bot: the user, not a member; the guild-install owner is "0" there.
    return {
      ...shared,
      guild_id: undefined,
      channel: dmChannel(place.dm),
      channel_id: place.dm.id,
      user: place.user,
      authorizing_integration_owners: { 0: "0" },
      context: InteractionContextType.BotDM,
    };
  }
  const { channel, guild, user } = place;
  return {
    ...shared,
    guild_id: guild.id,
    guild: { id: guild.id, locale: Locale.EnglishUS, features: [] },
    channel: textChannel(channel),
    channel_id: channel.id,
    member: interactionMember(state, guild, user, c.memberPermissions ?? EVERYONE_PERMISSIONS, c.memberRoles),
    guild_locale: Locale.EnglishUS,
    authorizing_integration_owners: { 0: guild.id },
    context: InteractionContextType.Guild,
  };
}

function dmChannel(dm: DMChannelState): APIDMChannel {
  return {
    id: dm.id,
    type: ChannelType.DM,
    name: null,
    recipients: [dm.recipient],
    last_message_id: null,
    flags: 0 as ChannelFlags,
  };
}

/**
 * The registered command an interaction uses: the guild's own or a global one (in a DM, global only). Once any
 * command is registered anywhere, one that is not registered where it is used, or whose `contexts` leave out that
 * place, is an error: Discord would never send it.
 */
export function findCommand(
  state: EmulatorState,
  guildId: string | undefined,
  type: ApplicationCommandType,
  name: string,
): APIApplicationCommand | undefined {
  const anyRegistered =
    state.globalCommands.length > 0 || [...state.guildCommands.values()].some((list) => list.length > 0);
  const found = [...(guildId ? state.commandsFor(guildId) : []), ...state.globalCommands].find(
    (c) => c.type === type && c.name === name,
  );
  const where = guildId ? `in guild ${guildId}` : "in a DM";
  if (anyRegistered && !found) {
    throw new Error(
      `[emulator] command "${name}" (type ${type}) is not registered ${where}; Discord would never send it`,
    );
  }
  const place = guildId ? InteractionContextType.Guild : InteractionContextType.BotDM;
  if (found && !found.guild_id && found.contexts && !found.contexts.includes(place))
    throw new Error(`[emulator] command "${name}" has contexts ${JSON.stringify(found.contexts)}: not usable ${where}`);
  return found;
}

function inferType(v: OptionInput): OT {
  if (typeof v === "object") return v.type;
  if (typeof v === "boolean") return OT.Boolean;
  if (typeof v === "number") return Number.isInteger(v) ? OT.Integer : OT.Number;
  return OT.String;
}

function checkValue(label: string, def: APIApplicationCommandOption, value: string | number | boolean): void {
  const fail = (why: string) => {
    throw new Error(`[emulator] option ${label}: ${why}; the Discord client would not send this`);
  };
  const t = def.type;
  if (t === OT.String && typeof value !== "string") fail("expects a string");
  if (t === OT.Integer && !Number.isInteger(value)) fail("expects an integer");
  if (t === OT.Number && typeof value !== "number") fail("expects a number");
  if (t === OT.Boolean && typeof value !== "boolean") fail("expects a boolean");
  if ("choices" in def && def.choices?.length && !def.choices.some((c) => c.value === value))
    fail(`must be one of the choices`);
  if (t === OT.String && typeof value === "string") {
    if (def.min_length !== undefined && value.length < def.min_length)
      fail(`shorter than min_length ${def.min_length}`);
    if (def.max_length !== undefined && value.length > def.max_length) fail(`longer than max_length ${def.max_length}`);
  }
  if ((t === OT.Integer || t === OT.Number) && typeof value === "number") {
    if (def.min_value !== undefined && value < def.min_value) fail(`below min_value ${def.min_value}`);
    if (def.max_value !== undefined && value > def.max_value) fail(`above max_value ${def.max_value}`);
  }
}

function buildLeafOptions(
  state: EmulatorState,
  guildId: string | undefined,
  label: string,
  defs: APIApplicationCommandOption[] | undefined,
  values: Record<string, OptionInput>,
  resolved: APIInteractionDataResolved,
  focused?: string,
): RawOption[] {
  const out: RawOption[] = [];
  for (const [name, input] of Object.entries(values)) {
    const def = defs?.find((d) => d.name === name);
    if (defs && !def) throw new Error(`[emulator] option "${name}" is not defined on ${label}`);
    const type = def?.type ?? inferType(input);
    const value = typeof input === "object" ? input.value : input;
    if (name === focused) {
      if (def && !("autocomplete" in def && def.autocomplete))
        throw new Error(`[emulator] option "${name}" of ${label} has no autocomplete`);
      out.push({ name, type, value: String(value), focused: true } as RawOption);
      continue;
    }
    if (def) checkValue(`"${name}" of ${label}`, def, value);
    out.push({ name, type, value } as RawOption);
    addResolved(state, guildId, type, String(value), resolved);
  }
  if (focused !== undefined && !(focused in values)) {
    out.push({ name: focused, type: OT.String, value: "", focused: true } as RawOption);
  }
  for (const d of defs ?? []) {
    if ("required" in d && d.required && !(d.name in values) && focused === undefined) {
      throw new Error(`[emulator] required option "${d.name}" of ${label} is missing`);
    }
  }
  return out;
}

function addResolved(
  state: EmulatorState,
  guildId: string | undefined,
  type: OT,
  id: string,
  resolved: APIInteractionDataResolved,
): void {
  const guild = guildId ? state.guilds.get(guildId) : undefined;
  if (type === OT.User || type === OT.Mentionable) {
    const user = state.users.get(id);
    if (user) {
      (resolved.users ??= {})[id] = user;
      if (guild) {
        const { user: _u, deaf: _d, mute: _m, ...m } = interactionMember(state, guild, user);
        (resolved.members ??= {})[id] = m;
      }
    }
  }
  if (guild && (type === OT.Role || type === OT.Mentionable)) {
    const role = roles(guild, state.botUser.id).find((r) => r.id === id);
    if (role) (resolved.roles ??= {})[id] = role;
  }
  if (type === OT.Attachment) {
    const a = state.attachments.get(id);
    if (!a) throw new Error(`[emulator] no uploaded attachment ${id}: call uploadAttachment first`);
    (resolved.attachments ??= {})[id] = {
      id,
      filename: a.filename,
      size: a.content.length,
      url: a.url,
      proxy_url: a.url,
      content_type: a.contentType,
    };
  }
  if (type === OT.Channel) {
    const ch = state.channels.get(id);
    if (ch) (resolved.channels ??= {})[id] = { id, name: ch.name, type: 0, permissions: EVERYONE_PERMISSIONS };
  }
}

/** data.options for a chat-input command, nesting subcommand group / subcommand. */
function commandData(state: EmulatorState, guildId: string | undefined, init: SlashCommandInit, focused?: string) {
  const cmd = findCommand(state, guildId, ApplicationCommandType.ChatInput, init.name);
  const resolved: APIInteractionDataResolved = {};
  let defs = cmd?.options;
  let label = `/${init.name}`;
  const subOf = (type: OT, name: string) => {
    if (!defs) return undefined;
    const found = defs.find((o) => o.type === type && o.name === name);
    if (!found)
      throw new Error(
        `[emulator] ${label} has no ${type === OT.SubcommandGroup ? "subcommand group" : "subcommand"} "${name}"`,
      );
    return found;
  };
  const group = init.subcommandGroup ? subOf(OT.SubcommandGroup, init.subcommandGroup) : undefined;
  if (init.subcommandGroup) {
    defs = group && "options" in group ? (group.options as APIApplicationCommandOption[] | undefined) : undefined;
    label += ` ${init.subcommandGroup}`;
  }
  const sub = init.subcommand ? subOf(OT.Subcommand, init.subcommand) : undefined;
  if (init.subcommand) {
    defs = sub && "options" in sub ? ((sub.options as APIApplicationCommandOption[] | undefined) ?? []) : undefined;
    label += ` ${init.subcommand}`;
  } else if (defs?.some((o) => o.type === OT.Subcommand || o.type === OT.SubcommandGroup)) {
    throw new Error(`[emulator] ${label} needs a subcommand`);
  }
  let options = buildLeafOptions(state, guildId, label, defs, init.options ?? {}, resolved, focused);
  if (init.subcommand) options = [{ type: OT.Subcommand, name: init.subcommand, options } as RawOption];
  if (init.subcommandGroup) options = [{ type: OT.SubcommandGroup, name: init.subcommandGroup, options } as RawOption];
  return {
    id: cmd?.id ?? state.snowflake(),
    name: init.name,
    type: ApplicationCommandType.ChatInput as const,
    options,
    ...(Object.keys(resolved).length ? { resolved } : {}),
    ...(cmd?.guild_id ? { guild_id: cmd.guild_id } : {}),
  };
}

export interface BuiltInteraction {
  payload: InteractionPayload;
  state: InteractionState;
}

function stateFor(
  st: EmulatorState,
  kind: InteractionKind,
  payload: InteractionPayload,
  extra: Partial<InteractionState> & { replyMessageType: number },
): InteractionState {
  return {
    id: payload.id,
    token: payload.token,
    kind,
    createdAt: st.now(),
    guildId: payload.guild_id ?? null,
    channelId: payload.channel!.id,
    user: payload.member?.user ?? payload.user!,
    acknowledged: null,
    followUpIds: [],
    payload,
    ...extra,
  };
}

export function slashCommand(st: EmulatorState, init: SlashCommandInit): BuiltInteraction {
  const base = common(st, init, st.snowflake(), st.interactionToken());
  const payload: APIChatInputApplicationCommandInteraction = {
    ...base,
    type: InteractionType.ApplicationCommand,
    data: commandData(st, base.guild_id, init),
  };
  return {
    payload,
    state: stateFor(st, "command", payload, { replyMessageType: MessageType.ChatInputCommand, commandName: init.name }),
  };
}

export function autocomplete(st: EmulatorState, init: AutocompleteInit): BuiltInteraction {
  const base = common(st, init, st.snowflake(), st.interactionToken());
  const payload: APIApplicationCommandAutocompleteInteraction = {
    ...base,
    type: InteractionType.ApplicationCommandAutocomplete,
    data: commandData(st, base.guild_id, init, init.focused),
  };
  return {
    payload,
    state: stateFor(st, "autocomplete", payload, { replyMessageType: MessageType.Default, commandName: init.name }),
  };
}

type Comp = { type?: number; custom_id?: string; disabled?: boolean; components?: Comp[]; accessory?: Comp };

function findComponent(list: Comp[] | undefined, customId: string): Comp | undefined {
  for (const c of list ?? []) {
    if (c.custom_id === customId) return c;
    const inner =
      findComponent(c.components, customId) ?? (c.accessory?.custom_id === customId ? c.accessory : undefined);
    if (inner) return inner;
  }
  return undefined;
}

function componentMessage(st: EmulatorState, init: ComponentInit): { msg: APIMessage; comp: Comp } {
  const candidates = init.messageId
    ? [st.findMessageAnywhere(init.messageId)].filter((m): m is APIMessage => !!m)
    : [...st.messages.values()].flat().sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
  if (init.messageId && candidates.length === 0) throw new Error(`[emulator] no stored message ${init.messageId}`);
  for (const msg of candidates) {
    const comp = findComponent(msg.components as Comp[] | undefined, init.customId);
    if (comp) {
      if (comp.disabled) throw new Error(`[emulator] component "${init.customId}" is disabled; it cannot be clicked`);
      return { msg, comp };
    }
  }
  throw new Error(`[emulator] no stored message has a component with custom_id "${init.customId}"`);
}

function component(
  st: EmulatorState,
  init: ComponentInit,
  data: (comp: Comp) => APIMessageComponentInteraction["data"],
): BuiltInteraction {
  const { msg, comp } = componentMessage(st, init);
  const base = common(st, { ...init, channelId: msg.channel_id }, st.snowflake(), st.interactionToken());
  const payload: APIMessageComponentInteraction = {
    ...base,
    type: InteractionType.MessageComponent,
    data: data(comp),
    message: structuredClone(msg),
  };
  return {
    payload,
    state: stateFor(st, "component", payload, { replyMessageType: MessageType.Default, componentMessageId: msg.id }),
  };
}

export function buttonClick(st: EmulatorState, init: ComponentInit): BuiltInteraction {
  return component(st, init, (comp) => {
    if (comp.type !== ComponentType.Button) throw new Error(`[emulator] component "${init.customId}" is not a button`);
    return { custom_id: init.customId, component_type: ComponentType.Button };
  });
}

export function stringSelect(st: EmulatorState, init: SelectInit): BuiltInteraction {
  return component(st, init, (comp) => {
    if (comp.type !== ComponentType.StringSelect)
      throw new Error(`[emulator] component "${init.customId}" is not a string select`);
    return { custom_id: init.customId, component_type: ComponentType.StringSelect, values: init.values };
  });
}

export function messageCommand(st: EmulatorState, init: MessageCommandInit): BuiltInteraction {
  const { channelId, guild } = context(st, init);
  const cmd = findCommand(st, guild?.id, ApplicationCommandType.Message, init.name);
  let target = init.targetMessageId ? st.findMessage(channelId, init.targetMessageId) : undefined;
  if (init.targetMessageId && !target)
    throw new Error(`[emulator] no message ${init.targetMessageId} in channel ${channelId}`);
  if (!target) {
    target = buildMessage(st, {
      channelId: channelId,
      author: init.targetAuthor ?? st.testUser,
      content: init.targetContent ?? "Sample message",
    });
    st.channelMessages(channelId).push(target);
  }
  const base = common(st, { ...init, channelId: channelId }, st.snowflake(), st.interactionToken());
  const payload: APIMessageApplicationCommandInteraction = {
    ...base,
    type: InteractionType.ApplicationCommand,
    data: {
      id: cmd?.id ?? st.snowflake(),
      name: init.name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: structuredClone(target) } },
      ...(cmd?.guild_id ? { guild_id: cmd.guild_id } : {}),
    },
  };
  return {
    payload,
    state: stateFor(st, "command", payload, {
      replyMessageType: MessageType.ContextMenuCommand,
      commandName: init.name,
    }),
  };
}

/** A modal submitted (type 5 MODAL_SUBMIT): each field a text input in its own action row, as Discord sends them. */
export function modalSubmit(st: EmulatorState, init: ModalSubmitInit): BuiltInteraction {
  const base = common(st, init, st.snowflake(), st.interactionToken());
  const payload: APIModalSubmitInteraction = {
    ...base,
    type: InteractionType.ModalSubmit,
    data: {
      custom_id: init.customId,
      components: Object.entries(init.fields).map(([custom_id, value]) => ({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id, value }],
      })),
    },
  };
  return { payload, state: stateFor(st, "modal", payload, { replyMessageType: MessageType.Default }) };
}
