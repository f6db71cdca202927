import { describe, expect, it } from "vitest";
import { commandDefinitions } from "../../src/discord/definitions.ts";
import { TERMINAL_SYNTAX } from "../support/discord-text.ts";

/**
 * What Discord shows of the definitions (command, option and subcommand descriptions, choice names) is plain text:
 * Discord renders no markdown there, so a backtick or an escape shows as itself, and the terminal's `--option`
 * syntax means nothing to someone typing a slash command.
 */

interface Shown {
  where: string;
  text: string;
}

/** Every text Discord shows of a definition, with where it is. */
function shownTexts(node: unknown, where: string): Shown[] {
  if (!node || typeof node !== "object") return [];
  const o = node as Record<string, unknown>;
  const own = ["description", "name"]
    .filter((k) => typeof o[k] === "string")
    .map((k) => ({ where: `${where}.${k}`, text: o[k] as string }));
  const options = Array.isArray(o.options) ? o.options : [];
  const choices = Array.isArray(o.choices) ? o.choices : [];
  return [
    ...own,
    ...options.flatMap((x, i) => shownTexts(x, `${where}.options[${i}]`)),
    ...choices.flatMap((x, i) => shownTexts(x, `${where}.choices[${i}]`)),
  ];
}

describe("slash command definitions read as Discord", () => {
  const definitions = commandDefinitions();
  const texts = definitions.flatMap((d) => shownTexts(d, d.name));

  it("reads every description, option and choice", () => {
    expect(definitions.length).toBeGreaterThan(8);
    expect(texts.filter((t) => t.where.includes(".choices[")).length).toBeGreaterThan(0);
    expect(texts.filter((t) => t.where.includes(".options[")).length).toBeGreaterThan(30);
  });

  it.each(["`", "\\", "--"])("no %s in any text Discord shows", (mark) => {
    const bad = texts.filter((t) => t.text.includes(mark) || TERMINAL_SYNTAX.test(t.text));
    expect(bad).toEqual([]);
  });

  it("every description within Discord's 1–100 characters", () => {
    const bad = texts.filter((t) => t.where.endsWith(".description") && (t.text.length < 1 || t.text.length > 100));
    expect(bad).toEqual([]);
  });
});
