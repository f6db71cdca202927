/**
 * Pasted pages (tests/fixtures/pasted-pages, invented articles in the style of wire copy, state
 * agency releases and dailies): the furniture of each kind is removed and reported, no paragraph
 * of the article is lost, and ¶ numbers count the kept paragraphs.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadBriefings } from "../../src/briefings/load.ts";
import { describeRemovals, type RemovalKind } from "../../src/briefings/removal.ts";
import { Library } from "../../src/library/library.ts";
import { execute } from "../../commands/index.ts";
import { SAMPLES_DIR } from "../support/folders.ts";
import { bodyStartLine, unaccountedLines } from "./accounted.ts";

const ROOT = fileURLToPath(new URL("../fixtures/pasted-pages", import.meta.url));
const DIR = path.join(ROOT, "briefings");

interface Expected {
  title: string;
  /** The start of each kept paragraph, in order: ¶1, ¶2… */
  paragraphs: string[];
  /** The kinds removed, in the order they stood. */
  removed: RemovalKind[];
}
const expected = JSON.parse(readFileSync(path.join(ROOT, "expected.json"), "utf8")) as Record<string, Expected>;

describe("pasted pages", async () => {
  const { briefings, problems } = await loadBriefings(DIR);
  const byFile = new Map(briefings.map((b) => [b.file, b]));

  it("all load", () => {
    expect(problems).toEqual([]);
    expect([...byFile.keys()].sort()).toEqual(Object.keys(expected).sort());
  });

  describe.each(Object.entries(expected))("%s", (file, want) => {
    const b = byFile.get(file)!;

    it("keeps the article's paragraphs, numbered from 1 in order", () => {
      expect(b.paragraphs.map((p) => p.n)).toEqual(want.paragraphs.map((_, i) => i + 1));
      b.paragraphs.forEach((p, i) => expect(p.text.startsWith(want.paragraphs[i])).toBe(true));
      expect(b.meta.title).toBe(want.title);
    });

    it("removes the furniture, naming each kind", () => {
      expect((b.removed ?? []).map((r) => r.kind)).toEqual(want.removed);
    });

    it("accounts for every line: kept, the headline, or reported removed", () => {
      const source = readFileSync(path.join(DIR, file), "utf8");
      expect(unaccountedLines(source, bodyStartLine(source), b)).toEqual([]);
    });
  });

  it("covers each kind of furniture reporters paste", () => {
    const kinds = new Set(briefings.flatMap((b) => (b.removed ?? []).map((r) => r.kind)));
    for (const kind of [
      "ticker",
      "byline",
      "outlet name",
      "agency tag",
      "caption",
      "subscription block",
      "trailer",
      "list of other stories",
      "link to another story",
      "date line",
    ] satisfies RemovalKind[])
      expect(kinds).toContain(kind);
  });

  it("keeps a paragraph with | in it, and text after a mid-article 'Read more' or 'See also'", () => {
    const all = briefings.flatMap((b) => b.paragraphs.map((p) => p.text)).join("\n");
    expect(all).toContain('"Safe River | Safe Villages"');
    expect(all).toContain("Bokeo | 412 | 530");
    expect(all).toContain("Khamla said the two sides would install shared scanners");
    expect(all).toContain("The plan covers three areas of work:");
    expect(all).toContain("Read more about the agreement on the provincial website");
  });

  it("says what it removed in the editor's words", () => {
    const summary = (file: string) => describeRemovals(byFile.get(file)!.removed);
    expect(summary("p01_wire_ticker_related.txt")).toBe(
      "removed: ticker line 6; date line line 10; caption line 12; agency tag 'Enditem' at the end of ¶4; " +
        "trailer 'Related News' and 3 lines after it (lines 22–26)",
    );
    expect(summary("p04_no_blank_lines.txt")).toBe(
      "removed: ticker lines 1–3; trailer 'See also' and 2 lines after it (lines 8–10)",
    );
  });
});

describe("every line of the samples is kept or reported", async () => {
  const { briefings } = await loadBriefings(SAMPLES_DIR);
  it.each(briefings.map((b) => [b.file, b] as const))("%s", (file, b) => {
    const source = readFileSync(path.join(SAMPLES_DIR, file), "utf8");
    expect(unaccountedLines(source, bodyStartLine(source), b)).toEqual([]);
  });
});

describe("about and source report what cleaning removed", async () => {
  const library = await Library.open({ dataDir: DIR, cacheDir: null });
  const run = (command: string, options: Record<string, unknown>) => {
    const outcome = execute(library, command, options);
    if (!outcome.ok) throw new Error(`${command} failed`);
    return outcome.answer;
  };

  it("source: a note and the removals in JSON, ¶ numbers of the kept paragraphs", () => {
    const answer = run("source", { id: "p02_daily_byline_readmore" });
    expect(answer.note).toMatch(/^Cleaning removed: section label line 7; byline line 11;/);
    expect(answer.note).toContain("trailer 'More in this section' and 4 lines after it (lines 39–44)");
    const json = answer.json as { removed: Array<{ kind: string; text: string }>; paragraphCount: number };
    expect(json.paragraphCount).toBe(7);
    expect(json.removed.find((r) => r.kind === "byline")?.text).toBe("By A. Reporter, The Vientiane Daily, Vientiane");
  });

  it("about: one line per briefing that lost furniture, and the totals", () => {
    const answer = run("about", {});
    const json = answer.json as { cleaning: { briefings: number; perBriefing: Array<{ source: string }> } };
    expect(json.cleaning.briefings).toBe(Object.keys(expected).length);
    const lines = answer.items.map((i) => (i.kind === "line" ? i.text : ""));
    // Named by its headline, as a reader knows it.
    const title = library.get("p06_pipes_in_article")?.meta.title;
    expect(title).toBeTruthy();
    expect(lines).toContain(`${title}: removed: trailer 'Related Stories' and 2 lines after it (lines 16–19)`);
    expect(lines.some((l) => /^Site furniture removed from 9 briefings \(/.test(l))).toBe(true);
  });

  it.each(["Rice Exports Climb", "Savannakhet Opens New Bus Terminal", "Baseball team wins", "Flood Waters Recede"])(
    "furniture is not found by search: %s",
    (query) => {
      const json = run("search", { query, limit: 25 }).json as { results: Array<{ text: string }> };
      expect(json.results.map((r) => r.text).join("\n")).not.toMatch(new RegExp(query, "i"));
    },
  );
});
