import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Library } from "../../src/library/library.ts";
import { briefingFile, tempDir } from "../support/folders.ts";

describe("the names a paragraph mentions are indexed one by one", () => {
  const t = tempDir();
  afterAll(t.cleanup);

  it("never makes a name out of the end of one person's name and the start of the next", async () => {
    const dir = path.join(t.dir, "briefings");
    mkdirSync(dir);
    // Invented: two people in one paragraph, their names listed one after the other.
    const body = [
      "Interior Minister Sok Chanthou Long met British Ambassador Grace Harrowfield in Phnom Penh on Monday.",
      "Sok Chanthou Long said the two ministries would train police investigators together.",
      "Grace Harrowfield said the embassy would fund the course.",
    ].join("\n\n");
    writeFileSync(path.join(dir, "visit.txt"), briefingFile({ title: "Minister meets envoy" }, body));
    const library = await Library.open({ dataDir: dir, cacheDir: null });
    // Both are people of the briefing.
    expect(library.search({ query: "Chanthou Long" }).total).toBeGreaterThan(0);
    expect(library.search({ query: "Grace Harrowfield" }).total).toBeGreaterThan(0);
    // "Long Grace" is no one's name: no paragraph holds those words side by side.
    expect(library.search({ query: "Long Grace" }).total).toBe(0);
  });
});
