/**
 * src/digest: the digest core: what is new for a channel, the digest as an Answer, its schedule, its persisted state,
 * and a service that records then posts through the ports in ports.ts (implemented by src/discord). May import
 * src/kit, src/library and below; knows nothing of Discord.
 */
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import type { Library } from "../library/library.ts";
import { buildDigest, unsentBriefings, type Digest } from "./build.ts";
import { sinceWords } from "./time.ts";
import type { Clock } from "./clock.ts";
import { partNonce, type AccessCheck, type ChannelAccess, type DigestPoster, type DigestRenderer } from "./ports.ts";
import { DEFAULT_ZONE, type Schedule } from "./schedule.ts";
import type { DigestState, DigestStore, LastRun, PendingDigest } from "./store.ts";

/**
 * Digests for channels: what is new, recorded before it is posted, posted so that it is never
 * lost and never posted twice.
 *
 * A run (1) first finishes any digest recorded earlier for the channel; (2) takes the
 * briefings the channel has not been sent; (3) records the digest — its messages, their
 * nonces, the briefings it delivers — and marks the schedule's run done, in one atomic write;
 * (4) posts each message with its nonce and `enforce_nonce`, saving each message id; (5) marks
 * the briefings sent and drops the record, in one write. A crash anywhere resumes at the step
 * it stopped: before (3) the run is still due; after it, the record is delivered on start,
 * and a message Discord accepted before the crash comes back as the same message for the same
 * nonce (or, past Discord's nonce window, is found in the channel by its footer reference).
 */

export type Step = "recorded" | "posted" | "saved" | "delivered";
/** Called at each step of a digest (tests kill the process there); `part` of `parts` for posted/saved. */
export type StepHook = (step: Step, info: { digest: string; channel: string; part?: number; parts?: number }) => void;

export interface DigestOptions {
  /** When nothing is new: post nothing, or a one-line note. */
  whenEmpty: "skip" | "note";
  /**
   * Discord returns the earlier message for a repeated nonce only for a few minutes; a digest
   * recorded longer ago than this is first looked for in the channel before being posted again.
   */
  nonceWindowMs: number;
  /** After a temporary failure (all retries spent), try the digest again this much later. */
  retryLaterMs: number;
}

export const DEFAULT_DIGEST_OPTIONS: DigestOptions = {
  whenEmpty: "skip",
  nonceWindowMs: 2 * 60_000,
  retryLaterMs: 5 * 60_000,
};

export type RunOutcome =
  | { kind: "posted"; channel: string; digest: string; messages: string[]; counts: PendingDigest["counts"] }
  | { kind: "nothing new"; channel: string }
  /** `digest` is null when the run was refused before a digest was recorded (a missing permission). */
  | { kind: "failed"; channel: string; digest: string | null; permanent: boolean; error: string }
  | { kind: "not scheduled"; channel: string };

export interface Preview {
  digest: Digest;
  /** Whether the next run would post (false when nothing is new and notes are off). */
  posts: boolean;
  /** A digest recorded earlier that will be posted first. */
  waiting: PendingDigest | null;
}

export interface DigestDeps {
  store: DigestStore;
  poster: DigestPoster;
  /** Turns a digest into the chat service's messages. */
  render: DigestRenderer;
  library: () => Library;
  clock: Clock;
  log: Logger;
  schedules: readonly Schedule[];
  options?: Partial<DigestOptions>;
  onStep?: StepHook;
  /** What the bot may do in a channel: checked before each digest (absent: posting just tries). */
  access?: AccessCheck;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Why a channel cannot take a digest, as stored and shown. */
const accessError = (access: ChannelAccess) => access.problem ?? `the bot lacks ${access.missing.join(", ")}`;

export class DigestService {
  readonly options: DigestOptions;
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: DigestDeps) {
    this.options = { ...DEFAULT_DIGEST_OPTIONS, ...deps.options };
  }

  get schedules(): readonly Schedule[] {
    return this.deps.schedules;
  }

  get state(): DigestState {
    return this.deps.store.state;
  }

  /** Whether a digest is scheduled for the channel (and so has a baseline). */
  scheduled(channel: string): boolean {
    return this.deps.schedules.some((s) => s.channel === channel);
  }

  /** The zone a channel's times are shown in: its first schedule's. */
  zoneOf(channel: string): string {
    return this.deps.schedules.find((s) => s.channel === channel)?.zone ?? DEFAULT_ZONE;
  }

