import { setTimeout as sleep } from "node:timers/promises";
import { DiscordAPIError, HTTPError, RateLimitError, REST, Routes } from "discord.js";
import type { APIMessage } from "discord-api-types/v10";
import type { DigestPoster, MessageBody, PostResult } from "../digest/ports.ts";
import { refIn } from "./digest-messages.ts";
import { pacedRequests, type HeaderlessInfo, type HeaderlessWait } from "./rate-limits.ts";

/**
 * Posting digest messages to a channel over Discord's REST API, with the nonce that makes a
 * repeated post return the first message (`enforce_nonce: true`). A temporary failure (429,
 * 5xx, a network error or timeout) is retried with exponential backoff; a permanent one
 * (missing access, unknown channel, a body Discord refuses) is returned at once with a
 * message saying what to fix.
 */

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** Wait before try n+1 (n from 1), in ms. */
  backoffMs: (n: number) => number;
}

/** 1 s, 2 s, 4 s, 8 s (±20 %), then give up until the scheduler tries again. */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  backoffMs: (n) => Math.min(30_000, 1000 * 2 ** (n - 1)) * (0.8 + Math.random() * 0.4),
};

/** What to do about a post Discord refused, in words: its codes name a permission or a setting. */
function refusalFix(status: number, code: number | null): string {
  if (code === 50006)
    return "Discord found nothing to post, which means the bot lacks Embed Links in that channel (Discord strips the embeds a digest is made of): give the bot Embed Links there";
  if (code === 50013)
    return "the bot lacks a permission in that channel (Missing Permissions): give it View Channel, Send Messages, Embed Links and Read Message History there";
  if (status === 403 || code === 50001)
    return "give the bot View Channel, Send Messages and Embed Links in that channel";
  if (status === 404 || code === 10003)
    return "the channel does not exist or the bot is not in its server: fix DIGEST_SCHEDULES";
  if (status === 401) return "the bot token was refused: check DISCORD_TOKEN";
  return "Discord refused the message";
}

/** What a failure means: whether trying again can help, and a line saying what happened. */
export function classify(err: unknown): {
  permanent: boolean;
  error: string;
  status: number | null;
  code: number | null;
  /** Discord asked for at least this wait before the next try. */
  retryAfterMs?: number;
} {
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === "number" ? err.code : null;
    const what = `${err.status} ${err.message}${code !== null ? ` (code ${code})` : ""}`;
    if (err.status === 429 || err.status === 408) return { permanent: false, error: what, status: err.status, code };
    const fix = refusalFix(err.status, code);
    return { permanent: true, error: `${what}: ${fix}`, status: err.status, code };
  }
  if (err instanceof HTTPError)
    return {
      permanent: false,
      error: `${err.status} ${err.message || "server error"}`,
      status: err.status,
      code: null,
    };
  if (err instanceof RateLimitError)
    return {
      permanent: false,
      error: `rate limited for ${Math.round(err.retryAfter)} ms`,
      status: 429,
      code: null,
      retryAfterMs: err.retryAfter,
    };
  const e = err as { name?: string; message?: string; cause?: { code?: string } };
  const detail = e?.cause?.code ?? e?.name ?? "error";
  return { permanent: false, error: `network: ${e?.message ?? String(err)} (${detail})`, status: null, code: null };
}

export class RestPoster implements DigestPoster {
  constructor(
    private readonly rest: REST,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    /** Aborted when the bot stops: no more retries are waited for. */
    private readonly signal?: AbortSignal,
    private readonly onRetry: (info: {
      channel: string;
      attempt: number;
      error: string;
      waitMs: number;
    }) => void = () => undefined,
  ) {}

  async post(channelId: string, body: MessageBody, nonce: string): Promise<PostResult> {
    let last: ReturnType<typeof classify> = { permanent: false, error: "not tried", status: null, code: null };
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      // A signal of its own for each request (discord.js never removes the listener it adds).
      const request = new AbortController();
      const abort = () => request.abort();
      this.signal?.addEventListener("abort", abort, { once: true });
      try {
        if (this.signal?.aborted) throw new Error("stopping");
        const route = Routes.channelMessages(channelId);
        const message = (await this.rest.post(route, {
          body: { ...body, nonce, enforce_nonce: true },
          signal: request.signal,
        })) as APIMessage;
        return { ok: true, messageId: message.id };
      } catch (err) {
        last = classify(err);
        if (last.permanent || attempt === this.retry.attempts || this.signal?.aborted) break;
        const waitMs = Math.max(0, Math.round(this.retry.backoffMs(attempt)), Math.ceil(last.retryAfterMs ?? 0));
        this.onRetry({ channel: channelId, attempt, error: last.error, waitMs });
        try {
          await sleep(waitMs, undefined, this.signal ? { signal: this.signal } : undefined);
        } catch {
          break; // stopping
        }
      } finally {
        this.signal?.removeEventListener("abort", abort);
      }
    }
    const { retryAfterMs: _wait, ...failure } = last;
    return { ok: false, ...failure };
  }

  /** Parts of the digest found in the channel's last 100 messages by the reference their first embed carries. */
  async findPosted(channelId: string, digestId: string, parts: readonly number[]): Promise<Map<number, string> | null> {
    const recent = await this.recent(channelId, 100);
    if (!recent) return null;
    const found = new Map<number, string>();
    for (const part of parts) {
      const m = recent.find((msg) => {
        const ref = refIn(msg.embeds);
        return ref !== null && ref[0] === digestId && ref[1] === part;
      });
      if (m) found.set(part, m.id);
    }
    return found;
  }

  private async recent(channelId: string, limit: number): Promise<APIMessage[] | null> {
    try {
      return (await this.rest.get(Routes.channelMessages(channelId), {
        query: new URLSearchParams({ limit: String(limit) }),
      })) as APIMessage[];
    } catch {
      return null;
    }
  }
}

export interface DigestRestSettings {
  api?: string;
  globalRequestsPerSecond?: number;
  headerlessWait?: HeaderlessWait;
  onHeaderless?: (info: HeaderlessInfo) => void;
}

/**
 * A REST client for posting digests: discord.js waits out a route's 429 itself; a global one (Discord's, or a 429
 * without rate-limit headers, see rate-limits.ts) is handed to the poster, which waits for it in a way a stop can cut
 * short. Other retries are the poster's too.
 */
export function digestRest(token: string, settings: DigestRestSettings = {}): REST {
  return new REST({
    retries: 0,
    ...(settings.api ? { api: settings.api } : {}),
    ...(settings.globalRequestsPerSecond ? { globalRequestsPerSecond: settings.globalRequestsPerSecond } : {}),
    makeRequest: pacedRequests(settings.onHeaderless ?? (() => undefined), settings.headerlessWait),
    // A global 429 (Discord's, or a header-less one): the poster waits. discord.js's own request cap: it waits.
    rejectOnRateLimit: (limit) => limit.global && limit.scope !== "user",
  }).setToken(token);
}
