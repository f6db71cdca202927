/**
 * Who and what a sentence names, as spans of tokens: people (with the role written around
 * them), countries, bodies ("the Ministry of Justice", "LICADHO", "the government"),
 * groups ("the two sides", "the ministers"), role phrases ("the minister"), and pronouns.
 */
import {
  COUNTRIES,
  COUNTRY_FIRST_WORDS,
  DEMONYMS,
  MAX_COUNTRY_WORDS,
  ORG_WORDS,
  PERSON_VERBS,
  TITLES,
  lower,
} from "./lexicon.ts";
import { findNameCandidates, isNameish, isTitleWord, nameRuns, type NameCandidate } from "./names.ts";
import type { PersonRecord, PersonRegistry } from "./people-registry.ts";
import type { Token } from "./tokens.ts";
import type { PartyKind } from "./event.ts";

export type MentionKind = "person" | "country" | "body" | "group" | "role" | "pronoun";

export interface Mention {
  kind: MentionKind;
  /** Token span, inclusive (role and apposition included for people). */
  first: number;
  last: number;
  /** Token span of the name itself (people) — equals first/last otherwise. */
  nameFirst: number;
  nameLast: number;
  text: string;
  /** Resolved people (person, role, pronoun, group). */
  people: PersonRecord[];
  /** For countries and bodies: the party's name as shown. */
  party: string | null;
  partyKind: PartyKind | null;
  /** Lower-case pronoun or group word ("he", "we", "the two sides"). */
  word: string;
}

const GROUP_HEADS = new Set([
  "sides",
  "countries",
  "nations",
  "ministers",
  "leaders",
  "chiefs",
  "officials",
  "delegations",
  "governments",
  "parties",
  "ministries",
  "men",
  "women",
  "presidents",
  "premiers",
  "envoys",
  "ambassadors",
  "heads",
  "counterparts",
  "agencies",
  "governors",
  "mayors",
  "delegates",
  "representatives",
  "generals",
  "commanders",
  "secretaries",
  "diplomats",
  "negotiators",
  "lawmakers",
  "neighbours",
  "neighbors",
  "allies",
  "partners",
  "states",
  "signatories",
  "teams",
  "organisations",
  "organizations",
  "producers",
  "economies",
  "kingdoms",
  "commissioners",
  "directors",
  "officers",
  "chairs",
  "chairmen",
]);
const GENERIC_BODIES = new Set([
  "government",
  "ministry",
  "authorities",
  "committee",
  "commission",
  "police",
  "court",
  "courts",
  "coalition",
  "group",
  "groups",
  "embassy",
  "delegation",
  "administration",
  "cabinet",
  "council",
  "agency",
  "department",
  "side",
  "kingdom",
  "organisation",
  "organization",
  "network",
  "team",
  "company",
  "bank",
  "parliament",
  "senate",
  "military",
  "army",
]);
/** How many a group counts: "the two sides", "the three ministers". */
export const NUMBER_WORDS = new Map<string, number>([
  ["two", 2],
  ["three", 3],
  ["four", 4],
  ["five", 5],
  ["six", 6],
  ["both", 2],
]);
const PREPOSITION_WORDS = new Set([
  "in",
  "of",
  "at",
  "by",
  "from",
  "with",
  "to",
  "for",
  "on",
  "about",
  "during",
  "under",
]);
const DETERMINERS = new Set(["the", "his", "her", "their", "its", "our", "this", "that", "both"]);
const PRONOUNS = new Set(["he", "she", "i", "we", "they", "it"]);

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === "word";

function slice(text: string, offset: number, tokens: Token[], a: number, b: number) {
  return text.slice(tokens[a].start - offset, tokens[b].end - offset);
}

/** The longest country name starting at token i (up to four words). */
function countryAt(tokens: Token[], i: number): { last: number; name: string } | null {
  if (!tokens[i].cap || !COUNTRY_FIRST_WORDS.has(tokens[i].low)) return null;
  for (let n = Math.min(MAX_COUNTRY_WORDS, tokens.length - i); n >= 1; n--) {
    const span = tokens.slice(i, i + n);
    if (span.length < n || !span.every((t) => isWord(t))) continue;
    if (!span[0].cap) continue;
    if (span.slice(0, -1).some((t) => t.possessive)) continue;
    const key = lower(span.map((t) => t.base).join(" "));
    const name = COUNTRIES.get(key);
    if (name) return { last: i + n - 1, name };
  }
  return null;
}

