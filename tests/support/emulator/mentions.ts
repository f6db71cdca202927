// Works out who a message body would ping, and whether its allowed_mentions makes pinging impossible.
import type { MentionPings } from "./types.ts";

type Obj = Record<string, unknown>;

/** Discord's defaults when a body has no allowed_mentions (see /work/shared/discord.md). */
export type MentionDefaults = "all" | "users";

export interface MentionAnalysis {
  hasAllowedMentions: boolean;
  allowedMentions: unknown;
  mentionSafe: boolean;
  pings: MentionPings;
}

const USER_RE = /<@!?(\d{1,20})>/g;
const ROLE_RE = /<@&(\d{1,20})>/g;
const EVERYONE_RE = /@(everyone|here)\b/;

const ids = (text: string, re: RegExp): string[] => [...new Set([...text.matchAll(re)].map((m) => m[1]!))];

/** Text in which Discord resolves mentions: content only (embeds never ping). */
export function mentionText(body: Obj): string {
  return typeof body.content === "string" ? body.content : "";
}

export function analyzeMentions(body: Obj, defaults: MentionDefaults): MentionAnalysis {
  const hasAllowedMentions = "allowed_mentions" in body && body.allowed_mentions != null;
  const am = (hasAllowedMentions ? body.allowed_mentions : undefined) as Obj | undefined;
  const parse: string[] = am
    ? Array.isArray(am.parse)
      ? (am.parse as string[])
      : []
    : defaults === "all"
      ? ["users", "roles", "everyone"]
      : ["users"];
  const allowUsers = am && Array.isArray(am.users) ? (am.users as string[]) : [];
  const allowRoles = am && Array.isArray(am.roles) ? (am.roles as string[]) : [];
  const text = mentionText(body);
  const users = ids(text, USER_RE).filter((id) => parse.includes("users") || allowUsers.includes(id));
  const roles = ids(text, ROLE_RE).filter((id) => parse.includes("roles") || allowRoles.includes(id));
  const everyone = parse.includes("everyone") && EVERYONE_RE.test(text);
  const hasReference = body.message_reference != null;
  const repliedUser = hasReference && (am ? am.replied_user === true : true);
  const mentionSafe =
    !!am &&
    !parse.some((p) => p === "users" || p === "roles" || p === "everyone") &&
    allowUsers.length === 0 &&
    allowRoles.length === 0 &&
    am.replied_user !== true;
  return { hasAllowedMentions, allowedMentions: am, mentionSafe, pings: { users, roles, everyone, repliedUser } };
}
