import { Client, Events, GatewayIntentBits } from "discord.js";
import type { DiscordEmulator } from "./emulator/index.ts";

/** A plain discord.js Client (Guilds and GuildMessages unless told, no pings) logged in to the emulator and ready. */
export async function readyClient(
  emu: DiscordEmulator,
  intents: GatewayIntentBits[] = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
): Promise<Client> {
  const client = new Client({
    intents,
    rest: { api: emu.apiUrl, globalRequestsPerSecond: 10_000 },
    allowedMentions: { parse: [] },
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(emu.token);
  await ready;
  return client;
}
