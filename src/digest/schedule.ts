import { Cron } from "croner";

/**
 * A digest schedule: when (a cron expression read in an IANA time zone) and where (a Discord
 * channel). Written in `DIGEST_SCHEDULES` either compactly, `cron|zone|channel` separated by
 * `;` (the zone may be left out: `cron|channel`), or as a JSON array of
 * `{"cron", "zone"?, "channel"}` objects. Cron expressions have 5 fields (minute precision) or
 * 6 (with seconds first); croner reads them.
 */
export interface Schedule {
  cron: string;
  zone: string;
  channel: string;
  /** Identity of the schedule in the persisted state: changing its time or zone makes a new one. */
  key: string;
}

export const DEFAULT_ZONE = "Asia/Phnom_Penh";
const SNOWFLAKE = /^\d{17,20}$/;

export type ParsedSchedules = { ok: true; schedules: Schedule[] } | { ok: false; message: string };

/** Whether `zone` is an IANA time-zone name the runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone.includes("/") || zone === "UTC";
  } catch {
    return false;
  }
}

/** The croner job that computes a schedule's run times (never started: the scheduler owns timing). */
export function cronOf(schedule: Pick<Schedule, "cron" | "zone">): Cron {
  return new Cron(schedule.cron, { timezone: schedule.zone, paused: true });
}

/** The first run strictly after `after` (ms since epoch), or null when the expression never fires again. */
export function nextRunAfter(schedule: Pick<Schedule, "cron" | "zone">, after: number): number | null {
  return cronOf(schedule).nextRun(new Date(after))?.getTime() ?? null;
}

/** Check one schedule's parts; a message naming the bad part, or the schedule. */
export function makeSchedule(cronText: string, zoneText: string | undefined, channelText: string): Schedule | string {
  const cron = cronText.trim().replace(/\s+/g, " ");
  const zone = zoneText?.trim() || DEFAULT_ZONE;
  const channel = channelText.trim();
  if (!cron) return "has no cron expression";
  if (!isTimeZone(zone)) return `"${zone}" is not an IANA time zone (e.g. ${DEFAULT_ZONE}, Europe/London, UTC)`;
  if (!SNOWFLAKE.test(channel))
    return `"${channel}" is not a Discord channel id (17 to 20 digits; right-click the channel → Copy Channel ID)`;
  let next: Date | null;
  try {
    next = cronOf({ cron, zone }).nextRun();
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).replace(/^CronPattern:\s*/, "");
    return `"${cron}" is not a cron expression (${why}); e.g. "0 8 * * 1-5" for 08:00 on weekdays`;
  }
  if (!next) return `"${cron}" never runs: check the day and month fields`;
  return { cron, zone, channel, key: `${cron}|${zone}|${channel}` };
}

/** Read `DIGEST_SCHEDULES`: the schedules, or one line saying which one is wrong and why. */
export function parseSchedules(text: string): ParsedSchedules {
  const source = text.trim();
  if (source === "") return { ok: true, schedules: [] };
  const entries: Array<{ label: string; cron: string; zone: string | undefined; channel: string }> = [];
  if (source.startsWith("[")) {
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch (err) {
      return {
        ok: false,
        message: `is not valid JSON (${(err as Error).message}); or use the form "cron|zone|channel; …"`,
      };
    }
    if (!Array.isArray(data)) return { ok: false, message: "must be a JSON array of {cron, zone, channel}" };
    for (const [i, item] of data.entries()) {
      const o = (item ?? {}) as Record<string, unknown>;
      if (
        typeof o.cron !== "string" ||
        typeof o.channel !== "string" ||
        (o.zone !== undefined && typeof o.zone !== "string")
      ) {
        return {
          ok: false,
          message: `schedule ${i + 1} must be {"cron": "0 8 * * 1-5", "zone": "${DEFAULT_ZONE}", "channel": "<channel id>"}`,
        };
      }
      entries.push({
        label: `schedule ${i + 1}`,
        cron: o.cron,
        zone: o.zone as string | undefined,
        channel: o.channel,
      });
    }
  } else {
    const parts = source
      .split(/[;\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    for (const [i, part] of parts.entries()) {
      const fields = part.split("|");
      const label = `schedule ${i + 1} ("${part}")`;
      if (fields.length === 2) entries.push({ label, cron: fields[0], zone: undefined, channel: fields[1] });
      else if (fields.length === 3) entries.push({ label, cron: fields[0], zone: fields[1], channel: fields[2] });
      else
        return { ok: false, message: `${label} must be "cron|zone|channel" (or "cron|channel" for ${DEFAULT_ZONE})` };
    }
  }
  const schedules: Schedule[] = [];
  for (const e of entries) {
    const made = makeSchedule(e.cron, e.zone, e.channel);
    if (typeof made === "string") return { ok: false, message: `${e.label}: ${made}` };
    if (!schedules.some((s) => s.key === made.key)) schedules.push(made);
  }
  return { ok: true, schedules };
}
