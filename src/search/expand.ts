import { derivedStems } from "./derive.ts";
import { LIST_LINES, LISTED_WORDS, LONGEST_PHRASE, nameTermFor, phraseKey, type Phrase } from "./lists.ts";
import { adjacentPairs, processTerm, tokenize } from "./analyze.ts";

/**
 * Query planning: a query becomes a list of concepts, one per word or listed phrase the
 * reporter typed ("human trafficking", "prime minister", "2021-2035"), each with the other
 * ways the synonym and alias lists say it, weighted below the reporter's own words.
 * Ranking then scores a concept by its best way of matching, so a paragraph that uses three
 * synonyms of one word does not outrank one that answers three different words. A name of two
 * or more words ("Hun Sen") is one concept matched as a phrase or not at all.
 */
export type { Phrase };

export interface Alternative {
  /** Index terms of another way to say it (a phrase is searched as its joined term). */
  terms: Phrase;
  weight: number;
}

export interface Concept {
  /** The reporter's own terms: the words of a listed phrase, or a word and its hyphenated parts. */
  own: Phrase;
  /** Whether `own` is a listed phrase (indexed whole as its joined term). */
  phrase: boolean;
  alternatives: Alternative[];
  /** A name: the index terms of its words side by side ("_hun_sen"), each of which must match; nothing else does. */
  pairs?: string[];
  /** How many times the query says it ("Vietnam's trade with Vietnam": twice); its matches weigh that much more. */
  times: number;
}

/**
 * Whether two words side by side are a name: `term` is their joined index term; `capitalised` says whether the
 * query capitalised both (else only a known person's name counts).
 */
export type NameTest = (term: string, capitalised: boolean) => boolean;

/** A doer for the deed and back ("smugglers" for "smuggling"): close, but not the same word. */
const DERIVED_WEIGHT = 0.75;

/** Listed phrase → its alternatives, by key, with the best weight when lines overlap. */
const LINKS = new Map<string, Map<string, Alternative>>();

function link(from: Phrase, to: Phrase, weight: number) {
  if (phraseKey(from) === phraseKey(to)) return;
  let out = LINKS.get(phraseKey(from));
  if (!out) LINKS.set(phraseKey(from), (out = new Map()));
  const had = out.get(phraseKey(to));
  if (!had || had.weight < weight) out.set(phraseKey(to), { terms: to, weight });
}

for (const { from, weight } of LIST_LINES) for (const a of from) for (const b of from) link(a, b, weight);
// One-way links reach the target and, one step on, the target's own equivalents:
// "Hanoi" searches "Vietnam" and so "Vietnamese".
for (const { from, to, weight } of LIST_LINES) {
  for (const a of from) {
    for (const b of to) {
      link(a, b, weight);
      for (const c of [...(LINKS.get(phraseKey(b))?.values() ?? [])]) link(a, c.terms, weight * c.weight);
    }
  }
}

/** The query's words, each with its index terms (a hyphenated word has several). */
function queryWords(query: string): string[][] {
  const out: string[][] = [];
  for (const word of tokenize(query)) {
    const terms = processTerm(word);
    if (terms?.length) out.push([...new Set(terms)]);
  }
  return out;
}

/** The name starting at word i: its pair terms (none when the words there are not a name). */
function nameAt(words: string[][], i: number, pairs: ReadonlyMap<string, boolean>, isName: NameTest): string[] {
  const out: string[] = [];
  for (let j = i; j + 1 < words.length; j++) {
    const [a, b] = [words[j], words[j + 1]];
    const capitalised = a.length === 1 && b.length === 1 ? pairs.get(`${a[0]} ${b[0]}`) : undefined;
    // Words the lists know (countries, ranks, kinds of meeting) are not names: "Cambodia Vietnam" is two concepts.
    if (capitalised === undefined || LISTED_WORDS.has(a[0]) || LISTED_WORDS.has(b[0])) break;
    if (!isName(nameTermFor(a[0], b[0]), capitalised)) break;
    out.push(nameTermFor(a[0], b[0]));
  }
  return out;
}

/**
 * Split a query into concepts: the longest listed phrases first, then names (with `isName`), then single words.
 */
export function planQuery(query: string, isName?: NameTest): Concept[] {
  const words = queryWords(query);
  const pairs = new Map<string, boolean>();
  if (isName) for (const [a, b, capitalised] of adjacentPairs(query)) pairs.set(`${a} ${b}`, capitalised);
  const concepts = new Map<string, Concept>();
  const add = (c: Omit<Concept, "times">) => {
    const had = concepts.get(phraseKey(c.own));
    if (had) had.times++;
    else concepts.set(phraseKey(c.own), { ...c, times: 1 });
  };
  for (let i = 0; i < words.length;) {
    let matched = 0;
    for (let n = Math.min(LONGEST_PHRASE, words.length - i); n >= 2 && !matched; n--) {
      const own = words.slice(i, i + n).flat();
      const alternatives = LINKS.get(phraseKey(own));
      if (alternatives) {
        add({ own, phrase: true, alternatives: [...alternatives.values()] });
        matched = n;
      }
    }
    if (matched) {
      i += matched;
      continue;
    }
    const name = isName ? nameAt(words, i, pairs, isName) : [];
    if (name.length) {
      add({ own: words.slice(i, i + name.length + 1).flat(), phrase: true, alternatives: [], pairs: name });
      i += name.length + 1;
      continue;
    }
    const own = words[i];
    const alternatives = new Map<string, Alternative>();
    const offer = (alt: Alternative) => {
      const k = phraseKey(alt.terms);
      const had = alternatives.get(k);
      if (!own.includes(k) && (!had || had.weight < alt.weight)) alternatives.set(k, alt);
    };
    for (const lookup of [own, ...own.map((t) => [t])]) {
      for (const alt of LINKS.get(phraseKey(lookup))?.values() ?? []) offer(alt);
    }
    // Derived words, and what the lists say for them ("fraudsters" → "fraud" → "scam").
    for (const t of own) {
      for (const d of derivedStems(t)) {
        offer({ terms: [d], weight: DERIVED_WEIGHT });
        for (const alt of LINKS.get(d)?.values() ?? [])
          offer({ terms: alt.terms, weight: DERIVED_WEIGHT * alt.weight });
      }
    }
    add({ own, phrase: false, alternatives: [...alternatives.values()] });
    i++;
  }
  return [...concepts.values()];
}
