/**
 * Who "he", "she", "the minister" and "the ambassador" are: the most recent compatible
 * person, preferring the last subject ("Sar Kheng thanked the ambassador … He said …"),
 * never a person named as the object of the same clause ("she thanked Sar Kheng"), and
 * respecting a gender the briefing has shown (honorifics, "met his counterpart").
 */
import { DEMONYMS, lower, PERSON_VERBS } from "./lexicon.ts";
import type { Mention } from "./mentions.ts";
import type { PersonRecord, PersonRegistry } from "./people-registry.ts";
import type { Token } from "./tokens.ts";
import { holdsWord } from "../text/words.ts";

export const PREPOSITIONS = new Set([
  "with",
  "to",
  "of",
  "for",
  "from",
  "by",
  "on",
  "at",
  "in",
  "between",
  "about",
  "during",
  "against",
  "among",
  "toward",
  "towards",
  "into",
  "over",
  "under",
  "via",
  "after",
  "before",
  "like",
  "including",
  "than",
  "as",
  "upon",
  "across",
  "through",
  "without",
  "within",
  "amid",
  "among",
  "behind",
  "beyond",
  "around",
  "near",
  "regarding",
  "concerning",
  "onto",
]);
const ADVERBS = new Set([
  "also",
  "further",
  "then",
  "had",
  "has",
  "have",
  "later",
  "first",
  "previously",
  "recently",
  "again",
  "strongly",
  "personally",
  "earlier",
  "once",
  "already",
  "subsequently",
  "jointly",
  "both",
  "all",
  "separately",
  "formally",
  "officially",
  "reportedly",
  "swiftly",
  "quickly",
  "now",
]);
const AUX = new Set([
  "is",
  "are",
  "was",
  "were",
  "will",
  "would",
  "has",
  "had",
  "have",
  "can",
  "could",
  "shall",
  "should",
  "must",
  "may",
  "might",
  "did",
  "does",
  "do",
  "remains",
  "remained",
  "stands",
  "stood",
]);

const isPersonish = (m: Mention) =>
  m.kind === "person" || m.kind === "role" || (m.kind === "pronoun" && (m.word === "he" || m.word === "she"));

/** Is the word at i a verb a subject would be followed by? */
export function isVerbish(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || t.kind !== "word" || t.cap) return false;
  return (
    PERSON_VERBS.has(t.low) ||
    AUX.has(t.low) ||
    (/ed$/.test(t.low) && t.low.length > 4) ||
    /^(?:vow|pledge|promise|urge|ask|request|meet|sign|agree)s?$/.test(t.low)
  );
}

/** Is the mention followed by its verb (so it is a subject)? */
export function isSubjectLike(tokens: Token[], m: Mention): boolean {
  if (PREPOSITIONS.has(tokens[m.first - 1]?.low ?? "")) return false;
  let k = m.last + 1;
  // "Lim, for his part, said": skip a short parenthetical.
  if (tokens[k]?.text === ",") {
    const close = tokens.findIndex((t, j) => j > k && t.text === ",");
    if (close > 0 && close - k <= 5 && !tokens.slice(k + 1, close).some((t) => t.cap)) k = close + 1;
  }
  while (tokens[k] && ADVERBS.has(tokens[k].low)) k++;
  return isVerbish(tokens, k);
}

/** Role words that stand for one another in a later reference ("the envoy" for "Ambassador X"). */
const ROLE_FAMILIES = new Map<string, string[]>(
  [
    [
      ["envoy", "diplomat", "emissary"],
      [
        "ambassador",
        "envoy",
        "consul",
        "chargé",
        "charge",
        "emissary",
        "diplomat",
        "representative",
        "high commissioner",
      ],
    ],
    [
      ["official"],
      [
        "minister",
        "secretary",
        "director",
        "official",
        "commissioner",
        "governor",
        "chief",
        "deputy",
        "head",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "officer",
      ],
    ],
    [["minister"], ["minister", "secretary of state", "secretary"]],
    [["secretary"], ["minister", "secretary"]],
    [["premier"], ["prime minister", "premier", "chief minister", "head of government"]],
    [
      ["general", "commander"],
      ["gen.", "gen", "general", "commander", "chief", "lt.", "maj."],
    ],
    [
      ["lawmaker", "legislator", "parliamentarian"],
      ["lawmaker", "mp", "senator", "member of parliament", "legislator"],
    ],
    [["governor"], ["governor"]],
    [
      ["police chief", "chief"],
      ["chief", "commissioner", "director", "head"],
    ],
  ].flatMap(([keys, family]) => keys.map((k) => [k, family] as [string, string[]])),
);

