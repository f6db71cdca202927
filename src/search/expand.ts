import { SYNONYM_GROUPS } from "./synonyms.ts";
import { termsOf } from "./text.ts";

/**
 * Query expansion from the newsroom's synonym list. Each group member is kept as its
 * processed terms; a query that contains all the terms of one member gets every other
 * member of the group as an expansion (a phrase's terms must then all match together).
 */
type Phrase = readonly string[];

const groups: Phrase[][] = SYNONYM_GROUPS.map((line) =>
  line
    .split(",")
    .map((p) => termsOf(p.trim()))
    .filter((terms) => terms.length > 0),
);

const key = (p: Phrase) => p.join(" ");

/** Expansions for a query's terms: phrases not already in the query, deduplicated. */
export function expansions(queryTerms: readonly string[]): Phrase[] {
  const present = new Set(queryTerms);
  const out = new Map<string, Phrase>();
  for (const group of groups) {
    if (!group.some((member) => member.every((t) => present.has(t)))) continue;
    for (const member of group) {
      if (member.every((t) => present.has(t))) continue;
      out.set(key(member), member);
    }
  }
  return [...out.values()];
}
