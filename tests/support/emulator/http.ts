// HTTP plumbing: body parsing (JSON and multipart payload_json), a tiny router, JSON responses.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Errors } from "./errors.ts";
import type { RecordedCall, RecordedFile } from "./types.ts";

export const API_PREFIX = "/api/v10";

export interface ParsedRequest {
  method: string;
  /** Decoded path without /api/v10, or null when the request is outside /api/v10. */
  path: string | null;
  rawPath: string;
  query: Record<string, string>;
  headers: IncomingMessage["headers"];
  body: unknown;
  files: RecordedFile[];
}

function decodePath(pathname: string): string {
  return pathname
    .split("/")
    .map((seg) => {
      try {
        return decodeURIComponent(seg);
      } catch {
        return seg;
      }
    })
    .join("/");
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads the request. Body problems are returned as `bodyError` so the call is still recorded. */
export async function parseRequest(req: IncomingMessage): Promise<{ parsed: ParsedRequest; bodyError?: Error }> {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const decoded = decodePath(url.pathname);
  const path =
    decoded === API_PREFIX || decoded.startsWith(`${API_PREFIX}/`) ? decoded.slice(API_PREFIX.length) || "/" : null;
  const parsed: ParsedRequest = {
    method: (req.method ?? "GET").toUpperCase(),
    path,
    rawPath: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    body: undefined,
    files: [],
  };
  const raw = await readRaw(req);
  if (raw.length === 0) return { parsed };
  const type = String(req.headers["content-type"] ?? "");
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await new Response(raw, { headers: { "content-type": type } }).formData();
      for (const [field, value] of form.entries()) {
        if (typeof value === "string") {
          if (field === "payload_json") parsed.body = JSON.parse(value);
        } else {
          parsed.files.push({ field, filename: value.name, contentType: value.type, size: value.size });
        }
      }
    } else {
      parsed.body = JSON.parse(raw.toString("utf8"));
    }
  } catch {
    return { parsed, bodyError: Errors.invalidJson() };
  }
  return { parsed };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  res
    .writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers })
    .end(text);
}

export interface RouteContext {
  req: ParsedRequest;
  path: string;
  params: Record<string, string>;
  /** The call being recorded; handlers annotate `interactionId` and `message`. */
  call: RecordedCall;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteDef {
  method: string;
  pattern: string;
  /** Requires `Authorization: Bot <token>` (interaction callback / webhook-token routes do not). */
  auth: boolean;
  handle: (ctx: RouteContext) => RouteResult;
}

export type RouteMatch = { route: RouteDef; params: Record<string, string> } | { methodNotAllowed: true } | null;

export class Router {
  private readonly routes: { def: RouteDef; segs: string[] }[] = [];

  add(...defs: RouteDef[]): this {
    for (const def of defs) this.routes.push({ def, segs: def.pattern.split("/").slice(1) });
    return this;
  }

  match(method: string, path: string): RouteMatch {
    const segs = path.split("/").slice(1);
    let pathMatched = false;
    for (const { def, segs: pat } of this.routes) {
      if (pat.length !== segs.length) continue;
      const params: Record<string, string> = {};
      const ok = pat.every((p, i) => {
        if (p.startsWith(":")) {
          params[p.slice(1)] = segs[i]!;
          return segs[i] !== "";
        }
        return p === segs[i];
      });
      if (!ok) continue;
      if (def.method === method) return { route: def, params };
      pathMatched = true;
    }
    return pathMatched ? { methodNotAllowed: true } : null;
  }
}
