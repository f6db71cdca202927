import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBriefings } from "../src/briefings/load.ts";
import { scoreEvents, type GoldSet } from "../src/events/evaluate.ts";
import { extractEvents } from "../src/events/extract.ts";
import { toMeetingJSON, toPledgeJSON } from "../src/events/json.ts";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

async function score(dir: string, goldFile: string, set: string) {
  const { briefings, problems } = await loadBriefings(dir);
  expect(problems).toEqual([]);
  const events = briefings.map(extractEvents);
  const gold = (JSON.parse(readFileSync(goldFile, "utf8")) as Record<string, GoldSet>)[set];
  return scoreEvents(
    events.flatMap((e) => e.meetings.map(toMeetingJSON)),
    events.flatMap((e) => e.pledges.map(toPledgeJSON)),
    gold,
  );
}

describe("extraction gates on the five sample briefings (seed gold, shared scoring rule)", () => {
  let result: Awaited<ReturnType<typeof score>>;
  beforeAll(async () => {
    result = await score(here("../data/briefings"), here("../../shared/eval/seed-events.json"), "seeds");
  });
  for (const kind of ["meetings", "pledges"] as const) {
    it(`${kind}: recall 1.0, precision ≥ 0.9, who ≥ 0.9, nothing forbidden`, () => {
      const s = result[kind];
      expect(s.missed, "missed").toEqual([]);
      expect(s.recall).toBe(1);
      expect(s.precision ?? 0, `spurious: ${s.spurious.join(" / ")}`).toBeGreaterThanOrEqual(0.9);
      expect(s.who ?? 0).toBeGreaterThanOrEqual(0.9);
      expect(s.forbidden).toBe(0);
    });
  }
  it("dates every seed meeting correctly", () => {
    expect(result.meetings.date).toBe(1);
  });
});

describe("extraction on unseen-style briefings (invented people and countries, gold written first)", () => {
  let result: Awaited<ReturnType<typeof score>>;
  beforeAll(async () => {
    result = await score(here("fixtures/unseen-briefings"), here("fixtures/unseen-events.json"), "unseen");
  });
  for (const kind of ["meetings", "pledges"] as const) {
    it(`${kind}: recall and precision ≥ 0.85, dates ≥ 0.9, nothing forbidden`, () => {
      const s = result[kind];
      expect(s.recall ?? 0, `missed: ${s.missed.join(" / ")}`).toBeGreaterThanOrEqual(0.85);
      expect(s.precision ?? 0, `spurious: ${s.spurious.join(" / ")}`).toBeGreaterThanOrEqual(0.85);
      expect(s.date ?? 0, s.missed.join(" / ")).toBeGreaterThanOrEqual(0.9);
      expect(s.who ?? 0, s.missed.join(" / ")).toBeGreaterThanOrEqual(0.85);
      expect(s.forbidden).toBe(0);
    });
  }
});

describe("extraction on the blind held-out briefings (written without sight of the code)", () => {
  let result: Awaited<ReturnType<typeof score>>;
  beforeAll(async () => {
    result = await score(here("fixtures/heldout-events/briefings"), here("fixtures/heldout-events/gold.json"), "heldout");
  });
  for (const kind of ["meetings", "pledges"] as const) {
    it(`${kind}: recall and precision ≥ 0.85, dates ≥ 0.9, nothing forbidden`, () => {
      const s = result[kind];
      expect(s.recall ?? 0, `missed: ${s.missed.join(" / ")}`).toBeGreaterThanOrEqual(0.85);
      expect(s.precision ?? 0, `spurious: ${s.spurious.join(" / ")}`).toBeGreaterThanOrEqual(0.85);
      expect(s.date ?? 0, s.missed.join(" / ")).toBeGreaterThanOrEqual(0.9);
      expect(s.who ?? 0, s.missed.join(" / ")).toBeGreaterThanOrEqual(0.85);
      expect(s.forbidden).toBe(0);
    });
  }
});
