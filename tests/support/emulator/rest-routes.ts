// The REST route table under /api/v10.
import { Router } from "./http.ts";
import type { MessageService } from "./messages.ts";
import { channelRoutes } from "./rest-channels.ts";
import { commandRoutes } from "./rest-commands.ts";
import { guildRoutes } from "./rest-guilds.ts";
import { interactionRoutes } from "./rest-interactions.ts";
import type { EmulatorState } from "./state.ts";

export function buildRouter(
  state: EmulatorState,
  messages: MessageService,
  gatewayUrl: () => string,
  dispatch: (t: string, d: unknown) => void,
): Router {
  return new Router().add(
    ...commandRoutes(state, gatewayUrl),
    ...guildRoutes(state, dispatch),
    ...interactionRoutes(state, messages),
    ...channelRoutes(state, messages),
  );
}
