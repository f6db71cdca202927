import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatProblem } from "../../src/briefings/folder.ts";
import { loadBriefings } from "../../src/briefings/load.ts";
import { sampleFolder } from "../support/folders.ts";

const folder = sampleFolder();
const write = (name: string, content: string | Buffer) => writeFileSync(path.join(folder.dir, name), content);
write("empty.txt", "");
write("blank.md", "   \n\n  \n");
write("binary.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03]));
write("latin1.txt", Buffer.from("Caf\xe9 cr\xe8me story about police.", "latin1"));
write("bad-yaml.md", "---\ntitle: [unclosed\noutlet: X\n---\nA paragraph of text.\n");
write("bad-date.txt", "---\ntitle: Impossible\npublished: 2023-02-30\n---\nPolice met officials on Monday.\n");
write("bad-url.txt", "---\ntitle: Bad link\nurl: not a link\n---\nPolice met officials on Monday.\n");
write("year-only.txt", "---\ntitle: Only a year\npublished: 2024\noutlet: 123\n---\nHarbour pilots met the mayor.\n");
write("huge.txt", "A sentence about crime that repeats. ".repeat(600_000));
write("ticker-only.txt", "Story One Headline | Story Two Headline | Story Three Headline |\n\nRelated News\n");
write("004_47f2573022b012a6.md", "---\ntitle: A duplicate\n---\nSame id as a bundled briefing.\n");
write("notes.json", "{}"); // not a briefing: ignored, not reported

afterAll(folder.cleanup);

describe("loading a folder with bad files", async () => {
  const { briefings, problems } = await loadBriefings(folder.dir);
  const problemFor = (file: string) => problems.filter((p) => p.file === file);

  it("still loads every good briefing, and those with a bad front matter field without that field", () => {
    expect(briefings.map((b) => b.id).sort()).toEqual([
      "000_1ce3e456409cc760",
      "001_be41d20397aba331",
      "002_12f7e6579d666584",
      "003_45c05db55b37f868",
      "004_47f2573022b012a6",
      "bad-date",
      "bad-url",
      "year-only",
    ]);
  });

  it.each([
    [
      "bad-date.txt",
      /^bad-date\.txt: bad front matter field "published" \(.*2023-02-30.*not a real date.*loaded without it$/,
    ],
    ["bad-url.txt", /^bad-url\.txt: bad front matter field "url" .*got "not a link".*loaded without it$/],
    [
      "year-only.txt",
      /^year-only\.txt: bad front matter field "outlet" \(must be text, got 123\); bad front matter field "published" \(must be a date in the form YYYY-MM-DD, got 2024\): loaded without it$/,
    ],
  ])("reports the bad field of %s in one line and loads the rest", (file, message) => {
    const found = problemFor(file);
    expect(found).toHaveLength(1);
    expect(formatProblem(found[0])).toMatch(message);
  });

  it("keeps the good fields of a briefing whose other fields were dropped", () => {
    const b = briefings.find((x) => x.id === "year-only")!;
    expect(b.meta).toEqual({ title: "Only a year", outlet: null, published: null, url: null });
    expect(b.paragraphs[0].text).toBe("Harbour pilots met the mayor.");
  });

  it.each([
    ["empty.txt", /is empty/],
    ["blank.md", /is empty/],
    ["binary.txt", /binary file/],
    ["latin1.txt", /not UTF-8/],
    ["bad-yaml.md", /malformed front matter/],
    ["huge.txt", /too large \(21\.\d MB/],
    ["ticker-only.txt", /no article text left/],
    // Same id: the first in name order (.md) is kept, the other reported.
    [
      "004_47f2573022b012a6.txt",
      /same id "004_47f2573022b012a6" as 004_47f2573022b012a6\.md, which was loaded instead/,
    ],
  ])("reports %s in one clear line", (file, message) => {
    const found = problemFor(file);
    expect(found).toHaveLength(1);
    const line = formatProblem(found[0]);
    expect(line).toMatch(message);
    expect(line).toContain(file);
    expect(line).not.toContain("\n");
  });

  it("reports nothing else", () => {
    expect(problems).toHaveLength(11);
  });

  it("reports a missing folder instead of throwing", async () => {
    const result = await loadBriefings(path.join(folder.dir, "nope"));
    expect(result.briefings).toEqual([]);
    expect(result.problems[0].message).toMatch(/does not exist/);
  });
});
