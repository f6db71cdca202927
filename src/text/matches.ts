/* src/text: small text helpers for every layer above; it imports nothing of the project. */

/**
 * Every match of a global expression in a text, as `text.matchAll(re)` gives them, but read with the expression
 * itself: matchAll copies the expression on every call, which costs more than the search on a short sentence.
 * The matches are gathered before the caller sees any, so the caller may use the same expression again; the
 * expression's `lastIndex` is 0 again afterwards.
 */
export function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`matchesOf needs a global expression: ${re}`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  try {
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      out.push(m);
      // An empty match moves on by one character (a whole code point for a Unicode expression), as matchAll does.
      if (m[0] === "") re.lastIndex = stepPast(text, re.lastIndex, /[uv]/.test(re.flags));
    }
  } finally {
    re.lastIndex = 0;
  }
  return out;
}

function stepPast(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const c = text.charCodeAt(at);
  const next = text.charCodeAt(at + 1);
  return c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? at + 2 : at + 1;
}
