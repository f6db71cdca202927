import type { Answer, LineItem } from "../src/kit/answer.ts";
import type { Command } from "../src/kit/command.ts";
import { formatProblem } from "../src/briefings/folder.ts";
import type { Briefing } from "../src/briefings/briefing.ts";
import { describeRemovals } from "../src/briefings/removal.ts";
import { humanDate } from "../src/kit/human-date.ts";
import { plural } from "../src/kit/plural.ts";

/** How many briefings' cleaning reports are listed as lines; the JSON has all of them. */
const CLEANING_LINES = 20;

/** What cleaning removed, per briefing that lost any furniture, and in all by kind. */
function cleaningReport(briefings: readonly Briefing[]) {
  const perBriefing: Array<{ source: string; removed: string }> = [];
  /** Each briefing by its headline, as a person knows it. */
  const named: string[] = [];
  const byKind: Record<string, number> = {};
  for (const b of briefings) {
    const summary = describeRemovals(b.removed);
    if (summary === null) continue;
    perBriefing.push({ source: b.id, removed: summary });
    named.push(`${b.meta.title ?? b.id}: ${summary}`);
    for (const r of b.removed ?? []) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
  }
  const kinds = Object.entries(byKind)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([kind, n]) => `${n} ${kind}`);
  const lines = perBriefing.length
    ? [
        `Site furniture removed from ${perBriefing.length} briefing${perBriefing.length === 1 ? "" : "s"} (${kinds.join(", ")}); ¶ numbers count the kept paragraphs`,
        ...named.slice(0, CLEANING_LINES),
        ...(perBriefing.length > CLEANING_LINES
          ? [`… and ${perBriefing.length - CLEANING_LINES} more: each briefing's source answer says what was removed`]
          : []),
      ]
    : ["No site furniture removed from any briefing"];
  return { json: { briefings: perBriefing.length, byKind, perBriefing }, lines };
}

/** "1 Dec 2026, 18:36 UTC" for an ISO moment. */
function builtAt(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${humanDate(m[1])}, ${m[2]} UTC` : iso;
}

/** /about: what is indexed — counts, date range, when it was built, files skipped, furniture removed. */
export const about: Command = {
  name: "about",
  description: "What the bot has indexed: counts, date range, when built",
  options: [],
  run(library): Answer {
    const dates = library.briefings
      .map((b) => b.meta.published)
      .filter((d): d is string => d !== null)
      .sort();
    const cleaning = cleaningReport(library.briefings);
    const facts = {
      briefings: library.briefings.length,
      paragraphs: library.paragraphCount,
      meetings: library.meetings.length,
      pledges: library.pledges.length,
      earliest: dates[0] ?? null,
      latest: dates[dates.length - 1] ?? null,
      builtAt: library.build.builtAt,
      fromCache: library.build.fromCache,
      skipped: library.problems.filter((p) => !p.loaded).map((p) => ({ file: p.file, problem: p.message })),
      loadedWithout: library.problems.filter((p) => p.loaded).map((p) => ({ file: p.file, problem: p.message })),
      cleaning: cleaning.json,
    };
    const built = builtAt(facts.builtAt);
    const line = (text: string): LineItem => ({ kind: "line", text });
    const items: LineItem[] = [
      line(`${plural(facts.briefings, "briefing")}, ${plural(facts.paragraphs, "paragraph")} indexed`),
      line(
        `${plural(facts.meetings, "meeting")} and ${plural(facts.pledges, "pledge, agreement or request", "pledges, agreements or requests")} found`,
      ),
      line(`Published ${humanDate(facts.earliest, "?")} to ${humanDate(facts.latest, "?")}`),
      {
        ...line(`Index built ${built}${facts.fromCache ? ", loaded from cache" : ""}`),
        moment: { at: facts.builtAt, text: built },
      },
      ...library.problems.map(formatProblem).map(line),
      ...cleaning.lines.map(line),
    ];
    return { command: "about", title: "About the briefings", items, json: facts };
  },
};
