// WebSocket gateway (JSON, no compression): HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME, dispatches.
import { EventEmitter } from "node:events";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { randomBytes } from "node:crypto";
import {
  GatewayCloseCodes,
  GatewayIntentBits,
  GatewayOpcodes,
  type GatewayIdentifyData,
  type GatewayResumeData,
} from "discord-api-types/v10";
import { WebSocket, WebSocketServer } from "ws";
import { guildCreate, ready } from "./payloads.ts";
import type { EmulatorState } from "./state.ts";

export const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

export interface GatewaySession {
  id: string;
  ws: WebSocket | null;
  seq: number;
  intents: number;
  identify: GatewayIdentifyData;
  /** Dispatches sent while disconnected, replayed on RESUME. */
  missed: { t: string; s: number; d: unknown }[];
}

export interface ReceivedFrame {
  op: number;
  d: unknown;
  at: number;
  sessionId?: string;
}

interface Connection {
  ws: WebSocket;
  session?: GatewaySession;
}

export interface GatewayOptions {
  heartbeatIntervalMs: number;
  privilegedIntents: number;
  log: boolean;
}

/**
 * Events: "identify" (session), "ready" (session, after all GUILD_CREATEs), "resumed" (session), "frame"
 * (ReceivedFrame).
 */
export class Gateway extends EventEmitter {
  readonly identifies: GatewayIdentifyData[] = [];
  readonly received: ReceivedFrame[] = [];
  readonly sessions = new Map<string, GatewaySession>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections = new Set<Connection>();

  constructor(
    private readonly state: EmulatorState,
    private readonly opts: GatewayOptions,
    private readonly url: () => string,
  ) {
    super();
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req));
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const conn: Connection = { ws };
    this.connections.add(conn);
    ws.on("error", () => undefined);
    ws.on("close", () => {
      this.connections.delete(conn);
      if (conn.session?.ws === ws) conn.session.ws = null;
    });
    const query = new URL(req.url ?? "/", "http://x").searchParams;
    if (query.get("v") !== "10") return void ws.close(GatewayCloseCodes.InvalidAPIVersion, "Invalid API version");
    if ((query.get("encoding") ?? "json") !== "json")
      return void ws.close(GatewayCloseCodes.DecodeError, "Only JSON encoding is emulated");
    if (query.get("compress")) return void ws.close(GatewayCloseCodes.DecodeError, "Compression is not emulated");
    this.send(ws, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.opts.heartbeatIntervalMs },
      s: null,
      t: null,
    });
    ws.on("message", (data, isBinary) => this.onFrame(conn, isBinary ? null : data.toString()));
  }

  private send(ws: WebSocket, payload: unknown): void {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
  }

  private onFrame(conn: Connection, text: string | null): void {
    let frame: { op?: unknown; d?: unknown };
    try {
      frame = JSON.parse(text ?? "");
    } catch {
      return void conn.ws.close(GatewayCloseCodes.DecodeError, "Error while decoding payload.");
    }
    const op = typeof frame.op === "number" ? frame.op : -1;
    this.received.push({ op, d: frame.d, at: this.state.now(), sessionId: conn.session?.id });
    this.emit("frame", this.received.at(-1));
    if (this.opts.log) process.stderr.write(`[discord-emulator] gateway op ${op}\n`);
    switch (op) {
      case GatewayOpcodes.Heartbeat:
        return this.send(conn.ws, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
      case GatewayOpcodes.Identify:
        return this.identify(conn, frame.d as GatewayIdentifyData);
      case GatewayOpcodes.Resume:
        return this.resume(conn, frame.d as GatewayResumeData);
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds:
        if (!conn.session) conn.ws.close(GatewayCloseCodes.NotAuthenticated, "Not authenticated.");
        return;
      default:
        conn.ws.close(GatewayCloseCodes.UnknownOpcode, "Unknown opcode.");
    }
  }

  private identify(conn: Connection, d: GatewayIdentifyData): void {
    if (conn.session) return void conn.ws.close(GatewayCloseCodes.AlreadyAuthenticated, "Already authenticated.");
    this.identifies.push(d);
    if (d?.token !== this.state.token)
      return void conn.ws.close(GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
    if (typeof d.intents !== "number" || !Number.isInteger(d.intents) || d.intents < 0) {
      return void conn.ws.close(GatewayCloseCodes.InvalidIntents, "Invalid intent(s).");
    }
    if ((d.intents & PRIVILEGED_INTENTS & ~this.opts.privilegedIntents) !== 0) {
      return void conn.ws.close(GatewayCloseCodes.DisallowedIntents, "Disallowed intent(s).");
    }
    const shard = d.shard ?? [0, 1];
    if (shard[1] !== 1 || shard[0] !== 0) return void conn.ws.close(GatewayCloseCodes.InvalidShard, "Invalid shard.");
    const session: GatewaySession = {
      id: randomBytes(16).toString("hex"),
      ws: conn.ws,
      seq: 0,
      intents: d.intents,
      identify: d,
      missed: [],
    };
    conn.session = session;
    this.sessions.set(session.id, session);
    this.emit("identify", session);
    this.dispatchTo(session, "READY", ready(this.state, session.id, this.url(), [0, 1]));
    for (const guild of this.state.guilds.values())
      this.dispatchTo(session, "GUILD_CREATE", guildCreate(this.state, guild));
    this.emit("ready", session);
  }

  private resume(conn: Connection, d: GatewayResumeData): void {
    if (d?.token !== this.state.token)
      return void conn.ws.close(GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
    const session = this.sessions.get(d.session_id);
    if (!session) return this.send(conn.ws, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
    if (session.ws && session.ws !== conn.ws) session.ws.terminate();
    session.ws = conn.ws;
    conn.session = session;
    for (const m of session.missed.filter((x) => x.s > d.seq))
      this.send(conn.ws, { op: GatewayOpcodes.Dispatch, ...m });
    session.missed = [];
    this.dispatchTo(session, "RESUMED", null);
    this.emit("resumed", session);
  }

  /** Sends one dispatch (op 0, next `s`) to a session; queued for RESUME while it is disconnected. */
  dispatchTo(session: GatewaySession, t: string, d: unknown): void {
    const s = ++session.seq;
    if (session.ws && session.ws.readyState === WebSocket.OPEN)
      this.send(session.ws, { op: GatewayOpcodes.Dispatch, t, s, d });
    else session.missed.push({ t, s, d });
  }

  /** Dispatches to every identified session; `build` may tailor or withhold (null) the payload per session. */
  broadcast(t: string, build: (session: GatewaySession) => unknown | null): number {
    let sent = 0;
    for (const session of this.sessions.values()) {
      const d = build(session);
      if (d === null) continue;
      this.dispatchTo(session, t, d);
      sent++;
    }
    return sent;
  }

  /** Closes every connection with `code` (e.g. 4000 → the client resumes, 1000 → it re-identifies). */
  disconnectAll(code = 4000, reason = "Emulator requested disconnect"): void {
    for (const { ws } of this.connections) ws.close(code, reason);
  }

  /** Sends op 7 RECONNECT to every connection (discord.js then resumes). */
  requestReconnect(): void {
    for (const { ws } of this.connections) this.send(ws, { op: GatewayOpcodes.Reconnect, d: null, s: null, t: null });
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  async stop(): Promise<void> {
    for (const { ws } of this.connections) ws.terminate();
    this.connections.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
