// Discord emulator for end-to-end tests: a real discord.js Client / REST talks to it on 127.0.0.1.
//   const emu = new DiscordEmulator(); const info = await emu.start(); … await client.destroy(); await emu.stop();
import { DiscordEmulator } from "./emulator.ts";
import type { EmulatorOptions } from "./types.ts";

export { DiscordEmulator } from "./emulator.ts";
export type { InteractionHandle, InteractionResponse, MessageHandle } from "./emulator.ts";
export type {
  AutocompleteInit,
  ComponentInit,
  InteractionCommon,
  MessageCommandInit,
  ModalSubmitInit,
  OptionInput,
  SelectInit,
  SlashCommandInit,
} from "./interactions.ts";
export type { UserMessageInit } from "./user-messages.ts";
export type * from "./types.ts";
export { LIMITS, MessageFlagBits } from "./limits.ts";
export { COMMAND_NAME_RE } from "./command-limits.ts";
export { BOT_PERMISSIONS, EVERYONE_PERMISSIONS } from "./payloads.ts";
export { ALL_PERMISSIONS, DM_BITS, permissionsIn, type OverwriteInput } from "./permissions.ts";
export { PRIVILEGED_INTENTS } from "./gateway.ts";

/** `new DiscordEmulator(options)` + `start()`. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
  const emu = new DiscordEmulator(options);
  await emu.start();
  return emu;
}
