/**
 * Time as the digest scheduler sees it. The bot uses the system clock; tests pass a clock
 * they move by hand, so "8:00 tomorrow" arrives when the test says so.
 */
export interface Clock {
  now(): number;
  /** Call `fn` after `ms`; returns a function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const t = setTimeout(fn, ms);
    t.unref();
    return () => clearTimeout(t);
  },
};

/** A clock that moves only when told to, firing the timers that fall due. */
export class ManualClock implements Clock {
  private timers: Array<{ at: number; fn: () => void }> = [];

  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  setTimer(fn: () => void, ms: number): () => void {
    const timer = { at: this.time + Math.max(0, ms), fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Move to `time` (never backwards) and fire every timer due by then. */
  set(time: number): void {
    this.time = Math.max(this.time, time);
    const due = this.timers.filter((t) => t.at <= this.time);
    this.timers = this.timers.filter((t) => t.at > this.time);
    for (const t of due) t.fn();
  }

  advance(ms: number): void {
    this.set(this.time + ms);
  }
}
