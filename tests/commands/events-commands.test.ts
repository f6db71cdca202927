import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { meetings } from "../../commands/meetings.ts";
import { people } from "../../commands/people.ts";
import { person } from "../../commands/person.ts";
import { pledges } from "../../commands/pledges.ts";
import { commandContext } from "../../commands/index.ts";
import { UserError } from "../../src/library/user-error.ts";
import { parseOptions } from "../../src/kit/options.ts";
import type { Command } from "../../src/kit/command.ts";
import { Library } from "../../src/library/library.ts";

let library: Library;
beforeAll(async () => {
  library = await Library.open({
    dataDir: fileURLToPath(new URL("../fixtures/unseen-briefings", import.meta.url)),
    cacheDir: null,
  });
});
const run = (c: Command, raw: Record<string, unknown> = {}) =>
  c.run(library, parseOptions(c, raw), commandContext(null));

describe("meetings, pledges, people and person commands", () => {
  it("lists meetings newest first, undated last, with 'year not stated' for a year-less date", () => {
    const a = run(meetings, { limit: 25 });
    const dates = (a.json as { meetings: Array<{ date: string | null }> }).meetings.map((m) => m.date);
    const dated = dates.filter((d): d is string => d !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(dates[dates.length - 1]).toBeNull();
    const undated = a.items.find((i) => i.kind === "event" && /^[^·]*\(year not stated\) · /.test(i.heading));
    expect(undated).toBeDefined();
  });
  it("filters meetings by who and with, by surname, case- and accent-insensitively", () => {
    const a = run(meetings, { who: "wulandari", with: "MORROW" });
    const json = a.json as { meetings: Array<{ participants: string[]; date: string }> };
    expect(json.meetings).toHaveLength(1);
    expect(json.meetings[0]).toMatchObject({ participants: ["Ratna Wulandari", "Anika Morrow"], date: "2023-11-06" });
  });
  it("filters pledges by kind and actor, and keeps the agreed JSON fields", () => {
    const a = run(pledges, { who: "Ssempa", kind: "request" });
    const json = a.json as { pledges: Array<Record<string, unknown>> };
    expect(json.pledges).toHaveLength(1);
    expect(Object.keys(json.pledges[0]).slice(0, 7)).toEqual([
      "source",
      "paragraph",
      "date",
      "actor",
      "kind",
      "commitment",
      "quote",
    ]);
    expect(json.pledges[0].commitment).toMatch(/^donors to fund the resettlement/);
  });
  it("says when a name matches nothing, with a suggestion", () => {
    const a = run(meetings, { who: "Wulandary" });
    expect(a.items).toHaveLength(0);
    expect(a.note).toMatch(/No meetings with Wulandary.*Did you mean: "Ratna Wulandari"/);
  });
  it("lists people with their mentions, and shows one person's meetings and pledges", () => {
    const list = run(people, { limit: 25 });
    expect((list.json as { people: Array<{ name: string }> }).people.map((p) => p.name)).toContain(
      "Karen J. Whitfield",
    );
    const one = run(person, { name: "whitfield" });
    const json = one.json as { person: { roles: string[] }; meetings: unknown[]; pledges: unknown[] };
    expect(json.person.roles).toContain("U.S. Deputy Secretary of State");
    expect(json.meetings).toHaveLength(2);
    expect(json.pledges.length).toBeGreaterThanOrEqual(2);
    expect(() => run(person, { name: "Nobody Atall" })).toThrow(UserError);
  });
});
