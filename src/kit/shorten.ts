/**
 * Shorten text to at most `max` characters, at a sentence boundary when one is near enough,
 * otherwise at a word boundary, ending with "…". Returns where the kept text ends.
 */
export function shortenAt(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const room = Math.max(0, max - 1);
  const head = text.slice(0, room);
  let sentenceEnd = -1;
  for (const m of head.matchAll(/[.!?]["”’)]?(?=\s)/g)) sentenceEnd = m.index + m[0].length;
  if (sentenceEnd >= room * 0.4) return sentenceEnd;
  if (/\s/.test(text[room] ?? "")) return room;
  const space = head.lastIndexOf(" ");
  return space > room * 0.5 ? space : room;
}

export function shorten(text: string, max: number): string {
  const end = shortenAt(text, max);
  return end >= text.length ? text : `${text.slice(0, end).trimEnd()}…`;
}
