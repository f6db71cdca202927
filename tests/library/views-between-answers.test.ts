import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { Library } from "../../src/library/library.ts";
import { briefingFile, sampleFolder } from "../support/folders.ts";

/**
 * A server replacing its Library builds the new one's views (events, people, lookups) between answers: the previous
 * views answer until the new ones are ready. For a few new briefings they are patched in (the events exactly what
 * building at once gives; people and the parties offered follow when the views are built whole, a quiet moment later).
 */
const folders: Array<{ cleanup: () => void }> = [];
afterAll(() => folders.forEach((f) => f.cleanup()));

const NEW_NAME = "2025-06-30-tourism-talks.md";
const NEW_BRIEFING = briefingFile(
  { title: "Tourism minister meets Thai envoy", outlet: "Test Desk", published: "2025-06-30" },
  "Minister of Tourism Dara Vuthy met with Thai Ambassador Somchai Preecha in Phnom Penh on June 30, 2025, to " +
    "discuss border tourism.\n\nThe two sides agreed to open a new cross-border tourist route next year.",
);

const meetingsWith = (lib: Library, name: string) =>
  lib.events.meetings.filter((m) => m.participants.some((p) => p.name.includes(name)));

const lists = (lib: Library) => JSON.stringify({ meetings: lib.events.meetings, pledges: lib.events.pledges });

describe("views built between answers", () => {
  it("answers from the previous views until the new ones are patched in, then as a fresh build; people follow", async () => {
    const folder = sampleFolder();
    folders.push(folder);
    const first = await Library.open({ dataDir: folder.dir, cacheDir: null, views: "eager" });
    const before = first.events;
    writeFileSync(path.join(folder.dir, NEW_NAME), NEW_BRIEFING);
    const fresh = await Library.open({ dataDir: folder.dir, cacheDir: null, views: "eager" });
    await fresh.viewsReady;

    const next = await Library.open({
      dataDir: folder.dir,
      cacheDir: null,
      views: "eager",
      previous: first,
      changedNames: new Set([NEW_NAME]),
      wholeViewsAfterMs: 300,
    });
    // Searchable at once; its events a moment later.
    expect(next.search({ query: "Somchai Preecha" }).total).toBeGreaterThan(0);
    expect(next.events).toBe(before);
    expect(next.lookups).toBe(first.lookups);
    expect(meetingsWith(next, "Somchai")).toHaveLength(0);

    // Patched in: the new briefing's events, in the order a fresh build gives, and the briefing among the sources.
    await next.viewsReady;
    expect(next.events).not.toBe(before);
    expect(next.events.layers?.base).toBe(before);
    expect(meetingsWith(next, "Somchai")).toHaveLength(1);
    expect(lists(next)).toBe(lists(fresh));
    expect(next.lookups.sources.find("", 50)).toEqual(fresh.lookups.sources.find("", 50));
    expect(next.lookups.sources.find("touris", 5).map((c) => c.id)).toEqual(["2025-06-30-tourism-talks"]);
    // People and the parties offered are the previous views' until the views are built whole, a quiet moment later.
    expect(next.events.people).toBe(before.people);
    expect(next.lookups.parties.find("somch", 5)).toEqual([]);

    await vi.waitFor(() => expect(next.events.layers).toBeUndefined(), { timeout: 5_000, interval: 20 });
    expect(JSON.stringify(next.events)).toBe(JSON.stringify(fresh.events));
    expect(next.lookups.parties.find("somch", 5).map((p) => p.name)).toContain("Somchai Preecha");
    expect(next.lookups.sources.find("", 50)).toEqual(fresh.lookups.sources.find("", 50));
    expect(next.lookups.parties.find("", 50)).toEqual(fresh.lookups.parties.find("", 50));
  });

  it("without views to stand in (a first start, or lazy views), builds them when first asked", async () => {
    const folder = sampleFolder({ [NEW_NAME]: NEW_BRIEFING });
    folders.push(folder);
    const lazy = await Library.open({ dataDir: folder.dir, cacheDir: null });
    const next = await Library.open({ dataDir: folder.dir, cacheDir: null, views: "eager", previous: lazy });
    expect(meetingsWith(next, "Somchai")).toHaveLength(1);
    expect(next.events).not.toBe(lazy.events);
  });

  it("a Library replaced before its views are built stops building them; the newest builds its own", async () => {
    const folder = sampleFolder();
    folders.push(folder);
    const first = await Library.open({ dataDir: folder.dir, cacheDir: null, views: "eager" });
    await first.viewsReady; // a server that has been running
    writeFileSync(path.join(folder.dir, NEW_NAME), NEW_BRIEFING);
    const changedNames = new Set([NEW_NAME]);
    const middle = await Library.open({
      dataDir: folder.dir,
      cacheDir: null,
      views: "eager",
      previous: first,
      changedNames,
    });
    const second = "2025-07-01-second-talks.md";
    writeFileSync(
      path.join(folder.dir, second),
      briefingFile(
        { title: "Second talks", outlet: "Test Desk", published: "2025-07-01" },
        "Minister of Commerce Pan Sorasak met with Lao Ambassador Vilay Phommasak in Phnom Penh on July 1, 2025.",
      ),
    );
    const last = await Library.open({
      dataDir: folder.dir,
      cacheDir: null,
      views: "eager",
      previous: middle,
      changedNames: new Set([second]),
    });
    await Promise.all([middle.viewsReady, last.viewsReady]);
    // The middle one never built its own: the first one's views still answer for it; the newest patches the first
    // one's views with both new briefings.
    expect(middle.events).toBe(first.events);
    expect(last.events.layers?.base).toBe(first.events);
    expect(meetingsWith(last, "Vilay")).toHaveLength(1);
    expect(meetingsWith(last, "Somchai")).toHaveLength(1);
    const fresh = await Library.open({ dataDir: folder.dir, cacheDir: null, views: "eager" });
    expect(lists(last)).toBe(lists(fresh));
  });

  it("a first start builds its views between answers; a command that needs them first has the rest built at once", async () => {
    const folder = sampleFolder({ [NEW_NAME]: NEW_BRIEFING });
    folders.push(folder);
    const lib = await Library.open({ dataDir: folder.dir, cacheDir: null, views: "eager" });
    let turned = false;
    setImmediate(() => (turned = true));
    // Asked for before the loop has turned: built now, and equal to a build at once.
    expect(turned).toBe(false);
    expect(meetingsWith(lib, "Somchai")).toHaveLength(1);
    const lazy = await Library.open({ dataDir: folder.dir, cacheDir: null });
    expect(JSON.stringify(lib.events)).toBe(JSON.stringify(lazy.events));
    expect(lib.lookups.parties.find("", 50)).toEqual(lazy.lookups.parties.find("", 50));
    await lib.viewsReady;

    const background = await Library.open({ dataDir: folder.dir, cacheDir: null, views: "eager" });
    // Not built when open returns: a few microtasks later they are still on their way (built at once, they were not).
    const later = new Promise<string>((resolve) =>
      queueMicrotask(() => queueMicrotask(() => queueMicrotask(() => resolve("on their way")))),
    );
    expect(await Promise.race([background.viewsReady.then(() => "built"), later])).toBe("on their way");
    // Autocomplete never waits for them: no lookups until they are built.
    expect(background.readyLookups).toBeNull();
    await background.viewsReady;
    expect(background.readyLookups?.parties.find("somch", 5).map((p) => p.name)).toContain("Somchai Preecha");
    expect(JSON.stringify(background.events)).toBe(JSON.stringify(lazy.events));
  });
});
