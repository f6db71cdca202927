/**
 * Finding people's names without a list of people: a run of capitalised words that are not
 * titles, portfolios, organisations, places, countries or dates is a name when the text
 * marks it as one — a title or role before it ("Minister of Interior Sar Kheng", "UK
 * ambassador Dominic Williams", "Lt. Gen. Chea Pov"), an apposition after it ("San Chey,
 * executive director of …", "Chou Bun Eng – ministry secretary of state …") or before it
 * ("her Australian counterpart, Michael Hartigan"), or a verb people do ("Sar Kheng said").
 * The role is kept apart from the name.
 */
import {
  COUNTRIES,
  DEMONYMS,
  ABBREVIATED_GIVEN,
  FEMALE_HONORIFICS,
  HONORIFICS,
  MALE_HONORIFICS,
  MONTHS,
  NAME_PARTICLES,
  ORG_WORDS,
  PERSON_VERBS,
  PLACE_WORDS,
  PORTFOLIO,
  PORTFOLIO_SHAPE,
  ROLE_MODIFIERS,
  STOP_CAPS,
  TITLES,
  WEEKDAYS,
} from "./lexicon.ts";
import type { Token } from "./tokens.ts";

export type Gender = "m" | "f" | null;

export interface NameCandidate {
  /** Token indexes of the name, inclusive. */
  first: number;
  last: number;
  name: string;
  /** Role as written, or null. */
  role: string | null;
  /** Token index where the role before the name starts (=== first when there is none). */
  roleFirst: number;
  /** Where the capitalised run began, before any form of address ("Samdech Kralahom" before "Sar Kheng"). */
  runFirst?: number;
  /** Token index after an apposition that follows the name (=== last + 1 when none). */
  after: number;
  gender: Gender;
  /** What marked it as a person. */
  evidence: "title" | "apposition" | "verb" | "honorific";
}

const ALWAYS_STOP = new Set([
  "the",
  "a",
  "an",
  "he",
  "she",
  "it",
  "they",
  "we",
  "i",
  "his",
  "her",
  "their",
  "our",
  "its",
  "this",
  "that",
  "these",
  "those",
  "you",
]);
const CONNECTORS = new Set(["of", "for", "to", "the", "and", "on", "at", "in", "de"]);
const BACK_CONNECTORS = new Set([
  "of",
  "for",
  "to",
  "the",
  "then-",
  "ex-",
  "former-",
  "acting-",
  "now-",
  "-",
  "‐",
  "‑",
  "a",
  "an",
  "its",
  "his",
  "her",
  "their",
]);
const CLAUSE_OPENERS = new Set(["“", '"', "‘", ":", "(", "–", "—", ";"]);

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === "word";
const isAcronym = (t: Token) => /^[\p{Lu}\d&.-]{2,}$/u.test(t.base) && /\p{Lu}.*\p{Lu}/u.test(t.base);

export const isTitleWord = (t: Token | undefined): boolean => {
  if (!isWord(t)) return false;
  if (TITLES.has(t.low)) return true;
  // "commissioner-general", "vice-chair", "co-founder"
  return t.low.includes("-") && t.low.split("-").some((p) => TITLES.has(p) && p.length > 2);
};

const isCountryWord = (t: Token) => COUNTRIES.has(t.low) || DEMONYMS.has(t.low);

/** A capitalised word that is never part of a person's name. */
export function isNonNameCap(t: Token, sentenceStart: boolean, nearNumber?: boolean): boolean {
  const w = t.low;
  if (sentenceStart && STOP_CAPS.has(w)) return true;
  // "14 May", "May 3": the month, not a name.
  if (w === "may" && (nearNumber ?? false)) return true;
  let never = NEVER_A_NAME.get(t.base);
  if (never === undefined) {
    never = neverAName(t);
    if (NEVER_A_NAME.size >= NEVER_A_NAME_LIMIT) NEVER_A_NAME.clear();
    NEVER_A_NAME.set(t.base, never);
  }
  return never;
}

/** What isNonNameCap says of a word wherever it stands, by the word as written: news repeats its capitalised words. */
const NEVER_A_NAME = new Map<string, boolean>();
const NEVER_A_NAME_LIMIT = 100_000;

/** A capitalised word that is no name wherever it stands (isNonNameCap's part that reads the word alone). */
function neverAName(t: Token): boolean {
  const w = t.low;
  if (ALWAYS_STOP.has(w)) return true;
  if (t.base.endsWith(".") && t.base.length > 2 && !ABBREVIATED_GIVEN.has(t.low.replace(/\.$/, ""))) return true; // "Gen.", "Pol."
  if (TITLES.has(w) || PORTFOLIO.has(w) || ORG_WORDS.has(w) || ROLE_MODIFIERS.has(w) || isCountryWord(t)) return true;
  if (MONTHS[w] !== undefined && w.length > 3) return true;
  if (WEEKDAYS[w] !== undefined) return true;
  return isAcronym(t);
}

