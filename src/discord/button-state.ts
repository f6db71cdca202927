import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * What a button needs to rebuild its page: the command, its options and the page. It is
 * carried in the button's `custom_id` (at most 100 characters) so paging survives a
 * restart; options too long for that (a long query) are kept in a small file under the
 * cache folder and the id carries their key instead.
 */
export type ButtonAction = "page" | "share";

export interface ButtonState {
  action: ButtonAction;
  command: string;
  page: number;
  /** Items of the page shown before this message (the renderer's budget may split a page); -1: its last message. */
  skip?: number;
  options: Record<string, string | number | boolean>;
}

const PREFIX = "b1";
const MAX_ID = 100;
const MAX_STORED = 5000;

const enc = (v: string) => encodeURIComponent(v).replace(/\./g, "%2E");
const typed = (v: string): string | number | boolean => {
  const s = decodeURIComponent(v);
  if (s.startsWith("n:")) return Number(s.slice(2));
  if (s === "b:true" || s === "b:false") return s === "b:true";
  return s.startsWith("s:") ? s.slice(2) : s;
};
const tag = (v: string | number | boolean) =>
  typeof v === "number" ? `n:${v}` : typeof v === "boolean" ? `b:${v}` : `s:${v}`;

function encodeOptions(options: ButtonState["options"]): string {
  return Object.entries(options)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${enc(tag(v))}`)
    .join(".");
}

export class ButtonStates {
  private stored: Record<string, string> = {};

  constructor(private readonly file: string | null) {
    if (file) {
      try {
        const data: unknown = JSON.parse(readFileSync(file, "utf8"));
        if (data && typeof data === "object" && !Array.isArray(data)) this.stored = data as Record<string, string>;
      } catch {
        this.stored = {};
      }
    }
  }

  /** The custom_id for a button. */
  encode(state: ButtonState): string {
    const opts = encodeOptions(state.options);
    const skip = state.skip ?? 0;
    const place = skip === 0 ? `${state.page}` : `${state.page}+${skip < 0 ? "L" : skip}`;
    const inline = `${PREFIX}|${state.action}|${state.command}|${place}|${opts}`;
    if (inline.length <= MAX_ID) return inline;
    const key = createHash("sha256").update(`${state.command}|${opts}`).digest("base64url").slice(0, 16);
    this.remember(key, opts);
    return `${PREFIX}|${state.action}|${state.command}|${place}|@${key}`;
  }

  /** The state behind a custom_id, or null when it is not ours, malformed or forgotten. */
  decode(customId: string): ButtonState | null {
    const parts = customId.split("|");
    if (parts.length !== 5 || parts[0] !== PREFIX) return null;
    const [, action, command, pageText, rawOpts] = parts;
    if (action !== "page" && action !== "share") return null;
    const place = /^(\d+)(?:\+(\d+|L))?$/.exec(pageText);
    const page = Number(place?.[1]);
    const skip = place?.[2] === undefined ? 0 : place[2] === "L" ? -1 : Number(place[2]);
    if (!place || !Number.isInteger(page) || page < 1 || !/^[a-z-]{1,32}$/.test(command)) return null;
    const opts = rawOpts.startsWith("@") ? this.stored[rawOpts.slice(1)] : rawOpts;
    if (opts === undefined) return null;
    const options: ButtonState["options"] = {};
    try {
      for (const pair of opts ? opts.split(".") : []) {
        const eq = pair.indexOf("=");
        if (eq <= 0) return null;
        options[pair.slice(0, eq)] = typed(pair.slice(eq + 1));
      }
    } catch {
      return null;
    }
    return { action, command, page, ...(skip !== 0 ? { skip } : {}), options };
  }

  private remember(key: string, opts: string): void {
    if (this.stored[key] === opts) return;
    this.stored[key] = opts;
    const keys = Object.keys(this.stored);
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_STORED))) delete this.stored[k];
    if (!this.file) return;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(this.stored));
      renameSync(tmp, this.file);
    } catch {
      // Paging still works until a restart; nothing else depends on this file.
    }
  }
}
