import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { ask } from "../../commands/ask.ts";
import { commandContext } from "../../commands/index.ts";
import { parseOptions } from "../../src/kit/options.ts";
import { Library } from "../../src/library/library.ts";

let library: Library;
beforeAll(async () => {
  library = await Library.open({
    dataDir: fileURLToPath(new URL("../fixtures/questions", import.meta.url)),
    cacheDir: null,
  });
});

interface AskJSON {
  route: string;
  question: string;
  filters: Record<string, string>;
  total: number;
  meetings?: Array<{ participants: string[]; date: string | null; source: string }>;
  pledges?: Array<{ actor: string; kind: string; quote: string; source: string }>;
  results?: Array<{ text: string; source: string; citation: { published: string | null } }>;
  fallback?: string;
  person?: { name: string };
  note?: string;
}
const run = (question: string) => {
  const answer = ask.run(library, parseOptions(ask, { question }), commandContext(null));
  return { answer, json: answer.json as AskJSON };
};

describe("ask: questions routed to the right answer", () => {
  it("keeps the JSON contract: route, question, filters, then the routed answer", () => {
    const { json } = run("who met Pablo Ortega?");
    expect(Object.keys(json).slice(0, 3)).toEqual(["route", "question", "filters"]);
    expect(json).toMatchObject({
      route: "meetings",
      question: "who met Pablo Ortega?",
      filters: { who: "Pablo Ortega" },
    });
    expect(json.meetings?.[0].participants).toContain("Ingrid Solberg");
  });

  it("'who is X' shows the person", () => {
    const { json } = run("who is Ingrid Solberg?");
    expect(json.route).toBe("person");
    expect(json.person?.name).toBe("Ingrid Solberg");
    // Few events: the passages naming her follow.
    expect(json.results?.some((r) => r.text.includes("Solberg"))).toBe(true);
  });

  it("a capital standing for its country is the country", () => {
    const { json } = run("what did Oslo promise?");
    expect(json.filters).toMatchObject({ who: "Norway" });
  });

  it("'who is X' for someone the briefings do not list falls back to passages and says so", () => {
    const { json, answer } = run("who is Valparaiso");
    expect(json.route).toBe("person");
    expect(json.fallback).toBe("search");
    expect(json.results?.length).toBeGreaterThan(0);
    expect(answer.note).toMatch(/No one named "Valparaiso".*passages/);
  });

  it("a month without a year filters by month and is never taken for a person", () => {
    const { json } = run("who did Fuentes meet in May?");
    expect(json.filters).toEqual({ who: "Fuentes", month: "5" });
    expect(json.meetings?.map((m) => m.participants)).toEqual([["Maria Fuentes", "Lars Berg"]]);
  });

  it("'in <Place>' is a place, not the other party", () => {
    const { json } = run("who did Solberg meet in Valparaiso?");
    expect(json.filters).toEqual({ who: "Solberg", place: "Valparaiso" });
    expect(json.meetings?.[0].participants).toEqual(["Ingrid Solberg", "Pablo Ortega"]);
  });

  it("'did A agree anything with B' finds the agreement their ministers signed", () => {
    const { json } = run("did Norway agree anything with Chile?");
    expect(json.route).toBe("pledges");
    expect(json.pledges?.[0]).toMatchObject({ kind: "agreement", actor: "Ingrid Solberg and Pablo Ortega" });
  });

  it("'what did X promise?' with no pledge by X shows what names X, not a dead end", () => {
    const { json, answer } = run("what did Norway promise?");
    expect(json.route).toBe("pledges");
    expect(json.pledges?.some((p) => /asked Norway/.test(p.quote))).toBe(true);
    expect(answer.note).toMatch(/No pledges match exactly/);
  });

  it("'what happened in 2023?' lists that year's events only", () => {
    const { json } = run("what happened in 2023?");
    expect(json.route).toBe("events");
    expect(json.filters).toEqual({ from: "2023-01-01", to: "2023-12-31" });
    const all = [...(json.meetings ?? []), ...(json.pledges ?? [])];
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((e) => e.source === "q01_norway_chile_fisheries")).toBe(true);
  });

  it("'what happened in <year>?' with nothing that year says so", () => {
    const { json, answer } = run("what happened in 1999?");
    expect(json).toMatchObject({ route: "events", total: 0, meetings: [], pledges: [] });
    // A whole year in words, in a header that reads as a title, not as "Events: from …, to …".
    expect(answer.note).toBe("No meetings or pledges found (in 1999).");
    expect(answer.title).toBe("Events in 1999");
    expect(json.note).toBe(answer.note);
  });

  it("a question's period reads as words after the count: 'found in 2023', never 'found for from …'", () => {
    const { answer } = run("what happened in 2023?");
    expect(answer.summary).toMatch(/ found in 2023$/);
    expect(answer.summary).not.toMatch(/for (from|in|to) /);
  });

  it("'latest on …' puts the newest relevant passages first", () => {
    const { json, answer } = run("latest on port smuggling");
    expect(json.route).toBe("search");
    const dates = (json.results ?? []).map((r) => r.citation.published ?? "");
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(answer.summary).toMatch(/Searched for: port smuggling, newest first/);
  });

  it("a routed question that finds nothing falls back to passages and says so", () => {
    const { json, answer } = run("who did Solberg meet in December?");
    expect(json.route).toBe("meetings");
    expect(json.meetings).toEqual([]);
    expect(json.fallback).toBe("search");
    expect(json.results?.some((r) => r.text.includes("Solberg"))).toBe(true);
    expect(answer.note).toMatch(/No meetings found .*showing passages|No meetings found/);
  });

  it("a short answer is followed by the passages that name the same", () => {
    const { json, answer } = run("who did Fuentes meet in May?");
    expect(answer.items[0].kind).toBe("event");
    expect(answer.items.slice(1).some((i) => i.kind === "passage" && i.text.includes("Fuentes"))).toBe(true);
    expect(json.results?.length).toBeGreaterThan(0);
    expect(answer.note).toContain("Passages that name them follow.");
  });

  it("a chatty request searches only its subject and says what it searched for", () => {
    const { json, answer } = run("Anything new on port smuggling? Need it for the 5pm piece");
    expect(json.route).toBe("search");
    expect(json.filters.query).toBe("port smuggling");
    expect(answer.summary).toContain("Searched for: port smuggling");
    const marked = answer.items.flatMap((i) =>
      i.kind === "passage" ? i.marks.map(([a, b]) => i.text.slice(a, b).toLowerCase()) : [],
    );
    expect(marked.length).toBeGreaterThan(0);
    expect(marked).not.toContain("need");
    expect(marked).not.toContain("new");
  });
});

