import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type BotHarness } from "../support/bot-harness.ts";
import { messageText, unescape } from "../support/discord-text.ts";

/**
 * A briefing id over 100 characters (a file named after its date, outlet and headline) used to make Discord refuse
 * the whole autocomplete list (50035: "Loading options failed" for everyone). Long ids are offered under a short key
 * that every command accepts.
 */
const LONG_ID =
  "2024-06-01 Phnom Penh Daily - Ministers of two neighbouring kingdoms discuss a joint plan against border smuggling";
/**
 * A person whose name runs over 100 characters (five double-barrelled name words and a particle): the choice's name
 * shown is clipped with "…", and the clipped name used to be sent as the value, which then found no one.
 */
const LONG_NAME =
  "Maria-Fernanda Santos-Villalobos de la Fuente-Bustamante Echeverria-Altamirano Castellanos-Ocampo-Iturbide";
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
    "envoy-long-name.txt": [
      "---",
      'title: "Trade envoy received at the ministry"',
      "published: 2024-06-12",
      "---",
      `Foreign Minister Lena Marrow met Ambassador ${LONG_NAME} on Wednesday to discuss trade.`,
      "",
      `Ambassador ${LONG_NAME} said the talks went well.`,
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

describe("person choices that round-trip", () => {
  const offered = async (command: string, option: string) =>
    (await h.emu.autocomplete({ name: command, options: { [option]: "Maria-Fern" }, focused: option }).response())
      .choices!;

  it("offers a name over 100 characters clipped for display, under a short key that finds the person", async () => {
    expect(LONG_NAME.length).toBeGreaterThan(100);
    for (const [command, option] of [
      ["meetings", "who"],
      ["person", "name"],
    ]) {
      const choices = await offered(command, option);
      const choice = choices.find((c) => c.name.startsWith("Maria-Fernanda Santos-Villalobos"));
      expect(choice, `${command} ${option}`).toBeDefined();
      expect(choice!.name.length).toBeLessThanOrEqual(100);
      expect(choice!.name.endsWith("…")).toBe(true);
      for (const c of choices) {
        expect(String(c.value).length).toBeLessThanOrEqual(100);
        // A name clipped for display is never the value: the value stands for the whole name.
        expect(String(c.value).endsWith("…")).toBe(false);
      }
      expect(choice!.value).not.toBe(choice!.name);
    }
    const [choice] = (await offered("meetings", "who")).filter((c) => c.name.startsWith("Maria-Fernanda"));

    const meetings = await h.emu.slashCommand({ name: "meetings", options: { who: choice.value } }).response();
    const meetingsText = unescape(messageText(meetings.message!));
    expect(meetingsText).toContain(`Lena Marrow met Ambassador ${LONG_NAME} on Wednesday`);
    expect(meetingsText).not.toContain("No meetings");

    const person = await h.emu.slashCommand({ name: "person", options: { name: choice.value } }).response();
    const personText = unescape(messageText(person.message!));
    expect(personText.split("\n")[0]).toBe(LONG_NAME);
    expect(personText).toContain("Roles: Ambassador");
    expect(personText).not.toContain("No one named");
  });
});