  /**
   * Remember schedules and channels seen for the first time. A new schedule's runs start
   * now (nothing before it is caught up); a new channel's baseline is the briefings present
   * now, so its first digest brings what arrives after it was set up, not the whole archive.
   */
  async baseline(): Promise<void> {
    const now = this.deps.clock.now();
    const state = this.deps.store.state;
    const schedules = this.deps.schedules.filter((s) => !state.schedules[s.key]);
    const channels = [...new Set(this.deps.schedules.map((s) => s.channel))].filter((c) => !state.channels[c]);
    if (!schedules.length && !channels.length) return;
    const ids = this.deps.library().briefings.map((b) => b.id);
    await this.deps.store.update((d) => {
      for (const s of schedules)
        d.schedules[s.key] ??= { firstSeenAt: iso(now), coveredUntil: iso(now), lastRun: null };
      for (const c of channels)
        d.channels[c] ??= {
          baselineAt: iso(now),
          sent: Object.fromEntries(ids.map((id) => [id, "baseline"])),
          lastDigestAt: null,
        };
    });
    for (const s of schedules)
      this.deps.log.info(
        { schedule: s.key, channel: s.channel },
        "digest schedule set up: its first run is the next one",
      );
    for (const c of channels)
      this.deps.log.info(
        { channel: c, baseline: ids.length },
        "digest channel set up: briefings already present are not announced",
      );
  }

  /** What the next digest in the channel would say, without recording or posting anything. */
  preview(channel: string): Preview | null {
    const state = this.deps.store.state;
    const ch = state.channels[channel];
    if (!ch || !this.scheduled(channel)) return null;
    const waiting = state.pending.find((p) => p.channel === channel) ?? null;
    const digest = this.compose(state, channel);
    const posts = digest.counts.briefings > 0 || this.options.whenEmpty !== "skip";
    return { digest, posts, waiting };
  }

  /** A scheduled run (`schedule` set) or /digest now (`schedule` null) for a channel. */
  run(channel: string, schedule: Schedule | null = null, due: number | null = null): Promise<RunOutcome> {
    return this.withChannel(channel, async () => {
      const now = this.deps.clock.now();
      const mark = (lastRun: Omit<LastRun, "due" | "ranAt">) => (d: DigestState) => {
        if (!schedule) return;
        const s = (d.schedules[schedule.key] ??= { firstSeenAt: iso(now), coveredUntil: iso(now), lastRun: null });
        if (Date.parse(s.coveredUntil) < now) s.coveredUntil = iso(now);
        s.lastRun = { due: iso(due ?? now), ranAt: iso(now), ...lastRun };
      };
      if (!this.scheduled(channel)) return { kind: "not scheduled", channel };
      // Asked before the scheduler's first start finished.
      if (!this.deps.store.state.channels[channel]) await this.baseline();

      const access = this.checkAccess(channel, schedule?.key ?? null, false);
      if (access && !access.canPost) {
        const error = accessError(access);
        await this.deps.store.update(mark({ outcome: "failed", digest: null, detail: error }));
        return { kind: "failed", channel, digest: null, permanent: true, error };
      }

      const earlier = this.deps.store.state.pending.find((p) => p.channel === channel);
      if (earlier) {
        const outcome = await this.deliver(earlier.id, access);
        if (outcome.kind === "failed") {
          await this.deps.store.update(
            mark({
              outcome: "failed",
              digest: earlier.id,
              detail: `an earlier digest is still waiting: ${outcome.error}`,
            }),
          );
          return outcome;
        }
      }

      const state = this.deps.store.state;
      const digest = this.compose(state, channel);
      if (digest.counts.briefings === 0 && this.options.whenEmpty === "skip") {
        await this.deps.store.update(mark({ outcome: "nothing new", digest: null, detail: null }));
        this.deps.log.info({ channel, schedule: schedule?.key ?? null }, "digest: nothing new");
        return { kind: "nothing new", channel };
      }
      const id = randomBytes(8).toString("hex");
      const pending: PendingDigest = {
        id,
        channel,
        createdAt: iso(now),
        reason: schedule ? "schedule" : "manual",
        schedule: schedule?.key ?? null,
        briefings: digest.briefings.map((b) => b.id),
        counts: digest.counts,
        parts: this.deps.render(digest, id).map((body, i) => ({ nonce: partNonce(id, i + 1), body, messageId: null })),
        attempts: 0,
        lastError: null,
        permanent: false,
        retryAt: null,
      };
      await this.deps.store.update((d) => {
        d.pending.push(pending);
        mark({ outcome: "pending", digest: id, detail: null })(d);
      });
      this.deps.log.info({ channel, digest: id, ...digest.counts, messages: pending.parts.length }, "digest recorded");
      this.deps.onStep?.("recorded", { digest: id, channel });
      return this.deliver(id, access);
    });
  }

