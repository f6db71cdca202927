/**
 * On the real pasted articles of `../shared/dev` (measurement only, not in the repository):
 * cleaning never drops a paragraph that holds a required gold event's text, and every line it
 * drops is reported. Skips, saying so, where that folder is absent (a fresh clone).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseBriefing } from "../../src/briefings/load.ts";
import { readFrontMatter } from "../../src/briefings/front-matter.ts";
import { norm } from "../support/evaluate.ts";
import { bodyStartLine, unaccountedLines } from "./accounted.ts";

const DEV = fileURLToPath(new URL("../../../shared/dev", import.meta.url));
const present = existsSync(path.join(DEV, "gold.json")) && existsSync(path.join(DEV, "briefings"));

interface Gold {
  source: string;
  must: string[];
  /** Optional golds (a headline, a photo caption) may go with the furniture. */
  optional?: boolean;
}

describe.skipIf(!present)("dev articles keep every paragraph with gold text", () => {
  if (!present) return;
  const gold = JSON.parse(readFileSync(path.join(DEV, "gold.json"), "utf8")) as {
    dev: { meetings: Gold[]; pledges: Gold[] };
  };
  const golds = [...gold.dev.meetings, ...gold.dev.pledges];
  const files = readdirSync(path.join(DEV, "briefings")).filter((f) => f.endsWith(".txt") || f.endsWith(".md"));

  it.each(files)("%s", (file) => {
    const bytes = readFileSync(path.join(DEV, "briefings", file));
    const parsed = parseBriefing(file, bytes);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const fm = readFrontMatter(bytes.toString("utf8"));
    const original = norm(fm.ok ? fm.body : "");
    // The headline line leaves the paragraphs but stays as the title.
    const kept = norm(
      [parsed.briefing.meta.title ?? "", ...parsed.briefing.paragraphs.map((p) => p.text)].join(" \n "),
    );
    const id = file.replace(/\.[a-z]+$/i, "");
    const lost = golds
      .filter((g) => g.source === id && !g.optional)
      .flatMap((g) => g.must)
      .filter((m) => original.includes(norm(m)) && !kept.includes(norm(m)));
    expect(lost).toEqual([]);
    // Nothing goes silently: every line is kept, the headline, or reported removed.
    const source = bytes.toString("utf8");
    expect(unaccountedLines(source, bodyStartLine(source), parsed.briefing)).toEqual([]);
    expect(parsed.briefing.paragraphs.every((p, i) => p.n === i + 1)).toBe(true);
  });
});

if (!present) console.warn("../shared/dev not found beside the project: the dev gold-text check is skipped.");
