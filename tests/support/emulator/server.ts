// The HTTP side: one request → failure rules → route → auth → handler → recorded call → response.
import type { IncomingMessage, ServerResponse } from "node:http";
import { DiscordHttpError, Errors } from "./errors.ts";
import type { FailureRules } from "./failures.ts";
import { parseRequest, sendJson, type Router } from "./http.ts";
import type { EmulatorState } from "./state.ts";
import type { RecordedCall } from "./types.ts";

export interface RestDeps {
  state: EmulatorState;
  router: Router;
  failures: FailureRules;
  /** Called once per request, after the response is decided and before it is written. */
  record: (call: RecordedCall) => void;
  log: boolean;
}

export function createRestHandler(deps: RestDeps): (req: IncomingMessage, res: ServerResponse) => void {
  let seq = 0;
  return (req, res) => {
    void handle(req, res).catch((err: unknown) => {
      process.stderr.write(`[discord-emulator] internal error: ${String((err as Error)?.stack ?? err)}\n`);
      sendJson(res, 500, { message: "500: Internal Server Error (emulator bug)", code: 0 });
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { parsed, bodyError } = await parseRequest(req);
    const call: RecordedCall = {
      seq: ++seq,
      at: deps.state.now(),
      method: parsed.method,
      path: parsed.path ?? parsed.rawPath,
      route: null,
      params: {},
      query: parsed.query,
      body: parsed.body,
      files: parsed.files,
      status: 0,
      response: undefined,
      injected: false,
    };
    let status: number;
    let body: unknown;
    let headers: Record<string, string>;
    const injected = parsed.path !== null ? deps.failures.take(parsed.method, parsed.path) : undefined;
    const match = parsed.path !== null ? deps.router.match(parsed.method, parsed.path) : null;
    if (match && "route" in match) {
      call.route = match.route.pattern;
      call.params = match.params;
    }
    if (injected) {
      call.injected = true;
      status = injected.status;
      body = injected.body ?? (status >= 400 ? { message: `${status}: injected failure`, code: 0 } : undefined);
      headers = injected.headers ?? {};
    } else {
      try {
        if (bodyError) throw bodyError;
        if (parsed.path === null || match === null) throw Errors.notFound();
        if ("methodNotAllowed" in match) throw Errors.methodNotAllowed();
        if (match.route.auth && req.headers.authorization !== `Bot ${deps.state.token}`) throw Errors.unauthorized();
        const result = match.route.handle({ req: parsed, path: parsed.path, params: match.params, call });
        status = result.status;
        body = result.body;
        headers = result.headers ?? {};
      } catch (err) {
        if (!(err instanceof DiscordHttpError)) throw err;
        status = err.status;
        body = err.body();
        headers = err.headers;
      }
    }
    call.status = status;
    call.response = body;
    if (deps.log)
      process.stderr.write(
        `[discord-emulator] ${call.method} ${call.path} → ${status}${call.injected ? " (injected)" : ""}\n`,
      );
    deps.record(call);
    sendJson(res, status, body, headers);
  }
}