/** Could this token be part of a name? */
export function isNameish(tokens: Token[], i: number, sentenceStart: number): boolean {
  const t = tokens[i];
  if (!isWord(t) || !t.cap) return false;
  if (/^\p{Lu}\.$/u.test(t.base)) return true; // an initial
  const atStart = i === sentenceStart || CLAUSE_OPENERS.has(tokens[i - 1]?.text ?? "");
  const nearNumber = tokens[i - 1]?.kind === "num" || tokens[i + 1]?.kind === "num";
  return !isNonNameCap(t, atStart, nearNumber);
}

/** Runs of name-like tokens (particles allowed inside: "Sanne de Vries"). */
/**
 * Lower-case particles starting at token i and the name word after them ("de la Paz", "van der Berg"): the index of
 * that word, or -1.
 */
function particlesThenName(tokens: Token[], i: number, sentenceStart: number): number {
  let k = i;
  while (
    k < i + 3 &&
    isWord(tokens[k]) &&
    NAME_PARTICLES.has(tokens[k].text) &&
    tokens[k + 1] !== undefined &&
    tokens[k + 1].start === tokens[k].end + 1
  )
    k++;
  if (k === i || !isNameish(tokens, k, sentenceStart)) return -1;
  return k;
}

/** Runs of a sentence's tokens, kept while the tokens live (both passes read them). */
const RUNS = new WeakMap<Token[], Array<[number, number]>>();

/** Runs of name-like tokens (particles allowed inside: "Sanne de Vries", "Maria de la Paz"). */
export function nameRuns(tokens: Token[], sentenceStart = 0): Array<[number, number]> {
  if (sentenceStart === 0) {
    const cached = RUNS.get(tokens);
    if (cached) return cached;
    const runs = computeRuns(tokens, 0);
    RUNS.set(tokens, runs);
    return runs;
  }
  return computeRuns(tokens, sentenceStart);
}

/**
 * "Mr. MIURA Jun", "General TEA Banh", "H.E. NGOUN Sokveng": a family name written in capitals, after a form of
 * address or a title and before a given name. Not an acronym ("ASEAN Secretary-General", "FBI Director Ray").
 */
export function capitalFamilyName(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  // (A word in capitals starts with one: `cap`, read first, spares most words the expression.)
  if (!isWord(t) || !t.cap || !/^\p{Lu}{2,}$/u.test(t.base) || !/[AEIOUY]/.test(t.base) || t.possessive) return false;
  const prev = tokens[i - 1];
  const addressed = isWord(prev) && (ADDRESS_WORDS.has(prev.low) || HONORIFICS.has(prev.low) || isTitleWord(prev));
  const given = tokens[i + 1];
  return addressed && isWord(given) && given.cap && !/^\p{Lu}{2,}$/u.test(given.base) && isNameish(tokens, i + 1, -1);
}

/** Title words that are also surnames ("Mr David King", "Ms Jane Major"). */
const SURNAME_TITLES = new Set([
  "king",
  "major",
  "bishop",
  "judge",
  "marshal",
  "chancellor",
  "dean",
  "prince",
  "knight",
]);

/** Is token k such a surname: after an honorific and one given name, and not followed by more of a name or "of"? */
function titleSurname(tokens: Token[], first: number, k: number): boolean {
  const t = tokens[k];
  if (!isWord(t) || !t.cap || !SURNAME_TITLES.has(t.low) || k !== first + 1) return false;
  const honorific = tokens[first - 1];
  if (!isWord(honorific) || !/^(?:mr|mrs|ms|dr|mr\.|mrs\.|ms\.|dr\.)$/.test(honorific.low)) return false;
  const next = tokens[k + 1];
  return !(isWord(next) && (next.cap || next.low === "of"));
}

/** "MIURA Jun" → "Miura Jun": capitals of a family name in the case of the rest of the name. */
const nameCase = (name: string) =>
  name.replace(/\p{Lu}{2,}/gu, (w) => (w.length > 1 ? w[0] + w.slice(1).toLowerCase() : w));

