import { Worker, type TransferListItem } from "node:worker_threads";

/** A job as posted: built only when a thread takes it, so that its buffers exist no longer than they must. */
export type PoolJob = () => { message: unknown; transfer: TransferListItem[] };

/** The job a thread is doing, and where its answer goes. */
interface Run {
  jobs: readonly PoolJob[];
  replies: unknown[];
  next: number;
  busy: Map<Worker, number>;
  done: () => void;
}

/**
 * A few worker threads doing jobs handed out one at a time: a thread that answers gets the next job, so threads that
 * drew quick jobs do more of them. The first thread that fails (cannot start, throws, exits) stops them all: the jobs
 * left undone are the caller's to do, and `failure` says why.
 */
export class WorkerPool {
  private readonly workers: Worker[];
  private run: Run | null = null;
  private closing = false;
  failure: string | null = null;

  /** `execArgv`: the threads' Node flags (default: the process's). */
  constructor(url: URL, count: number, workerData: unknown, execArgv?: string[]) {
    this.workers = [];
    try {
      for (let i = 0; i < count; i++) this.workers.push(this.start(url, workerData, execArgv));
    } catch (err) {
      this.fail(`it could not start: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
    }
  }

  private start(url: URL, workerData: unknown, execArgv: string[] | undefined): Worker {
    const w = new Worker(url, { workerData, ...(execArgv ? { execArgv } : {}) });
    w.on("message", (reply: unknown) => this.answered(w, reply));
    w.on("error", (err: unknown) => this.fail(err instanceof Error ? err.message.split("\n")[0] : String(err)));
    w.on("messageerror", (err) => this.fail(`a reply could not be read (${err.message})`));
    w.on("exit", (code) => this.fail(`it stopped (exit code ${code})`));
    return w;
  }

  get size(): number {
    return this.workers.length;
  }

  /** Each job's reply, in job order; undefined for a job left undone because a thread failed. */
  runAll(jobs: readonly PoolJob[]): Promise<unknown[]> {
    const replies: unknown[] = new Array(jobs.length).fill(undefined);
    if (this.failure || !jobs.length) return Promise.resolve(replies);
    return new Promise((resolve) => {
      this.run = { jobs, replies, next: 0, busy: new Map(), done: () => resolve(replies) };
      for (const w of this.workers) this.give(w);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private give(w: Worker): void {
    const run = this.run!;
    if (run.next >= run.jobs.length) {
      if (run.busy.size === 0) this.finish();
      return;
    }
    const at = run.next++;
    run.busy.set(w, at);
    const { message, transfer } = run.jobs[at]();
    w.postMessage(message, transfer);
  }

  private answered(w: Worker, reply: unknown): void {
    const run = this.run;
    const at = run?.busy.get(w);
    if (!run || at === undefined) return;
    run.busy.delete(w);
    const error = (reply as { type?: string; message?: string }).type === "error";
    if (error) return this.fail((reply as { message: string }).message);
    run.replies[at] = reply;
    this.give(w);
  }

  private fail(why: string): void {
    if (this.closing || this.failure) return;
    this.failure = why;
    void this.close();
    this.finish();
  }

  private finish(): void {
    const run = this.run;
    this.run = null;
    run?.done();
  }
}
