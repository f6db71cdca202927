/**
 * src/discord: the Discord adapter, the only folder that knows discord.js: client, slash-command definitions and
 * deployment, interactions, autocomplete, mentions, rendering Answers as embeds, and the digest's poster and messages.
 * May import src/runtime, commands/ and everything below; never src/terminal or src/app.
 */
import { Events, type Client } from "discord.js";
import type { BotContext } from "./bot-context.ts";
import { handleMention } from "./conversation.ts";
import { handleInteraction } from "./interactions.ts";
import { keepToNewsroom } from "./guild-access.ts";
import { logGatewayLifecycle } from "./gateway-close.ts";

/** Wire the handlers to a client. Every handler catches its own errors: the bot never crashes. */
export function attachHandlers(client: Client, ctx: BotContext): void {
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(ctx, interaction));
  client.on(Events.MessageCreate, (message) => void handleMention(ctx, client, message));
  client.on(Events.Error, (err) => ctx.log.error({ err }, "discord client error"));
  client.on(Events.Warn, (message) => ctx.log.warn({ message }, "discord client warning"));
  client.once(Events.ClientReady, (ready) =>
    ctx.log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, "connected to Discord"),
  );
  keepToNewsroom(client, ctx.access, ctx.log);
  logGatewayLifecycle(client, ctx.log);
}
