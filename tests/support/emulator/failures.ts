// Failure injection: make the next N requests matching (method, path) fail with a given status, body and headers.
import type { FailureHandle, FailureRule, RequestMatcher } from "./types.ts";

interface ActiveRule {
  rule: FailureRule;
  test: (method: string, path: string) => boolean;
  remaining: number;
  hits: number;
}

/** `/channels/:id/messages` or `/channels/*` → anchored RegExp; RegExps are used as given. */
export function pathMatcher(path: string | RegExp): (p: string) => boolean {
  if (path instanceof RegExp) return (p) => path.test(p);
  const source = path
    .split("/")
    .map((seg) => (seg === "*" ? ".*" : seg.startsWith(":") ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  const re = new RegExp(`^${source}$`);
  return (p) => re.test(p);
}

export function requestMatcher(m: RequestMatcher): (method: string, path: string) => boolean {
  const matchPath = pathMatcher(m.path);
  const method = m.method?.toUpperCase();
  return (meth, p) => (method === undefined || method === meth) && matchPath(p);
}

export class FailureRules {
  private rules: ActiveRule[] = [];

  add(rule: FailureRule): FailureHandle {
    const active: ActiveRule = { rule, test: requestMatcher(rule), remaining: rule.times ?? 1, hits: 0 };
    this.rules.push(active);
    return {
      get hits() {
        return active.hits;
      },
      get remaining() {
        return active.remaining;
      },
      cancel: () => {
        this.rules = this.rules.filter((r) => r !== active);
      },
    };
  }

  /** Consumes and returns the first rule matching this request, if any. */
  take(method: string, path: string): FailureRule | undefined {
    const active = this.rules.find((r) => r.remaining > 0 && r.test(method, path));
    if (!active) return undefined;
    active.remaining--;
    active.hits++;
    if (active.remaining <= 0) this.rules = this.rules.filter((r) => r !== active);
    return active.rule;
  }

  clear(): void {
    this.rules = [];
  }
}

/** A Discord 429 with the headers @discordjs/rest reads. `retryAfter` is in seconds (may be fractional). */
export function rateLimitRule(
  matcher: RequestMatcher,
  opts: { retryAfter?: number; global?: boolean; scope?: "user" | "global" | "shared"; times?: number } = {},
): FailureRule {
  const retryAfter = opts.retryAfter ?? 0.05;
  const global = opts.global ?? false;
  const scope = opts.scope ?? (global ? "global" : "user");
  const headers: Record<string, string> = {
    "retry-after": String(retryAfter),
    "x-ratelimit-limit": "5",
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": String((Date.now() / 1000 + retryAfter).toFixed(3)),
    "x-ratelimit-reset-after": String(retryAfter),
    "x-ratelimit-bucket": "emulator-bucket",
    "x-ratelimit-scope": scope,
  };
  if (global) headers["x-ratelimit-global"] = "true";
  return {
    ...matcher,
    status: 429,
    body: { message: "You are being rate limited.", retry_after: retryAfter, global },
    headers,
    times: opts.times ?? 1,
  };
}

/** Where a header-less 429 says how long to wait: in the body (`retry_after`), a Retry-After header, both, neither. */
export type RetryAfterIn = "body" | "header" | "both" | "neither";

/**
 * A 429 as something in front of Discord sends it (Cloudflare, a proxy): none of the `X-RateLimit-*` headers, and the
 * wait (`retryAfter`, seconds) given where `in` says (default: the body only).
 */
export function headerlessRateLimitRule(
  matcher: RequestMatcher,
  opts: { retryAfter?: number; in?: RetryAfterIn; times?: number } = {},
): FailureRule {
  const retryAfter = opts.retryAfter ?? 0.05;
  const where = opts.in ?? "body";
  const inBody = where === "body" || where === "both";
  const inHeader = where === "header" || where === "both";
  return {
    ...matcher,
    status: 429,
    body: { message: "You are being rate limited.", ...(inBody ? { retry_after: retryAfter } : {}) },
    headers: inHeader ? { "retry-after": String(retryAfter) } : {},
    times: opts.times ?? 1,
  };
}
