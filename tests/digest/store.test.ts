import { execFile } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestCommand } from "../../commands/digest.ts";
import { commandContext } from "../../commands/index.ts";
import { parseOptions } from "../../src/kit/options.ts";
import { PROJECT_ROOT } from "../../src/runtime/paths.ts";
import { readEnv } from "../../src/runtime/settings.ts";
import { ManualClock } from "../../src/digest/clock.ts";
import { createDigests } from "../../src/discord/digest-setup.ts";
import { DigestStore, emptyState, readStateFile, STATE_FILE, type DigestState } from "../../src/digest/store.ts";
import { Library } from "../../src/library/library.ts";
import { createLogger } from "../../src/runtime/log.ts";
import { sampleFolder, tempDir } from "../support/folders.ts";
import { addBriefings } from "../fixtures/digest/briefings.ts";

const CHANNEL = "123456789012345678";
const dirs: Array<() => void> = [];
const fresh = () => {
  const t = tempDir("digest-state-");
  dirs.push(t.cleanup);
  return t.dir;
};
afterAll(() => dirs.forEach((c) => c()));

describe("the digest state file", () => {
  it("is written whole (temporary file, then rename), leaving no temporary files, and read back validated", async () => {
    const dir = fresh();
    const { store, setAside } = DigestStore.open(dir);
    expect(setAside).toBeNull();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.update((d) => {
          d.channels[CHANNEL] ??= { baselineAt: "2024-06-10T00:00:00.000Z", sent: {}, lastDigestAt: null };
          d.channels[CHANNEL].sent[`briefing-${i}`] = "baseline";
        }),
      ),
    );
    expect(readdirSync(dir)).toEqual([STATE_FILE]);
    const read = readStateFile(path.join(dir, STATE_FILE));
    expect(read.ok && Object.keys(read.state.channels[CHANNEL].sent)).toHaveLength(20);
    expect(DigestStore.open(dir).store.state).toEqual(store.state);
  });

  it("a change that would make the state invalid is refused and changes nothing", async () => {
    const dir = fresh();
    const { store } = DigestStore.open(dir);
    await store.update(
      (d) =>
        void (d.schedules.a = {
          firstSeenAt: "2024-06-10T00:00:00.000Z",
          coveredUntil: "2024-06-10T00:00:00.000Z",
          lastRun: null,
        }),
    );
    const before = readFileSync(path.join(dir, STATE_FILE), "utf8");
    await expect(store.update((d) => void (d.schedules.a.coveredUntil = "yesterday"))).rejects.toThrow();
    expect(readFileSync(path.join(dir, STATE_FILE), "utf8")).toBe(before);
    expect(store.state.schedules.a.coveredUntil).toBe("2024-06-10T00:00:00.000Z");
  });

  it.each([
    ["half a file", `{"version": 1, "schedules": {`, /^is not valid JSON/],
    [
      "the wrong shape",
      JSON.stringify({ ...emptyState(), pending: [{ id: "nope" }] }),
      /^is not a digest state: pending\.0\.id /,
    ],
    ["another version", JSON.stringify({ ...emptyState(), version: 2 }), /^is not a digest state: version /],
  ])("holding %s, it is reported and moved aside, never silently reset", (_what, content, problem) => {
    const dir = fresh();
    writeFileSync(path.join(dir, STATE_FILE), content);
    const { store, setAside } = DigestStore.open(dir, () => Date.parse("2024-06-10T01:02:03.004Z"));
    expect(setAside?.problem).toMatch(problem);
    expect(setAside?.movedTo).toBe(path.join(dir, `${STATE_FILE}.corrupt-2024-06-10T01-02-03-004Z`));
    expect(readFileSync(setAside!.movedTo, "utf8")).toBe(content);
    expect(readdirSync(dir)).toEqual([`${STATE_FILE}.corrupt-2024-06-10T01-02-03-004Z`]);
    expect(store.state).toEqual(emptyState());
  });

  it("the bot says so in its log, and starts afresh from a baseline so nothing is announced twice", async () => {
    const dir = fresh();
    writeFileSync(path.join(dir, STATE_FILE), "garbage");
    let logs = "";
    const log = createLogger("info", [], new Writable({ write: (c, _e, cb) => ((logs += c.toString()), cb()) }));
    const folder = sampleFolder();
    dirs.push(folder.cleanup);
    const library = await Library.open({ dataDir: folder.dir, cacheDir: null });
    const read = readEnv(
      { DISCORD_TOKEN: "x".repeat(59), DIGEST_SCHEDULES: `0 8 * * *|${CHANNEL}`, STATE_DIR: dir },
      { dotenv: false },
    );
    if (!read.ok) throw new Error(read.problems.join());
    const digests = createDigests(read.env, log, () => library, {
      clock: new ManualClock(Date.parse("2024-06-10T00:00:00Z")),
    })!;
    await digests.scheduler.start();
    await digests.stop();
    const line = JSON.parse(logs.split("\n").find((l) => l.includes("moved to"))!);
    expect(line).toMatchObject({
      level: 50,
      file: path.join(dir, STATE_FILE),
      movedTo: expect.stringContaining(".corrupt-"),
    });
    expect(line.msg).toMatch(
      /^the digest state file is not valid JSON .*; it was moved to .* and digests start afresh/,
    );
    expect(Object.keys(digests.service.state.channels[CHANNEL].sent)).toHaveLength(library.briefings.length);
  });
});

