import type { Logger } from "pino";
import type { Clock } from "./clock.ts";
import { nextRunAfter, type Schedule } from "./schedule.ts";
import type { DigestService } from "./service.ts";
import type { LastRun, PendingDigest } from "./store.ts";

/**
 * When digests run. croner computes each schedule's run times in its zone; the scheduler
 * keeps its own timer on an injectable clock, so tests move time by hand. A schedule's run is
 * due when a run time falls after the time its runs are done up to (`coveredUntil`, persisted),
 * and not after now: however many run times passed while the bot was stopped, the run is done
 * once, on start, and covers them all.
 */

export interface ScheduleStatus {
  schedule: Schedule;
  lastRun: LastRun | null;
  /** The next run time; when `dueNow`, the missed one being caught up. */
  next: number | null;
  dueNow: boolean;
  /** A digest recorded for the channel and not yet fully posted. */
  waiting: PendingDigest | null;
}

/** The timer never sleeps longer than this, so a clock change or a suspended machine is noticed. */
const MAX_SLEEP_MS = 60_000;

export class DigestScheduler {
  private cancelTimer: (() => void) | null = null;
  private queue: Promise<void> = Promise.resolve();
  private pendingTicks = 0;
  private stopped = false;
  private lastTickFailed = false;

  constructor(
    readonly service: DigestService,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /**
   * Set up schedules seen for the first time, post digests recorded before a restart, catch
   * up a run missed while stopped (once), then wait for the next run time.
   */
  start(): Promise<void> {
    return this.enqueue(async () => {
      await this.service.baseline();
      await this.service.deliverPending(false);
      await this.runDue();
    });
  }

  /** Do whatever is due now: retries of failed posts, then scheduled runs. */
  tick(): Promise<void> {
    return this.enqueue(async () => {
      await this.service.baseline(); // nothing to do unless setting up failed at start
      await this.service.deliverPending(true);
      await this.runDue();
    });
  }

  /** Resolves when no run is in progress or queued. */
  async idle(): Promise<void> {
    while (this.pendingTicks > 0) await this.queue;
  }

  /** No more runs; waits for the one in progress (its posts stop retrying when the poster's signal is aborted). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    await this.idle();
  }

  status(): ScheduleStatus[] {
    const now = this.clock.now();
    const state = this.service.state;
    return this.service.schedules.map((schedule) => {
      const s = state.schedules[schedule.key];
      const after = s ? Date.parse(s.coveredUntil) : now;
      const next = nextRunAfter(schedule, after);
      const dueNow = next !== null && next <= now;
      return {
        schedule,
        lastRun: s?.lastRun ?? null,
        next,
        dueNow,
        waiting: state.pending.find((p) => p.channel === schedule.channel) ?? null,
      };
    });
  }

  private async runDue(): Promise<void> {
    const due = this.status().filter((s) => s.dueNow && s.next !== null);
    const results = await Promise.allSettled(due.map((s) => this.service.run(s.schedule.channel, s.schedule, s.next)));
    results.forEach((r, i) => {
      if (r.status === "rejected") {
        this.lastTickFailed = true;
        this.log.error(
          { err: r.reason, schedule: due[i].schedule.key },
          "digest run failed unexpectedly; it is tried again shortly",
        );
      }
    });
  }

  private enqueue(fn: () => Promise<void>): Promise<void> {
    this.pendingTicks++;
    const run = async () => {
      if (this.stopped) return;
      this.lastTickFailed = false;
      try {
        await fn();
      } catch (err) {
        this.lastTickFailed = true;
        this.log.error({ err }, "digest scheduler failed; it is tried again shortly");
      } finally {
        this.pendingTicks--;
        this.arm();
      }
    };
    this.queue = this.queue.then(run);
    return this.queue;
  }

  /** Sleep until the next run time or retry (at most MAX_SLEEP_MS), then tick. */
  private arm(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (this.stopped || this.pendingTicks > 0) return;
    const now = this.clock.now();
    const wakes = this.service.schedules.map((s) => nextRunAfter(s, now)).filter((t): t is number => t !== null);
    const retry = this.service.nextRetryAt();
    if (retry !== null) wakes.push(Math.max(retry, now + 1000));
    if (this.lastTickFailed) wakes.push(now + this.service.options.retryLaterMs);
    if (!wakes.length) return;
    const delay = Math.min(Math.max(0, Math.min(...wakes) - now), MAX_SLEEP_MS);
    this.cancelTimer = this.clock.setTimer(() => void this.tick(), delay);
  }
}
