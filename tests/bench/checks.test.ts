import { describe, expect, it } from "vitest";
import { checksFor } from "../../bench/checks.ts";
import type { SizeResult } from "../../bench/result.ts";

const size = (paragraphs: number, extra: Partial<SizeResult>) =>
  ({ paragraphs, errors: [], ratio: null, ...extra }) as unknown as Omit<SizeResult, "checks">;
const named = (checks: ReturnType<typeof checksFor>, prefix: string) => checks.find((c) => c.name.startsWith(prefix));

describe("issue #16's targets", () => {
  it("hold a 1M-paragraph size to event-loop delay while a briefing is added", () => {
    const loop = (p99: number, max: number) => ({ p50: 0, p99, max, mean: 0, samples: 9, resolutionMs: 10 });
    const calm = checksFor(size(1_000_000, { loopDelay: { fresh: loop(12, 80), queries: null } }));
    expect(named(calm, "#16 event-loop delay p99")).toMatchObject({ pass: true, value: 12 });
    expect(named(calm, "#16 event-loop delay max")).toMatchObject({ pass: true, value: 80 });
    const stalled = checksFor(size(1_000_000, { loopDelay: { fresh: loop(640, 650), queries: null } }));
    expect(named(stalled, "#16 event-loop delay p99")?.pass).toBe(false);
    expect(named(checksFor(size(1_000_000, {})), "#16 event-loop delay max")?.pass).toBe(false);
  });

  it("compare the bot with FlexSearch and with plain MiniSearch's hit@1 from 50k paragraphs, not below", () => {
    const r = size(100_000, {
      ratioFlex: { buildS: 3, heapMB: 1, search: { p50: 1, p95: 1, p99: 0.8 }, fuzzy: null!, filtered: null! },
      relevance: { n: 300, hitAt1: 0.8, hitAt5: 0.9, mrr: 0.85 },
      baseline: { relevance: { n: 300, hitAt1: 0.85, hitAt5: 0.9, mrr: 0.87 } } as SizeResult["baseline"],
    });
    expect(named(checksFor(r), "#16 search p99 ≤ FlexSearch's")).toMatchObject({ pass: true, value: 0.8 });
    expect(named(checksFor(r), "#16 hit@1")?.pass).toBe(false);
    expect(checksFor({ ...r, paragraphs: 10_000 }).some((c) => c.name.startsWith("#16"))).toBe(false);
  });
});
