/**
 * A digest schedule in words for people: "weekdays at 08:00, Phnom Penh time" rather than "0 8 * * 1-5" and its
 * zone. Common shapes (a time on every day, on weekdays, on some days of the week) are said in words; any other
 * cron expression is shown as it was written.
 */

const DAY_NAMES = ["Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays"];

/** "Phnom Penh time", "UTC". */
export function zoneWords(zone: string): string {
  if (zone === "UTC" || zone === "Etc/UTC") return "UTC";
  return `${(zone.split("/").at(-1) ?? zone).replace(/_/g, " ")} time`;
}

function daysWords(field: string): string | null {
  if (field === "*" || field === "0-6" || field === "1-7") return "every day";
  if (field === "1-5" || field === "MON-FRI") return "weekdays";
  if (field === "0,6" || field === "6,0") return "weekends";
  const days = field.split(",").map((d) => (/^[0-7]$/.test(d) ? DAY_NAMES[Number(d) % 7] : null));
  if (days.some((d) => d === null)) return null;
  return days.length === 1 ? `on ${days[0]}` : `on ${days.slice(0, -1).join(", ")} and ${days.at(-1)}`;
}

/** "weekdays at 08:00, Phnom Penh time"; "30 7 1 * * (cron), UTC" for a shape not said in words. */
export function scheduleWords(cron: string, zone: string): string {
  const fields = cron.trim().split(/\s+/);
  if (fields.length === 5 && fields[2] === "*" && fields[3] === "*") {
    const [minute, hour, , , weekdays] = fields;
    const days = daysWords(weekdays.toUpperCase());
    const times = hour.split(",");
    if (days && /^\d{1,2}$/.test(minute) && times.every((h) => /^\d{1,2}$/.test(h))) {
      const at = times.map((h) => `${h.padStart(2, "0")}:${minute.padStart(2, "0")}`);
      const list = at.length === 1 ? at[0] : `${at.slice(0, -1).join(", ")} and ${at.at(-1)}`;
      return `${days[0].toUpperCase()}${days.slice(1)} at ${list}, ${zoneWords(zone)}`;
    }
  }
  return `${cron} (cron), ${zoneWords(zone)}`;
}
