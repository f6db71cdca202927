import { describe, expect, it } from "vitest";
import { isBriefingName } from "../../src/briefings/folder.ts";

describe("isBriefingName", () => {
  it.each(["a.txt", "2026-03-01 talks.md", "Report.TXT", "notes.Md", "a .txt", "a..md", "é-brief.md"])(
    "takes %j",
    (name) => expect(isBriefingName(name)).toBe(true),
  );
  it.each([".md", ".draft.txt", "a.txt.tmp", "a.md~", "a.mdx", "a.text", "a.markdown", "txt", "a.", "a.md\n", ""])(
    "leaves %j out (a dotfile, another extension or none)",
    (name) => expect(isBriefingName(name)).toBe(false),
  );
});
