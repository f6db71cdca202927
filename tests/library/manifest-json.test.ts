import { describe, expect, it } from "vitest";
import { manifestJson, type Manifest } from "../../src/library/snapshot.ts";
import { runNow, STEP } from "../../src/search/steps.ts";

/** The manifest is serialised in steps (a serving bot saves behind each new briefing): the same JSON as at once. */
describe("the manifest's JSON, in steps", () => {
  it("parses back to the manifest, with lists longer than a step and names that need escaping", () => {
    const files = Array.from({ length: STEP * 2 + 3 }, (_, i) => ({
      file: i === 5 ? 'quote "and" back\\slash é.md' : `brief-${i}.md`,
      size: 100 + i,
      mtimeMs: 1_700_000_000_000 + i,
      ...(i % 97 === 0 ? { problem: "not UTF-8: save the file as UTF-8" } : { hash: `h${i}` }),
    }));
    const manifest: Manifest = {
      format: "snapshot-x",
      versions: ["snapshot-x", "search-7", "extract-9"],
      builtAt: "2026-12-02T07:00:00.000Z",
      files,
      segments: [
        {
          file: "segment-0.bin",
          briefings: files.slice(0, STEP + 1).map((f, i) => ({ hash: `h${i}`, id: f.file, firstDoc: i * 3 })),
          paragraphs: 9,
        },
        { file: "segment-9.bin", briefings: [], paragraphs: 0 },
      ],
      nextDoc: 1234,
    };
    const text = Buffer.concat(runNow(manifestJson(manifest))).toString("utf8");
    expect(JSON.parse(text)).toEqual(manifest);
    // No piece is the whole: each list is cut into pieces of STEP entries at most.
    expect(runNow(manifestJson(manifest)).length).toBeGreaterThan(5);
  });

  it("yields between pieces of a long list", () => {
    const files = Array.from({ length: STEP * 3 }, (_, i) => ({ file: `b${i}.md`, size: 1, mtimeMs: 1 }));
    const steps = manifestJson({ format: "f", versions: [], builtAt: "", files, segments: [], nextDoc: 0 });
    let yields = 0;
    while (!steps.next().done) yields++;
    expect(yields).toBeGreaterThanOrEqual(3);
  });
});
