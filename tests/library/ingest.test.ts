import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EDITS } from "../../commands/index.ts";
import type { EditContext } from "../../src/kit/action.ts";
import { Library } from "../../src/library/library.ts";
import { DEFAULT_FETCH_LIMITS } from "../../src/library/ingest/safe-fetch.ts";
import type { IngestInput } from "../../src/library/ingest/pipeline.ts";
import { articlePage, BORDER_STORY } from "../support/article-pages.ts";
import { briefingFile, sampleFolder } from "../support/folders.ts";
import { refusalOf } from "../support/refusal.ts";

/**
 * The ingestion pipeline behind `add` and `remove`, in process: each input kind becomes a `.md` briefing that the
 * Library loads like any dropped file, with a name from its date and headline; duplicates and non-articles are
 * refused with one line and the folder left as it was; a removed briefing is moved aside, not deleted.
 */
let folder: { dir: string; cleanup: () => void };
let library: Library;
const reopen = (previous: Library) => Library.open({ dataDir: previous.dataDir, cacheDir: null, previous });
const context: EditContext = {
  fetch: { ...DEFAULT_FETCH_LIMITS, allowPrivate: true },
  refresh: (previous) => reopen(previous),
};

const PASTED = `Ministers of Orlen and Tavia sign fisheries accord

By Staff Reporter

ORLEN: The fisheries ministers of Orlen and Tavia met in the port of Halvik on Thursday and signed an accord on shared fishing grounds in the northern gulf.

Tavian Minister Petra Lind said her country would fund two patrol boats to enforce the new quotas, the ministry said in a statement.

The accord takes effect next month and will be reviewed after two years.
`;

async function add(input: IngestInput) {
  const answer = await EDITS.add.perform(library, input, context);
  library = await reopen(library);
  return answer;
}

const refused = (input: IngestInput) => refusalOf(folder.dir, () => EDITS.add.perform(library, input, context));

beforeAll(async () => {
  folder = sampleFolder();
  library = await Library.open({ dataDir: folder.dir, cacheDir: null });
});
afterAll(() => folder.cleanup());

