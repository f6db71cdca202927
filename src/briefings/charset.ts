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

/** windows-1252's 0x80–0x9F (Node 20 decodes that range as Latin-1's C1 controls instead): € ‚ ƒ „ … † ‡ ˆ ‰ Š … */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

type Decode = (bytes: Uint8Array) => string;

function decoderFor(label: string | null): Decode | null {
  if (!label) return null;
  try {
    const decoder = new TextDecoder(label);
    if (decoder.encoding !== "windows-1252") return (bytes) => decoder.decode(bytes);
    return (bytes) => decoder.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
  } catch {
    return null; // a label no decoder knows: fall back as if none was given
  }
}

/** The charset a byte-order mark at the start names, or null. */
export const bomCharset = (bytes: Uint8Array): string | null =>
  BOMS.find(([mark]) => mark.every((b, i) => bytes[i] === b))?.[1] ?? null;

/** Decode bytes by what they declare (see above); `declared` is the HTTP header's charset, if any. */
export function decodeText(bytes: Uint8Array, declared: string | null = null, html = true): string {
  const bom = bomCharset(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes); // the decoder drops the mark itself
  const decode = decoderFor(declared) ?? (html ? decoderFor(metaCharset(bytes)) : null);
  if (decode) return decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decoderFor("windows-1252")!(bytes);
  }
}
