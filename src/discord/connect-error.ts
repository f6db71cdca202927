import { DiscordAPIError, HTTPError } from "discord.js";

/**
 * Why connecting to Discord at start-up failed, in one line, and whether trying again can help. A server that boots
 * before its network (no route, DNS not ready, refused) keeps trying; a refused token or a wrong API address does not.
 */
export interface ConnectFailure {
  retry: boolean;
  message: string;
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ENOTFOUND: "the host name could not be resolved (DNS)",
  EAI_AGAIN: "DNS is not answering yet",
  ETIMEDOUT: "the connection timed out",
  ECONNRESET: "the connection was reset",
  ENETUNREACH: "the network is unreachable",
  EHOSTUNREACH: "the host is unreachable",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
  UND_ERR_SOCKET: "the connection broke",
};

/** The error code deepest in an error's causes (fetch wraps the socket's error). */
function rootCode(err: unknown): string | null {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === "string" && e.code in NETWORK_CODES) return e.code;
    e = e.cause as typeof e;
  }
  return null;
}

export function classifyConnectError(err: unknown, host: string): ConnectFailure {
  const token = "check DISCORD_TOKEN (Developer Portal → your app → Bot → Reset Token)";
  if ((err as { code?: unknown })?.code === "TokenInvalid")
    return { retry: false, message: `Discord refused the bot token: ${token}` };
  if (err instanceof DiscordAPIError) {
    if (err.status === 401) return { retry: false, message: `Discord refused the bot token (401): ${token}` };
    if (err.status === 429 || err.status >= 500)
      return { retry: true, message: `Discord answered ${err.status} at ${host}` };
    return {
      retry: false,
      message: `Discord answered ${err.status} (${err.message}) at ${host}: check DISCORD_API_URL (unset it for Discord)`,
    };
  }
  if (err instanceof HTTPError) return { retry: true, message: `Discord answered ${err.status} at ${host}` };
  const code = rootCode(err);
  if (code) return { retry: true, message: `cannot reach Discord at ${host}: ${NETWORK_CODES[code]} (${code})` };
  const name = (err as { name?: unknown })?.name;
  if (name === "AbortError" || name === "TimeoutError")
    return { retry: true, message: `Discord at ${host} did not answer in time` };
  return {
    retry: false,
    message: `could not connect to Discord at ${host}: ${String((err as Error)?.message ?? err)}`,
  };
}

/**
 * `work`, or a rejection as soon as `signal` aborts: Ctrl-C while Discord takes the connection and never answers
 * (discord.js waits 15 s for each request and tries it again) ends the start at once; the work is left to fail
 * unheard.
 */
export function untilStopped<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(new Error("stopped while connecting to Discord"));
    if (signal.aborted) return stop();
    signal.addEventListener("abort", stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", stop));
  });
}