/** Role words a reporter uses for a visitor whatever the title: "the envoy", "the guest". */
const GENERIC_REFERENCES = new Set(["envoy", "visitor", "guest", "dignitary", "diplomat", "delegate", "emissary"]);

/** "he and Anwar had exchanged views": the second of two coordinated people does not take over as the subject. */
function secondConjunct(tokens: Token[], mentions: Mention[], idx: number): boolean {
  const m = mentions[idx];
  const prev = mentions[idx - 1];
  return tokens[m.first - 1]?.low === "and" && prev !== undefined && prev.last === m.first - 2 && isPersonish(prev);
}

/** "Meng and Shanmugam also vowed …": the people a subject coordinates, ending with mentions[idx]. */
function coordinatedPeople(tokens: Token[], mentions: Mention[], idx: number): PersonRecord[] {
  const out = [...mentions[idx].people];
  for (let j = idx; j > 0 && secondConjunct(tokens, mentions, j); j--) out.unshift(...mentions[j - 1].people);
  return [...new Set(out)];
}

export class Coref {
  lastSubject: PersonRecord | null = null;
  /** The last subject naming two or more people, and where it stood: whom a "they" next to it stands for. */
  private lastPlural: { people: PersonRecord[]; position: number } | null = null;

  constructor(private readonly registry: PersonRegistry) {}

  private ranked(exclude: Set<PersonRecord>): PersonRecord[] {
    const people = [...this.registry.people].filter((p) => !exclude.has(p)).sort((a, b) => b.lastSeen - a.lastSeen);
    if (this.lastSubject && !exclude.has(this.lastSubject))
      return [this.lastSubject, ...people.filter((p) => p !== this.lastSubject)];
    return people;
  }

  /** "he" or "she": the most salient compatible person, never one the sentence rules out. */
  private resolvePronoun(
    tokens: Token[],
    mentions: Mention[],
    idx: number,
    paragraph: number,
    at: number,
    inQuote: (tokenIndex: number) => boolean,
  ): void {
    const m = mentions[idx];
    const exclude = new Set<PersonRecord>();
    // People named after the pronoun in its own clause are not it ("she thanked Sar Kheng").
    for (const later of mentions.slice(idx + 1)) {
      const between = tokens.slice(m.last + 1, later.first);
      if (between.some((t) => [",", ";", "that", "while", "and", "but", "“", "”", '"'].includes(t.low))) break;
      for (const p of later.people) exclude.add(p);
    }
    // "“I thank Minister X for …,” he said": a person named inside the quotation is not its speaker.
    if (!inQuote(m.first))
      for (const earlier of mentions.slice(0, idx))
        if (
          inQuote(earlier.first) &&
          !mentions.some((x) => !inQuote(x.first) && x.people.some((p) => earlier.people.includes(p)))
        )
          for (const p of earlier.people) exclude.add(p);
    // "Informing the host about talks with his counterpart X, he pledged …": X is in the participle, not "he".
    // Only the participle's own phrase, up to its comma: "Speaking at …, Smith said …, she met" may be Smith.
    const opensWithParticiple = tokens[0]?.cap && /ing$/.test(tokens[0].low) && tokens[m.first - 1]?.text === ",";
    const phraseEnd = tokens.findIndex((t) => t.text === ",");
    if (opensWithParticiple)
      for (const earlier of mentions.slice(0, idx))
        if (earlier.last < phraseEnd) for (const p of earlier.people) exclude.add(p);
    const want = m.word === "he" ? "m" : "f";
    const found = this.ranked(exclude).find((p) => p.gender === null || p.gender === want);
    if (found) {
      m.people = [found];
      if (found.gender === null) found.gender = want;
      this.registry.seen(found, paragraph, at);
    }
  }

