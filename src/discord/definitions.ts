import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type APIApplicationCommandOption,
  type RESTPostAPIApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { COMMANDS } from "../../commands/index.ts";
import type { Command, OptionSpec } from "../commands/types.ts";

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
      return { type: ApplicationCommandOptionType.Integer, name: spec.name, description, required, min_value: spec.min, max_value: spec.max };
    case "date":
      return { type: ApplicationCommandOptionType.String, name: spec.name, description, required, max_length: 10 };
    case "string":
      if (spec.choices) {
        return { type: ApplicationCommandOptionType.String, name: spec.name, description, required, choices: spec.choices.map((c) => ({ name: c, value: c })) };
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

export function commandDefinitions(commands: readonly Command[] = COMMANDS): RESTPostAPIApplicationCommandsJSONBody[] {
  return [...commands.map(slashCommand), { type: ApplicationCommandType.Message, name: FIND_IN_BRIEFINGS }];
}
