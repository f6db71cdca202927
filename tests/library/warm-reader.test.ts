import { describe, expect, it } from "vitest";
import { WARM_UP_BRIEFING, warmReader } from "../../src/library/warm-reader.ts";
import { parseBriefing } from "../../src/briefings/load.ts";
import { extractEvents } from "../../src/extraction/extract.ts";

/**
 * The watcher warms the parser and extractor on an invented briefing when it starts. That briefing must still hold
 * what it is there to exercise: if extraction stopped finding its meeting and pledge, the warm-up would no longer run
 * the code a real briefing runs.
 */
describe("warming the reader", () => {
  it("runs the extractor over a meeting and a pledge, a turn apart", async () => {
    let turns = 0;
    let on = true;
    const tick = () => {
      turns++;
      if (on) setImmediate(tick);
    };
    setImmediate(tick);
    await warmReader(3);
    on = false;
    expect(turns).toBeGreaterThanOrEqual(3);
  });

  it("its invented briefing has a meeting and a pledge for the extractor to find", () => {
    const parsed = parseBriefing("warm-up.md", WARM_UP_BRIEFING);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const events = extractEvents(parsed.briefing);
    expect(events.meetings.length).toBeGreaterThan(0);
    expect(events.pledges.length).toBeGreaterThan(0);
  });
});
