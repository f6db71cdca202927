import { PermissionFlagsBits as P, type Client } from "discord.js";
import type { ChannelAccess } from "../digest/ports.ts";
import type { Schedule } from "../digest/schedule.ts";
import { scheduleWords } from "../digest/schedule-words.ts";
import { andList } from "../kit/event-items.ts";

/**
 * What a digest needs in its channel, checked the way Discord computes it (discord.js `permissionsFor`: the bot's
 * roles, then the channel's overwrites). View Channel, Send Messages and Embed Links are needed to post at all
 * (without Embed Links Discord strips the embeds, and a digest is nothing else). Read Message History is not needed
 * to post: without it a restart cannot tell from the channel which parts of a digest were already posted (Discord
 * answers with an empty history, not an error), so after a crash past Discord's nonce window one may be posted
 * twice. The digest is still posted: a rare repeat is a smaller harm than no digests at all, and the log says so.
 */

interface Need {
  flag: bigint;
  name: string;
  /** What goes wrong without it. */
  cost: string;
  /** Whether a post cannot go without it. */
  blocks: boolean;
}

const VIEW: Need = { flag: P.ViewChannel, name: "View Channel", cost: "it cannot see the channel", blocks: true };
const SEND: Need = { flag: P.SendMessages, name: "Send Messages", cost: "it cannot post there", blocks: true };
const SEND_IN_THREADS: Need = { ...SEND, flag: P.SendMessagesInThreads, name: "Send Messages in Threads" };
const EMBEDS: Need = {
  flag: P.EmbedLinks,
  name: "Embed Links",
  cost: "Discord strips the embeds a digest is made of",
  blocks: true,
};
const HISTORY: Need = {
  flag: P.ReadMessageHistory,
  name: "Read Message History",
  cost: "after a restart it cannot see which digest parts it already posted, so one may be posted twice",
  blocks: false,
};

function problemLine(where: string, missing: readonly Need[]): string {
  const blocking = missing.filter((n) => n.blocks);
  const weakening = missing.filter((n) => !n.blocks);
  const costs = [
    ...(blocking.length ? [`no digest can be posted there (${blocking.map((n) => n.cost).join("; ")})`] : []),
    ...weakening.map((n) => n.cost),
  ];
  return `the bot lacks ${andList(missing.map((n) => n.name))} in ${where}: ${costs.join(", and ")}; give the bot's role ${missing.length === 1 ? "that permission" : "these permissions"} in the channel's settings (Permissions) or in Server Settings → Roles`;
}

/** The bot's access to a digest channel, or null when the channel (or the bot's member) is not known to the client. */
export function digestAccess(client: Client, channelId: string): ChannelAccess | null {
  const channel = client.channels.cache.get(channelId);
  if (!channel || channel.isDMBased() || !channel.isTextBased() || !client.user) return null;
  const perms = channel.permissionsFor(client.user);
  if (!perms) return null;
  const needs = [VIEW, channel.isThread() ? SEND_IN_THREADS : SEND, EMBEDS, HISTORY];
  const missing = needs.filter((n) => !perms.has(n.flag, true));
  return {
    canPost: !missing.some((n) => n.blocks),
    canReadHistory: !missing.includes(VIEW) && !missing.includes(HISTORY),
    missing: missing.map((n) => n.name),
    problem: missing.length ? problemLine(`#${channel.name} (${channelId})`, missing) : null,
  };
}

/**
 * One line for each digest channel where something is missing, naming the channel and its schedules; a channel the
 * bot does not know of (a wrong id, a server it is not in) gets a line too.
 */
export function digestAccessLines(
  client: Client,
  schedules: readonly Schedule[],
): { channel: string; schedules: string[]; missing: string[]; line: string }[] {
  const channels = [...new Set(schedules.map((s) => s.channel))];
  return channels.flatMap((channel) => {
    const mine = schedules.filter((s) => s.channel === channel);
    const named = `digest ${andList(mine.map((s) => `“${scheduleWords(s.cron, s.zone)}”`))}`;
    const keys = mine.map((s) => s.key);
    const access = digestAccess(client, channel);
    if (!access)
      return [
        {
          channel,
          schedules: keys,
          missing: [],
          line: `${named} goes to channel ${channel}, which the bot cannot find in its servers: check the id in DIGEST_SCHEDULES (right-click the channel → Copy Channel ID) and that the bot was invited to that server`,
        },
      ];
    if (!access.problem) return [];
    return [{ channel, schedules: keys, missing: access.missing, line: `${named}: ${access.problem}` }];
  });
}
