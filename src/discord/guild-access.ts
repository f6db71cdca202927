import { Events, MessageFlags, type Client, type Guild, type Interaction, type Message } from "discord.js";
import type { Logger } from "pino";
import { renderNotice } from "./render.ts";

/**
 * Who may use the bot: the newsroom's servers (DISCORD_GUILD_IDS), or any server it is in when none are named; never
 * a direct message. Anyone who has the bot's id could otherwise add it to a server of their own and read the
 * newsroom's briefings there.
 */
export class GuildAccess {
  constructor(
    /** The newsroom's servers, or null for any server the bot is in. */
    readonly guilds: readonly string[] | null,
    private readonly log: Logger,
  ) {}

  allows(guildId: string | null): boolean {
    return guildId !== null && (this.guilds === null || this.guilds.includes(guildId));
  }

  /** The one line for something refused (`what`: "/search", "a mention"…), naming the server and the user. */
  refused(what: string, guildId: string | null, details: { user: string } & Record<string, string>): void {
    const message =
      guildId === null
        ? `refused ${what} in a direct message: the bot answers only in servers`
        : `refused ${what} from server ${guildId}: it is not in DISCORD_GUILD_IDS`;
    this.log.warn({ guild: guildId, ...details }, message);
  }
}

const ELSEWHERE = "This bot answers only in its newsroom's own server.";
const IN_DM = "This bot answers only in its newsroom's server, not in direct messages.";

/** What an interaction was, for the log: "/search", "autocomplete for /search", "a button"… */
function describe(interaction: Interaction): string {
  if (interaction.isAutocomplete()) return `autocomplete for /${interaction.commandName}`;
  if (interaction.isChatInputCommand()) return `/${interaction.commandName}`;
  if (interaction.isCommand()) return `"${interaction.commandName}"`;
  if (interaction.isButton()) return "a button";
  if (interaction.isModalSubmit()) return "a form";
  return "an interaction";
}

/**
 * An interaction from a server that is not the newsroom's, or from a direct message: refused with one private line
 * (autocomplete: no choices) and logged. True when refused.
 */
export async function refuseOutsider(access: GuildAccess, interaction: Interaction): Promise<boolean> {
  if (access.allows(interaction.guildId)) return false;
  access.refused(describe(interaction), interaction.guildId, {
    user: interaction.user.id,
    interaction: interaction.id,
  });
  if (interaction.isAutocomplete()) await interaction.respond([]);
  else if (interaction.isRepliable())
    await interaction.reply({
      ...renderNotice(interaction.guildId === null ? IN_DM : ELSEWHERE),
      flags: MessageFlags.Ephemeral,
    });
  return true;
}

/** A mention from a server that is not the newsroom's (or a direct message): not answered, logged. True if so. */
export function ignoredMention(access: GuildAccess, message: Message): boolean {
  if (access.allows(message.guildId)) return false;
  access.refused("a mention", message.guildId, {
    user: message.author.id,
    channel: message.channelId,
    message: message.id,
  });
  return true;
}

/** Leave a server that is not the newsroom's, with a line saying which and why. */
async function leave(log: Logger, guild: Guild, when: string): Promise<void> {
  log.warn(
    { guild: guild.id, name: guild.name },
    `leaving server "${guild.name}" (${guild.id}), ${when}: it is not in DISCORD_GUILD_IDS`,
  );
  try {
    await guild.leave();
  } catch (err) {
    log.error({ err, guild: guild.id }, `could not leave server ${guild.id}: remove the bot there by hand`);
  }
}

/**
 * With DISCORD_GUILD_IDS set, the bot stays only in those servers: any other it is in at start, or is added to later,
 * it leaves. Without it, the bot stays wherever it is added. When it is in none of the listed servers at start, the
 * list is more likely mistyped than every server foreign: it says so and stays (still refusing everything there), so
 * that a typo never walks the bot out of the newsroom's own server.
 */
export function keepToNewsroom(client: Client, access: GuildAccess, log: Logger): void {
  if (access.guilds === null) return;
  client.once(Events.ClientReady, (ready) => {
    const outside = [...ready.guilds.cache.values()].filter((guild) => !access.allows(guild.id));
    if (outside.length > 0 && outside.length === ready.guilds.cache.size) {
      log.error(
        { guilds: outside.map((g) => g.id), listed: access.guilds },
        `the bot is in none of the servers in DISCORD_GUILD_IDS (${access.guilds!.join(", ")}): check the ids; not leaving the ${outside.length} it is in, but answering nothing there`,
      );
      return;
    }
    for (const guild of outside) void leave(log, guild, "which it was in at start");
  });
  client.on(Events.GuildCreate, (guild) => {
    if (!access.allows(guild.id)) void leave(log, guild, "which it was just added to");
  });
}
