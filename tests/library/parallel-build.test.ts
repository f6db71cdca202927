import { readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { SegmentLayout } from "../../src/library/assemble.ts";
import { WorkerPool } from "../../src/library/build/pool.ts";
import { readsOf, type ReadReply, type ThreadSetup } from "../../src/library/build/protocol.ts";
import { Library, type OpenOptions } from "../../src/library/library.ts";
import { bundledCli } from "../support/cli-bundle.ts";
import { briefingFile, tempDir } from "../support/folders.ts";

/**
 * A build on worker threads gives the Library a build on the main thread gives: same briefings, problems, events,
 * segments and answers. An invented archive of about forty briefings, small segments so that several are built.
 */
const layout: SegmentLayout = { segment: 40, tail: 4, compactAfter: 3 };
const folders: Array<{ cleanup: () => void }> = [];
afterAll(() => folders.forEach((f) => f.cleanup()));

const PEOPLE = ["Amara Velic", "Tomas Okafor", "Lina Haddad", "Pieter Samsonov", "Ruth Acheampong", "Jonas Ferreira"];
const PLACES = ["Norland", "the Vasse Republic", "Kettering Province", "Ostrava Bay", "the Marrow Islands"];
const TOPICS = ["flood defences", "rural clinics", "a new rail link", "school meals", "coastal fisheries"];

/** Briefing `n`: a meeting, a pledge and some plain paragraphs, more of them for some briefings than others. */
function inventedBriefing(n: number): string {
  const who = PEOPLE[n % PEOPLE.length];
  const other = PEOPLE[(n + 2) % PEOPLE.length];
  const place = PLACES[n % PLACES.length];
  const topic = TOPICS[n % TOPICS.length];
  const paragraphs = [
    `${who}, the foreign minister of ${place}, met ${other} in the capital on Tuesday to discuss ${topic}.`,
    `The government of ${place} pledged ${10 + n} million dollars for ${topic} over the next three years.`,
    ...Array.from(
      { length: 1 + (n % 5) },
      (_, i) => `Residents of district ${n}-${i} said the plans for ${topic} had been delayed twice since spring.`,
    ),
    `${other} said talks on ${topic} would resume next month.`,
  ];
  const day = String(1 + (n % 28)).padStart(2, "0");
  return briefingFile(
    { title: `Talks on ${topic} in ${place} (${n})`, outlet: "The Invented Herald", published: `2025-03-${day}` },
    paragraphs.join("\n\n"),
  );
}

/** The invented archive: 40 briefings, one broken file, one id twice, one text under two names, one bad field. */
function archive(): string {
  const t = tempDir("briefings-parallel-");
  folders.push(t);
  for (let n = 1; n <= 40; n++)
    writeFileSync(path.join(t.dir, `${String(n).padStart(3, "0")}_story.txt`), inventedBriefing(n));
  writeFileSync(path.join(t.dir, "050_broken.txt"), Buffer.from([0x66, 0x00, 0x01, 0x02]));
  writeFileSync(path.join(t.dir, "007_story.md"), inventedBriefing(77)); // same id as 007_story.txt
  writeFileSync(path.join(t.dir, "060_copy.txt"), inventedBriefing(12)); // same text as 012_story.txt
  writeFileSync(
    path.join(t.dir, "061_field.txt"),
    `---\npublished: "sometime"\n---\n${inventedBriefing(61).split("---\n")[2]}`,
  );
  return t.dir;
}

const QUERIES = [
  "pledged million dollars",
  "foreign minister met",
  "rail link",
  "Lina Haddad",
  "district 17-2 delayed",
];

/** Everything a build decides, as plain data. */
function shape(lib: Library) {
  return {
    briefings: lib.briefings.map((b) => [b.id, b.file, b.hash, b.meta, b.paragraphs]),
    problems: lib.problems,
    counts: [lib.meetings.length, lib.pledges.length],
    events: JSON.stringify([...lib.perBriefingEvents]),
    segments: lib.state.segments.map((s) => s.entry),
    terms: lib.state.segments.map((s) => [
      s.segment.terms.join(" "),
      [...s.segment.ids],
      s.segment.docs.map((d) => [...d]),
    ]),
    nextDoc: lib.state.nextDoc,
    answers: QUERIES.map((query) =>
      lib.search({ query, limit: 6 }).hits.map((h) => `${h.briefing.id}¶${h.paragraph.n}:${h.score.toFixed(6)}`),
    ),
  };
}

const open = (dataDir: string, more: Partial<OpenOptions> = {}) =>
  Library.open({ dataDir, cacheDir: null, layout, ...more });

/** Threads for any amount of work. */
const threaded = { minFiles: 1, minParagraphs: 1, threads: 2 };

describe("a build on worker threads", () => {
  const dir = archive();
  let alone: ReturnType<typeof shape>;

  it("gives exactly the Library a build on the main thread gives", async () => {
    const single = await open(dir, { parallel: { minFiles: Infinity, minParagraphs: Infinity } });
    expect(single.build.threads).toBe(0);
    alone = shape(single);
    expect(alone.segments.length).toBeGreaterThan(3);
    expect(alone.counts.every((n) => n > 0)).toBe(true);
    expect(alone.problems.map((p) => p.file).sort()).toEqual(
      ["007_story.txt", "050_broken.txt", "061_field.txt"].sort(),
    );
    const parallel = await open(dir, { parallel: threaded });
    expect(parallel.build.threads).toBe(2);
    expect(parallel.build.buildNote).toBeNull();
    expect(shape(parallel)).toEqual(alone);
  });

  it("still gives the whole Library when a thread fails, saying so in one line", async () => {
    for (const failAtJob of [0, 2]) {
      const lib = await open(dir, { parallel: { ...threaded, failAtJob } });
      expect(lib.build.buildNote).toMatch(/^a build thread failed \(.*test made this build thread fail.*\): the rest/);
      expect(shape(lib)).toEqual(alone);
    }
  });

  it("saves a snapshot that a restart reads back whole", async () => {
    const cache = tempDir("briefings-parallel-cache-");
    folders.push(cache);
    const built = await open(dir, { cacheDir: cache.dir, parallel: threaded });
    const restarted = await open(dir, { cacheDir: cache.dir });
    expect(restarted.build.fromCache).toBe(true);
    expect(shape(restarted)).toEqual(shape(built));
    expect(shape(restarted)).toEqual(alone);
  });
});

describe("the bundle's build thread", () => {
  it("runs under plain Node from the bundle npm start builds, which points its threads at it", async () => {
    const cli = await bundledCli();
    const entry = path.join(path.dirname(cli), "build-worker.mjs");
    const out = path.dirname(cli);
    const bundled = [cli, ...readdirSync(path.join(out, "chunks")).map((f) => path.join(out, "chunks", f))];
    const chunks = bundled.filter((f) => f.endsWith(".mjs")).map((f) => readFileSync(f, "utf8"));
    expect(chunks.some((text) => text.includes(JSON.stringify(pathToFileURL(entry).href)))).toBe(true);

    const dir = archive();
    const setup: ThreadSetup = { dataDir: dir, realDir: realpathSync(dir), knownHashes: "" };
    const pool = new WorkerPool(pathToFileURL(entry), 2, setup);
    try {
      const files = ["001_story.txt", "050_broken.txt", "002_story.txt"];
      const [reply] = (await pool.runAll([() => ({ message: { type: "read", files }, transfer: [] })])) as ReadReply[];
      expect(pool.failure).toBeNull();
      const reads = readsOf(reply);
      expect(reads.map((r) => r.kind)).toEqual(["read", "problem", "read"]);
      const first = reads[0].kind === "read" ? reads[0].content : null;
      expect(first?.paragraphs[0].text).toMatch(/^Tomas Okafor, the foreign minister/);
      expect(first?.events.meetings.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });
});
