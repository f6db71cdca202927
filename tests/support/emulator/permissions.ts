// The permission model: guild roles and channel overwrites, a member's permissions in a channel computed the way
// Discord does, and the refusals of the channel routes that follow from them.
import { OverwriteType, PermissionFlagsBits as P, type APIOverwrite } from "discord-api-types/v10";
import { DiscordHttpError, Errors } from "./errors.ts";
import { isEmptyMessage } from "./limits.ts";

const bits = (...flags: bigint[]): bigint => flags.reduce((a, b) => a | b, 0n);

/** Every permission bit Discord defines (what the owner and an Administrator have). */
export const ALL_PERMISSIONS = bits(...Object.values(P));

/** @everyone in the test guilds: an ordinary newsroom member. */
export const EVERYONE_BITS = bits(
  P.ViewChannel,
  P.SendMessages,
  P.SendMessagesInThreads,
  P.ReadMessageHistory,
  P.EmbedLinks,
  P.AttachFiles,
  P.AddReactions,
  P.UseExternalEmojis,
  P.UseApplicationCommands,
  P.CreateInstantInvite,
  P.ChangeNickname,
  P.Connect,
  P.Speak,
);

/** The bot's managed role adds these. */
export const BOT_ROLE_BITS = bits(P.ManageMessages, P.CreatePublicThreads, P.SendMessagesInThreads);

/**
 * The bot's app_permissions in a DM: no roles or overwrites there, only what a DM implicitly grants (its text
 * permissions, none of a guild's: no Manage Messages, threads, nicknames or voice).
 */
export const DM_BITS = bits(
  P.ViewChannel,
  P.SendMessages,
  P.ReadMessageHistory,
  P.EmbedLinks,
  P.AttachFiles,
  P.AddReactions,
  P.UseExternalEmojis,
  P.UseExternalStickers,
  P.UseApplicationCommands,
);

/** An overwrite as tests write it: a role or member id, with allowed and denied bits (bigint or decimal string). */
export interface OverwriteInput {
  id: string;
  type: "role" | "member";
  allow?: bigint | string;
  deny?: bigint | string;
}

export function toOverwrite(o: OverwriteInput): APIOverwrite {
  return {
    id: o.id,
    type: o.type === "role" ? OverwriteType.Role : OverwriteType.Member,
    allow: BigInt(o.allow ?? 0n).toString(),
    deny: BigInt(o.deny ?? 0n).toString(),
  };
}

/** What the model needs of a guild and a channel. */
export interface PermissionSubject {
  guildId: string;
  ownerId: string;
  /** role id → permissions; the @everyone role's id is the guild's. */
  rolePermissions: ReadonlyMap<string, bigint>;
  overwrites: readonly APIOverwrite[];
}

/**
 * Discord's computation: the owner has everything; else @everyone's and the member's roles' permissions, where
 * Administrator means everything; then the channel's @everyone overwrite, the member's roles' overwrites together,
 * and the member's own overwrite, each removing its denied bits before adding its allowed ones.
 */
export function permissionsIn(subject: PermissionSubject, userId: string, roleIds: readonly string[]): bigint {
  if (userId === subject.ownerId) return ALL_PERMISSIONS;
  let perms = subject.rolePermissions.get(subject.guildId) ?? 0n;
  for (const id of roleIds) perms |= subject.rolePermissions.get(id) ?? 0n;
  if (perms & P.Administrator) return ALL_PERMISSIONS;
  const apply = (allow: bigint, deny: bigint) => (perms = (perms & ~deny) | allow);
  const everyone = subject.overwrites.find((o) => o.type === OverwriteType.Role && o.id === subject.guildId);
  if (everyone) apply(BigInt(everyone.allow), BigInt(everyone.deny));
  const roles = subject.overwrites.filter((o) => o.type === OverwriteType.Role && roleIds.includes(o.id));
  apply(
    roles.reduce((a, o) => a | BigInt(o.allow), 0n),
    roles.reduce((a, o) => a | BigInt(o.deny), 0n),
  );
  const own = subject.overwrites.find((o) => o.type === OverwriteType.Member && o.id === userId);
  if (own) apply(BigInt(own.allow), BigInt(own.deny));
  return perms;
}

const has = (perms: bigint, flag: bigint) => (perms & flag) === flag;

export const missingPermissions = () => new DiscordHttpError(403, 50013, "Missing Permissions");

/** Any channel route: without View Channel the channel is out of reach (403 50001 Missing Access). */
export function requireView(perms: bigint): void {
  if (!has(perms, P.ViewChannel)) throw Errors.missingAccess();
}

type Body = Record<string, unknown>;

/**
 * Before POST /channels/:id/messages is read: 50001 without View Channel, 50013 without Send Messages (or, for a
 * reply, without Read Message History).
 */
export function checkCreate(perms: bigint, isReply: boolean): void {
  requireView(perms);
  if (!has(perms, P.SendMessages)) throw missingPermissions();
  if (isReply && !has(perms, P.ReadMessageHistory)) throw missingPermissions();
}

/**
 * A valid body as Discord keeps it: without Embed Links its embeds are dropped, and a message left with nothing in
 * it is 400 50006 Cannot send an empty message.
 */
export function withoutUnpermitted(perms: bigint, body: Body, files: number): Body {
  if (has(perms, P.EmbedLinks) || !Array.isArray(body.embeds) || body.embeds.length === 0) return body;
  const kept = { ...body, embeds: [] };
  if (isEmptyMessage(kept, files)) throw Errors.emptyMessage();
  return kept;
}

/** A message edit keeps its embeds only with Embed Links. */
export function checkEdit(perms: bigint, body: Body): Body {
  requireView(perms);
  return has(perms, P.EmbedLinks) || !Array.isArray(body.embeds) ? body : { ...body, embeds: [] };
}

/** GET /channels/:id/messages: without Read Message History Discord answers 200 with no messages, not an error. */
export function readsHistory(perms: bigint): boolean {
  requireView(perms);
  return has(perms, P.ReadMessageHistory);
}

/** Typing needs Send Messages. */
export function checkTyping(perms: bigint): void {
  requireView(perms);
  if (!has(perms, P.SendMessages)) throw missingPermissions();
}