function computeRuns(tokens: Token[], sentenceStart: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    let first = i;
    if (!isNameish(tokens, i, sentenceStart) && !capitalFamilyName(tokens, i)) {
      // "…, de la Paz held": a surname that starts with its particles, after a clause edge.
      const prev = tokens[i - 1];
      const edge = i === sentenceStart || (prev !== undefined && (prev.kind === "punct" || !prev.cap));
      const k =
        edge && !(prev !== undefined && isWord(prev) && NAME_PARTICLES.has(prev.text))
          ? particlesThenName(tokens, i, sentenceStart)
          : -1;
      if (k < 0) {
        i++;
        continue;
      }
      first = i;
      i = k;
    }
    let j = i;
    for (;;) {
      if (tokens[j].possessive) break;
      if (titleSurname(tokens, first, j + 1)) {
        j++;
        continue;
      }
      if (isNameish(tokens, j + 1, sentenceStart) || capitalFamilyName(tokens, j + 1)) {
        j++;
        continue;
      }
      const p = tokens[j + 1];
      if (isWord(p) && NAME_PARTICLES.has(p.text) && p.start === tokens[j].end + 1) {
        const k = particlesThenName(tokens, j + 1, sentenceStart);
        if (k > 0) {
          j = k;
          continue;
        }
      }
      break;
    }
    runs.push([first, j]);
    i = j + 1;
  }
  return runs;
}

/** Name words of a run, particles not counted. */
const nameWords = (tokens: Token[], a: number, b: number) => {
  let n = 0;
  for (let k = a; k <= b; k++) if (!NAME_PARTICLES.has(tokens[k].text)) n++;
  return n;
};

/** Is token k a role word in a back-scan (the role is read right to left from the name)? */
/**
 * Lower-case words that place a title: "Banteay Meanchey [provincial] governor", "Phnom Penh [municipal] police chief".
 */
const PLACE_MODIFIERS = new Set([
  "provincial",
  "province",
  "municipal",
  "municipality",
  "city",
  "district",
  "regional",
  "state",
  "county",
  "commune",
  "village",
  "town",
  "local",
  "border",
  "capital",
]);

function roleToken(tokens: Token[], k: number, inRole: Token | undefined): boolean {
  const t = tokens[k];
  // "Minister of Agriculture, Forestry and Fisheries": a comma inside a list of portfolios.
  if (
    t.text === "," &&
    isWord(inRole) &&
    inRole.cap &&
    (PORTFOLIO.has(inRole.low) || PORTFOLIO_SHAPE.test(inRole.base))
  ) {
    const prev = tokens[k - 1];
    return isWord(prev) && prev.cap && (PORTFOLIO.has(prev.low) || PORTFOLIO_SHAPE.test(prev.base));
  }
  // "Dato' Seri": an honorific written with an apostrophe.
  if (
    (t.text === "'" || t.text === "’") &&
    isWord(tokens[k - 1]) &&
    isTitleWord(tokens[k - 1]) &&
    tokens[k - 1].end === t.start
  )
    return true;
  if (t.kind !== "word") return false;
  const w = t.low;
  if (isTitleWord(t) || ROLE_MODIFIERS.has(w) || PORTFOLIO.has(w) || ORG_WORDS.has(w) || isCountryWord(t)) return true;
  if (BACK_CONNECTORS.has(w)) return true;
  // "Energy and Mines Minister": "and" between two portfolio words.
  const portfolioish = (x: Token | undefined) =>
    isWord(x) && x.cap && (PORTFOLIO.has(x.low) || PORTFOLIO_SHAPE.test(x.base) || ORG_WORDS.has(x.low));
  if ((w === "and" || w === "&") && portfolioish(inRole) && portfolioish(tokens[k - 1])) return true;
  // "Deputy Prime Minister and Minister of National Defence Tea Seiha": two titles of one person.
  if (
    (w === "and" || w === "&") &&
    isWord(inRole) &&
    inRole.cap &&
    isTitleWord(inRole) &&
    isWord(tokens[k - 1]) &&
    tokens[k - 1].cap &&
    isTitleWord(tokens[k - 1])
  )
    return true;
  // "Deputy Prime Minister and Foreign Minister Prak Sokha": a title, then a portfolio's title.
  if (
    (w === "and" || w === "&") &&
    portfolioish(inRole) &&
    isWord(tokens[k - 1]) &&
    tokens[k - 1].cap &&
    isTitleWord(tokens[k - 1])
  )
    return true;
  // "Plantation [and Commodities Minister]": the first of two joined portfolios.
  if (portfolioish(t) && !t.possessive && inRole !== undefined && ["and", "&", ","].includes(inRole.text)) return true;
  if (isAcronym(t)) return true;
  if (t.base.endsWith(".")) return true; // ranks: "Pol.", "Lt."
  // "Valdorian President", "Royal Thai Police": an unknown capitalised word right before a role word.
  if (
    t.cap &&
    !t.possessive &&
    inRole &&
    isWord(inRole) &&
    (isTitleWord(inRole) || ORG_WORDS.has(inRole.low) || DEMONYMS.has(inRole.low) || PORTFOLIO.has(inRole.low))
  ) {
    return !STOP_CAPS.has(w);
  }
  // "Banteay Meanchey provincial governor": a place's words before a lower-case place modifier.
  if (
    t.cap &&
    !t.possessive &&
    isWord(inRole) &&
    ((!inRole.cap && PLACE_MODIFIERS.has(inRole.low)) ||
      (inRole.cap && !inRole.possessive && k + 1 < tokens.length && placeRunBeforeModifier(tokens, k + 1)))
  ) {
    return !STOP_CAPS.has(w) && !PERSON_VERBS.has(w);
  }
  // "Minister of Mining": a capitalised portfolio-shaped word after "of"/"for".
  if (t.cap && PORTFOLIO_SHAPE.test(t.base) && ["of", "for", "and"].includes(tokens[k - 1]?.low ?? "")) return true;
  return false;
}

