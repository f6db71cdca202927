import {
  ApplicationIntegrationType,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandOption,
  type RESTPostAPIApplicationCommandsJSONBody,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { COMMANDS } from "../../commands/index.ts";
import type { Command, OptionSpec } from "../kit/command.ts";

/**
 * Slash commands generated from `commands/`: one definition per command, options from its
 * specs. Paging options are left out (Discord pages with buttons) and listing commands get
 * `hide` (answer only to me). Plus the "Find in briefings" message context-menu command.
 */

export const FIND_IN_BRIEFINGS = "Find in briefings";
/** Options the CLI has but Discord replaces with Previous/Next buttons. */
const NOT_ON_DISCORD = new Set(["page"]);
/** Commands whose answers can be long or private: they take `hide`. */
const HIDEABLE = new Set(["search", "meetings", "pledges", "source", "people", "person", "sources", "ask"]);

export const HIDE_OPTION: APIApplicationCommandOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: "hide",
  description: "Show the answer only to me",
};

function option(spec: OptionSpec): APIApplicationCommandOption {
  const description = spec.description.slice(0, 100);
  const required = spec.required ?? false;
  switch (spec.type) {
    case "boolean":
      return { type: ApplicationCommandOptionType.Boolean, name: spec.name, description, required };
    case "integer":
      return {
        type: ApplicationCommandOptionType.Integer,
        name: spec.name,
        description,
        required,
        min_value: spec.min,
        max_value: spec.max,
      };
    case "date":
      return { type: ApplicationCommandOptionType.String, name: spec.name, description, required, max_length: 10 };
    case "string":
      if (spec.choices) {
        return {
          type: ApplicationCommandOptionType.String,
          name: spec.name,
          description,
          required,
          choices: spec.choices.map((c) => ({ name: c, value: c })),
        };
      }
      return {
        type: ApplicationCommandOptionType.String,
        name: spec.name,
        description,
        required,
        autocomplete: spec.autocomplete !== undefined,
        ...(spec.maxLength ? { max_length: spec.maxLength } : {}),
      };
  }
}

export function slashCommand(command: Command): RESTPostAPIApplicationCommandsJSONBody {
  const options = command.options.filter((o) => !NOT_ON_DISCORD.has(o.name)).map(option);
  if (HIDEABLE.has(command.name)) options.push(HIDE_OPTION);
  // Discord wants required options first.
  options.sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false));
  return {
    type: ApplicationCommandType.ChatInput,
    name: command.name,
    description: command.description.slice(0, 100),
    options,
    ...(command.adminOnly ? { default_member_permissions: PermissionFlagsBits.ManageGuild.toString() } : {}),
  };
}

/**
 * /digest in Discord: subcommands on the channel it is used in, instead of the CLI's options
 * (`digest --since`). Discord sets permissions per command, not per subcommand, so the whole
 * command defaults to members with Manage Server (a server can open it to other roles under
 * Server Settings → Integrations); /digest now checks Manage Server again when it runs.
 */
export const DIGEST_COMMAND = {
  type: ApplicationCommandType.ChatInput,
  name: "digest",
  description: "This channel's briefings digest: preview it, post it now, or see the schedules",
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "preview",
      description: "Show only to you what the next digest in this channel would say",
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "now",
      description: "Post this channel's digest now (needs Manage Server)",
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "status",
      description: "Digest schedules, with their last and next runs",
    },
  ],
  default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * /briefing add | remove: editing the briefings folder (commands/add.ts, commands/remove.ts). Like /digest, the
 * whole command defaults to members with Manage Server (a server can open it to an editors' role under Server
 * Settings → Integrations, and name that role in BRIEFING_EDITOR_ROLES); both subcommands check again when they run.
 */
export const BRIEFING_COMMAND = {
  type: ApplicationCommandType.ChatInput,
  name: "briefing",
  description: "Add a briefing (a link, a file or pasted text) or remove one: for editors",
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "add",
      description: "Add a briefing from a link or a file; with neither, paste its text in a form",
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "url",
          description: "A link to the article",
          max_length: 1000,
        },
        {
          type: ApplicationCommandOptionType.Attachment,
          name: "file",
          description: "The article as a .txt, .md or .html file",
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "title",
          description: "The headline, instead of the one found",
          max_length: 300,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "outlet",
          description: "The outlet, instead of the one found",
          max_length: 200,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "published",
          description: "The publication date (YYYY-MM-DD), instead of the one found",
          max_length: 10,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "remove",
      description: "Remove a briefing (its file is kept in a removed/ folder, and can be put back)",
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "source",
          description: "The briefing's id or headline",
          required: true,
          autocomplete: true,
        },
      ],
    },
  ],
  default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * Where every command may be used: in servers only (never in DMs with the bot or group DMs), and only where the bot
 * was added to the server (never through a user's own install, which would carry the commands into any server).
 * Discord reads both on global commands; a server's own commands are that server's anyway.
 */
export const GUILD_ONLY = {
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
};

export function commandDefinitions(commands: readonly Command[] = COMMANDS): RESTPostAPIApplicationCommandsJSONBody[] {
  const slash = commands.map((c) => (c.name === DIGEST_COMMAND.name ? DIGEST_COMMAND : slashCommand(c)));
  const all: RESTPostAPIApplicationCommandsJSONBody[] = [
    ...slash,
    BRIEFING_COMMAND,
    { type: ApplicationCommandType.Message, name: FIND_IN_BRIEFINGS },
  ];
  return all.map((definition) => ({ ...definition, ...GUILD_ONLY }));
}