interface Scan {
  tokens: Token[];
  text: string;
  offset: number;
  taken: boolean[];
  take: (m: Mention) => void;
}

/** People: every name run the registry knows; the role around it comes with it. */
function findPeople(scan: Scan, out: Mention[], registry: PersonRegistry, known?: NameCandidate[]): void {
  const { tokens, text, offset, take } = scan;
  const candidates = new Map(
    (known ?? findNameCandidates(tokens, text, offset)).map((c) => [c.runFirst ?? c.first, c]),
  );
  for (const [run, b] of nameRuns(tokens)) {
    const c = candidates.get(run);
    // The name proper starts after a form of address ("Samdech Kralahom Sar Kheng").
    const a = c ? c.first : run;
    const last = c ? c.last : b;
    const name = slice(text, offset, tokens, a, last);
    const rec = registry.lookup(name);
    if (!rec) continue;
    const first = c ? Math.min(c.roleFirst, run) : a;
    const end = c ? Math.max(c.after - 1, last) : last;
    if (out.some((m) => m.first <= end && m.last >= first)) continue;
    take({
      kind: "person",
      first,
      last: end,
      nameFirst: a,
      nameLast: last,
      text: name.replace(/['’]s$/u, ""),
      people: [rec],
      party: null,
      partyKind: "person",
      word: "",
    });
  }
}

/** Countries: "Vietnam", "the United Kingdom", "New Zealand’s". Returns the last token taken, or null. */
function countryMention(scan: Scan, i: number): number | null {
  const { tokens, text, offset, taken, take } = scan;
  const country = countryAt(tokens, i);
  if (country && !taken[country.last]) {
    // "Korea Export-Import Bank": a country word inside a body's name is the body's.
    const next = tokens[country.last + 1];
    const bodyAhead =
      isWord(next) &&
      next.cap &&
      !tokens[country.last].possessive &&
      !isTitleWord(next) &&
      (isNameish(tokens, country.last + 1, 0) || ORG_WORDS.has(next.low));
    if (!bodyAhead) {
      take({
        kind: "country",
        first: i,
        last: country.last,
        nameFirst: i,
        nameLast: country.last,
        text: slice(text, offset, tokens, i, country.last),
        people: [],
        party: country.name,
        partyKind: "country",
        word: "",
      });
      return country.last;
    }
  }
  return null;
}

/** "Cambodian authorities", "Thai police", "the Chinese side": a country's people as a body. */
/** "Thai officials", "Malaysian leaders": a country's people, named by the demonym (a body of that country). */
export const DEMONYM_GROUPS = new Set(["officials", "forces", "troops", "negotiators", "leaders", "ministers"]);

function demonymBody(scan: Scan, i: number): number | null {
  const { tokens, text, offset, taken, take } = scan;
  const t = tokens[i];
  if (
    t.cap &&
    DEMONYMS.has(t.low) &&
    !t.possessive &&
    isWord(tokens[i + 1]) &&
    !tokens[i + 1].cap &&
    (GENERIC_BODIES.has(tokens[i + 1].low) || DEMONYM_GROUPS.has(tokens[i + 1].low)) &&
    !taken[i + 1] &&
    !modifiesNext(tokens, i + 2)
  ) {
    const s = tokens[i - 1]?.low === "the" && !taken[i - 1] ? i - 1 : i;
    const surface = slice(text, offset, tokens, s, i + 1);
    take({
      kind: "body",
      first: s,
      last: i + 1,
      nameFirst: i,
      nameLast: i + 1,
      text: surface,
      people: [],
      party: slice(text, offset, tokens, i, i + 1),
      partyKind: "body",
      word: tokens[i + 1].low,
    });
    return i + 1;
  }
  return null;
}

/** Pronouns. */
function pronounMention(scan: Scan, i: number): number | null {
  const { tokens, take } = scan;
  const t = tokens[i];
  if (PRONOUNS.has(t.low) && !t.possessive) {
    take({
      kind: "pronoun",
      first: i,
      last: i,
      nameFirst: i,
      nameLast: i,
      text: t.text,
      people: [],
      party: null,
      partyKind: null,
      word: t.low,
    });
    return i;
  }
  return null;
}

/** Groups and generic bodies after a determiner: "the two sides", "his government", "the outgoing ambassador". */
function determinerMention(scan: Scan, i: number): number | null {
  const { tokens, text, offset, taken, take } = scan;
  const t = tokens[i];
  // "that" is a determiner after a preposition ("in that ministry"), not after a verb or a noun ("assured X that …").
  const complementizer = t.low === "that" && i > 0 && !PREPOSITION_WORDS.has(tokens[i - 1].low);
  if (DETERMINERS.has(t.low) && !complementizer) {
    const np = determinerPhrase(tokens, i, taken);
    if (np) {
      const surface = slice(text, offset, tokens, i, np.head);
      const words = lower(slice(text, offset, tokens, i + 1, np.head));
      // A body ("the ministry") is a party; other phrases ("the two", "the delegation") only point back to one.
      const body = np.kind === "body";
      take({
        kind: np.kind,
        first: i,
        last: np.head,
        nameFirst: i,
        nameLast: np.head,
        text: surface,
        people: [],
        party: body ? surface : null,
        partyKind: body ? "body" : null,
        word: body ? tokens[np.head].low : np.kind === "group" ? lower(surface) : words,
      });
      return np.head;
    }
    if (
      t.low === "the" &&
      NUMBER_WORDS.has(tokens[i + 1]?.low ?? "") &&
      isWord(tokens[i + 2]) &&
      (PERSON_VERBS.has(tokens[i + 2].low) ||
        ["also", "then", "later", "had", "have", "jointly"].includes(tokens[i + 2].low))
    ) {
      // "The two discussed …", "after the three held talks"
      take({
        kind: "group",
        first: i,
        last: i + 1,
        nameFirst: i,
        nameLast: i + 1,
        text: slice(text, offset, tokens, i, i + 1),
        people: [],
        party: null,
        partyKind: null,
        word: `the ${tokens[i + 1].low}`,
      });
      return i + 1;
    }
  }
  return null;
}

/** Named bodies: capitalised runs ending in an organisation word. */
function namedBody(scan: Scan, i: number): number | null {
  const { tokens, text, offset, taken, take } = scan;
  let k = i;
  let lastOrg = -1;
  while (k < tokens.length && !taken[k]) {
    const tk = tokens[k];
    // "Ministry of Agriculture and Brazil's Ministry of Trade": another owner starts another body.
    if (tk.low === "and" && k > i && tokens[k + 1]?.possessive) break;
    if (
      isWord(tk) &&
      (tk.cap || (["of", "for", "and", "on"].includes(tk.low) && isWord(tokens[k + 1]) && tokens[k + 1].cap))
    ) {
      if (tk.cap && ORG_WORDS.has(tk.low)) lastOrg = k;
      if (tk.possessive) {
        k++;
        break;
      }
      k++;
      continue;
    }
    break;
  }
  const end = k - 1;
  if (lastOrg >= i) {
    let s = i;
    if (tokens[i - 1]?.low === "the") s = i - 1;
    const stop = tokens[lastOrg].possessive ? lastOrg : Math.max(lastOrg, end);
    const name = slice(text, offset, tokens, i, stop).replace(/['’]s$/u, "");
    take({
      kind: "body",
      first: s,
      last: stop,
      nameFirst: i,
      nameLast: stop,
      text: name,
      people: [],
      party: name,
      partyKind: "body",
      word: "",
    });
    return stop;
  }
  return null;
}

/** Acronyms. */
function acronymBody(scan: Scan, i: number): number | null {
  const { tokens, take } = scan;
  const t = tokens[i];
  if (/^[\p{Lu}&]{2,}$/u.test(t.base) && !COUNTRIES.has(t.low)) {
    take({
      kind: "body",
      first: i,
      last: i,
      nameFirst: i,
      nameLast: i,
      text: t.base,
      people: [],
      party: t.base,
      partyKind: "body",
      word: "",
    });
    return i;
  }
  return null;
}

/** An unknown capitalised word or run that is not a person: a place or a body ("Canberra", "Valdoria"). */
function unknownCapitalised(scan: Scan, i: number): number | null {
  const { tokens, text, offset, taken, take } = scan;
  const t = tokens[i];
  // At the start of a sentence, not a capitalised "-ing/-ed/-ly" word.
  // ("Relevant departments from …", "Various agencies …": an adjective opening the sentence.)
  const openingAdjective =
    i === 0 &&
    /(?:ant|ent|al|ive|ous|ful|ic|ar|ary|ory)$/.test(t.low) &&
    isWord(tokens[1]) &&
    !tokens[1].cap &&
    /s$/.test(tokens[1].low);
  if (isNameish(tokens, i, 0) && (i > 0 || !/(?:ing|ed|ly)$/.test(t.low)) && !openingAdjective) {
    let j = i;
    while (j + 1 < tokens.length && !taken[j + 1] && !tokens[j].possessive && isNameish(tokens, j + 1, 0)) j++;
    // "Samahan ng Mangingisda ng Zambales": a name run goes on through its particles.
    const run = nameRuns(tokens).find(([a]) => a === i);
    if (run && run[1] > j && !taken.slice(j + 1, run[1] + 1).some(Boolean)) j = run[1];
    const name = slice(text, offset, tokens, i, j).replace(/['’]s$/u, "");
    take({
      kind: "body",
      first: i,
      last: j,
      nameFirst: i,
      nameLast: j,
      text: name,
      people: [],
      party: name,
      partyKind: "body",
      word: "",
    });
    return j;
  }
  return null;
}
/**
 * Mentions in a sentence, left to right. People come from the registry (every name the
 * briefing introduced), so short forms are found too; pronouns and role phrases are left
 * unresolved here (see coref.ts).
 */
export function findMentions(
  tokens: Token[],
  text: string,
  offset: number,
  registry: PersonRegistry,
  known?: NameCandidate[],
): Mention[] {
  const out: Mention[] = [];
  const taken = new Array<boolean>(tokens.length).fill(false);
  const take = (m: Mention) => {
    for (let k = m.first; k <= m.last; k++) taken[k] = true;
    out.push(m);
  };
  const scan: Scan = { tokens, text, offset, taken, take };

  findPeople(scan, out, registry, known);

  // Each rule in turn takes the mention starting at token i and returns its last token, or null.
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    if (!isWord(tokens[i])) continue;
    const last =
      countryMention(scan, i) ??
      demonymBody(scan, i) ??
      pronounMention(scan, i) ??
      determinerMention(scan, i) ??
      (tokens[i].cap ? (namedBody(scan, i) ?? acronymBody(scan, i) ?? unknownCapitalised(scan, i)) : null);
    if (last !== null) i = last;
  }
  return out.sort((a, b) => a.first - b.first);
}

/**
 * The person a body or country mention is the affiliation of: "World Health Organization (WHO)
 * Representative … Dr. Kwame Boateng", "Philippine Coast Guard commandant Ronnie Gavan",
 * "European Union Ambassador X" — the next mention is a person, and only an acronym in
 * brackets or lower-case role words stand between. Null otherwise.
 */
export function affiliatedPerson(tokens: Token[], mentions: Mention[], m: Mention): Mention | null {
  if ((m.kind !== "body" && m.kind !== "country") || tokens[m.last].possessive) return null;
  const inParens = (x: Mention) => tokens[x.first - 1]?.text === "(" && tokens[x.last + 1]?.text === ")";
  const next = mentions.find((x) => x.first > m.last && !inParens(x));
  if (!next || (next.kind !== "person" && next.kind !== "role") || next.first - m.last > 4) return null;
  const gap = tokens.slice(m.last + 1, next.first);
  const ok = gap.every((t, j) => {
    const prev = tokens[m.last + j];
    if (t.text === "(" || t.text === ")") return true;
    if (prev?.text === "(" && /^[\p{Lu}&-]{2,}$/u.test(t.text)) return true;
    // "commandant", "country director": lower-case role words, not verbs or conjunctions.
    return (
      t.kind === "word" && !t.cap && !NOT_MODIFIERS.has(t.low) && !PERSON_VERBS.has(t.low) && !/(?:ed|ing)$/.test(t.low)
    );
  });
  return ok ? next : null;
}

/** Is token j a lower-case head the word before it modifies ("Thai military [commanders]")? */
function modifiesNext(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  return isWord(t) && !t.cap && (GROUP_HEADS.has(t.low) || isTitleWord(t) || GENERIC_BODIES.has(t.low));
}

const NOT_MODIFIERS = new Set([
  "of",
  "to",
  "for",
  "with",
  "in",
  "on",
  "at",
  "by",
  "from",
  "and",
  "or",
  "but",
  "that",
  "who",
  "which",
  "as",
  "is",
  "was",
  "are",
  "were",
  "has",
  "had",
  "have",
  "will",
  "would",
  "not",
]);

const VERB_AFTER_NUMBER =
  /^(?:met|also|then|later|have|had|has|were|are|will|would|held|spoke|shook|sat|discussed|agreed|signed|reached|exchanged|vowed|pledged|decided|committed|jointly|both|together)$/;

/** "the two" + a verb: the number is the group ("the two agreed"), not a modifier ("the two countries"). */
function bareNumberBeforeVerb(next: Token | undefined): boolean {
  return isWord(next) && !next.cap && VERB_AFTER_NUMBER.test(next.low);
}

/** "the two sides" (group), "his government" (body), "the Lao minister" (role), or null. */
function determinerPhrase(
  tokens: Token[],
  i: number,
  taken: boolean[],
): { kind: "group" | "body" | "role"; head: number } | null {
  let mods = 0;
  for (let k = i + 1; k < tokens.length && k <= i + 5; k++) {
    const tk = tokens[k];
    if (!isWord(tk) || taken[k]) return null;
    const w = tk.low;
    const nextIsName = isNameish(tokens, k + 1, 0);
    // "the two reached an agreement", "the three also met": a number standing alone for the people just named.
    if (
      k === i + 1 &&
      tokens[i].low === "the" &&
      NUMBER_WORDS.has(w) &&
      w !== "both" &&
      bareNumberBeforeVerb(tokens[k + 1])
    )
      return { kind: "group", head: k };
    if ((GROUP_HEADS.has(w) || (w.length > 4 && w.endsWith("s") && TITLES.has(w.slice(0, -1)))) && !nextIsName)
      return { kind: "group", head: k };
    if (!tk.cap && GENERIC_BODIES.has(w) && !nextIsName) {
      // "the national police chiefs": the body word modifies a group or a title.
      const nx = tokens[k + 1];
      if (isWord(nx) && !nx.cap && (GROUP_HEADS.has(nx.low) || isTitleWord(nx)) && mods < 3) {
        mods++;
        continue;
      }
      return { kind: "body", head: k };
    }
    if (isTitleWord(tk) && !tk.possessive) {
      if (nextIsName) return null;
      if (/s$/.test(w) && !/ss$/.test(w) && !TITLES.has(w)) return { kind: "group", head: k };
      if (tk.cap && tokens[i].low !== "the") return null;
      // A word that modifies the next one ("the police chief"): keep reading.
      if (isWord(tokens[k + 1]) && (isTitleWord(tokens[k + 1]) || GROUP_HEADS.has(tokens[k + 1].low)) && mods < 3) {
        mods++;
        continue;
      }
      return { kind: "role", head: k };
    }
    if (NOT_MODIFIERS.has(w) || DETERMINERS.has(w) || PERSON_VERBS.has(w) || tk.possessive) return null;
    // "the PNP chief", "the FBI director": an acronym naming the body the title is of.
    const acronymOfTitle = /^\p{Lu}{2,6}$/u.test(tk.text) && isTitleWord(tokens[k + 1]) && !tokens[k + 1].cap;
    if (tk.cap && !DEMONYMS.has(w) && !COUNTRIES.has(w) && !acronymOfTitle) return null;
    if (++mods > 3) return null;
  }
  return null;
}