/** Is token k the start of capitalised words followed by a place modifier ("Meanchey provincial")? */
function placeRunBeforeModifier(tokens: Token[], k: number): boolean {
  let j = k;
  while (j < tokens.length && j < k + 3 && isWord(tokens[j]) && tokens[j].cap && !tokens[j].possessive) j++;
  return j > k && isWord(tokens[j]) && !tokens[j].cap && PLACE_MODIFIERS.has(tokens[j].low);
}

/**
 * After token b: "and|of|for|&" and capitalised words that end in an organisation word
 * ("Mine Action [and Victim Assistance Authority]"), not in a person ("… and Party General
 * Secretary To Lam").
 */
function continuesIntoBody(tokens: Token[], b: number): boolean {
  const j = tokens[b + 1];
  if (!isWord(j) || !["and", "of", "for", "&"].includes(j.low) || tokens[b].possessive) return false;
  let k = b + 2;
  let lastCap = -1;
  while (
    k < tokens.length &&
    k < b + 8 &&
    isWord(tokens[k]) &&
    (tokens[k].cap || ["of", "for", "and"].includes(tokens[k].low))
  ) {
    if (tokens[k].cap) lastCap = k;
    if (tokens[k].possessive) break;
    k++;
  }
  // "… and Royal Thai Army chief Gen. Pana": the body is the next person's.
  return (
    lastCap > 0 &&
    ORG_WORDS.has(tokens[lastCap].low) &&
    !isTitleWord(tokens[lastCap]) &&
    !isTitleWord(tokens[lastCap + 1])
  );
}

const TRIM_ROLE_START = new Set([
  "the",
  "a",
  "an",
  "of",
  "for",
  "to",
  "and",
  "his",
  "her",
  "their",
  "its",
  "at",
  "in",
  "on",
]);

/** Start of a country name of several words that ends at token k ("New Zealand’s"), or -1. */
function countryEndingAt(tokens: Token[], k: number): number {
  for (let n = 4; n >= 2; n--) {
    const s = k - n + 1;
    if (s < 0) continue;
    const span = tokens.slice(s, k + 1);
    if (!span.every((t) => isWord(t) && t.cap)) continue;
    if (COUNTRIES.has(span.map((t) => t.low).join(" "))) return s;
  }
  return -1;
}

function roleBefore(
  tokens: Token[],
  first: number,
  text: string,
  offset: number,
): { start: number; role: string | null } {
  let k = first - 1;
  for (;;) {
    if (k < 0) break;
    const multi = countryEndingAt(tokens, k);
    if (multi >= 0) {
      k = multi - 1;
      continue;
    }
    if (!roleToken(tokens, k, tokens[k + 1])) break;
    // Possessive names are not part of a role ("Sar Kheng’s post"), countries are ("Vietnam’s Minister").
    if (tokens[k].possessive && !isCountryWord(tokens[k]) && !tokens[k].cap) break;
    k--;
  }
  let s = k + 1;
  while (s < first && TRIM_ROLE_START.has(tokens[s].low)) s++;
  let e = first - 1;
  while (e >= s && (CONNECTORS.has(tokens[e].low) || tokens[e].kind === "punct")) e--;
  const span = tokens.slice(s, e + 1);
  if (!span.some((t) => isTitleWord(t))) return { start: first, role: null };
  return { start: s, role: cleanRole(text.slice(tokens[s].start - offset, tokens[e].end - offset)) };
}

function cleanRole(role: string): string | null {
  const words = role.split(/\s+/);
  while (words.length && HONORIFICS.has(words[0].toLowerCase())) words.shift();
  // "… of China Mr": a courtesy title before the name is not part of the role.
  while (words.length && /^(?:mr|mrs|ms|dr|madam)\.?$/i.test(words[words.length - 1])) words.pop();
  const out = words
    .join(" ")
    .replace(/[,;:–—-]+$/, "")
    .trim();
  return out === "" ? null : out;
}

