/**
 * Every wait on the file system that a start or a rebuild depends on has a limit: a cache on a dead network mount,
 * or a pipe where a file should be, must not hang the bot. A wait past its limit rejects with TimedOut (the work
 * itself cannot be cancelled; its result is ignored).
 */
export class TimedOut extends Error {}

/** How long a file-system wait may take by default. */
export const FS_WAIT_MS = 10_000;

/** `work`, or a TimedOut naming `what` once `ms` have passed. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`${what} did not finish within ${ms / 1000} s`)), ms);
    timer.unref();
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
