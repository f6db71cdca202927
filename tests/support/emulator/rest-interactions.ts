// Interaction callback and interaction-webhook routes, with Discord's 3 s / 15 min / single-ack rules.
import { InteractionResponseType as CB, type APIMessage } from "discord-api-types/v10";
import { DiscordHttpError, Errors, FormErrors } from "./errors.ts";
import type { RouteContext, RouteDef, RouteResult } from "./http.ts";
import { MessageFlagBits as F, validateAutocompleteData, validateMessageBody, validateModalData } from "./limits.ts";
import type { MessageService } from "./messages.ts";
import type { EmulatorState, InteractionKind, InteractionState } from "./state.ts";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const clone = <T>(v: T): T => structuredClone(v);

/** Callback types Discord accepts for each kind of interaction. */
const ALLOWED_CALLBACKS: Record<InteractionKind, number[]> = {
  command: [CB.ChannelMessageWithSource, CB.DeferredChannelMessageWithSource, CB.Modal],
  component: [
    CB.ChannelMessageWithSource,
    CB.DeferredChannelMessageWithSource,
    CB.DeferredMessageUpdate,
    CB.UpdateMessage,
    CB.Modal,
  ],
  modal: [CB.ChannelMessageWithSource, CB.DeferredChannelMessageWithSource, CB.DeferredMessageUpdate, CB.UpdateMessage],
  autocomplete: [CB.ApplicationCommandAutocompleteResult],
};

const REPLY_FLAGS = F.Ephemeral | F.SuppressEmbeds | F.SuppressNotifications | F.IsComponentsV2;
const EDIT_FLAGS = F.Ephemeral | F.SuppressEmbeds | F.SuppressNotifications | F.IsComponentsV2;

