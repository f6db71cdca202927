import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Readable } from "node:stream";
import { UserError } from "../user-error.ts";
import { isPrivateAddress } from "./private-address.ts";

/**
 * Fetching what a user asks the bot to fetch, safely: http and https only; each redirect hop checked again, a few at
 * most; no private, loopback or link-local address unless `allowPrivate` (tests serve pages on 127.0.0.1), checked on
 * the address actually connected to, so a name that resolves to one is refused too; one time-out for the whole
 * fetch; a size cap on the bytes as received and as decompressed. Every refusal is a UserError of one line.
 */
export interface FetchLimits {
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { allowPrivate: false, timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024 };

export interface Fetched {
  /** Where the content came from, after redirects. */
  url: string;
  /** The Content-Type header, lower case ("" when absent). */
  contentType: string;
  bytes: Buffer;
}

const MAX_REDIRECTS = 5;
const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

class PrivateAddress extends Error {
  constructor(readonly address: string) {
    super(`private address ${address}`);
  }
}

/** A link as a URL the fetcher may follow, or a UserError saying why not. */
export function checkLink(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    throw new UserError(`"${raw.slice(0, 100)}" is not a link: give the full address, starting with https://.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UserError(`Only http and https links can be fetched (that one is ${url.protocol}).`);
  if (url.username || url.password) throw new UserError("Links with a user name or password in them are not fetched.");
  return url;
}

/** DNS lookup that refuses private addresses (the check the connection itself goes through). */
function guardedLookup(limits: FetchLimits): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, "", 0);
      const bad = addresses.find((a) => isPrivateAddress(a.address));
      if (bad && !limits.allowPrivate) return callback(new PrivateAddress(bad.address), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

function refusalFor(err: unknown, url: URL, limits: FetchLimits): UserError {
  if (err instanceof UserError) return err;
  if (err instanceof PrivateAddress)
    return new UserError(
      `That link leads to a private or local address (${err.address}), which the bot does not fetch.`,
    );
  const e = err as { name?: string; code?: string };
  if (e.name === "AbortError" || e.name === "TimeoutError" || e.code === "ABORT_ERR")
    return new UserError(`The site did not answer in ${seconds(limits.timeoutMs)}.`);
  if (e.code === "ENOTFOUND" || e.code === "EAI_AGAIN")
    return new UserError(`There is no site at ${url.hostname} (its name could not be found).`);
  if (e.code === "ECONNREFUSED") return new UserError(`${url.host} refused the connection.`);
  if (e.code?.startsWith("ERR_TLS") || e.code?.includes("CERT"))
    return new UserError(`${url.host} has no valid security certificate (${e.code}).`);
  return new UserError(`The site could not be reached (${e.code ?? e.name ?? "network error"}).`);
}

/** One request, resolved with the response head; private literal addresses refused before connecting. */
function request(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && isPrivateAddress(host) && !limits.allowPrivate) return Promise.reject(new PrivateAddress(host));
  const get = url.protocol === "https:" ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const req = get(
      url,
      {
        lookup: guardedLookup(limits),
        signal,
        headers: {
          "user-agent": "briefings-bot/0.1 (+newsroom archive)",
          accept: "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
          "accept-encoding": "gzip, deflate, br",
        },
      },
      resolve,
    );
    req.on("error", reject);
  });
}

/** The body, decompressed, at most `maxBytes` (as sent and as decompressed). */
async function readBody(res: IncomingMessage, limits: FetchLimits): Promise<Buffer> {
  const tooLarge = () => new UserError(`The page is larger than ${mb(limits.maxBytes)}, the most the bot fetches.`);
  const declared = Number(res.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    res.destroy();
    throw tooLarge();
  }
  const encoding = String(res.headers["content-encoding"] ?? "").toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? createGunzip()
      : encoding === "deflate"
        ? createInflate()
        : encoding === "br"
          ? createBrotliDecompress()
          : null;
  const stream: Readable = decoder ? res.pipe(decoder) : res;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > limits.maxBytes) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } finally {
    res.destroy();
  }
  return Buffer.concat(chunks);
}

async function follow(start: URL, limits: FetchLimits, signal: AbortSignal): Promise<Fetched> {
  let url = start;
  for (let hop = 0; ; hop++) {
    let res: IncomingMessage;
    try {
      res = await request(url, limits, signal);
    } catch (err) {
      throw refusalFor(err, url, limits);
    }
    const status = res.statusCode ?? 0;
    const location = res.headers.location;
    if (status >= 300 && status < 400 && location) {
      res.resume();
      if (hop >= MAX_REDIRECTS) throw new UserError(`The link redirects more than ${MAX_REDIRECTS} times.`);
      url = checkLink(location, url.href);
      continue;
    }
    if (status !== 200) {
      res.resume();
      throw new UserError(`The site answered ${status}${res.statusMessage ? ` ${res.statusMessage}` : ""}.`);
    }
    try {
      const bytes = await readBody(res, limits);
      return { url: url.href, contentType: String(res.headers["content-type"] ?? "").toLowerCase(), bytes };
    } catch (err) {
      throw refusalFor(err, url, limits);
    }
  }
}

/** Fetch a link within the limits; a UserError of one line for every refusal. */
export async function safeFetch(link: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<Fetched> {
  const url = checkLink(link);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  return follow(url, limits, signal);
}