/** ", executive director of the NGO …," after a name: the role, and where it ends. */
/** Two or three capitalised words that are no title, body, place or country: a person's name ("Sar Kheng"). */
function twoWordNameAt(tokens: Token[], i: number): boolean {
  const plain = (t: Token | undefined) =>
    isWord(t) &&
    t.cap &&
    !isTitleWord(t) &&
    !ORG_WORDS.has(t.low) &&
    !PLACE_WORDS.has(t.low) &&
    !isCountryWord(t) &&
    !PORTFOLIO.has(t.low);
  return plain(tokens[i]) && plain(tokens[i + 1]) && tokens[i + 2]?.text === ",";
}

function appositionAfter(
  tokens: Token[],
  last: number,
  text: string,
  offset: number,
): { end: number; role: string | null } {
  const sep = tokens[last + 1];
  if (
    !sep ||
    !(
      sep.text === "," ||
      sep.text === "–" ||
      sep.text === "—" ||
      sep.text === "(" ||
      (sep.text === "-" && text[sep.start - offset - 1] === " ")
    )
  ) {
    return { end: last + 1, role: null };
  }
  const closers =
    sep.text === "("
      ? new Set([")"])
      : sep.text === ","
        ? new Set([",", ")", ";", "–", "—", ".", ":"])
        : new Set([sep.text, ",", ".", ";"]);
  let k = last + 2;
  const start = k;
  while (k < tokens.length && !closers.has(tokens[k].text) && k - start < 25) {
    // "Somkeo Vong, Minister of Public Security of Laos and Dara Vong, …": the role ends where the next person begins.
    if (k > start && tokens[k].low === "and" && twoWordNameAt(tokens, k + 1)) break;
    // A verb or relative pronoun: not an apposition ("Phorn Sreymom, who has been held").
    if (
      k === start &&
      [
        "who",
        "which",
        "that",
        "whose",
        "where",
        "when",
        "for",
        "on",
        "in",
        "at",
        "he",
        "she",
        "said",
        "according",
      ].includes(tokens[k].low)
    )
      return { end: last + 1, role: null };
    k++;
  }
  if (k === start) return { end: last + 1, role: null };
  const span = tokens.slice(start, k);
  // The role must read as a noun phrase about a person: a title word among its first words.
  const head = span.slice(0, 7);
  if (!head.some((t) => isTitleWord(t))) return { end: last + 1, role: null };
  if (head.some((t) => t.kind === "word" && PERSON_VERBS.has(t.low) && !isTitleWord(t)))
    return { end: last + 1, role: null };
  // "Hendra Wijayakusuma, Brazilian Minister of Environment Ana Beatriz Carvalho and …": a list of people, not a role.
  for (const [ra, rb] of nameRuns(tokens.slice(start, k))) {
    const before = tokens[start + ra - 1];
    if (
      rb > ra &&
      isWord(before) &&
      before.cap &&
      (isTitleWord(before) || PORTFOLIO.has(before.low) || PORTFOLIO_SHAPE.test(before.base)) &&
      !ORG_WORDS.has(tokens[start + rb + 1]?.low ?? "")
    )
      return { end: last + 1, role: null };
  }
  const role = cleanRole(
    text.slice(span[0].start - offset, span[span.length - 1].end - offset).replace(/^(the|a|an)\s+/i, ""),
  );
  const end = k < tokens.length && closers.has(tokens[k].text) && tokens[k].text !== "." ? k + 1 : k;
  return { end, role };
}

/**
 * "The UN Special Rapporteur on the situation of human rights in Cambodia, Rhona Smith, …": a capitalised title,
 * "on"/"for" and the lower-case words of its remit, then the comma before the name. The role runs from the title's
 * own role words to the comma.
 */
function titleWithTopic(
  tokens: Token[],
  first: number,
  text: string,
  offset: number,
): { start: number; role: null | string } {
  const none = { start: first, role: null };
  for (let j = first - 3; j >= 0 && j >= first - 14; j--) {
    const t = tokens[j];
    if (!isWord(t) || (PERSON_VERBS.has(t.low) && !t.cap) || /(?:ed|ing)$/.test(t.low)) return none;
    if (!(t.cap && isTitleWord(t) && /^(?:on|for)$/.test(tokens[j + 1]?.low ?? ""))) continue;
    const head = roleBefore(tokens, j + 1, text, offset);
    const start = head.role ? head.start : j;
    return { start, role: cleanRole(text.slice(tokens[start].start - offset, tokens[first - 2].end - offset)) };
  }
  return none;
}

