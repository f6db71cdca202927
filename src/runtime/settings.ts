/**
 * src/runtime: the process's setup: the settings read from the environment through one zod schema (defaults
 * resolved here), the project's paths, structured logging that never shows the token. Entry points read the settings
 * once and pass values down. May import src/digest (schedule parsing) and below.
 */
import { config as loadDotenv } from "dotenv";
import path from "node:path";
import { z } from "zod";
import { parseSchedules } from "../digest/schedule.ts";
import { DEFAULT_FETCH_LIMITS, type FetchLimits } from "../library/ingest/safe-fetch.ts";

import { DEFAULT_CACHE_DIR, DEFAULT_DATA_DIR, DEFAULT_STATE_DIR, PROJECT_ROOT } from "./paths.ts";

/** How long a briefing file must be unchanged before it is read, unless BRIEFING_SETTLE_MS says otherwise. */
export const DEFAULT_SETTLE_MS = 2000;

const SNOWFLAKE = /^\d{17,20}$/;
const snowflake = z.string().regex(SNOWFLAKE, "must be a Discord id: 17 to 20 digits");
/** Discord ids separated by commas or spaces; one problem line names every value that is not an id. */
const idList = (what: string) =>
  z.string().transform((text, ctx) => {
    const ids = text.split(/[\s,]+/).filter(Boolean);
    const bad = ids.filter((id) => !SNOWFLAKE.test(id));
    if (bad.length === 0) return ids;
    const values = bad.map((id) => JSON.stringify(id)).join(", ");
    ctx.addIssue({
      code: "custom",
      message: `has ${values}, which ${bad.length > 1 ? "are not" : "is not a"} ${what} id${bad.length > 1 ? "s" : ""} (Discord ids are 17 to 20 digits; separate several with commas)`,
    });
    return z.NEVER;
  });
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    schema.optional(),
  );

/** Every environment variable the bot reads; `.env.example` documents each. */
export const envSchema = z.object({
  DISCORD_TOKEN: optional(
    z
      .string()
      .min(50, "looks too short to be a bot token")
      .regex(/^[\w.-]+$/, "has characters a bot token never has"),
  ),
  DISCORD_APP_ID: optional(snowflake),
  /**
   * The newsroom's servers (ids, comma- or space-separated): commands are registered there only, interactions and
   * mentions from anywhere else are refused, and the bot leaves any other server it is added to.
   */
  DISCORD_GUILD_IDS: optional(idList("server")),
  /** The older, single-server form of DISCORD_GUILD_IDS: still read, and means the same. */
  DISCORD_GUILD_ID: optional(snowflake),
  /** Override the Discord API base (tests point it at the emulator). */
  DISCORD_API_URL: optional(z.url()),
  DATA_DIR: optional(z.string()).transform((v) => v ?? DEFAULT_DATA_DIR),
  CACHE_DIR: optional(z.string()).transform((v) => v ?? DEFAULT_CACHE_DIR),
  /**
   * A briefing is read once its file has not changed for this long, in milliseconds (default 2000), so one being
   * written or copied is never served half-done and no digest announces it early.
   */
  BRIEFING_SETTLE_MS: optional(
    z.coerce
      .number({ error: "must be a number of milliseconds" })
      .int("must be a whole number of milliseconds")
      .min(0, "must be 0 or more")
      .max(600_000, "must be at most 600000 (10 minutes)"),
  ).transform((v) => v ?? DEFAULT_SETTLE_MS),
  /** Digest schedules: `cron|zone|channel; …` or a JSON array (see src/digest/schedule.ts). */
  DIGEST_SCHEDULES: optional(
    z.string().transform((text, ctx) => {
      const parsed = parseSchedules(text);
      if (parsed.ok) return parsed.schedules;
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }),
  ),
  /** When nothing is new: `skip` posts nothing (default), `note` posts a one-line note. */
  DIGEST_WHEN_EMPTY: optional(z.enum(["skip", "note"], "must be skip or note")),
  STATE_DIR: optional(z.string()).transform((v) => v ?? DEFAULT_STATE_DIR),
  /** Roles (ids, comma-separated) allowed to add and remove briefings in Discord, besides Manage Server. */
  BRIEFING_EDITOR_ROLES: optional(idList("role")).transform((v) => v ?? []),
  /** Seconds a fetched link (or attachment) may take, whole, before the bot gives up. */
  FETCH_TIMEOUT_SECONDS: optional(z.coerce.number().min(1).max(120)).transform((v) => v ?? 10),
  /**
   * Let links to private, loopback and link-local addresses be fetched: only for tests and closed networks (an
   * editor could otherwise make the bot read services on its own machine or network).
   */
  FETCH_ALLOW_PRIVATE: optional(z.enum(["true", "false", "1", "0", "yes", "no"], "must be true or false")).transform(
    (v) => v === "true" || v === "1" || v === "yes",
  ),
  /** Set (to anything) to keep the terminal's answers free of colour and bold (https://no-color.org). */
  NO_COLOR: optional(z.string()).transform((v) => v !== undefined),
  /** Case does not matter: INFO is info. */
  LOG_LEVEL: optional(
    z.preprocess(
      (v) => (typeof v === "string" ? v.toLowerCase() : v),
      z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]),
    ),
  ).transform((v) => v ?? "info"),
});

