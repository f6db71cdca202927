import type { Client, Message } from "discord.js";
import { MAX_QUERY_LENGTH } from "../kit/options.ts";
import { execute } from "../../commands/index.ts";
import type { BotContext } from "./bot-context.ts";
import { renderAnswer, renderNotice } from "./render.ts";
import { shorten } from "../kit/shorten.ts";
import { ignoredMention } from "./guild-access.ts";

/**
 * Text of a message as a question: mentions, custom emoji and links removed, within the query
 * limit. Chat words ("need it for the 5pm piece") are the `ask` command's to drop
 * (src/questions/words.ts), so that it can still read the question's shape first.
 */
export function queryFromMessage(content: string): string {
  const text = content
    .replace(/<(?:@[!&]?|#)\d+>/g, " ")
    .replace(/<a?:\w+:\d+>/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/@(everyone|here)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > MAX_QUERY_LENGTH ? shorten(text, MAX_QUERY_LENGTH).replace(/…$/, "") : text;
}

/**
 * How a message calls on the bot: its mention in the text, a mention of its own role (Discord lists the bot's
 * managed role beside it, under the same name), or a reply to one of its messages with "ping" on; null for none.
 */
export function addressedBy(message: Message, botId: string): "mention" | "role" | "reply" | null {
  if (new RegExp(`<@!?${botId}>`).test(message.content)) return "mention";
  if (message.mentions.roles.some((role) => role.tags?.botId === botId)) return "role";
  if (message.mentions.users.has(botId)) return message.mentions.repliedUser?.id === botId ? "reply" : "mention";
  return null;
}

/** Whether a text asks something: a question mark, or a question word or request first ("who met …", "find …"). */
export function asksSomething(text: string): boolean {
  return (
    text.includes("?") ||
    /^(?:who|whom|whose|what|when|where|which|why|how|did|does|do|is|are|was|were|has|have|had|can|could|will|would|should|any|find|search|show|list|tell|look)\b/i.test(
      text,
    )
  );
}

const ASK_HINT =
  "Ask me about the briefings, e.g. “who met Tina Redshaw?” or “money laundering grey list”. Slash commands: /search, /help.";

/**
 * A message that mentions only the bot's role reaches a bot without the Message Content intent with its text blank
 * (Discord passes the text of messages that mention the bot itself, not its role): say how to be read.
 */
export const ROLE_ONLY_HINT =
  "That mention was of my role, so Discord did not pass me your text: mention me (pick the entry with my picture, not the role) or use /search.";

/**
 * A message that mentions the bot: its question is answered as a reply. Routing (meetings,
 * pledges or search) is the `ask` command's, shared with the CLI.
 */
export async function handleMention(ctx: BotContext, client: Client, message: Message): Promise<void> {
  if (message.author.bot || !client.user) return;
  const how = addressedBy(message, client.user.id);
  if (how === null || ignoredMention(ctx.access, message)) return;
  const question = queryFromMessage(message.content);
  // A reply to the bot with "ping" on mentions it too, often only to say thanks: answered only when it asks.
  if (how === "reply" && !asksSomething(question)) return;
  try {
    if (!question) {
      const unread = how === "role" && message.content === "";
      if (unread)
        ctx.log.info(
          { message: message.id, channel: message.channelId },
          "a mention of the bot's role came without its text; answered with how to mention the bot itself",
        );
      await message.reply(renderNotice(unread ? ROLE_ONLY_HINT : ASK_HINT));
      return;
    }
    const outcome = execute(ctx.library(), "ask", { question }, ctx.commands);
    if (!outcome.ok) {
      if (!outcome.user)
        ctx.log.error({ err: outcome.error, message: message.id, channel: message.channelId }, "mention answer failed");
      await message.reply(renderNotice(outcome.message));
      return;
    }
    await message.reply(renderAnswer(outcome.answer).message);
  } catch (err) {
    ctx.log.error({ err, message: message.id, channel: message.channelId }, "could not answer a mention");
  }
}
