import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from "discord.js";
import type { LineItem } from "../kit/answer.ts";
import type { BotContext } from "./bot-context.ts";
import { NO_MENTIONS, renderAnswer, renderNotice } from "./render.ts";
import { notify } from "./reply.ts";
import { digestMessages } from "./digest-messages.ts";
import { countsLine } from "../digest/build.ts";
import type { ScheduleStatus } from "../digest/scheduler.ts";
import type { RunOutcome } from "../digest/service.ts";
import { scheduleWords } from "../digest/schedule-words.ts";
import { discordTime } from "./markdown.ts";

/**
 * /digest preview | now | status in Discord. preview and status answer only the person who
 * asked; now posts the channel's digest (through the same recorded, de-duplicated path as
 * the schedule) and needs Manage Server, checked here as well as by Discord.
 */

/** What the Discord handlers reach the digest through (absent when no schedule is configured). */
/** Preview messages shown at most (the rest are counted). */
const MAX_PREVIEW_MESSAGES = 5;
const EPHEMERAL = MessageFlags.Ephemeral as const;
const NOT_SET_UP =
  "No digests are set up on this bot: set DIGEST_SCHEDULES in its .env (see the README, “Morning digest”) and restart it.";

/** A moment as Discord shows it to each reader, in their own time zone. */
const when = discordTime;

export function statusLines(status: readonly ScheduleStatus[]): LineItem[] {
  return status.map(({ schedule, lastRun, next, dueNow, waiting }) => {
    const last = lastRun
      ? `last run ${when(Date.parse(lastRun.ranAt))}: ${lastRun.outcome}${lastRun.detail ? ` (${lastRun.detail})` : ""}`
      : "not run yet";
    const upcoming = next === null ? "never runs again" : dueNow ? "due now" : `next ${when(next)}`;
    const wait = waiting
      ? `; a digest of ${waiting.briefings.length} briefing${waiting.briefings.length === 1 ? "" : "s"} is waiting to be posted${waiting.lastError ? ` (${waiting.lastError})` : ""}`
      : "";
    return {
      kind: "line",
      text: `${scheduleWords(schedule.cron, schedule.zone)}, to <#${schedule.channel}>: ${last}; ${upcoming}${wait}`,
    };
  });
}

function outcomeText(outcome: RunOutcome): string {
  switch (outcome.kind) {
    case "posted":
      return outcome.counts.briefings
        ? `Posted the digest in ${outcome.messages.length} message${outcome.messages.length === 1 ? "" : "s"}: ${countsLine(outcome.counts)}.`
        : "Nothing new since the last digest: posted the note saying so.";
    case "nothing new":
      return "Nothing new since the last digest, so nothing was posted.";
    case "failed":
      return outcome.permanent
        ? `The digest could not be posted: ${outcome.error}. It is kept and posted at the next run once that is fixed.`
        : `Discord did not take the digest yet (${outcome.error}). It is kept and tried again in a few minutes.`;
    case "not scheduled":
      return "No digest is scheduled for this channel, so there is nothing to post here.";
  }
}

export async function handleDigest(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const scheduler = ctx.digest;
  if (!scheduler) return notify(interaction, NOT_SET_UP);
  const service = scheduler.service;
  const channel = interaction.channelId;
  const elsewhere = () => {
    const channels = [...new Set(service.schedules.map((s) => `<#${s.channel}>`))].join(", ");
    return `No digest is scheduled for this channel. Digests go to ${channels}.`;
  };

  switch (interaction.options.getSubcommand(false)) {
    case "status": {
      const answer = {
        command: "digest",
        title: "Digest schedules",
        summary: `When nothing is new: ${service.options.whenEmpty === "note" ? "a one-line note" : "nothing is posted"}.`,
        items: statusLines(scheduler.status()),
        json: null,
      };
      await interaction.reply({ ...renderAnswer(answer).message, flags: EPHEMERAL });
      return;
    }
    case "preview": {
      const preview = service.preview(channel);
      if (!preview) return notify(interaction, elsewhere());
      const waiting = preview.waiting
        ? `A digest recorded earlier (${preview.waiting.briefings.length} briefing${preview.waiting.briefings.length === 1 ? "" : "s"}) is posted first. `
        : "";
      const messages = preview.posts ? digestMessages(preview.digest, "preview") : [];
      if (messages.length === 0) {
        return notify(
          interaction,
          `${waiting}Nothing new ${preview.digest.since}: the next digest would post nothing.`,
        );
      }
      const shown = messages.slice(0, MAX_PREVIEW_MESSAGES);
      const more = messages.length - shown.length;
      const header = `Preview, only for you: ${waiting}the next digest here would post ${messages.length} message${messages.length === 1 ? "" : "s"}${more ? ` (the first ${shown.length} shown)` : ""}.`;
      const embedsOf = (i: number) => shown[i].embeds;
      const content = [header, shown[0].content].filter(Boolean).join("\n\n");
      await interaction.reply({ content, embeds: embedsOf(0), allowedMentions: NO_MENTIONS, flags: EPHEMERAL });
      for (let i = 1; i < shown.length; i++)
        await interaction.followUp({ embeds: embedsOf(i), allowedMentions: NO_MENTIONS, flags: EPHEMERAL });
      return;
    }
    case "now": {
      if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
        return notify(
          interaction,
          "Posting the digest needs the Manage Server permission. /digest preview shows what it would say.",
        );
      }
      if (!service.scheduled(channel)) return notify(interaction, elsewhere());
      await interaction.deferReply({ flags: EPHEMERAL });
      const outcome = await service.run(channel);
      await interaction.editReply(renderNotice(outcomeText(outcome)));
      return;
    }
    default:
      return notify(interaction, "Use /digest preview, /digest now or /digest status.");
  }
}
