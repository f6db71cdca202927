// Recorded REST calls and the waits tests build on them (base class of DiscordEmulator).
import { EventEmitter } from "node:events";
import { requestMatcher } from "./failures.ts";
import type { MentionViolation, RecordedCall, RequestMatcher, WaitOptions } from "./types.ts";

export const DEFAULT_TIMEOUT = 5000;

export class CallRecorder {
  /** Every REST call, in arrival order. */
  readonly calls: RecordedCall[] = [];
  /** REST calls that matched no route (404 / 405). */
  readonly unknownRoutes: RecordedCall[] = [];
  protected readonly events = new EventEmitter();
  private readonly pending = new Set<() => void>();

  constructor() {
    this.events.setMaxListeners(0);
  }

  /** Rejects every pending wait (used by stop()). */
  protected cancelWaits(): void {
    for (const cancel of [...this.pending]) cancel();
  }

  protected record(call: RecordedCall): void {
    this.calls.push(call);
    if (call.route === null) this.unknownRoutes.push(call);
    this.events.emit("call", call);
  }

  /** Calls matching method + path (exact, `:param` / `*` pattern, or RegExp). */
  callsTo(method: string | undefined, path: string | RegExp): RecordedCall[] {
    const test = requestMatcher({ method, path });
    return this.calls.filter((c) => test(c.method, c.path));
  }

  /** Calls whose body creates or edits a message (callbacks 4/7, webhook POST/PATCH, channel POST/PATCH). */
  messageCalls(): RecordedCall[] {
    return this.calls.filter((c) => c.message !== undefined);
  }

  /** The message part of the most recent message-creating/editing body. */
  lastMessageBody(): Record<string, unknown> | undefined {
    return this.messageCalls().at(-1)?.message?.body;
  }

  /** Message bodies that lack a ping-proof allowed_mentions, or that would actually ping someone. */
  mentionViolations(calls: RecordedCall[] = this.calls): MentionViolation[] {
    const out: MentionViolation[] = [];
    for (const call of calls.filter((c) => c.message !== undefined)) {
      const m = call.message!;
      const { users, roles, everyone, repliedUser } = m.pings;
      if (!m.hasAllowedMentions)
        out.push({ call, reason: "no allowed_mentions (Discord's defaults would parse mentions)" });
      else if (!m.mentionSafe)
        out.push({ call, reason: `allowed_mentions permits pings: ${JSON.stringify(m.allowedMentions)}` });
      if (users.length || roles.length || everyone || repliedUser) {
        out.push({
          call,
          reason: `would ping users=${users} roles=${roles} everyone=${everyone} repliedUser=${repliedUser}`,
        });
      }
    }
    return out;
  }

  /** Throws, listing offending calls, unless every message body so far was ping-proof. */
  assertNoPings(calls: RecordedCall[] = this.calls): void {
    const v = this.mentionViolations(calls);
    if (v.length)
      throw new Error(
        `[emulator] ${v.length} message bodies could ping:\n${v.map((x) => `  #${x.call.seq} ${x.call.method} ${x.call.path}: ${x.reason}`).join("\n")}`,
      );
  }

  /** A short listing of the last calls, for failure messages. */
  describeCalls(last = 15): string {
    return this.calls
      .slice(-last)
      .map((c) => `  #${c.seq} ${c.method} ${c.path} → ${c.status}${c.injected ? " (injected)" : ""}`)
      .join("\n");
  }

  protected wait<T, A extends unknown[]>(
    source: EventEmitter,
    event: string,
    check: (...args: A) => T | undefined,
    what: string,
    timeoutMs: number,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        source.off(event, listener);
        this.pending.delete(cancel);
      };
      const listener = (...args: unknown[]) => {
        let value: T | undefined;
        try {
          value = check(...(args as A));
        } catch (err) {
          cleanup();
          reject(err);
          return;
        }
        if (value !== undefined) {
          cleanup();
          resolve(value);
        }
      };
      const cancel = () => {
        cleanup();
        reject(new Error(`[emulator] stopped while waiting for ${what}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `[emulator] timed out after ${timeoutMs} ms waiting for ${what}; last REST calls:\n${this.describeCalls()}`,
          ),
        );
      }, timeoutMs);
      source.on(event, listener);
      this.pending.add(cancel);
    });
  }

  /** Resolves with the first recorded call satisfying `pred` (past calls included unless includePast: false). */
  waitFor(pred: (c: RecordedCall) => boolean, opts: WaitOptions & { what?: string } = {}): Promise<RecordedCall> {
    if (opts.includePast !== false) {
      const found = this.calls.find(pred);
      if (found) return Promise.resolve(found);
    }
    return this.wait(
      this.events,
      "call",
      (c: RecordedCall) => (pred(c) ? c : undefined),
      opts.what ?? "a matching REST call",
      opts.timeoutMs ?? DEFAULT_TIMEOUT,
    );
  }

  waitForCall(matcher: RequestMatcher & { status?: number }, opts: WaitOptions = {}): Promise<RecordedCall> {
    const test = requestMatcher(matcher);
    return this.waitFor(
      (c) => test(c.method, c.path) && (matcher.status === undefined || c.status === matcher.status),
      {
        ...opts,
        what: `${matcher.method ?? "*"} ${String(matcher.path)}`,
      },
    );
  }

  /** The first callback POST for an interaction (any status). */
  waitForCallback(interactionId: string, opts: WaitOptions = {}): Promise<RecordedCall> {
    return this.waitFor((c) => c.route === "/interactions/:id/:token/callback" && c.interactionId === interactionId, {
      ...opts,
      what: `the callback of interaction ${interactionId}`,
    });
  }
}
