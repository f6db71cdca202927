import type { Logger } from "pino";
import type { Library } from "../library/library.ts";
import type { DigestScheduler } from "../digest/scheduler.ts";
import type { ButtonStates } from "./button-state.ts";
import type { CommandContext } from "../kit/command.ts";
import type { EditContext } from "../kit/action.ts";
import type { GuildAccess } from "./guild-access.ts";

/** What /briefing add and remove need: who may use them, and the editing commands' context. */
export interface BotEdit {
  /** Roles allowed besides Manage Server (BRIEFING_EDITOR_ROLES). */
  editorRoles: readonly string[];
  context: EditContext;
}

/** What every Discord handler needs: the current Library (it may be rebuilt), logs, button state. */
export interface BotContext {
  library: () => Library;
  /** What commands run with (from the settings). */
  commands: CommandContext;
  log: Logger;
  /** Which servers the bot answers in (DISCORD_GUILD_IDS); never direct messages. */
  access: GuildAccess;
  buttons: ButtonStates;
  /** The digest scheduler, when DIGEST_SCHEDULES is set. */
  digest?: DigestScheduler | null;
  /** Adding and removing briefings (absent: /briefing says it is not available). */
  edit?: BotEdit;
}
