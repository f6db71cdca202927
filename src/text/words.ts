/** Whether the code point starting at `i` is a letter (ASCII read directly, the rest by Unicode's property). */
function letterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c | 32) >= 97 && (c | 32) <= 122;
  return /^\p{L}/u.test(text.slice(i, i + 2));
}

/** Whether the code point ending just before `i` is a letter. */
function letterBefore(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  const pair =
    c >= 0xdc00 && c <= 0xdfff && i >= 2 && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff;
  return letterAt(text, pair ? i - 2 : i - 1);
}

/**
 * Whether `word` stands in `text` as a whole word, or with a plural "s": no letter just before it nor
 * just after it (or after its "s"). It answers as `(?:^|[^\p{L}])word s?(?:$|[^\p{L}])` would, without building an
 * expression for each word asked about. An empty word is never held.
 */
export function holdsWord(text: string, word: string): boolean {
  if (word === "") return false;
  for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
    if (i > 0 && letterBefore(text, i)) continue;
    const end = i + word.length;
    if (end === text.length || !letterAt(text, end)) return true;
    if (text[end] === "s" && (end + 1 === text.length || !letterAt(text, end + 1))) return true;
  }
  return false;
}