export type Env = z.infer<typeof envSchema>;

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

export interface ReadEnvOptions {
  /** Read `.env` (default true): its variables fill those the environment does not set. */
  dotenv?: boolean;
  /** Which `.env` (default: the project's). */
  dotenvPath?: string;
}

/**
 * Read `.env` (if present) into `source`, then validate; each bad variable is one line naming it and where it was
 * set (.env, or the environment, which `.env` never overrides), so the fix goes to the right place.
 */
export function readEnv(
  source: NodeJS.ProcessEnv = process.env,
  { dotenv = true, dotenvPath = path.join(PROJECT_ROOT, ".env") }: ReadEnvOptions = {},
): EnvResult {
  const fromFile = new Set<string>();
  if (dotenv) {
    const before = new Set(Object.keys(source).filter((k) => source[k] !== undefined));
    const loaded = loadDotenv({ path: dotenvPath, quiet: true, processEnv: source as Record<string, string> });
    for (const key of Object.keys(loaded.parsed ?? {})) if (!before.has(key)) fromFile.add(key);
  }
  const result = envSchema.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  const where = (key: string) =>
    fromFile.has(key)
      ? "set in .env: fix it there (see .env.example)"
      : "set in the environment (which .env does not override): fix it where it is set, or unset it";
  return {
    ok: false,
    problems: result.error.issues.map((i) => {
      const key = i.path.join(".");
      return `${key || "environment"} ${i.message}: ${where(key)}`;
    }),
  };
}

/**
 * The servers the bot serves (DISCORD_GUILD_IDS, plus the older DISCORD_GUILD_ID), or null when neither is set: then
 * it serves any server it is in (never direct messages).
 */
export function newsroomGuilds(env: Pick<Env, "DISCORD_GUILD_IDS" | "DISCORD_GUILD_ID">): string[] | null {
  const ids = new Set([...(env.DISCORD_GUILD_IDS ?? []), ...(env.DISCORD_GUILD_ID ? [env.DISCORD_GUILD_ID] : [])]);
  return ids.size ? [...ids] : null;
}

/** The limits on what the bot fetches for editors (links, attachments), from the settings. */
export function fetchLimits(env: Env): FetchLimits {
  return {
    ...DEFAULT_FETCH_LIMITS,
    allowPrivate: env.FETCH_ALLOW_PRIVATE ?? false,
    timeoutMs: (env.FETCH_TIMEOUT_SECONDS ?? DEFAULT_FETCH_LIMITS.timeoutMs / 1000) * 1000,
  };
}