  /** "the minister", "the PNP chief": the person whose roles fit the words, the subject first. */
  private resolveRole(m: Mention, subjectBefore: PersonRecord | null, paragraph: number, at: number): void {
    const words = m.word
      .split(/\s+/)
      .filter((w) => w && !["the", "this", "that", "his", "her", "their", "its", "our"].includes(w));
    const fits = (p: PersonRecord) => {
      const roles = lower(p.roles.join(" ; "));
      return words.length > 0 && words.every((w) => holdsWord(roles, w));
    };
    // "the envoy" for an ambassador, "the Chinese minister" for "China's Vice Minister …": a word of the same
    // family.
    const fitsLoosely = (p: PersonRecord) => {
      const roles = lower(p.roles.join(" ; "));
      return (
        words.length > 0 &&
        words.every(
          (w) =>
            holdsWord(roles, w) ||
            (ROLE_FAMILIES.get(w) ?? []).some((f) => holdsWord(roles, f)) ||
            (DEMONYMS.has(w) && holdsWord(roles, lower(DEMONYMS.get(w) ?? ""))),
        )
      );
    };
    const byRecency = (a: PersonRecord, b: PersonRecord) => b.lastSeen - a.lastSeen;
    // Several fit: the last subject is the most salient ("the minister" after "X spoke with Lao Minister Y").
    const pick = (ps: PersonRecord[]) =>
      [this.lastSubject, subjectBefore].find((p): p is PersonRecord => p !== null && ps.includes(p)) ??
      ps.sort(byRecency)[0];
    const strict = [...this.registry.people].filter(fits);
    let found: PersonRecord | undefined = strict.length
      ? pick(strict)
      : pick([...this.registry.people].filter(fitsLoosely));
    // "the envoy", "the visitor", "the guest" with no role to match: the person last spoken of.
    if (!found && words.length === 1 && GENERIC_REFERENCES.has(words[0]))
      found = this.ranked(new Set()).find((p) => p.lastSeen >= 0);
    if (found) {
      m.people = [found];
      this.registry.seen(found, paragraph, at);
    }
  }

  /**
   * Resolve the pronouns and role phrases of one sentence in place, left to right, and
   * update what is salient. `position` is a position counter for recency, `paragraph` for
   * the people's paragraph lists. Mentions inside quotations do not move the subject.
   */
  resolve(
    tokens: Token[],
    mentions: Mention[],
    paragraph: number,
    position: number,
    inQuote: (tokenIndex: number) => boolean,
  ): void {
    const subjectBefore = this.lastSubject;
    mentions.forEach((m, idx) => {
      const at = position + m.first;
      if (m.kind === "pronoun" && (m.word === "he" || m.word === "she")) {
        this.resolvePronoun(tokens, mentions, idx, paragraph, at, inQuote);
      } else if (m.kind === "role") {
        this.resolveRole(m, subjectBefore, paragraph, at);
      } else if (m.kind === "person") {
        for (const p of m.people) this.registry.seen(p, paragraph, at, m.text);
      } else if (m.kind === "pronoun" && m.word === "they" && !inQuote(m.first) && this.lastPlural) {
        // "Meng and Shanmugam vowed … They also agreed …": "they" are the people of the subject just before.
        if (position - this.lastPlural.position <= 1000) m.people = [...this.lastPlural.people];
      }
      if (
        isPersonish(m) &&
        m.people.length === 1 &&
        !inQuote(m.first) &&
        isSubjectLike(tokens, m) &&
        !secondConjunct(tokens, mentions, idx)
      )
        this.lastSubject = m.people[0];
      if (m.kind === "person" && !inQuote(m.first) && isSubjectLike(tokens, m)) {
        const people = coordinatedPeople(tokens, mentions, idx);
        if (people.length >= 2) this.lastPlural = { people, position };
      }
    });

    // "Kittipong met his counterpart", "Mbeki and her counterpart": a gender for the subject.
    tokens.forEach((t, i) => {
      if (t.low !== "his" && t.low !== "her") return;
      const before = mentions.filter((m) => m.last < i && isPersonish(m));
      if (before.length !== 1 || before[0].people.length !== 1) return;
      const p = before[0].people[0];
      if (p.gender === null) p.gender = t.low === "his" ? "m" : "f";
    });
  }
}
