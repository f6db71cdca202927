/**
 * src/runtime: the process's setup: the settings read from the environment through one zod schema (defaults
 * resolved here), the project's paths, structured logging that never shows the token. Entry points read the settings
 * once and pass values down. May import src/digest (schedule parsing) and below.
 */
import { config as loadDotenv } from "dotenv";
import path from "node:path";
import { z } from "zod";
import { parseSchedules } from "../digest/schedule.ts";

import { DEFAULT_CACHE_DIR, DEFAULT_DATA_DIR, DEFAULT_STATE_DIR, PROJECT_ROOT } from "./paths.ts";

const snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id: 17 to 20 digits");
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
  DISCORD_GUILD_ID: optional(snowflake),
  /** Override the Discord API base (tests point it at the emulator). */
  DISCORD_API_URL: optional(z.url()),
  DATA_DIR: optional(z.string()).transform((v) => v ?? DEFAULT_DATA_DIR),
  CACHE_DIR: optional(z.string()).transform((v) => v ?? DEFAULT_CACHE_DIR),
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
  /** Set (to anything) to keep the terminal's answers free of colour and bold (https://no-color.org). */
  NO_COLOR: optional(z.string()).transform((v) => v !== undefined),
  LOG_LEVEL: optional(z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"])).transform(
    (v) => v ?? "info",
  ),
});

export type Env = z.infer<typeof envSchema>;

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

/** Read `.env` (if present) then validate; each bad variable is one line naming it. */
export function readEnv(source: NodeJS.ProcessEnv = process.env, { dotenv = true } = {}): EnvResult {
  if (dotenv) loadDotenv({ path: path.join(PROJECT_ROOT, ".env"), quiet: true });
  const result = envSchema.safeParse(source);
  if (result.success) return { ok: true, env: result.data };
  return {
    ok: false,
    problems: result.error.issues.map(
      (i) => `${i.path.join(".") || "environment"} ${i.message}: fix it in .env (see .env.example)`,
    ),
  };
}
