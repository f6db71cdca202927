import pino, { type Logger } from "pino";

/**
 * Structured logs: one JSON object a line. The bot token is redacted wherever it appears,
 * by key and by value, so it never reaches a log.
 */
const SECRET_KEYS = [
  "token",
  "DISCORD_TOKEN",
  "authorization",
  "*.token",
  "*.DISCORD_TOKEN",
  "*.authorization",
  "headers.authorization",
];

export function createLogger(
  level: string = "info",
  secrets: Array<string | undefined> = [],
  destination?: pino.DestinationStream,
): Logger {
  const hidden = secrets.filter((s): s is string => typeof s === "string" && s.length >= 8);
  const scrub = (text: string) => hidden.reduce((t, s) => t.split(s).join("[REDACTED]"), text);
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: SECRET_KEYS, censor: "[REDACTED]" },
      hooks: {
        // Any secret that slipped into a message or an error's text is blanked too.
        streamWrite: (line) => (hidden.length ? scrub(line) : line),
      },
    },
    destination ?? pino.destination(2),
  );
}
