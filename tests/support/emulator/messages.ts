// Creating and editing stored messages from REST bodies, with mention resolution and call annotation.
import type { APIAttachment, APIEmbed, APIMessage, APIMessageTopLevelComponent, APIUser } from "discord-api-types/v10";
import { analyzeMentions, type MentionDefaults } from "./mentions.ts";
import { message as buildMessage } from "./payloads.ts";
import type { EmulatorState, InteractionState } from "./state.ts";
import type { MessageBodyInfo, RecordedCall, RecordedFile } from "./types.ts";
import { MessageFlagBits } from "./limits.ts";

type Obj = Record<string, unknown>;

export interface CreateInit {
  channelId: string;
  body: Obj;
  files?: RecordedFile[];
  author?: APIUser;
  type?: number;
  interaction?: InteractionState;
  /** Extra flags set by Discord (e.g. Loading on a deferred reply). */
  extraFlags?: number;
  referencedMessage?: APIMessage | null;
}

export class MessageService {
  /** Called for every newly created message (the emulator dispatches MESSAGE_CREATE, as Discord does). */
  onCreate: (msg: APIMessage) => void = () => undefined;

  constructor(private readonly state: EmulatorState) {}

  /** Records on the call what the body is and who it would ping. */
  describe(
    call: RecordedCall,
    kind: "create" | "edit",
    source: MessageBodyInfo["source"],
    body: Obj,
    defaults: MentionDefaults,
  ): MessageBodyInfo {
    const analysis = analyzeMentions(body, defaults);
    const info: MessageBodyInfo = { kind, source, body, ...analysis };
    call.message = info;
    return info;
  }

  private attachments(files: RecordedFile[] | undefined): APIAttachment[] {
    return (files ?? []).map((f) => ({
      id: this.state.snowflake(),
      filename: f.filename,
      size: f.size,
      content_type: f.contentType,
      url: `https://cdn.discordapp.invalid/attachments/${f.filename}`,
      proxy_url: `https://media.discordapp.invalid/attachments/${f.filename}`,
    }));
  }

  private mentionFields(info: MessageBodyInfo): Pick<APIMessage, "mentions" | "mention_roles" | "mention_everyone"> {
    return {
      mentions: info.pings.users.map(
        (id) =>
          this.state.users.get(id) ?? {
            id,
            username: `user-${id}`,
            discriminator: "0",
            global_name: null,
            avatar: null,
          },
      ),
      mention_roles: info.pings.roles,
      mention_everyone: info.pings.everyone,
    };
  }

  create(init: CreateInit, info?: MessageBodyInfo): APIMessage {
    const b = init.body;
    const flags = ((typeof b.flags === "number" ? b.flags : 0) | (init.extraFlags ?? 0)) >>> 0;
    const msg = buildMessage(this.state, {
      channelId: init.channelId,
      author: init.author ?? this.state.botUser,
      content: typeof b.content === "string" ? b.content : "",
      embeds: (b.embeds as APIEmbed[] | undefined) ?? [],
      components: (b.components as APIMessageTopLevelComponent[] | undefined) ?? [],
      attachments: this.attachments(init.files),
      flags,
      type: init.type,
      tts: b.tts === true,
      nonce: b.nonce as string | number | undefined,
      interaction: init.interaction,
      messageReference: b.message_reference as APIMessage["message_reference"],
      referencedMessage: init.referencedMessage,
    });
    if (info) {
      Object.assign(msg, this.mentionFields(info));
      const replied = init.referencedMessage?.author;
      if (info.pings.repliedUser && replied && !msg.mentions.some((u) => u.id === replied.id))
        msg.mentions.push(replied);
    }
    this.state.channelMessages(init.channelId).push(msg);
    this.onCreate(msg);
    return msg;
  }

  /** Applies an edit body in place; a deferred (loading) message loses its Loading flag without being marked edited. */
  edit(msg: APIMessage, body: Obj, files: RecordedFile[] | undefined, info: MessageBodyInfo): APIMessage {
    const wasLoading = ((msg.flags ?? 0) & MessageFlagBits.Loading) !== 0;
    if ("content" in body) msg.content = typeof body.content === "string" ? body.content : "";
    if ("embeds" in body) msg.embeds = (body.embeds as APIEmbed[] | null) ?? [];
    if ("components" in body) msg.components = (body.components as APIMessageTopLevelComponent[] | null) ?? [];
    if ("attachments" in body || (files?.length ?? 0) > 0) {
      const kept = Array.isArray(body.attachments)
        ? msg.attachments.filter((a) => (body.attachments as Obj[]).some((k) => k.id === a.id))
        : msg.attachments;
      msg.attachments = [...kept, ...this.attachments(files)];
    }
    if (typeof body.flags === "number") {
      // Ephemeral cannot be toggled by an edit and Components V2 cannot be removed; the rest follows the body.
      const keep = (msg.flags ?? 0) & (MessageFlagBits.Ephemeral | MessageFlagBits.IsComponentsV2);
      const settable =
        MessageFlagBits.SuppressEmbeds | MessageFlagBits.SuppressNotifications | MessageFlagBits.IsComponentsV2;
      msg.flags = keep | (body.flags & settable);
    }
    msg.flags = (msg.flags ?? 0) & ~MessageFlagBits.Loading;
    if ("content" in body || "allowed_mentions" in body) Object.assign(msg, this.mentionFields(info));
    if (!wasLoading) msg.edited_timestamp = this.state.iso();
    return msg;
  }
}