  /** Post every recorded digest not yet delivered (on start), or only those whose retry is due. */
  async deliverPending(onlyDue = false): Promise<RunOutcome[]> {
    const now = this.deps.clock.now();
    const waiting = this.deps.store.state.pending.filter(
      (p) => !onlyDue || (p.retryAt !== null && Date.parse(p.retryAt) <= now),
    );
    return Promise.all(
      waiting.map((p) =>
        this.withChannel(p.channel, async (): Promise<RunOutcome> => {
          const still = this.deps.store.state.pending.find((q) => q.id === p.id);
          return still ? this.deliver(p.id) : { kind: "nothing new", channel: p.channel };
        }),
      ),
    );
  }

  /** When the next temporary failure should be tried again, or null. */
  nextRetryAt(): number | null {
    const times = this.deps.store.state.pending.filter((p) => p.retryAt !== null).map((p) => Date.parse(p.retryAt!));
    return times.length ? Math.min(...times) : null;
  }

  /** The digest of what the channel has not been sent (nor has on its way). */
  private compose(state: DigestState, channel: string): Digest {
    const ch = state.channels[channel];
    const onTheWay = state.pending.filter((p) => p.channel === channel).flatMap((p) => p.briefings);
    const library = this.deps.library();
    const fresh = unsentBriefings(library, ch?.sent ?? {}, onTheWay);
    const zone = this.zoneOf(channel);
    const { since, moment } = sinceWords(ch ?? { lastDigestAt: null, baselineAt: iso(this.deps.clock.now()) }, zone);
    return buildDigest(library, fresh, since, moment);
  }

  /**
   * The bot's access to the channel before a digest, with a line when something is missing: an error when a post
   * cannot go (nothing is posted; `waiting` says whether a recorded digest is kept), a warning when it goes anyway.
   */
  private checkAccess(channel: string, schedule: string | null, waiting: boolean): ChannelAccess | null {
    const access = this.deps.access?.(channel) ?? null;
    if (!access?.problem) return access;
    const where = { channel, schedule, missing: access.missing };
    if (access.canPost) this.deps.log.warn(where, `digest channel ${channel}: ${access.problem}; posting anyway`);
    else
      this.deps.log.error(
        where,
        `digest not posted to channel ${channel}: ${access.problem} (${waiting ? "kept; it is posted at the channel's next run once that is fixed" : "nothing recorded: its briefings wait for the channel's next run; the schedule keeps going"})`,
      );
    return access;
  }

  /** Post a recorded digest's remaining messages; on success mark its briefings sent. */
  private async deliver(id: string, checked?: ChannelAccess | null): Promise<RunOutcome> {
    const { store, poster, log, clock } = this.deps;
    let p = store.state.pending.find((q) => q.id === id);
    if (!p) return { kind: "nothing new", channel: "" };
    const channel = p.channel;
    const access = checked === undefined ? this.checkAccess(channel, p.schedule, true) : checked;
    if (access && !access.canPost) return this.refused(p, access);

    if (clock.now() - Date.parse(p.createdAt) > this.options.nonceWindowMs && p.parts.some((x) => !x.messageId)) {
      await this.findPosted(p, access);
      p = store.state.pending.find((q) => q.id === id)!;
    }

    for (const [i, part] of p.parts.entries()) {
      if (part.messageId) continue;
      const result = await poster.post(channel, part.body, part.nonce);
      if (!result.ok) {
        const retryAt = result.permanent ? null : iso(clock.now() + this.options.retryLaterMs);
        await this.keepFailed(id, { error: result.error, permanent: result.permanent, retryAt, tried: true });
        const where = { channel, digest: id, part: i + 1, status: result.status, code: result.code };
        if (result.permanent)
          log.error(
            where,
            `digest not posted to channel ${channel}: ${result.error} (kept; it is posted at the channel's next run)`,
          );
        else
          log.warn(
            { ...where, retryAt },
            `digest not posted to channel ${channel} yet: ${result.error} (kept; tried again at ${retryAt})`,
          );
        return { kind: "failed", channel, digest: id, permanent: result.permanent, error: result.error };
      }
      this.deps.onStep?.("posted", { digest: id, channel, part: i + 1, parts: p.parts.length });
      await store.update((d) => {
        const q = d.pending.find((x) => x.id === id);
        if (q) q.parts[i].messageId = result.messageId;
      });
      this.deps.onStep?.("saved", { digest: id, channel, part: i + 1, parts: p.parts.length });
    }

    const done = store.state.pending.find((q) => q.id === id)!;
    const now = clock.now();
    await store.update((d) => {
      const ch = (d.channels[channel] ??= { baselineAt: iso(now), sent: {}, lastDigestAt: null });
      for (const b of done.briefings) ch.sent[b] = id;
      ch.lastDigestAt = iso(now);
      d.pending = d.pending.filter((x) => x.id !== id);
      for (const s of Object.values(d.schedules)) {
        if (s.lastRun?.digest === id)
          Object.assign(s.lastRun, { outcome: done.counts.briefings ? "posted" : "noted", detail: null });
      }
    });
    log.info({ channel, digest: id, ...done.counts, messages: done.parts.length }, "digest posted");
    this.deps.onStep?.("delivered", { digest: id, channel });
    return { kind: "posted", channel, digest: id, messages: done.parts.map((x) => x.messageId!), counts: done.counts };
  }

