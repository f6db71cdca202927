import {
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
} from "discord.js";
import { handleDigest } from "./digest-command.ts";
import { handleBriefing, handleBriefingModal } from "./briefing-command.ts";
import { handleAutocomplete } from "./autocomplete.ts";
import type { BotContext } from "./bot-context.ts";
import { BRIEFING_COMMAND, DIGEST_COMMAND, FIND_IN_BRIEFINGS } from "./definitions.ts";
import { queryFromMessage } from "./conversation.ts";
import { answerFor, notify, turnPage } from "./reply.ts";
import { refuseOutsider } from "./guild-access.ts";

type Raw = Record<string, string | number | boolean>;

/** One entry point for every interaction: by type, then by command name. Never throws. */
export async function handleInteraction(ctx: BotContext, interaction: Interaction): Promise<void> {
  try {
    if (await refuseOutsider(ctx.access, interaction)) return;
    if (interaction.isAutocomplete()) return await handleAutocomplete(ctx, interaction);
    if (interaction.isChatInputCommand()) return await handleSlash(ctx, interaction);
    if (interaction.isMessageContextMenuCommand()) return await handleFindIn(ctx, interaction);
    if (interaction.isButton()) return await handleButton(ctx, interaction);
    if (interaction.isModalSubmit()) return await handleBriefingModal(ctx, interaction);
  } catch (err) {
    ctx.log.error(
      {
        err,
        interaction: interaction.id,
        type: interaction.type,
        user: interaction.user.id,
        guild: interaction.guildId,
      },
      "interaction failed",
    );
    if (interaction.isRepliable()) {
      await notify(
        interaction,
        "Sorry — something went wrong answering that. It has been logged; please try again.",
      ).catch((e: unknown) => ctx.log.warn({ err: e, interaction: interaction.id }, "could not send the apology"));
    }
  }
}

async function handleSlash(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  if (interaction.commandName === DIGEST_COMMAND.name) return handleDigest(ctx, interaction);
  if (interaction.commandName === BRIEFING_COMMAND.name) return handleBriefing(ctx, interaction);
  const options: Raw = {};
  for (const o of interaction.options.data) {
    if (o.name !== "hide" && o.value !== undefined && o.value !== null) options[o.name] = o.value;
  }
  const hide = interaction.options.getBoolean("hide") ?? false;
  const result = answerFor(ctx, interaction, interaction.commandName, options, { page: 1, skip: 0 }, hide);
  if (!result.ok) return notify(interaction, result.notice);
  await interaction.reply({ ...result.message, ...(hide ? { flags: MessageFlags.Ephemeral } : {}) });
}

/**
 * "Find in briefings" on a message: its text asked as a question (`ask`: chat words dropped,
 * "Searched for: …" shown; a question about meetings or pledges answered as one), privately,
 * with a Share button.
 */
async function handleFindIn(ctx: BotContext, interaction: MessageContextMenuCommandInteraction): Promise<void> {
  if (interaction.commandName !== FIND_IN_BRIEFINGS)
    return notify(interaction, "I don't know that command — try /help.");
  const query = queryFromMessage(interaction.targetMessage.content);
  if (!query) return notify(interaction, "That message has no words to search for.");
  const result = answerFor(ctx, interaction, "ask", { question: query }, { page: 1, skip: 0 }, true);
  if (!result.ok) return notify(interaction, result.notice);
  await interaction.reply({ ...result.message, flags: MessageFlags.Ephemeral });
}

async function handleButton(ctx: BotContext, interaction: ButtonInteraction): Promise<void> {
  const state = ctx.buttons.decode(interaction.customId);
  if (!state) return notify(interaction, "This button no longer works. Run the command again for a fresh answer.");
  if (state.action === "share") {
    const place = { page: state.page, skip: state.skip ?? 0 };
    const result = answerFor(ctx, interaction, state.command, state.options, place, false);
    if (!result.ok) return notify(interaction, `That answer can't be rebuilt any more: ${result.notice}`);
    const shared = `Shared by <@${interaction.user.id}>`;
    await interaction.reply({
      ...result.message,
      content: [shared, result.message.content].filter(Boolean).join("\n"),
    });
    return;
  }
  await turnPage(ctx, interaction, state);
}
