import { DefaultRestOptions, type RESTOptions, type ResponseLike } from "discord.js";

/**
 * A 429 without Discord's rate-limit headers, made safe. Discord's own 429s carry `X-RateLimit-*` headers and a
 * `Retry-After`, which discord.js waits out. A 429 from in front of Discord (Cloudflare, when a host sends too many
 * invalid requests; a proxy) carries none of them, and discord.js then sends the request again at once, for as long
 * as the 429s last: dozens of requests in milliseconds, each one counting towards the limit that caused them.
 *
 * Every request discord.js makes passes through `pacedRequests`: such a 429 is handed on as a global rate limit with
 * a `Retry-After` of at least the wait the body or header asks for, and at least `firstMs`, doubled for each such
 * 429 in a row up to `maxMs`. discord.js then holds every request of that client until the wait is over (Cloudflare
 * blocks by address, not by route).
 */

export interface HeaderlessWait {
  /** Wait after the first header-less 429, in ms. */
  firstMs: number;
  /** Longest wait, however many come in a row. */
  maxMs: number;
}

export const HEADERLESS_WAIT: HeaderlessWait = { firstMs: 1000, maxMs: 60_000 };

export interface HeaderlessInfo {
  method: string;
  /** The request's path, without the API address and its query. */
  path: string;
  /** How long requests are held. */
  waitMs: number;
  /** How many header-less 429s in a row, this one included. */
  inRow: number;
}

type MakeRequest = RESTOptions["makeRequest"];

const hasRateLimitHeaders = (res: ResponseLike) => [...res.headers.keys()].some((k) => k.startsWith("x-ratelimit-"));

/** Seconds asked for in `{ "retry_after": n }`, when the body says so. */
function bodyRetryAfter(text: string): number {
  try {
    const value = (JSON.parse(text) as { retry_after?: unknown }).retry_after;
    return typeof value === "number" && Number.isFinite(value) ? value : 0;
  } catch {
    return 0; // Cloudflare's own pages are HTML
  }
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname.replace(/^\/api(\/v\d+)?/, "");
  } catch {
    return url;
  }
}

/** discord.js's request function, with header-less 429s turned into a held global wait (see above). */
export function pacedRequests(
  onHeaderless: (info: HeaderlessInfo) => void,
  wait: HeaderlessWait = HEADERLESS_WAIT,
  inner: MakeRequest = DefaultRestOptions.makeRequest,
): MakeRequest {
  let inRow = 0;
  return async (url, init) => {
    const res = await inner(url, init);
    if (res.status !== 429) inRow = 0;
    if (res.status !== 429 || hasRateLimitHeaders(res)) return res;
    inRow++;
    const text = await res.text();
    const askedSeconds = Math.max(bodyRetryAfter(text), Number(res.headers.get("retry-after")) || 0);
    const floorMs = Math.min(wait.maxMs, wait.firstMs * 2 ** (inRow - 1));
    const waitMs = Math.max(Math.ceil(askedSeconds * 1000), floorMs);
    onHeaderless({ method: String(init.method ?? "GET").toUpperCase(), path: pathOf(url), waitMs, inRow });
    const headers = new Headers();
    res.headers.forEach((value, key) => headers.set(key, value));
    headers.set("retry-after", String(waitMs / 1000));
    headers.set("x-ratelimit-global", "true");
    headers.set("x-ratelimit-scope", "shared");
    return new Response(text, { status: 429, statusText: res.statusText, headers });
  };
}

/** The line a header-less 429 is logged with. */
export function headerlessLine(info: HeaderlessInfo): string {
  return `Discord answered ${info.method} ${info.path} with 429 but no rate-limit headers (${info.inRow} in a row; Cloudflare does this when this host sent too many invalid requests): holding all requests for ${Math.round(info.waitMs / 100) / 10} s`;
}
