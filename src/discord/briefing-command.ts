import {
  ComponentType,
  MessageFlags,
  PermissionFlagsBits,
  TextInputStyle,
  type APIModalInteractionResponseCallbackData,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
  type RepliableInteraction,
} from "discord.js";
import { EDITS } from "../../commands/index.ts";
import type { Answer } from "../kit/answer.ts";
import type { EditContext } from "../kit/action.ts";
import { settle } from "../kit/dispatch.ts";
import type { Library } from "../library/library.ts";
import type { IngestInput } from "../library/ingest/pipeline.ts";
import type { BotContext, BotEdit } from "./bot-context.ts";
import { renderAnswer, renderNotice } from "./render.ts";
import { notify } from "./reply.ts";

/**
 * /briefing add (a link, an attached file, or — with neither — a form to paste the text into) and /briefing remove,
 * for editors: members with Manage Server, or with a role BRIEFING_EDITOR_ROLES names, checked here whatever Discord
 * shows. Each answers privately: what was stored (headline, outlet, date, ¶1, the events found), or one line saying
 * why nothing was.
 */

export const PASTE_MODAL_ID = "briefing-paste";
const EPHEMERAL = MessageFlags.Ephemeral as const;
const FIELDS = ["title", "outlet", "published", "url"] as const;

/** Whether the member may add and remove briefings. */
function mayEdit(edit: BotEdit, interaction: RepliableInteraction): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const roles = interaction.member?.roles;
  if (!roles || edit.editorRoles.length === 0) return false;
  return Array.isArray(roles)
    ? roles.some((r) => edit.editorRoles.includes(r))
    : roles.cache.hasAny(...edit.editorRoles);
}

function refusal(edit: BotEdit): string {
  const roles = edit.editorRoles.map((r) => `<@&${r}>`).join(", ");
  return `Adding and removing briefings needs the Manage Server permission${roles ? ` or one of these roles: ${roles}` : ""}.`;
}

/** Run an editing command privately: deferred (a link may take seconds), then its answer or its one-line refusal. */
async function runEdit(
  ctx: BotContext,
  interaction: ChatInputCommandInteraction | ModalSubmitInteraction,
  perform: (library: Library, context: EditContext) => Promise<Answer>,
): Promise<void> {
  await interaction.deferReply({ flags: EPHEMERAL });
  const outcome = await settle(() => perform(ctx.library(), ctx.edit!.context));
  if (outcome.ok) {
    await interaction.editReply(renderAnswer(outcome.answer).message);
    return;
  }
  if (!outcome.user)
    ctx.log.error(
      { err: outcome.error, user: interaction.user.id, guild: interaction.guildId },
      "briefing edit failed",
    );
  await interaction.editReply(renderNotice(outcome.message));
}

/** The form to paste an article into: headline, outlet, date and link (all optional), and the text. */
function pasteModal(
  prefill: Partial<Record<(typeof FIELDS)[number], string>>,
): APIModalInteractionResponseCallbackData {
  const short = (custom_id: string, label: string, max_length: number, placeholder?: string) => ({
    type: ComponentType.TextInput as const,
    custom_id,
    label,
    style: TextInputStyle.Short,
    required: false,
    max_length,
    ...(placeholder ? { placeholder } : {}),
    ...(prefill[custom_id as (typeof FIELDS)[number]] ? { value: prefill[custom_id as (typeof FIELDS)[number]] } : {}),
  });
  const inputs = [
    short("title", "Headline (found in the text if left empty)", 300),
    short("outlet", "Outlet", 200),
    short("published", "Publication date", 10, "YYYY-MM-DD"),
    short("url", "Link to the article", 1000, "https://…"),
    {
      type: ComponentType.TextInput as const,
      custom_id: "body",
      label: "The article's text",
      style: TextInputStyle.Paragraph,
      required: true,
      min_length: 20,
      max_length: 4000,
    },
  ];
  return {
    custom_id: PASTE_MODAL_ID,
    title: "Paste an article",
    components: inputs.map((input) => ({ type: ComponentType.ActionRow as const, components: [input] })),
  };
}

async function handleAdd(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, interaction.options.getString(f) ?? undefined]));
  const url = interaction.options.getString("url");
  const file = interaction.options.getAttachment("file");
  if (url && file) return notify(interaction, "Give a link or a file, not both.");
  if (!url && !file) {
    await interaction.showModal(pasteModal(fields));
    return;
  }
  const max = ctx.edit!.context.fetch.maxBytes;
  if (file && file.size > max)
    return notify(interaction, `That file is larger than ${Math.round(max / 1048576)} MB, the most the bot reads.`);
  const input: IngestInput = file
    ? { kind: "download", name: file.name, url: file.url, fields: { ...fields, url: undefined } }
    : { kind: "link", url: url!, fields: { ...fields, url: undefined } };
  return runEdit(ctx, interaction, (library, context) => EDITS.add.perform(library, input, context));
}

export async function handleBriefing(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  if (!ctx.edit) return notify(interaction, "Adding and removing briefings is not available on this bot.");
  if (!mayEdit(ctx.edit, interaction)) return notify(interaction, refusal(ctx.edit));
  switch (interaction.options.getSubcommand(false)) {
    case "add":
      return handleAdd(ctx, interaction);
    case "remove": {
      const source = interaction.options.getString("source", true);
      return runEdit(ctx, interaction, (library, context) => EDITS.remove.perform(library, { source }, context));
    }
    default:
      return notify(interaction, "Use /briefing add or /briefing remove.");
  }
}

/** The pasted article's form, submitted: checked again (a role may have been taken away meanwhile), then added. */
export async function handleBriefingModal(ctx: BotContext, interaction: ModalSubmitInteraction): Promise<void> {
  if (interaction.customId !== PASTE_MODAL_ID) return notify(interaction, "This form no longer works.");
  if (!ctx.edit) return notify(interaction, "Adding and removing briefings is not available on this bot.");
  if (!mayEdit(ctx.edit, interaction)) return notify(interaction, refusal(ctx.edit));
  const value = (id: string) => {
    try {
      return interaction.fields.getTextInputValue(id) || undefined;
    } catch {
      return undefined; // an input the client did not send
    }
  };
  const input: IngestInput = {
    kind: "text",
    text: value("body") ?? "",
    fields: Object.fromEntries(FIELDS.map((f) => [f, value(f)])),
  };
  return runEdit(ctx, interaction, (library, context) => EDITS.add.perform(library, input, context));
}