/** "her Australian counterpart, Michael Hartigan": a role, a comma, then the name. */
function roleBeforeComma(
  tokens: Token[],
  first: number,
  text: string,
  offset: number,
  last: number,
): { start: number; role: string | null } {
  if (tokens[first - 1]?.text !== ",") return { start: first, role: null };
  // "Norway's ambassador to Indonesia, Henrik Solberg-Aasen, welcomed …": a role that does not end
  // in its title counts only when the name is set off by commas on both sides.
  const enclosed =
    [",", ".", ";", ")", "–", "—", "and"].includes(tokens[last + 1]?.text ?? "") || last + 1 >= tokens.length;
  if (!isTitleWord(tokens[first - 2]) && !enclosed) return { start: first, role: null };
  const r = roleBefore(tokens, first - 1, text, offset);
  if (!r.role) return enclosed ? titleWithTopic(tokens, first, text, offset) : { start: first, role: null };
  // The role opens the sentence or follows a preposition or a comma ("led by its director, Dr. …").
  const lead = tokens[r.start - 1];
  const leadOk =
    r.start === 0 ||
    !isWord(lead) ||
    [
      "by",
      "with",
      "between",
      "among",
      "and",
      "to",
      "from",
      "of",
      "for",
      "as",
      "on",
      "upon",
      "the",
      "a",
      "an",
      "its",
      "his",
      "her",
      "their",
    ].includes(lead.low) ||
    lead.kind !== "word";
  return isTitleWord(tokens[first - 2]) || leadOk ? r : { start: first, role: null };
}

function genderOf(tokens: Token[], from: number, to: number): Gender {
  for (let k = from; k < to; k++) {
    const w = tokens[k].low.replace(/\.$/, "");
    if (FEMALE_HONORIFICS.has(w) || FEMALE_HONORIFICS.has(`${w}.`)) return "f";
    if (MALE_HONORIFICS.has(w) || MALE_HONORIFICS.has(`${w}.`)) return "m";
  }
  return null;
}

/** The person names a sentence introduces, with their roles. */
/**
 * Forms of address and ranks written before a name, as one or more capitalised words: Khmer
 * ("Samdech", "Kralahom"/"Krolahom"/"Kralahorm", "Pichey Sena", "Techo", "Akka Moha Sena Padei Techo"),
 * Malay and Bruneian ("Tan Sri", "Datuk Seri", "Dato Paduka Seri", "Pehin", "Haji" before another
 * honorific), "H.E.", and police and military ranks ("Pol Gen", "Lt Gen", "Pol Maj Gen", "Sen. Lieut. Gen.").
 */
const ADDRESS_WORDS = new Set(
  `samdech samdach kralahom krolahom kralahorm krolahorm pichey sena techo akka moha padei vibol pheakdey tan sri seri
  datuk dato datin paduka pehin orang kaya yang berhormat mulia excellency h.e h.e. he. pol pol. police lt lt. lieut lieut.
  lieutenant maj maj. major gen gen. general col col. colonel brig brig. brigadier adm adm. admiral sen sen. senior
  maj-gen lt-gen lt.-gen. pol.lt.gen mr mr. mrs mrs. ms ms. dr dr. prof prof. cmdr capt capt. superintendent commissioner`
    .split(/\s+/)
    .filter(Boolean),
);
/** Words of ADDRESS_WORDS that are also common given names or surnames: only with another address word after them. */
const ADDRESS_ONLY_BEFORE_ADDRESS = new Set([
  "tan",
  "sri",
  "sena",
  "moha",
  "orang",
  "kaya",
  "yang",
  "mulia",
  "senior",
  "he.",
]);

function honorificPrefix(tokens: Token[], a: number, b: number): number {
  let n = 0;
  while (a + n <= b) {
    const t = tokens[a + n];
    const w = t.low;
    if (!ADDRESS_WORDS.has(w) && !ADDRESS_WORDS.has(w.replace(/\.$/, ""))) break;
    if (ADDRESS_ONLY_BEFORE_ADDRESS.has(w) && !ADDRESS_WORDS.has(tokens[a + n + 1]?.low ?? "") && n === 0) break;
    n++;
  }
  return n;
}

/** Sentence adverbs ("Lastly,"), the last word of a body's name ("… Meeting", "… Command"), a country's second word. */
function notAPersonName(tokens: Token[], a: number, b: number): boolean {
  const only = tokens[a];
  // "Attach©", "Minist�": a word cut short by a broken character is no name.
  const glued = tokens[b + 1];
  if (
    glued &&
    glued.kind === "punct" &&
    glued.start === tokens[b].end &&
    /^[^\p{L}\p{N}\s.,;:!?'’"“”()[\]–—-]$/u.test(glued.text)
  )
    return true;
  // "said Chab Dai spokesman Joseph Arnhold": a name before a lower-case title and another name is the body's.
  const title = tokens[b + 1];
  if (isWord(title) && !title.cap && isTitleWord(title) && isNameish(tokens, b + 2, -1)) return true;
  // "anti-trafficking group Chab Dai said", "the charity Friends Asia": the organisation's own name.
  const head = tokens[a - 1];
  // (Not "chief of mission Mina Park": there the noun ends a title.)
  if (isWord(head) && !head.cap && ORG_WORDS.has(head.low) && !head.possessive && tokens[a - 2]?.low !== "of")
    return true;
  if (a === b && (ORG_WORDS.has(only.low) || PLACE_WORDS.has(only.low) || COMMON_CAPS.has(only.low))) return true;
  if (a === b && /ly$/.test(only.low) && tokens[a + 1]?.text === ",") return true;
  const prev = tokens[a - 1];
  if (isWord(prev) && prev.cap && COUNTRIES.has(`${prev.low} ${only.low}`)) return true;
  // "Criminal Activities", "Agence Kampuchea Presse", "Wisma Putra", "Việt Nam": a body, a building or a country.
  const words = tokens.slice(a, b + 1).map((t) => t.low);
  if (
    COMMON_CAPS.has(words[words.length - 1]) ||
    NOT_NAME_WORDS.has(words[0]) ||
    NOT_NAME_WORDS.has(words[words.length - 1])
  )
    return true;
  const folded = words
    .join(" ")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/đ/g, "d");
  return COUNTRIES.has(folded) || folded === "viet nam";
}

