import { setImmediate as nextTurn } from "node:timers/promises";
import { loadReader } from "./build/reader.ts";

/** An invented briefing with what the extractor looks for: people, a meeting, a pledge, dates. */
export const WARM_UP_BRIEFING = Buffer.from(
  [
    "---",
    'title: "Warm-up: minister meets envoy"',
    "outlet: Warm-up Desk",
    "published: 2025-01-15",
    "---",
    "Minister of Planning Chea Dara met with Laotian Ambassador Somphone Vilay in Phnom Penh on January 14, 2025, " +
      "to discuss river transport.",
    "",
    'The minister pledged to open two new ports by next year. "We will finish the work," he said on Tuesday.',
    "",
  ].join("\n"),
);

/**
 * Load the parser and the extractor and run them on an invented briefing, a few times, a turn apart: their first runs
 * compile their code (about 0.1 s of the event loop over the first two), which a new briefing would otherwise pay
 * while the bot serves. The folder watcher does this when it starts.
 */
export async function warmReader(runs = 3): Promise<void> {
  await loadReader();
  const [{ parseBriefing }, { extractEvents }] = await Promise.all([
    import("../briefings/load.ts"),
    import("../extraction/extract.ts"),
  ]);
  for (let i = 0; i < runs; i++) {
    await nextTurn();
    const parsed = parseBriefing("warm-up.md", WARM_UP_BRIEFING);
    if (parsed.ok) extractEvents(parsed.briefing);
  }
}
