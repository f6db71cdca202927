// The bot leaving a guild: DELETE /users/@me/guilds/:guild, answered 204 and followed by GUILD_DELETE, as Discord does.
import type { GatewayGuildDeleteDispatchData } from "discord-api-types/v10";
import { Errors } from "./errors.ts";
import type { RouteDef } from "./http.ts";
import type { EmulatorState } from "./state.ts";

export function guildRoutes(state: EmulatorState, dispatch: (t: string, d: unknown) => void): RouteDef[] {
  return [
    {
      method: "DELETE",
      pattern: "/users/@me/guilds/:guild",
      auth: true,
      handle: (ctx) => {
        const id = ctx.params.guild!;
        if (!state.removeGuild(id)) throw Errors.unknownGuild();
        // No `unavailable`: the bot was removed from the guild (an outage sends unavailable: true).
        const gone: GatewayGuildDeleteDispatchData = { id };
        setImmediate(() => dispatch("GUILD_DELETE", gone));
        return { status: 204 };
      },
    },
  ];
}