  /** A recorded digest not posted for a missing permission: kept, tried at the channel's next run. */
  private async refused(p: PendingDigest, access: ChannelAccess): Promise<RunOutcome> {
    const error = accessError(access);
    await this.keepFailed(p.id, { error, permanent: true, retryAt: null, tried: false });
    return { kind: "failed", channel: p.channel, digest: p.id, permanent: true, error };
  }

  /** Note on a kept digest, and on its schedule's last run, why it was not posted. */
  private keepFailed(
    id: string,
    why: { error: string; permanent: boolean; retryAt: string | null; tried: boolean },
  ): Promise<void> {
    return this.deps.store.update((d) => {
      const q = d.pending.find((x) => x.id === id);
      if (q)
        Object.assign(q, {
          attempts: q.attempts + (why.tried ? 1 : 0),
          lastError: why.error,
          permanent: why.permanent,
          retryAt: why.retryAt,
        });
      for (const s of Object.values(d.schedules))
        if (s.lastRun?.digest === id) Object.assign(s.lastRun, { outcome: "failed", detail: why.error });
    });
  }

  /**
   * Past the nonce window: ask the poster which parts already stand in the channel. Without the right to read its
   * history the channel only looks empty, so it is not asked.
   */
  private async findPosted(p: PendingDigest, access: ChannelAccess | null): Promise<void> {
    const wanted = p.parts.flatMap((part, i) => (part.messageId ? [] : [i + 1]));
    const blind = access?.canReadHistory === false;
    const posted = blind ? null : await this.deps.poster.findPosted(p.channel, p.id, wanted);
    if (!posted) {
      const why = blind
        ? "the bot lacks Read Message History there, so the channel looks empty to it"
        : "reading them failed";
      this.deps.log.warn(
        { channel: p.channel, digest: p.id },
        `cannot read the channel's recent messages to check for digest parts posted before a restart (${why}); posting with Discord's nonce only, so a part posted before the restart may appear twice`,
      );
      return;
    }
    const found = new Map([...posted].map(([part, messageId]) => [part - 1, messageId]));
    if (!found.size) return;
    await this.deps.store.update((d) => {
      const q = d.pending.find((x) => x.id === p.id);
      if (q) for (const [i, messageId] of found) q.parts[i].messageId = messageId;
    });
    this.deps.log.info(
      { channel: p.channel, digest: p.id, parts: [...found.keys()].map((i) => i + 1) },
      "digest parts found already posted",
    );
  }

  /** Runs for one channel happen one at a time; different channels do not wait for each other. */
  private withChannel<T>(channel: string, fn: () => Promise<T>): Promise<T> {
    const before = this.locks.get(channel) ?? Promise.resolve();
    const next = before.then(fn, fn);
    const settled = next.catch(() => undefined);
    this.locks.set(channel, settled);
    void settled.then(() => {
      if (this.locks.get(channel) === settled) this.locks.delete(channel);
    });
    return next;
  }
}