/** Words of agencies' and buildings' names in other languages: never part of a person's name. */
const NOT_NAME_WORDS = new Set(["agence", "presse", "wisma", "menara", "istana", "bangunan", "agencia", "prensa"]);

/** Capitalised nouns seen ending organisations' and meetings' names, never a person's name on their own. */
const COMMON_CAPS = new Set(
  `meeting meetings command control states activities airlines affairs operations security services ministers
  members partners forces relations cooperation development justice drugs`
    .split(/\s+/)
    .filter(Boolean),
);

/** A run that is part of a place's or a body's name, or a place itself: no person. */
function partOfLongerName(tokens: Token[], a: number, b: number): boolean {
  const next = tokens[b + 1];
  // "Peace Palace", "Mekong River", "Export-Import Bank": part of a place or body.
  if (
    next &&
    isWord(next) &&
    next.cap &&
    (ORG_WORDS.has(next.low) || PLACE_WORDS.has(next.low) || PORTFOLIO.has(next.low))
  )
    return true;
  // ("Inspector-General of Police Razarudin Husain", "Chief of Police X": the body word ends a title, not a name.)
  const bodyOfTitle = isTitleWord(tokens[a - 3]) && /^(?:of|for)$/.test(tokens[a - 2]?.low ?? "");
  if (
    isWord(tokens[a - 1]) &&
    tokens[a - 1].cap &&
    ORG_WORDS.has(tokens[a - 1].low) &&
    !isTitleWord(tokens[a - 1]) &&
    !bodyOfTitle
  )
    return true;
  // "Committee for Counter Trafficking", "Network for Social Accountability": the rest of a body's name.
  const joiner = tokens[a - 1];
  const owner = tokens[a - 2];
  if (
    isWord(joiner) &&
    ["of", "for", "on", "and"].includes(joiner.low) &&
    isWord(owner) &&
    owner.cap &&
    (ORG_WORDS.has(owner.low) || PORTFOLIO.has(owner.low)) &&
    !isTitleWord(owner)
  )
    return true;
  // "the Royal Cambodian Armed Forces": a capitalised word before a country's adjective belongs to a longer name.
  if (next && isWord(next) && next.cap && isCountryWord(next) && !tokens[b].possessive) return true;
  // "Mine Action and Victim Assistance Authority": the run continues into a body's name.
  if (continuesIntoBody(tokens, b)) return true;
  // "Official Security Assistance programme": an abstract noun before a common noun is no name.
  if (
    a === b &&
    /(?:tion|sion|ance|ence|ment|ity|ness|ship)$/.test(tokens[a].low) &&
    isWord(next) &&
    !next.cap &&
    !PERSON_VERBS.has(next.low)
  )
    return true;
  // A run ending in a place word ("Phnom Penh City") is a place, unless a title names it ("chief of mission Mihyung
  // Park").
  if (
    PLACE_WORDS.has(tokens[b].low) &&
    b > a &&
    !(
      isTitleWord(tokens[a - 1]) ||
      (isWord(tokens[a - 1]) && ORG_WORDS.has(tokens[a - 1].low) && isTitleWord(tokens[a - 3]))
    )
  )
    return true;
  return false;
}