export function interactionRoutes(state: EmulatorState, messages: MessageService): RouteDef[] {
  const invalidType = (why: string) => {
    const errors = new FormErrors();
    errors.add(["type"], "INTERACTION_RESPONSE_TYPE_INVALID", why);
    return new DiscordHttpError(400, 50035, "Invalid Form Body", errors.tree());
  };

  const callback = ({ req, params, call }: RouteContext): RouteResult => {
    call.interactionId = params.id;
    const i = state.interactions.get(params.id!);
    if (!i || i.token !== params.token) throw Errors.unknownInteraction();
    const age = state.now() - i.createdAt;
    if (age > state.tokenLifetimeMs) throw Errors.unknownInteraction();
    if (i.acknowledged) throw Errors.alreadyAcknowledged();
    if (age > state.ackLimitMs) throw Errors.unknownInteraction();
    const body = req.body;
    if (!isObj(body) || typeof body.type !== "number") {
      const errors = new FormErrors();
      errors.required(["type"]);
      errors.throwIfAny();
      throw Errors.invalidJson();
    }
    const type = body.type;
    if (!ALLOWED_CALLBACKS[i.kind].includes(type))
      throw invalidType(`Interaction response type ${type} is invalid for a ${i.kind} interaction`);
    const data = isObj(body.data) ? body.data : {};
    let message: APIMessage | undefined;
    switch (type) {
      case CB.ChannelMessageWithSource: {
        validateMessageBody(data, {
          kind: "create",
          allowedFlags: REPLY_FLAGS,
          fileCount: req.files.length,
          path: ["data"],
        });
        const info = messages.describe(call, "create", "callback", data, "users");
        message = messages.create(
          { channelId: i.channelId, body: data, files: req.files, interaction: i, type: i.replyMessageType },
          info,
        );
        i.originalMessageId = message.id;
        break;
      }
      case CB.DeferredChannelMessageWithSource: {
        validateMessageBody(data, {
          kind: "edit",
          allowedFlags: F.Ephemeral | F.SuppressNotifications,
          path: ["data"],
        });
        const flags = typeof data.flags === "number" ? data.flags : 0;
        message = messages.create({
          channelId: i.channelId,
          body: { flags },
          interaction: i,
          type: i.replyMessageType,
          extraFlags: F.Loading,
        });
        i.originalMessageId = message.id;
        break;
      }
      case CB.DeferredMessageUpdate:
      case CB.UpdateMessage: {
        const target = i.componentMessageId ? state.findMessage(i.channelId, i.componentMessageId) : undefined;
        if (!target) throw invalidType("There is no message to update for this interaction");
        if (type === CB.UpdateMessage) {
          validateMessageBody(data, {
            kind: "edit",
            allowedFlags: EDIT_FLAGS,
            fileCount: req.files.length,
            path: ["data"],
          });
          const info = messages.describe(call, "edit", "callback", data, "users");
          messages.edit(target, data, req.files, info);
        }
        message = target;
        i.originalMessageId = target.id;
        break;
      }
      case CB.ApplicationCommandAutocompleteResult:
        validateAutocompleteData(body.data);
        break;
      case CB.Modal:
        validateModalData(body.data);
        break;
    }
    i.acknowledged = { type, at: state.now() };
    if (message) call.resultMessage = clone(message);
    if (req.query.with_response !== "true") return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: i.id,
          type: i.payload.type,
          ...(message
            ? {
                response_message_id: message.id,
                response_message_loading: ((message.flags ?? 0) & F.Loading) !== 0,
                response_message_ephemeral: ((message.flags ?? 0) & F.Ephemeral) !== 0,
              }
            : {}),
        },
        resource: { type, ...(message ? { message: clone(message) } : {}) },
      },
    };
  };

  /** The interaction behind /webhooks/:app/:token, enforcing the 15-minute token lifetime. */
  const tokenOwner = ({ params, call }: RouteContext): InteractionState => {
    if (params.app !== state.appId) throw Errors.unknownWebhook();
    const i = state.interactionsByToken.get(params.token!);
    if (!i) throw Errors.unknownWebhook();
    call.interactionId = i.id;
    if (state.now() - i.createdAt > state.tokenLifetimeMs) throw Errors.invalidWebhookToken();
    return i;
  };

  const targetMessage = (i: InteractionState, id: string): APIMessage => {
    const messageId = id === "@original" ? i.originalMessageId : id;
    const owned = messageId !== undefined && (messageId === i.originalMessageId || i.followUpIds.includes(messageId));
    const found = owned ? state.findMessage(i.channelId, messageId) : undefined;
    if (!i.acknowledged || !found) throw Errors.unknownMessage();
    return found;
  };

  const getMessage = (ctx: RouteContext): RouteResult => {
    const msg = targetMessage(tokenOwner(ctx), ctx.params.message!);
    ctx.call.resultMessage = clone(msg);
    return { status: 200, body: clone(msg) };
  };

  const editMessage = (ctx: RouteContext): RouteResult => {
    const i = tokenOwner(ctx);
    const msg = targetMessage(i, ctx.params.message!);
    const body = isObj(ctx.req.body) ? ctx.req.body : {};
    validateMessageBody(body, { kind: "edit", allowedFlags: EDIT_FLAGS, fileCount: ctx.req.files.length });
    const info = messages.describe(ctx.call, "edit", "webhook", body, "users");
    messages.edit(msg, body, ctx.req.files, info);
    ctx.call.resultMessage = clone(msg);
    return { status: 200, body: clone(msg) };
  };

  const deleteMessage = (ctx: RouteContext): RouteResult => {
    const i = tokenOwner(ctx);
    const msg = targetMessage(i, ctx.params.message!);
    state.removeMessage(i.channelId, msg.id);
    return { status: 204 };
  };

  const followUp = (ctx: RouteContext): RouteResult => {
    const i = tokenOwner(ctx);
    if (!i.acknowledged || i.kind === "autocomplete") throw Errors.unknownWebhook();
    const body = isObj(ctx.req.body) ? ctx.req.body : {};
    validateMessageBody(body, { kind: "create", allowedFlags: REPLY_FLAGS, fileCount: ctx.req.files.length });
    const info = messages.describe(ctx.call, "create", "webhook", body, "users");
    const msg = messages.create({ channelId: i.channelId, body, files: ctx.req.files, interaction: i }, info);
    i.followUpIds.push(msg.id);
    ctx.call.resultMessage = clone(msg);
    return ctx.req.query.wait === "true" ? { status: 200, body: clone(msg) } : { status: 204 };
  };

  const hook = "/webhooks/:app/:token";
  return [
    { method: "POST", pattern: "/interactions/:id/:token/callback", auth: false, handle: callback },
    { method: "POST", pattern: hook, auth: false, handle: followUp },
    { method: "GET", pattern: `${hook}/messages/:message`, auth: false, handle: getMessage },
    { method: "PATCH", pattern: `${hook}/messages/:message`, auth: false, handle: editMessage },
    { method: "DELETE", pattern: `${hook}/messages/:message`, auth: false, handle: deleteMessage },
  ];
}
