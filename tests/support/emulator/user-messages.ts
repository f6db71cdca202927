// Messages posted by (emulated) users, and the MESSAGE_CREATE each gateway session may see given its intents.
import {
  GatewayIntentBits,
  PermissionFlagsBits,
  MessageType,
  type APIMessage,
  type APIUser,
  type GatewayMessageCreateDispatchData,
} from "discord-api-types/v10";
import type { GatewaySession } from "./gateway.ts";
import { member, message as buildMessage } from "./payloads.ts";
import type { EmulatorState } from "./state.ts";

export interface UserMessageInit {
  content: string;
  /** Default: first channel of the first guild. */
  channelId?: string;
  /** Default: the test user. */
  user?: APIUser;
  /** Make it a reply to this stored message. */
  replyTo?: string;
  /** A reply with "ping" on: Discord lists the replied message's author among the message's mentions. */
  pingReply?: boolean;
}

export function userMessage(st: EmulatorState, init: UserMessageInit): APIMessage {
  const channelId = init.channelId ?? st.firstGuild().channelIds[0]!;
  if (!st.channels.has(channelId)) throw new Error(`[emulator] unknown channel ${channelId}`);
  const userIds = [...init.content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]!);
  const referenced = init.replyTo ? st.findMessage(channelId, init.replyTo) : undefined;
  if (init.replyTo && !referenced) throw new Error(`[emulator] no message ${init.replyTo} in channel ${channelId}`);
  if (referenced && init.pingReply) userIds.push(referenced.author.id);
  const mentions = [...new Set(userIds)].map((id) => st.users.get(id)).filter((u): u is APIUser => !!u);
  const msg = buildMessage(st, {
    channelId,
    author: init.user ?? st.testUser,
    content: init.content,
    mentions,
    mentionRoles: [...init.content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]!),
    mentionEveryone: /@(everyone|here)\b/.test(init.content),
    type: referenced ? MessageType.Reply : MessageType.Default,
    ...(referenced
      ? {
          messageReference: { type: 0, message_id: referenced.id, channel_id: channelId },
          referencedMessage: referenced,
        }
      : {}),
  });
  st.channelMessages(channelId).push(msg);
  return msg;
}

/**
 * MESSAGE_CREATE as a session sees it: nothing without GuildMessages; without MessageContent the content, embeds,
 * attachments and components are blank unless the message mentions the bot user (a mention of its managed role is not
 * one: the role is listed in mention_roles, the text withheld), replies to it with ping on, or is the bot's own.
 */
export function messageCreateFor(
  st: EmulatorState,
  session: GatewaySession,
  msg: APIMessage,
): GatewayMessageCreateDispatchData | null {
  if ((session.intents & GatewayIntentBits.GuildMessages) === 0) return null;
  const channel = st.channels.get(msg.channel_id);
  // A DM's messages come only with the DirectMessages intent, which the emulator does not model: none are sent.
  if (!channel) return null;
  // A bot never hears of messages in a channel it cannot see.
  if ((st.botPermissions(channel) & PermissionFlagsBits.ViewChannel) === 0n) return null;
  const guild = st.guilds.get(channel.guildId)!;
  const seesContent =
    (session.intents & GatewayIntentBits.MessageContent) !== 0 ||
    msg.author.id === st.botUser.id ||
    msg.mentions.some((u) => u.id === st.botUser.id);
  const { user: _u, ...authorMember } = member(st, guild, msg.author);
  const d: GatewayMessageCreateDispatchData = {
    ...structuredClone(msg),
    guild_id: guild.id,
    member: authorMember,
    mentions: msg.mentions.map((u) => {
      const { user: _x, ...m } = member(st, guild, u);
      return { ...u, member: m };
    }),
  };
  if (!seesContent) Object.assign(d, { content: "", embeds: [], attachments: [], components: [] });
  return d;
}
