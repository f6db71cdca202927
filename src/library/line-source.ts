import { close, fstat, open, read, readSync } from "node:fs";
import { promisify } from "node:util";

/**
 * Where the bytes of stored content lines are: a buffer of lines (what a build thread hands over), or the snapshot's
 * content.jsonl itself, read a line's part at a time when something asks for it. Opening a large snapshot then
 * scans the file once through one small buffer, keeping only each line's head: at 1M paragraphs, reading the whole
 * 560 MB file into memory cost a cold start about 0.9 s on a 2-core machine (most of it touching fresh pages), and
 * the process as much memory.
 */
export interface LineSource {
  /** The bytes from `start` to `end` (offsets in the source). */
  bytes(start: number, end: number): Buffer;
}

export class BufferSource implements LineSource {
  constructor(private readonly buf: Buffer) {}

  bytes(start: number, end: number): Buffer {
    return this.buf.subarray(start, end);
  }
}

/** Closes a file's descriptor once nothing reads from it any more. */
const closer = new FinalizationRegistry<number>((fd) => close(fd, () => undefined));

/**
 * An open file, read by position. A snapshot rewritten meanwhile is renamed over the old file, so the descriptor
 * still reads the bytes the offsets were taken from; lines appended later do not move them.
 */
export class FileSource implements LineSource {
  private constructor(private readonly fd: number) {
    closer.register(this, fd);
  }

  /** The file opened for reading, or null when it cannot be (none yet). */
  static async open(file: string): Promise<FileSource | null> {
    try {
      return new FileSource(await promisify(open)(file, "r"));
    } catch {
      return null;
    }
  }

  bytes(start: number, end: number): Buffer {
    const out = Buffer.allocUnsafe(end - start);
    for (let at = 0; at < out.length;) {
      const n = readSync(this.fd, out, at, out.length - at, start + at);
      if (n === 0) return out.subarray(0, at); // the file ends first: as a buffer's view would
      at += n;
    }
    return out;
  }

  /** The file's size now. */
  async size(): Promise<number> {
    return (await promisify(fstat)(this.fd)).size;
  }

  /**
   * Every line of the file from byte `from` on (the start of a line), once, through one buffer (grown only for a line
   * longer than it): `each(view, start, end, offset)` gets a view holding the line from `start` to `end` (its
   * newline, or the view's end for a last line without one), where the view's first byte is at `offset` in the file.
   * Empty lines are passed over.
   */
  async eachLine(
    each: (view: Buffer, start: number, end: number, offset: number) => void,
    chunk = LINE_CHUNK,
    from = 0,
  ): Promise<void> {
    const readAt = promisify(read);
    let buf = Buffer.allocUnsafe(chunk);
    let offset = from;
    let filled = 0;
    for (;;) {
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const { bytesRead } = await readAt(this.fd, buf, filled, buf.length - filled, offset + filled);
      const view = buf.subarray(0, filled + bytesRead);
      filled = view.length;
      const start = wholeLines(view, (from, end) => each(view, from, end, offset));
      if (bytesRead === 0) {
        if (start < filled) each(view, start, filled, offset);
        return;
      }
      buf.copy(buf, 0, start, filled);
      offset += start;
      filled -= start;
    }
  }
}

export const NEWLINE = 10;

/** Each line of `view` ended by a newline, empty ones passed over: `each(start, end)`; returns where the rest is. */
function wholeLines(view: Buffer, each: (start: number, end: number) => void): number {
  let start = 0;
  for (;;) {
    const end = view.indexOf(NEWLINE, start);
    if (end < 0) return start;
    if (end > start) each(start, end);
    start = end + 1;
  }
}

/** Every line of `buf`, the last one without a newline too, empty ones passed over: `each(start, end)`. */
export function eachLineIn(buf: Buffer, each: (start: number, end: number) => void): void {
  const rest = wholeLines(buf, each);
  if (rest < buf.length) each(rest, buf.length);
}

/** Bytes read at a time while scanning: large enough for few reads, small enough to stay in cache. */
const LINE_CHUNK = 4 << 20;