describe("digest on the command line", () => {
  const folder = sampleFolder();
  let library: Library;
  const stateDir = fresh();
  const file = path.join(stateDir, STATE_FILE);
  const state: DigestState = emptyState();

  beforeAll(async () => {
    addBriefings(folder.dir, [60, 61]);
    library = await Library.open({ dataDir: folder.dir, cacheDir: null });
    state.channels[CHANNEL] = {
      baselineAt: "2024-06-09T01:00:00.000Z",
      sent: Object.fromEntries(
        library.briefings
          .filter((b) => b.id !== "960_digest_60" && b.id !== "961_digest_61")
          .map((b) => [b.id, "baseline"]),
      ),
      lastDigestAt: "2024-06-10T01:00:00.000Z",
    };
    writeFileSync(file, JSON.stringify(state));
  });
  afterAll(() => folder.cleanup());

  /** The digest command over `read`'s state, options checked as every front end does. */
  const run = (raw: Record<string, unknown>, read = () => readStateFile(file)) => {
    const command = digestCommand(read);
    try {
      return { ok: true as const, answer: command.run(library, parseOptions(command, raw), commandContext(null)) };
    } catch (err) {
      return { ok: false as const, message: (err as Error).message };
    }
  };

  it("lists what the channel has not been sent since its last digest", () => {
    const out = run({});
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect((out.answer.json as { briefings: Array<{ source: string }> }).briefings.map((b) => b.source)).toEqual([
      "960_digest_60",
      "961_digest_61",
    ]);
    expect(out.answer.summary).toBe(
      "2 new briefings · 0 meetings · 0 pledges, agreements or requests — since the last digest, Mon\u00a010\u00a0Jun\u00a02024, 01:00 UTC",
    );
  });

  it("explains what to do when there is no state, several channels, or an unknown channel", () => {
    expect(run({}, () => ({ ok: true, state: emptyState(), found: false }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^No digest has been set up yet.*--since DATE/),
    });
    const two = structuredClone(state);
    two.channels["223456789012345678"] = state.channels[CHANNEL];
    expect(run({}, () => ({ ok: true, state: two, found: true }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Digests go to 2 channels .*--channel ID/),
    });
    expect(run({ channel: "999999999999999999" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^No digest goes to channel 999999999999999999/),
    });
    expect(run({}, () => ({ ok: false, problem: "is not valid JSON (x)" }))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The digest state file is not valid JSON \(x\)\. Give --since DATE/),
    });
  });

  it("npx briefings digest --since DATE --json prints the briefings published since then, with their leads", async () => {
    const { stdout } = await promisify(execFile)(
      "node",
      ["bin/briefings.mjs", "digest", "--since", "2024-01", "--json"],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, DISCORD_TOKEN: "", STATE_DIR: stateDir, DATA_DIR: folder.dir, CACHE_DIR: fresh() },
      },
    );
    const out = JSON.parse(stdout);
    expect(out.since).toBe("published since 2024-01-01");
    expect(out.briefings.map((b: { source: string }) => b.source)).toEqual([
      "960_digest_60",
      "961_digest_61",
      "004_47f2573022b012a6",
      "002_12f7e6579d666584",
    ]);
    expect(out.briefings[2]).toMatchObject({
      title: "Cambodia, Vietnam collaborate against transnational crime",
      lead: expect.stringMatching(/^Cambodia and Vietnam are committed/),
    });
    expect(out.counts.briefings).toBe(4);
  });
});