/** What says a run is a person's name: a title before, an apposition after, an honorific, or a verb. */
function nameEvidence(
  tokens: Token[],
  a: number,
  b: number,
  titleRole: string | null,
  appositionRole: string | null,
  addressed: boolean,
): NameCandidate["evidence"] | null {
  const honorific = addressed || (a > 0 && HONORIFICS.has(tokens[a - 1].low));
  let evidence: NameCandidate["evidence"] | null = null;
  // "commander of the Royal …", "Minister of the Interior": a title followed by "of" names a body or a place, not a
  // person.
  const joinedByConnector =
    isWord(tokens[a - 1]) && ["of", "the", "for", "to", "and", "at", "in"].includes(tokens[a - 1].low);
  if (titleRole && !joinedByConnector) evidence = "title";
  else if (appositionRole) evidence = "apposition";
  else if (honorific) evidence = "honorific";
  else if (b > a) {
    let v = b + 1;
    while (
      isWord(tokens[v]) &&
      [
        "also",
        "further",
        "then",
        "had",
        "has",
        "have",
        "later",
        "previously",
        "earlier",
        "recently",
        "again",
        "strongly",
        "personally",
      ].includes(tokens[v].low)
    )
      v++;
    // "… Malaria Control led by its director": a passive verb says nothing of a person.
    const verbAfter = isWord(tokens[v]) && PERSON_VERBS.has(tokens[v].low) && tokens[v + 1]?.low !== "by";
    const verbBefore = a > 0 && ["said", "says", "added", "wrote", "told", "according"].includes(tokens[a - 1].low);
    const toBefore = a > 1 && tokens[a - 1].low === "to" && tokens[a - 2].low === "according";
    if (verbAfter || verbBefore || toBefore) evidence = "verb";
  }
  return evidence;
}

/** The person a name run names, with the roles around it; null if nothing says it is a person. */
function candidateAt(tokens: Token[], text: string, offset: number, aRaw: number, bRaw: number): NameCandidate | null {
  let a = aRaw;
  let b = bRaw;
  // Drop a trailing initial ("J.") that is not followed by a surname.
  while (b > a && /^\p{Lu}\.$/u.test(tokens[b].base)) b--;
  // A run that starts with an initial is a name only after a title: "Ambassador to Myanmar K. Suresh".
  if (
    /^\p{Lu}\.$/u.test(tokens[a].base) &&
    (b === a || /^\p{Lu}\.$/u.test(tokens[b].base) || roleBefore(tokens, a, text, offset).role === null)
  )
    return null;
  // "Samdech Kralahom Sar Kheng", "Dato Paduka Seri Hoong Wee Teck", "H.E. Gen. Tea Seiha": the honorifics and ranks
  // are a form of address, not the name (so every spelling of the address finds one person).
  const skip = honorificPrefix(tokens, a, b);
  if (a + skip > b) return null; // "Samdech Pichey Sena" alone: an address with no name
  const addressed = skip > 0;
  const address = addressed ? text.slice(tokens[a].start - offset, tokens[a + skip - 1].end - offset) : null;
  a += skip;
  if (notAPersonName(tokens, a, b)) return null;
  const written = text.slice(tokens[a].start - offset, tokens[b].end - offset).replace(/['’]s$/u, "");
  const name = capitalFamilyName(tokens, a) ? nameCase(written) : written;
  const found = roleBefore(tokens, aRaw, text, offset);
  // The address joins the role: "Deputy Prime Minister Samdech Kralahom".
  const before = address
    ? { start: found.role ? found.start : aRaw, role: found.role ? `${found.role} ${address}` : address }
    : found;
  // "his Lao counterpart, Minister of Public Security Bounthong Keomany": both roles.
  let commaFrom = before.role ? before.start : a;
  while (commaFrom > 0 && HONORIFICS.has(tokens[commaFrom - 1].low)) commaFrom--; // "its director, Dr. Lim Vannak"
  const comma = roleBeforeComma(tokens, commaFrom, text, offset, b);
  const commaBefore = comma.role
    ? { start: comma.start, role: before.role ? `${comma.role}; ${before.role}` : comma.role }
    : before;
  const appos = tokens[b].possessive ? { end: b + 1, role: null } : appositionAfter(tokens, b, text, offset);
  const evidence = nameEvidence(tokens, a, b, commaBefore.role, appos.role, addressed);
  if (!evidence) return null;
  const roles = [commaBefore.role, appos.role].filter((r): r is string => r !== null);
  return {
    first: a,
    last: b,
    name,
    role: roles.length ? roles.join("; ") : null,
    roleFirst: commaBefore.role ? commaBefore.start : aRaw,
    runFirst: aRaw,
    after: appos.role ? appos.end : b + 1,
    gender:
      genderOf(tokens, Math.max(0, commaBefore.start - 1), a) ??
      (appos.role ? genderOf(tokens, b + 1, appos.end) : null),
    evidence,
  };
}

export function findNameCandidates(tokens: Token[], text: string, offset: number): NameCandidate[] {
  const out: NameCandidate[] = [];
  for (const [aRaw, bRaw] of nameRuns(tokens)) {
    if (nameWords(tokens, aRaw, bRaw) > 5) continue;
    if (partOfLongerName(tokens, aRaw, bRaw)) continue;
    const candidate = candidateAt(tokens, text, offset, aRaw, bRaw);
    if (candidate) out.push(candidate);
  }
  return out;
}
