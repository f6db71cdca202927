import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv, type Env } from "../../src/runtime/settings.ts";
import { ManualClock } from "../../src/digest/clock.ts";
import type { DigestPoster, PostResult } from "../../src/digest/ports.ts";
import { nextRunAfter, parseSchedules } from "../../src/digest/schedule.ts";
import { createDigests, type Digests } from "../../src/discord/digest-setup.ts";
import { Library } from "../../src/library/library.ts";
import { createLogger } from "../../src/runtime/log.ts";
import { sampleFolder, tempDir } from "../support/folders.ts";
import { addBriefings } from "../fixtures/digest/briefings.ts";

const CHANNEL = "123456789012345678";
const OTHER = "223456789012345678";

describe("DIGEST_SCHEDULES", () => {
  const problems = (value: string) => {
    const r = readEnv({ DIGEST_SCHEDULES: value }, { dotenv: false });
    return r.ok ? [] : r.problems;
  };

  it("reads cron|zone|channel; … and the same as JSON, the zone defaulting to Asia/Phnom_Penh", () => {
    const compact = parseSchedules(`0 8 * * 1-5|Asia/Phnom_Penh|${CHANNEL}; 30  17 * * 5|${OTHER}`);
    const json = parseSchedules(
      JSON.stringify([
        { cron: "0 8 * * 1-5", zone: "Asia/Phnom_Penh", channel: CHANNEL },
        { cron: "30 17 * * 5", channel: OTHER },
      ]),
    );
    const expected = [
      { cron: "0 8 * * 1-5", zone: "Asia/Phnom_Penh", channel: CHANNEL, key: `0 8 * * 1-5|Asia/Phnom_Penh|${CHANNEL}` },
      { cron: "30 17 * * 5", zone: "Asia/Phnom_Penh", channel: OTHER, key: `30 17 * * 5|Asia/Phnom_Penh|${OTHER}` },
    ];
    expect(compact).toEqual({ ok: true, schedules: expected });
    expect(json).toEqual({ ok: true, schedules: expected });
    const env = readEnv(
      { DIGEST_SCHEDULES: `*/10 * * * * *|UTC|${CHANNEL}`, DIGEST_WHEN_EMPTY: "note" },
      { dotenv: false },
    );
    expect(env.ok && env.env.DIGEST_SCHEDULES?.[0].cron).toBe("*/10 * * * * *");
    expect(env.ok && env.env.DIGEST_WHEN_EMPTY).toBe("note");
  });

  it("reports a bad cron, zone or channel id in one line naming it", () => {
    expect(problems(`0 25 * * *|Asia/Phnom_Penh|${CHANNEL}`)).toEqual([
      `DIGEST_SCHEDULES schedule 1 ("0 25 * * *|Asia/Phnom_Penh|${CHANNEL}"): "0 25 * * *" is not a cron expression (Invalid value for hour: 25); e.g. "0 8 * * 1-5" for 08:00 on weekdays: set in the environment (which .env does not override): fix it where it is set, or unset it`,
    ]);
    expect(problems(`0 8 * * *|${CHANNEL}; 0 8 * * *|Asia/Phnom_Pen|${CHANNEL}`)).toEqual([
      `DIGEST_SCHEDULES schedule 2 ("0 8 * * *|Asia/Phnom_Pen|${CHANNEL}"): "Asia/Phnom_Pen" is not an IANA time zone (e.g. Asia/Phnom_Penh, Europe/London, UTC): set in the environment (which .env does not override): fix it where it is set, or unset it`,
    ]);
    expect(problems("0 8 * * *|UTC|#newsroom")[0]).toMatch(
      /^DIGEST_SCHEDULES schedule 1 \("0 8 \* \* \*\|UTC\|#newsroom"\): "#newsroom" is not a Discord channel id/,
    );
    expect(problems(`0 8 * *|UTC|${CHANNEL}`)[0]).toMatch(
      /"0 8 \* \*" is not a cron expression \(.*five, six, or seven/,
    );
    expect(problems(`0 0 30 2 *|UTC|${CHANNEL}`)[0]).toMatch(/"0 0 30 2 \*" never runs/);
    expect(problems(`0 8 * * *`)[0]).toMatch(/must be "cron\|zone\|channel"/);
    expect(problems(`[{"cron": 8}]`)[0]).toMatch(/^DIGEST_SCHEDULES schedule 1 must be \{"cron"/);
    expect(readEnv({ DIGEST_WHEN_EMPTY: "sometimes" }, { dotenv: false })).toEqual({
      ok: false,
      problems: [
        "DIGEST_WHEN_EMPTY must be skip or note: set in the environment (which .env does not override): fix it where it is set, or unset it",
      ],
    });
  });

  it("computes run times in the schedule's zone: weekdays 08:00 in Phnom Penh are 01:00 UTC, Friday then Monday", () => {
    const s = { cron: "0 8 * * 1-5", zone: "Asia/Phnom_Penh" };
    const friday = Date.parse("2024-06-07T01:00:00Z");
    expect(new Date(nextRunAfter(s, friday - 1)!).toISOString()).toBe("2024-06-07T01:00:00.000Z");
    expect(new Date(nextRunAfter(s, friday)!).toISOString()).toBe("2024-06-10T01:00:00.000Z");
    expect(new Date(nextRunAfter({ cron: "0 8 * * 1-5", zone: "Europe/London" }, friday)!).toISOString()).toBe(
      "2024-06-07T07:00:00.000Z",
    );
  });
});

/** A channel that keeps messages in memory and honours nonces like Discord. */
class MemoryChannels implements DigestPoster {
  readonly messages = new Map<string, Array<{ id: string; nonce: string; body: Record<string, unknown> }>>();
  readonly failures: PostResult[] = [];
  calls = 0;
  async post(channel: string, body: Record<string, unknown>, nonce: string): Promise<PostResult> {
    this.calls++;
    const failure = this.failures.shift();
    if (failure) return failure;
    const list = this.messages.get(channel) ?? [];
    this.messages.set(channel, list);
    const seen = list.find((m) => m.nonce === nonce);
    if (seen) return { ok: true, messageId: seen.id };
    const id = String(1000 + list.length);
    list.push({ id, nonce, body });
    return { ok: true, messageId: id };
  }
  async findPosted() {
    return new Map<number, string>();
  }
  in(channel: string) {
    return this.messages.get(channel) ?? [];
  }
}

describe("the digest scheduler", () => {
  const folder = sampleFolder();
  let library: Library;
  let logs = "";
  const log = createLogger("info", [], new Writable({ write: (c, _e, cb) => ((logs += c.toString()), cb()) }));
  const states: Array<() => void> = [];

  beforeAll(async () => {
    library = await Library.open({ dataDir: folder.dir, cacheDir: null });
  });
  afterAll(() => {
    folder.cleanup();
    for (const c of states) c();
  });

  const reload = async (numbers: number[]) => {
    addBriefings(folder.dir, numbers);
    library = await Library.open({ dataDir: folder.dir, cacheDir: null });
  };

  function setUp(start: string, schedules: string, more: Partial<Env> = {}, stateDir?: string) {
    let dir = stateDir;
    if (!dir) {
      const t = tempDir("digest-schedule-");
      states.push(t.cleanup);
      dir = t.dir;
    }
    const read = readEnv(
      { DISCORD_TOKEN: "x".repeat(59), DIGEST_SCHEDULES: schedules, STATE_DIR: dir },
      { dotenv: false },
    );
    if (!read.ok) throw new Error(read.problems.join("\n"));
    const clock = new ManualClock(Date.parse(start));
    const channels = new MemoryChannels();
    const digests = createDigests({ ...read.env, ...more }, log, () => library, { clock, poster: channels }) as Digests;
    return { digests, clock, channels, dir };
  }

  it("a new schedule begins at its next run time: nothing before it is caught up, the archive is not announced", async () => {
    const { digests, channels } = setUp("2024-06-10T02:00:00Z", `0 8 * * 1-5|${CHANNEL}`); // Monday 09:00 in Phnom Penh
    await digests.scheduler.start();
    expect(channels.calls).toBe(0);
    const [status] = digests.scheduler.status();
    expect(status.lastRun).toBeNull();
    expect(new Date(status.next!).toISOString()).toBe("2024-06-11T01:00:00.000Z");
    await digests.stop();
  });

  it("runs missed while stopped make one digest on start, then it waits for the next run time", async () => {
    const { digests, channels, dir } = setUp("2024-06-07T00:00:00Z", `0 8 * * 1-5|${CHANNEL}`);
    await digests.scheduler.start();
    await digests.stop();
    expect(channels.calls).toBe(0);
    await reload([40]);
    // Down from Friday 07:00 to Tuesday 09:00: Friday, Monday and Tuesday runs were missed.
    const later = setUp("2024-06-11T02:00:00Z", `0 8 * * 1-5|${CHANNEL}`, {}, dir);
    await later.digests.scheduler.start();
    expect(later.channels.in(CHANNEL)).toHaveLength(1);
    const [status] = later.digests.scheduler.status();
    expect(status.lastRun).toMatchObject({
      due: "2024-06-07T01:00:00.000Z",
      ranAt: "2024-06-11T02:00:00.000Z",
      outcome: "posted",
    });
    expect(new Date(status.next!).toISOString()).toBe("2024-06-12T01:00:00.000Z");
    later.clock.advance(60 * 60_000);
    await later.digests.scheduler.idle();
    expect(later.channels.in(CHANNEL)).toHaveLength(1);
    await later.digests.stop();
  });

  it("when nothing is new it posts nothing (skip) or a one-line note (note)", async () => {
    const skip = setUp("2024-06-10T00:59:00Z", `0 8 * * 1-5|${CHANNEL}`);
    await skip.digests.scheduler.start();
    skip.clock.advance(60_000);
    await skip.digests.scheduler.idle();
    expect(skip.channels.calls).toBe(0);
    expect(skip.digests.scheduler.status()[0].lastRun?.outcome).toBe("nothing new");
    await skip.digests.stop();

    const note = setUp("2024-06-10T00:59:00Z", `0 8 * * 1-5|${CHANNEL}`, { DIGEST_WHEN_EMPTY: "note" });
    await note.digests.scheduler.start();
    note.clock.advance(60_000);
    await note.digests.scheduler.idle();
    const [message] = note.channels.in(CHANNEL);
    const at = Date.parse("2024-06-10T00:59:00Z") / 1000;
    expect((message.body.embeds as Array<{ description: string }>)[0].description).toBe(
      // The moment as Discord shows it to each reader, in their own zone: no zone name, no escaped underscore.
      `No new briefings since the digest was set up, <t:${at}:f> (<t:${at}:R>).`,
    );
    expect(note.digests.scheduler.status()[0].lastRun?.outcome).toBe("noted");
    await note.digests.stop();
  });

  it("a temporary failure keeps the digest and tries again a few minutes later, once", async () => {
    const { digests, clock, channels } = setUp("2024-06-10T00:59:00Z", `0 8 * * 1-5|${CHANNEL}`);
    await digests.scheduler.start();
    await reload([41]);
    channels.failures.push({ ok: false, permanent: false, error: "503 Service Unavailable", status: 503, code: null });
    clock.advance(60_000);
    await digests.scheduler.idle();
    expect(channels.in(CHANNEL)).toHaveLength(0);
    const pending = digests.service.state.pending[0];
    expect(pending).toMatchObject({
      permanent: false,
      lastError: "503 Service Unavailable",
      retryAt: "2024-06-10T01:05:00.000Z",
    });
    expect(digests.scheduler.status()[0].lastRun).toMatchObject({
      outcome: "failed",
      detail: "503 Service Unavailable",
    });
    clock.advance(4 * 60_000);
    await digests.scheduler.idle();
    expect(channels.in(CHANNEL)).toHaveLength(0);
    clock.advance(60_000); // 08:05: the retry is due
    await digests.scheduler.idle();
    expect(channels.in(CHANNEL)).toHaveLength(1);
    expect(digests.service.state.pending).toEqual([]);
    expect(digests.scheduler.status()[0].lastRun?.outcome).toBe("posted");
    await digests.stop();
  });

  it("one channel failing for good does not hold up another", async () => {
    const { digests, clock, channels } = setUp("2024-06-10T00:59:00Z", `0 8 * * 1-5|${CHANNEL}; 0 8 * * 1-5|${OTHER}`);
    await digests.scheduler.start();
    await reload([42]);
    const realPost = channels.post.bind(channels);
    channels.post = async (channel, body, nonce) =>
      channel === CHANNEL
        ? { ok: false, permanent: true, error: "403 Missing Access (code 50001)", status: 403, code: 50001 }
        : realPost(channel, body, nonce);
    clock.advance(60_000);
    await digests.scheduler.idle();
    expect(channels.in(OTHER)).toHaveLength(1);
    expect(digests.service.state.pending).toMatchObject([{ channel: CHANNEL, permanent: true, retryAt: null }]);
    expect(logs).toContain(`digest not posted to channel ${CHANNEL}: 403 Missing Access (code 50001)`);
    await digests.stop();
  });

  it("an unexpected error in a run is logged, and the run is done at the next try", async () => {
    const { digests, clock, channels } = setUp("2024-06-10T00:59:00Z", `0 8 * * 1-5|${CHANNEL}`);
    await digests.scheduler.start();
    await reload([43]);
    const real = library;
    library = new Proxy(real, {
      get(target, prop) {
        if (prop === "briefings") throw new Error("disk on fire");
        return Reflect.get(target, prop, target);
      },
    });
    clock.advance(60_000);
    await digests.scheduler.idle();
    library = real;
    expect(logs).toContain("disk on fire");
    expect(channels.in(CHANNEL)).toHaveLength(0);
    clock.advance(5 * 60_000);
    await digests.scheduler.idle();
    expect(channels.in(CHANNEL)).toHaveLength(1);
    await digests.stop();
  });
});