describe("adding a briefing", () => {
  it("pasted text: headline found, fields given override, stored as a dated .md the Library loads and searches", async () => {
    const answer = await add({ kind: "text", text: PASTED, fields: { outlet: "Gulf Daily", published: "2025-05-08" } });
    const id = "2025-05-08_ministers-of-orlen-and-tavia-sign-fisheries-accord";
    expect(answer.json).toMatchObject({
      source: id,
      title: "Ministers of Orlen and Tavia sign fisheries accord",
      outlet: "Gulf Daily",
      published: "2025-05-08",
      paragraphCount: 3,
      loaded: true,
    });
    expect(answer.items[0]).toMatchObject({ kind: "passage", text: expect.stringMatching(/^ORLEN: The fisheries/) });
    expect(answer.items.some((i) => i.kind === "event")).toBe(true);
    expect(answer.note).toMatch(/Found \d+ meetings? and \d+ pledges?/);
    const text = readFileSync(path.join(folder.dir, `${id}.md`), "utf8");
    expect(text).toMatch(/^---\ntitle: Ministers of Orlen and Tavia sign fisheries accord\noutlet: Gulf Daily\n/);
    const hit = library.search({ query: "Halvik fishing grounds" }).hits[0];
    expect(hit.briefing.id).toBe(id);
    expect(library.citation(id, 1)).toMatchObject({ outlet: "Gulf Daily", published: "2025-05-08" });
    // Nothing half-written is left behind.
    expect(readdirSync(folder.dir).filter((n) => n.startsWith("."))).toEqual([]);
  });

  it("the same text again is a duplicate, named by its id, and the folder is unchanged", async () => {
    const message = await refused({ kind: "text", text: PASTED });
    expect(message).toMatch(/already in the briefings as 2025-05-08_ministers-of-orlen.*the same text/);
  });

  it("an .md file keeps its front matter; the same link as a stored briefing is a duplicate", async () => {
    const md = briefingFile(
      {
        title: "Tavia opens new research station",
        outlet: "Tavia Post",
        published: "2025-01-20",
        url: "https://tavia.example/station",
      },
      "HALVIK: Tavia opened a polar research station on Monday, the science ministry said, with room for forty researchers and a small hospital.\n\nThe station cost 12 million crowns.",
    );
    const answer = await add({ kind: "file", name: "station.md", bytes: Buffer.from(md) });
    expect(answer.json).toMatchObject({
      source: "2025-01-20_tavia-opens-new-research-station",
      url: "https://tavia.example/station",
    });
    const other = md.replace("forty researchers", "fifty researchers");
    const message = await refused({
      kind: "file",
      name: "again.md",
      bytes: Buffer.from(other.replace("/station", "/station/#top")),
    });
    expect(message).toMatch(/already in the briefings as 2025-01-20_tavia-opens-new-research-station.*the same link/);
  });

  it("an .html file: the article's text and metadata, furniture gone", async () => {
    const page = articlePage({ ...BORDER_STORY, canonical: "https://valdortimes.example/news/nordgate" });
    const answer = await add({ kind: "file", name: "saved-page.html", bytes: Buffer.from(page) });
    const json = answer.json as Record<string, unknown>;
    expect(json).toMatchObject({
      title: BORDER_STORY.headline,
      outlet: "The Valdor Times",
      published: "2025-06-03",
      url: "https://valdortimes.example/news/nordgate",
      paragraphCount: BORDER_STORY.paragraphs.length,
    });
    const stored = library.get(String(json.source))!;
    expect(stored.paragraphs.map((p) => p.text)).toEqual(BORDER_STORY.paragraphs);
  });

  it("two different articles with one date and headline get distinct names, nothing overwritten", async () => {
    const a = await add({
      kind: "text",
      text: "Storm closes Halvik port\n\nHALVIK: A storm closed the port of Halvik on Friday, and ferries to the islands were cancelled for the day.",
      fields: { published: "2025-03-01" },
    });
    const b = await add({
      kind: "text",
      text: "Storm closes Halvik port\n\nHALVIK: Fishing boats stayed in harbour on Friday as a storm closed the port for a second day running.",
      fields: { published: "2025-03-01" },
    });
    expect((a.json as { source: string }).source).toBe("2025-03-01_storm-closes-halvik-port");
    expect((b.json as { source: string }).source).toBe("2025-03-01_storm-closes-halvik-port-2");
  });

  it("a UTF-16 text file (with its byte-order mark, as Windows Notepad saves) is read right", async () => {
    const text =
      "Tavia’s café owners welcome tax cut\n\nHALVIK: Café owners across Tavia welcomed on Monday the government’s decision to halve the tax on terraces next year.";
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const answer = await add({ kind: "file", name: "notepad.txt", bytes });
    expect(answer.json).toMatchObject({ title: "Tavia’s café owners welcome tax cut", paragraphCount: 1 });
  });

  it("refuses what is not an article, in one line each", async () => {
    expect(await refused({ kind: "file", name: "report.pdf", bytes: Buffer.from("%PDF-1.7\n...") })).toMatch(
      /is a PDF/,
    );
    expect(await refused({ kind: "file", name: "notes.docx", bytes: Buffer.from("PK...") })).toMatch(
      /A \.docx file cannot be added/,
    );
    expect(await refused({ kind: "text", text: "   \n" })).toMatch(/empty/);
    expect(
      await refused({
        kind: "file",
        name: "front.html",
        bytes: Buffer.from("<html><body><nav><a href='/'>Home</a></nav></body></html>"),
      }),
    ).toMatch(/no article text/);
    expect(
      await refused({ kind: "text", text: PASTED.replace("ORLEN", "OSLEN"), fields: { published: "2025-02-30" } }),
    ).toMatch(/published.*not a real date/);
    expect(
      await refused({
        kind: "file",
        name: "latin.txt",
        bytes: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e]),
      }),
    ).toMatch(/not UTF-8/);
  });
});

describe("removing a briefing", () => {
  it("moves the file into removed/ beside the briefings folder; it is no longer loaded, and moving it back restores it", async () => {
    const id = "2025-03-01_storm-closes-halvik-port-2";
    const answer = await EDITS.remove.perform(library, { source: id }, context);
    const removed = path.join(path.dirname(folder.dir), "removed", `${id}.md`);
    expect(answer.json).toMatchObject({ source: id, movedTo: removed });
    expect(existsSync(removed)).toBe(true);
    expect(existsSync(path.join(folder.dir, `${id}.md`))).toBe(false);
    library = await reopen(library);
    expect(library.get(id)).toBeUndefined();
    await expect(EDITS.remove.perform(library, { source: "no-such-briefing" }, context)).rejects.toThrow(/no briefing/);
  });
});
