import { tz } from "@date-fns/tz";
import { format } from "date-fns/format";

/** "Mon 10 Jun 2024, 08:00 (Asia/Phnom_Penh)". */
export function formatTime(ms: number, zone: string): string {
  return `${format(new Date(ms), "EEE d MMM yyyy, HH:mm", { in: tz(zone) })} (${zone})`;
}
