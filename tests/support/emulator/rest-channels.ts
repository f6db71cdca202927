// Channel, message, user and guild routes (bot-authenticated), including nonce + enforce_nonce de-duplication.
import { MessageType, type APIMessage } from "discord-api-types/v10";
import { DiscordHttpError, Errors, FormErrors } from "./errors.ts";
import type { RouteContext, RouteDef, RouteResult } from "./http.ts";
import { MessageFlagBits as F, validateMessageBody } from "./limits.ts";
import type { MessageService } from "./messages.ts";
import { guildCreate, member, textChannel } from "./payloads.ts";
import { checkCreate, checkEdit, checkTyping, readsHistory, requireView, withoutUnpermitted } from "./permissions.ts";
import type { ChannelState, EmulatorState } from "./state.ts";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);
const isEphemeral = (m: APIMessage) => ((m.flags ?? 0) & F.Ephemeral) !== 0;

const CHANNEL_FLAGS = F.SuppressEmbeds | F.SuppressNotifications | F.IsComponentsV2;

export function channelRoutes(state: EmulatorState, messages: MessageService): RouteDef[] {
  const channelOf = (ctx: RouteContext): ChannelState => {
    const channel = state.channels.get(ctx.params.channel!);
    if (!channel) throw Errors.unknownChannel();
    return channel;
  };

  /** The channel, when the bot may see it (403 50001 otherwise), with the bot's permissions there. */
  const reachable = (ctx: RouteContext): { channel: ChannelState; perms: bigint } => {
    const channel = channelOf(ctx);
    const perms = state.botPermissions(channel);
    requireView(perms);
    return { channel, perms };
  };

  const visibleMessage = (ctx: RouteContext): APIMessage => {
    const { channel } = reachable(ctx);
    const msg = state.findMessage(channel.id, ctx.params.message!);
    if (!msg || isEphemeral(msg)) throw Errors.unknownMessage();
    return msg;
  };

  const createMessage = (ctx: RouteContext): RouteResult => {
    const channel = channelOf(ctx);
    const perms = state.botPermissions(channel);
    const sent = isObj(ctx.req.body) ? ctx.req.body : {};
    checkCreate(perms, isObj(sent.message_reference) && sent.message_reference.message_id != null);
    validateMessageBody(sent, { kind: "create", allowedFlags: CHANNEL_FLAGS, fileCount: ctx.req.files.length });
    const body = withoutUnpermitted(perms, sent, ctx.req.files.length);
    const info = messages.describe(ctx.call, "create", "channel", body, "all");

    const nonce = body.nonce as string | number | undefined;
    const nonceKey = nonce != null ? `${channel.id}:${state.botUser.id}:${String(nonce)}` : undefined;
    if (nonceKey && body.enforce_nonce === true) {
      const seen = state.nonces.get(nonceKey);
      const existing =
        seen && state.now() - seen.at <= state.nonceWindowMs
          ? state.findMessage(channel.id, seen.messageId)
          : undefined;
      if (existing) {
        ctx.call.resultMessage = clone(existing);
        return { status: 200, body: clone(existing) };
      }
    }

    let referenced: APIMessage | undefined;
    const ref = body.message_reference;
    if (isObj(ref) && ref.message_id != null) {
      const refChannel = typeof ref.channel_id === "string" ? ref.channel_id : channel.id;
      referenced = state.findMessage(refChannel, String(ref.message_id));
      if (!referenced && ref.fail_if_not_exists !== false) {
        const errors = new FormErrors();
        errors.add(["message_reference"], "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message");
        throw new DiscordHttpError(400, 50035, "Invalid Form Body", errors.tree());
      }
    }
    const msg = messages.create(
      {
        channelId: channel.id,
        body: referenced
          ? {
              ...body,
              message_reference: {
                type: 0,
                channel_id: referenced.channel_id,
                message_id: referenced.id,
                guild_id: channel.guildId,
              },
            }
          : { ...body, message_reference: undefined },
        files: ctx.req.files,
        type: referenced ? MessageType.Reply : MessageType.Default,
        referencedMessage: referenced ?? null,
      },
      info,
    );
    if (nonceKey) state.nonces.set(nonceKey, { messageId: msg.id, at: state.now() });
    ctx.call.resultMessage = clone(msg);
    return { status: 200, body: clone(msg) };
  };

  const editMessage = (ctx: RouteContext): RouteResult => {
    const msg = visibleMessage(ctx);
    if (msg.author.id !== state.botUser.id) throw Errors.editOthersMessage();
    const sent = isObj(ctx.req.body) ? ctx.req.body : {};
    validateMessageBody(sent, { kind: "edit", allowedFlags: CHANNEL_FLAGS, fileCount: ctx.req.files.length });
    const body = checkEdit(reachable(ctx).perms, sent);
    const info = messages.describe(ctx.call, "edit", "channel", body, "all");
    messages.edit(msg, body, ctx.req.files, info);
    ctx.call.resultMessage = clone(msg);
    return { status: 200, body: clone(msg) };
  };

  const listMessages = (ctx: RouteContext): RouteResult => {
    const channel = channelOf(ctx);
    // Without Read Message History Discord answers with no messages rather than an error.
    if (!readsHistory(state.botPermissions(channel))) return { status: 200, body: [] };
    const limit = Math.min(Math.max(Number(ctx.req.query.limit ?? 50) || 50, 1), 100);
    const before = ctx.req.query.before ? BigInt(ctx.req.query.before) : undefined;
    const after = ctx.req.query.after ? BigInt(ctx.req.query.after) : undefined;
    const list = state
      .channelMessages(channel.id)
      .filter((m) => !isEphemeral(m))
      .filter((m) => (before === undefined || BigInt(m.id) < before) && (after === undefined || BigInt(m.id) > after))
      .reverse()
      .slice(0, limit);
    return { status: 200, body: clone(list) };
  };

  const guildOf = (ctx: RouteContext) => {
    const guild = state.guilds.get(ctx.params.guild!);
    if (!guild) throw Errors.unknownGuild();
    return guild;
  };

  return [
    { method: "POST", pattern: "/channels/:channel/messages", auth: true, handle: createMessage },
    { method: "GET", pattern: "/channels/:channel/messages", auth: true, handle: listMessages },
    {
      method: "GET",
      pattern: "/channels/:channel/messages/:message",
      auth: true,
      handle: (ctx) => {
        const msg = visibleMessage(ctx);
        ctx.call.resultMessage = clone(msg);
        return { status: 200, body: clone(msg) };
      },
    },
    { method: "PATCH", pattern: "/channels/:channel/messages/:message", auth: true, handle: editMessage },
    {
      method: "DELETE",
      pattern: "/channels/:channel/messages/:message",
      auth: true,
      handle: (ctx) => {
        const msg = visibleMessage(ctx);
        state.removeMessage(msg.channel_id, msg.id);
        return { status: 204 };
      },
    },
    {
      method: "POST",
      pattern: "/channels/:channel/typing",
      auth: true,
      handle: (ctx) => (checkTyping(state.botPermissions(channelOf(ctx))), { status: 204 }),
    },
    {
      method: "GET",
      pattern: "/channels/:channel",
      auth: true,
      handle: (ctx) => ({ status: 200, body: textChannel(reachable(ctx).channel) }),
    },
    {
      method: "GET",
      pattern: "/users/@me",
      auth: true,
      handle: () => ({ status: 200, body: { ...state.botUser, verified: true, mfa_enabled: false, flags: 0 } }),
    },
    {
      method: "GET",
      pattern: "/users/:user",
      auth: true,
      handle: (ctx) => {
        const user = state.users.get(ctx.params.user!);
        if (!user) throw new DiscordHttpError(404, 10013, "Unknown User");
        return { status: 200, body: user };
      },
    },
    {
      method: "GET",
      pattern: "/guilds/:guild",
      auth: true,
      handle: (ctx) => {
        const {
          channels: _c,
          members: _m,
          threads: _t,
          voice_states: _v,
          presences: _p,
          ...guild
        } = guildCreate(state, guildOf(ctx));
        return { status: 200, body: guild };
      },
    },
    {
      method: "GET",
      pattern: "/guilds/:guild/channels",
      auth: true,
      handle: (ctx) => ({
        status: 200,
        body: guildOf(ctx).channelIds.map((id) => textChannel(state.channels.get(id)!)),
      }),
    },
    {
      method: "GET",
      pattern: "/guilds/:guild/members/:user",
      auth: true,
      handle: (ctx) => {
        const guild = guildOf(ctx);
        const user = state.users.get(ctx.params.user!);
        if (!user) throw new DiscordHttpError(404, 10007, "Unknown Member");
        return { status: 200, body: member(state, guild, user) };
      },
    },
  ];
}
