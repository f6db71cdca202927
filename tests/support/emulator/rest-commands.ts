// Gateway discovery, application and application-command routes (global and guild scope).
import type { APIApplicationCommand } from "discord-api-types/v10";
import { checkCommand, validateCommandList } from "./command-limits.ts";
import { DiscordHttpError, Errors, FormErrors } from "./errors.ts";
import type { RouteContext, RouteDef, RouteResult } from "./http.ts";
import { command, gatewayBot } from "./payloads.ts";
import type { EmulatorState } from "./state.ts";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const typeOf = (c: { type?: unknown }) => (typeof c.type === "number" ? c.type : 1);

export function commandRoutes(state: EmulatorState, gatewayUrl: () => string): RouteDef[] {
  /** Checks :app (and :guild) and returns the guild id of the scope (undefined = global). */
  const scope = (ctx: RouteContext): string | undefined => {
    if (ctx.params.app !== state.appId && ctx.params.app !== "@me") {
      throw new DiscordHttpError(403, 20012, "You are not authorized to perform this action on this application");
    }
    const guildId = ctx.params.guild;
    if (guildId !== undefined && !state.guilds.has(guildId)) throw Errors.missingAccess();
    return guildId;
  };

  const setCommands = (guildId: string | undefined, list: APIApplicationCommand[]) => {
    if (guildId) state.guildCommands.set(guildId, list);
    else state.globalCommands = list;
  };

  /** Keeps a command's id when a command of the same type and name already exists, as Discord does. */
  const idFor = (guildId: string | undefined, body: Obj): string =>
    state.commandsFor(guildId).find((c) => c.name === body.name && c.type === typeOf(body))?.id ?? state.snowflake();

  const bulkOverwrite = (ctx: RouteContext): RouteResult => {
    const guildId = scope(ctx);
    validateCommandList(ctx.req.body);
    const list = (ctx.req.body as Obj[]).map((body) => command(state, body, guildId, idFor(guildId, body)));
    setCommands(guildId, list);
    return { status: 200, body: list };
  };

  const create = (ctx: RouteContext): RouteResult => {
    const guildId = scope(ctx);
    const errors = new FormErrors();
    checkCommand(ctx.req.body, [], errors);
    errors.throwIfAny();
    const body = ctx.req.body as Obj;
    const existing = state.commandsFor(guildId).find((c) => c.name === body.name && c.type === typeOf(body));
    const cmd = command(state, body, guildId, existing?.id ?? state.snowflake());
    setCommands(guildId, [...state.commandsFor(guildId).filter((c) => c !== existing), cmd]);
    return { status: existing ? 200 : 201, body: cmd };
  };

  const find = (ctx: RouteContext) => {
    const guildId = scope(ctx);
    const cmd = state.commandsFor(guildId).find((c) => c.id === ctx.params.command);
    if (!cmd) throw Errors.unknownCommand();
    return { guildId, cmd };
  };

  const edit = (ctx: RouteContext): RouteResult => {
    const { guildId, cmd } = find(ctx);
    const merged = { ...cmd, ...(isObj(ctx.req.body) ? ctx.req.body : {}) };
    const errors = new FormErrors();
    checkCommand(merged, [], errors);
    errors.throwIfAny();
    const updated = command(state, merged, guildId, cmd.id);
    setCommands(
      guildId,
      state.commandsFor(guildId).map((c) => (c === cmd ? updated : c)),
    );
    return { status: 200, body: updated };
  };

  const remove = (ctx: RouteContext): RouteResult => {
    const { guildId, cmd } = find(ctx);
    setCommands(
      guildId,
      state.commandsFor(guildId).filter((c) => c !== cmd),
    );
    return { status: 204 };
  };

  const routes: RouteDef[] = [
    {
      method: "GET",
      pattern: "/gateway/bot",
      auth: true,
      handle: () => ({ status: 200, body: gatewayBot(gatewayUrl()) }),
    },
    { method: "GET", pattern: "/gateway", auth: false, handle: () => ({ status: 200, body: { url: gatewayUrl() } }) },
    {
      method: "GET",
      pattern: "/applications/@me",
      auth: true,
      handle: () => ({
        status: 200,
        body: {
          id: state.appId,
          name: state.botUser.username,
          icon: null,
          description: "",
          summary: "",
          bot_public: false,
          bot_require_code_grant: false,
          verify_key: "0".repeat(64),
          flags: 0,
          bot: state.botUser,
          owner: state.ownerUser,
          team: null,
        },
      }),
    },
  ];
  for (const base of ["/applications/:app/commands", "/applications/:app/guilds/:guild/commands"]) {
    routes.push(
      {
        method: "GET",
        pattern: base,
        auth: true,
        handle: (ctx) => ({ status: 200, body: state.commandsFor(scope(ctx)) }),
      },
      { method: "PUT", pattern: base, auth: true, handle: bulkOverwrite },
      { method: "POST", pattern: base, auth: true, handle: create },
      {
        method: "GET",
        pattern: `${base}/:command`,
        auth: true,
        handle: (ctx) => ({ status: 200, body: find(ctx).cmd }),
      },
      { method: "PATCH", pattern: `${base}/:command`, auth: true, handle: edit },
      { method: "DELETE", pattern: `${base}/:command`, auth: true, handle: remove },
    );
  }
  return routes;
}
