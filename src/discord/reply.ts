import { MessageFlags, type ButtonInteraction, type Interaction, type RepliableInteraction } from "discord.js";
import { findCommand } from "../../commands/index.ts";
import { execute } from "../../commands/index.ts";
import type { BotContext } from "./bot-context.ts";
import type { ButtonState } from "./button-state.ts";
import { renderAnswer, renderNotice, type Place, type RenderedMessage } from "./render.ts";

/**
 * Run a command for an interaction and render its answer with paging (and, when private,
 * share) buttons. Errors become a short notice; unexpected ones are logged with context.
 */
export function answerFor(
  ctx: BotContext,
  interaction: Interaction,
  command: string,
  options: Record<string, string | number | boolean>,
  place: Place,
  hide: boolean,
): { ok: true; message: RenderedMessage } | { ok: false; notice: string } {
  const { page } = place;
  const pages = findCommand(command)?.options.some((o) => o.name === "page") ?? false;
  const outcome = execute(ctx.library(), command, pages ? { ...options, page } : options, ctx.commands);
  if (!outcome.ok) {
    if (!outcome.user) {
      ctx.log.error(
        { err: outcome.error, command, options, page, user: interaction.user.id, guild: interaction.guildId },
        "command failed",
      );
    }
    return { ok: false, notice: outcome.message };
  }
  const state = (action: "page" | "share", at: Place) =>
    ctx.buttons.encode({ action, command, page: at.page, skip: at.skip, options });
  const { message } = renderAnswer(
    outcome.answer,
    {
      go: (at) => state("page", at),
      // The next step opens its command's first page in place of the empty answer, as Next would.
      run: (step) => ctx.buttons.encode({ action: "page", command: step.command, page: 1, options: step.options }),
      ...(hide ? { share: state("share", place) } : {}),
    },
    place.skip,
  );
  return { ok: true, message };
}

/** Who asked for the answer a message holds (null when Discord does not say). */
const askerOf = (interaction: ButtonInteraction) => interaction.message.interactionMetadata?.user.id ?? null;

/**
 * Previous or Next: the asker's own answer moves to that page; anyone else pressing them on a public answer gets a
 * private copy at that page, so that the answer everyone sees changes only for the person who asked.
 */
export async function turnPage(ctx: BotContext, interaction: ButtonInteraction, state: ButtonState): Promise<void> {
  const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
  const asker = askerOf(interaction);
  const someoneElse = !ephemeral && asker !== null && asker !== interaction.user.id;
  const place = { page: state.page, skip: state.skip ?? 0 };
  const result = answerFor(ctx, interaction, state.command, state.options, place, ephemeral || someoneElse);
  if (!result.ok) return notify(interaction, `That page can't be rebuilt any more: ${result.notice}`);
  if (someoneElse) await interaction.reply({ ...result.message, flags: MessageFlags.Ephemeral });
  else await interaction.update(result.message);
}

/** Tell the user something only they see, whether or not the interaction was answered yet. */
export async function notify(interaction: RepliableInteraction, text: string): Promise<void> {
  const body = { ...renderNotice(text), flags: MessageFlags.Ephemeral as const };
  if (interaction.replied || interaction.deferred) await interaction.followUp(body);
  else await interaction.reply(body);
}
