/** "1 paragraph", "3 paragraphs", "1 person", "2 people". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}
