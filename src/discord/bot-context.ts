import type { Logger } from "pino";
import type { Library } from "../library/library.ts";
import type { DigestScheduler } from "../digest/scheduler.ts";
import type { ButtonStates } from "./button-state.ts";
import type { CommandContext } from "../kit/command.ts";

/** What every Discord handler needs: the current Library (it may be rebuilt), logs, button state. */
export interface BotContext {
  library: () => Library;
  /** What commands run with (from the settings). */
  commands: CommandContext;
  log: Logger;
  buttons: ButtonStates;
  /** The digest scheduler, when DIGEST_SCHEDULES is set. */
  digest?: DigestScheduler | null;
}
