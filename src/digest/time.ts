import { tz } from "@date-fns/tz";
import { format } from "date-fns/format";
import type { Moment } from "../kit/answer.ts";
import { NBSP } from "../kit/human-date.ts";
import { zoneWords } from "./schedule-words.ts";

/** "Mon 10 Jun 2024, 08:00 Phnom Penh time": a moment in a zone, the date's parts joined so a phone never splits it. */
export function formatTime(ms: number, zone: string): string {
  const day = format(new Date(ms), "EEE d MMM yyyy", { in: tz(zone) }).replace(/ /g, NBSP);
  return `${day}, ${format(new Date(ms), "HH:mm", { in: tz(zone) })} ${zoneWords(zone)}`;
}

/** What a channel's next digest is measured from, in words ("since the last digest, Mon 10 Jun 2024, 08:00 UTC"). */
export function sinceWords(
  channel: { lastDigestAt: string | null; baselineAt: string },
  zone: string,
): { since: string; moment: Moment } {
  const at = channel.lastDigestAt ?? channel.baselineAt;
  const text = formatTime(Date.parse(at), zone);
  return {
    since: `${channel.lastDigestAt ? "since the last digest" : "since the digest was set up"}, ${text}`,
    moment: { at, text },
  };
}
