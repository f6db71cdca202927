/**
 * Does a sentence or a briefing name a party, even where the extracted events do not list it
 * as one? The looser match questions fall back to: "what did the UK promise?" also finds "the
 * British side will…" and "I ask the UK to…". Countries by every spelling and demonym; a known
 * person by full name or the short forms the briefings use ("Manet", "Redshaw").
 */
import type { Briefing } from "../../briefings/briefing.ts";
import type { Person } from "../../extraction/event.ts";
import { findPerson, needles, normName } from "./people.ts";

/** Countries a newsroom names interchangeably ("Korean" usually means South Korea). */
const KINDRED: Array<[string, string]> = [["korea", "south korea"]];

/** The normalised forms that name `query` in running text. */
export function mentionForms(query: string, people: readonly Person[]): string[] {
  const forms = new Set(needles(query));
  for (const [a, b] of KINDRED) {
    if (forms.has(a) && !forms.has(b)) for (const f of needles(b)) forms.add(f);
    else if (forms.has(b) && !forms.has(a)) for (const f of needles(a)) forms.add(f);
  }
  const { person } = findPerson(people, query);
  if (person) {
    for (const name of [person.name, ...person.aliases]) {
      const n = normName(name);
      // A bare short form must be a real word of the name, not an initial.
      if (n.length >= 3) forms.add(n);
    }
  }
  return [...forms].filter(Boolean);
}

/** Does `text` contain one of `forms` as whole words (case, accents and punctuation ignored)? */
export function mentions(forms: readonly string[], text: string): boolean {
  if (forms.length === 0) return false;
  const hay = ` ${normName(text)} `;
  return forms.some((f) => hay.includes(` ${f} `));
}

const briefingText = new WeakMap<Briefing, string>();

/** Does the briefing (title or any paragraph) name one of `forms`? */
export function briefingMentions(forms: readonly string[], briefing: Briefing | undefined): boolean {
  if (!briefing || forms.length === 0) return false;
  let hay = briefingText.get(briefing);
  if (hay === undefined) {
    hay = ` ${normName([briefing.meta.title ?? "", ...briefing.paragraphs.map((p) => p.text)].join(" \n "))} `;
    briefingText.set(briefing, hay);
  }
  const text = hay;
  return forms.some((f) => text.includes(` ${f} `));
}
