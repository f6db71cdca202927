import { MessageFlags, type Interaction, type RepliableInteraction } from "discord.js";
import { findCommand } from "../../commands/index.ts";
import { execute } from "../../commands/index.ts";
import type { BotContext } from "./bot-context.ts";
import { renderAnswer, renderNotice, type RenderedMessage } from "./render.ts";

/**
 * Run a command for an interaction and render its answer with paging (and, when private,
 * share) buttons. Errors become a short notice; unexpected ones are logged with context.
 */
export function answerFor(
  ctx: BotContext,
  interaction: Interaction,
  command: string,
  options: Record<string, string | number | boolean>,
  page: number,
  hide: boolean,
): { ok: true; message: RenderedMessage } | { ok: false; notice: string } {
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
  const state = (action: "page" | "share", p: number) => ctx.buttons.encode({ action, command, page: p, options });
  const message = renderAnswer(outcome.answer, {
    previous: state("page", page - 1 < 1 ? 1 : page - 1),
    next: state("page", page + 1),
    ...(hide ? { share: state("share", page) } : {}),
  });
  return { ok: true, message };
}

/** Tell the user something only they see, whether or not the interaction was answered yet. */
export async function notify(interaction: RepliableInteraction, text: string): Promise<void> {
  const body = { ...renderNotice(text), flags: MessageFlags.Ephemeral as const };
  if (interaction.replied || interaction.deferred) await interaction.followUp(body);
  else await interaction.reply(body);
}
