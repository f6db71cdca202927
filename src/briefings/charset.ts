/**
 * Bytes of a web page or an uploaded file to text, in the charset it declares: a byte-order mark, the HTTP header's
 * `charset=`, a `<meta charset>` near the top; failing all three, UTF-8 when the bytes are valid UTF-8, else
 * windows-1252 (what browsers assume for an undeclared Western page). Node's TextDecoder knows every WHATWG label.
 */

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], "utf-8"],
  [[0xff, 0xfe], "utf-16le"],
  [[0xfe, 0xff], "utf-16be"],
];

/** The charset a Content-Type value names: `text/html; charset="ISO-8859-1"` → `iso-8859-1`. */
export function charsetOf(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? "");
  return m ? m[1].toLowerCase() : null;
}

/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in the page's first 4 KB. */
function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

function decoderFor(label: string | null): InstanceType<typeof TextDecoder> | null {
  if (!label) return null;
  try {
    return new TextDecoder(label);
  } catch {
    return null; // a label no decoder knows: fall back as if none was given
  }
}

/** Decode bytes by what they declare (see above); `declared` is the HTTP header's charset, if any. */
export function decodeText(bytes: Uint8Array, declared: string | null = null, html = true): string {
  for (const [mark, label] of BOMS) {
    if (mark.every((b, i) => bytes[i] === b)) return new TextDecoder(label).decode(bytes.subarray(mark.length));
  }
  const decoder = decoderFor(declared) ?? (html ? decoderFor(metaCharset(bytes)) : null);
  if (decoder) return decoder.decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