describe("meetings and pledges: month, place and with filters", () => {
  it("meetings --month and --place", async () => {
    const { meetings } = await import("../../commands/meetings.ts");
    const inMay = meetings.run(library, parseOptions(meetings, { month: 5 }), commandContext(null)).json as AskJSON;
    expect(inMay.meetings?.map((m) => m.participants[0])).toEqual(["Maria Fuentes"]);
    const there = meetings.run(library, parseOptions(meetings, { place: "Santiago" }), commandContext(null))
      .json as AskJSON;
    expect(there.meetings?.map((m) => m.participants[0])).toEqual(["Maria Fuentes"]);
    expect(
      (meetings.run(library, parseOptions(meetings, { place: "Oslo" }), commandContext(null)).json as AskJSON).total,
    ).toBe(0);
  });

  it("pledges --with: the other party to an agreement or the one asked", async () => {
    const { pledges } = await import("../../commands/pledges.ts");
    const asked = pledges.run(library, parseOptions(pledges, { who: "Ortega", with: "Norway" }), commandContext(null))
      .json as AskJSON;
    // Solberg, a co-signer, is Norway's minister: the agreement is with Norway too.
    expect(asked.pledges?.map((p) => p.kind)).toEqual(["agreement", "request"]);
    const none = pledges.run(library, parseOptions(pledges, { who: "Fuentes", with: "Norway" }), commandContext(null))
      .json as AskJSON;
    expect(none.total).toBe(0);
    const signed = pledges.run(library, parseOptions(pledges, { who: "Solberg", with: "Ortega" }), commandContext(null))
      .json as AskJSON;
    expect(signed.pledges?.map((p) => p.kind)).toEqual(["agreement"]);
  });
});
