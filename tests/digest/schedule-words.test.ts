import { describe, expect, it } from "vitest";
import { scheduleWords, zoneWords } from "../../src/digest/schedule-words.ts";

describe("digest schedules in words", () => {
  it.each([
    ["0 8 * * 1-5", "Asia/Phnom_Penh", "Weekdays at 08:00, Phnom Penh time"],
    ["30 7 * * *", "UTC", "Every day at 07:30, UTC"],
    ["0 8,17 * * 1", "Europe/London", "On Mondays at 08:00 and 17:00, London time"],
    ["0 9 * * 2,4", "America/New_York", "On Tuesdays and Thursdays at 09:00, New York time"],
    ["0 9 * * 0,6", "UTC", "Weekends at 09:00, UTC"],
    ["*/15 * * * *", "UTC", "*/15 * * * * (cron), UTC"],
    ["0 8 1 * *", "UTC", "0 8 1 * * (cron), UTC"],
  ])("%s in %s → %s", (cron, zone, words) => {
    expect(scheduleWords(cron, zone)).toBe(words);
  });

  it("names a zone by its city", () => {
    expect(zoneWords("Asia/Ho_Chi_Minh")).toBe("Ho Chi Minh time");
  });
});
