import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type BotHarness } from "../support/bot-harness.ts";

/**
 * A briefing id over 100 characters (a file named after its date, outlet and headline) used to make Discord refuse
 * the whole autocomplete list (50035: "Loading options failed" for everyone). Long ids are offered under a short key
 * that every command accepts.
 */
const LONG_ID =
  "2024-06-01 Phnom Penh Daily - Ministers of two neighbouring kingdoms discuss a joint plan against border smuggling";
let h: BotHarness;

beforeAll(async () => {
  h = await startHarness({
    [`${LONG_ID}.txt`]: [
      "---",
      'title: "Ministers discuss a joint plan against border smuggling"',
      "published: 2024-06-01",
      "---",
      "The two ministers agreed on a joint plan against smuggling of fuel across the border, the ministry said.",
    ].join("\n"),
  });
});

afterAll(async () => {
  await h?.stop();
});

describe("autocomplete values Discord accepts", () => {
  it("offers a long id under a short key, and the key finds the briefing", async () => {
    expect(LONG_ID.length).toBeGreaterThan(100);
    const offered = await h.emu
      .autocomplete({ name: "search", options: { query: "x", source: "2024-06-01" }, focused: "source" })
      .response();
    const choice = offered.choices!.find((c) => c.name.includes("border smuggling"));
    expect(choice).toBeDefined();
    expect(String(choice!.value).length).toBeLessThanOrEqual(100);
    expect(choice!.value).toMatch(/^key:/);
    for (const c of offered.choices!) expect(String(c.value).length).toBeLessThanOrEqual(100);
    const answer = await h.emu
      .slashCommand({ name: "search", options: { query: "smuggling fuel", source: choice!.value } })
      .response();
    const text = JSON.stringify(answer.message?.embeds).replaceAll("**", "");
    expect(text).toContain("joint plan against smuggling of fuel");
    expect(text).not.toContain("There is no briefing");
  });
});
