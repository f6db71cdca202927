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
  /** Token index after an apposition that follows the name (=== last + 1 when none). */
  after: number;
  gender: Gender;
  /** What marked it as a person. */
  evidence: "title" | "apposition" | "verb" | "honorific";
}

const ALWAYS_STOP = new Set(["the", "a", "an", "he", "she", "it", "they", "we", "i", "his", "her", "their", "our", "its", "this", "that", "these", "those", "you"]);
const CONNECTORS = new Set(["of", "for", "to", "the", "and", "on", "at", "in", "de"]);
const BACK_CONNECTORS = new Set(["of", "for", "to", "the", "then-", "ex-", "former-", "acting-", "now-", "-", "‐", "‑", "a", "an", "its", "his", "her", "their"]);
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
  if (ALWAYS_STOP.has(w)) return true;
  if (sentenceStart && STOP_CAPS.has(w)) return true;
  if (t.base.endsWith(".") && t.base.length > 2) return true; // "Gen.", "Pol."
  if (TITLES.has(w) || PORTFOLIO.has(w) || ORG_WORDS.has(w) || ROLE_MODIFIERS.has(w) || isCountryWord(t)) return true;
  if (MONTHS[w] !== undefined && w.length > 3) return true;
  // "14 May", "May 3": the month, not a name.
  if (w === "may" && (nearNumber ?? false)) return true;
  if (WEEKDAYS[w] !== undefined) return true;
  if (isAcronym(t)) return true;
  return false;
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
export function nameRuns(tokens: Token[], sentenceStart = 0): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameish(tokens, i, sentenceStart)) {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      if (tokens[j].possessive) break;
      if (isNameish(tokens, j + 1, sentenceStart)) {
        j++;
        continue;
      }
      const p = tokens[j + 1];
      if (isWord(p) && NAME_PARTICLES.has(p.text) && isNameish(tokens, j + 2, sentenceStart) && tokens[j + 2].start === p.end + 1) {
        j += 2;
        continue;
      }
      break;
    }
    runs.push([i, j]);
    i = j + 1;
  }
  return runs;
}

/** Is token k a role word in a back-scan (the role is read right to left from the name)? */
function roleToken(tokens: Token[], k: number, inRole: Token | undefined): boolean {
  const t = tokens[k];
  if (t.kind !== "word") return false;
  const w = t.low;
  if (isTitleWord(t) || ROLE_MODIFIERS.has(w) || PORTFOLIO.has(w) || ORG_WORDS.has(w) || isCountryWord(t)) return true;
  if (BACK_CONNECTORS.has(w)) return true;
  // "Energy and Mines Minister": "and" between two portfolio words.
  if ((w === "and" || w === "&") && inRole && isWord(inRole) && inRole.cap && PORTFOLIO.has(inRole.low) && isWord(tokens[k - 1]) && tokens[k - 1].cap && PORTFOLIO.has(tokens[k - 1].low)) return true;
  if (isAcronym(t)) return true;
  if (t.base.endsWith(".")) return true; // ranks: "Pol.", "Lt."
  // "Valdorian President", "Royal Thai Police": an unknown capitalised word right before a role word.
  if (t.cap && !t.possessive && inRole && isWord(inRole) && (isTitleWord(inRole) || ORG_WORDS.has(inRole.low) || DEMONYMS.has(inRole.low) || PORTFOLIO.has(inRole.low))) {
    return !STOP_CAPS.has(w);
  }
  // "Minister of Mining": a capitalised portfolio-shaped word after "of"/"for".
  if (t.cap && PORTFOLIO_SHAPE.test(t.base) && ["of", "for", "and"].includes(tokens[k - 1]?.low ?? "")) return true;
  return false;
}

const TRIM_ROLE_START = new Set(["the", "a", "an", "of", "for", "to", "and", "his", "her", "their", "its", "at", "in", "on"]);

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

function roleBefore(tokens: Token[], first: number, text: string, offset: number): { start: number; role: string | null } {
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
  const out = words.join(" ").replace(/[,;:–—-]+$/, "").trim();
  return out === "" ? null : out;
}

/** ", executive director of the NGO …," after a name: the role, and where it ends. */
function appositionAfter(tokens: Token[], last: number, text: string, offset: number): { end: number; role: string | null } {
  const sep = tokens[last + 1];
  if (!sep || !(sep.text === "," || sep.text === "–" || sep.text === "—" || sep.text === "(" || (sep.text === "-" && text[sep.start - offset - 1] === " "))) {
    return { end: last + 1, role: null };
  }
  const closers = sep.text === "(" ? new Set([")"]) : sep.text === "," ? new Set([",", ")", ";", "–", "—", ".", ":"]) : new Set([sep.text, ",", ".", ";"]);
  let k = last + 2;
  const start = k;
  while (k < tokens.length && !closers.has(tokens[k].text) && k - start < 25) {
    // A verb or relative pronoun: not an apposition ("Phorn Sreymom, who has been held").
    if (k === start && ["who", "which", "that", "whose", "where", "when", "for", "on", "in", "at", "he", "she", "said", "according"].includes(tokens[k].low)) return { end: last + 1, role: null };
    k++;
  }
  if (k === start) return { end: last + 1, role: null };
  const span = tokens.slice(start, k);
  // The role must read as a noun phrase about a person: a title word among its first words.
  const head = span.slice(0, 7);
  if (!head.some((t) => isTitleWord(t))) return { end: last + 1, role: null };
  if (head.some((t) => t.kind === "word" && PERSON_VERBS.has(t.low) && !isTitleWord(t))) return { end: last + 1, role: null };
  const role = cleanRole(text.slice(span[0].start - offset, span[span.length - 1].end - offset).replace(/^(the|a|an)\s+/i, ""));
  const end = k < tokens.length && closers.has(tokens[k].text) && tokens[k].text !== "." ? k + 1 : k;
  return { end, role };
}

/** "her Australian counterpart, Michael Hartigan": a role, a comma, then the name. */
function roleBeforeComma(tokens: Token[], first: number, text: string, offset: number): { start: number; role: string | null } {
  if (tokens[first - 1]?.text !== "," || !isTitleWord(tokens[first - 2])) return { start: first, role: null };
  const r = roleBefore(tokens, first - 1, text, offset);
  return r.role ? r : { start: first, role: null };
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
export function findNameCandidates(tokens: Token[], text: string, offset: number): NameCandidate[] {
  const out: NameCandidate[] = [];
  for (const [a, bRaw] of nameRuns(tokens)) {
    let b = bRaw;
    if (b - a + 1 > 4) continue;
    const next = tokens[b + 1];
    // "Peace Palace", "Mekong River", "Export-Import Bank": part of a place or body.
    if (next && isWord(next) && next.cap && (ORG_WORDS.has(next.low) || PLACE_WORDS.has(next.low) || PORTFOLIO.has(next.low))) continue;
    if (isWord(tokens[a - 1]) && tokens[a - 1].cap && ORG_WORDS.has(tokens[a - 1].low) && !isTitleWord(tokens[a - 1])) continue;
    // "Committee for Counter Trafficking", "Network for Social Accountability": the rest of a body's name.
    const joiner = tokens[a - 1];
    const owner = tokens[a - 2];
    if (isWord(joiner) && ["of", "for", "on", "and"].includes(joiner.low) && isWord(owner) && owner.cap && (ORG_WORDS.has(owner.low) || PORTFOLIO.has(owner.low)) && !isTitleWord(owner)) continue;
    // "the Royal Cambodian Armed Forces": a capitalised word before a country's adjective belongs to a longer name.
    if (next && isWord(next) && next.cap && isCountryWord(next) && !tokens[b].possessive) continue;
    // A run ending in a place word ("Phnom Penh City") is a place.
    if (PLACE_WORDS.has(tokens[b].low) && b > a) continue;
    // Drop a trailing initial ("J.") that is not followed by a surname.
    while (b > a && /^\p{Lu}\.$/u.test(tokens[b].base)) b--;
    if (/^\p{Lu}\.$/u.test(tokens[a].base)) continue;
    const name = text.slice(tokens[a].start - offset, tokens[b].end - offset).replace(/['’]s$/u, "");
    const before = roleBefore(tokens, a, text, offset);
    // "his Lao counterpart, Minister of Public Security Bounthong Keomany": both roles.
    const comma = roleBeforeComma(tokens, before.role ? before.start : a, text, offset);
    const commaBefore = comma.role
      ? { start: comma.start, role: before.role ? `${comma.role}; ${before.role}` : comma.role }
      : before;
    const appos = tokens[b].possessive ? { end: b + 1, role: null } : appositionAfter(tokens, b, text, offset);
    const honorific = a > 0 && HONORIFICS.has(tokens[a - 1].low);
    let evidence: NameCandidate["evidence"] | null = null;
    // "commander of the Royal …", "Minister of the Interior": a title followed by "of" names a body or a place, not a person.
    const joinedByConnector = isWord(tokens[a - 1]) && ["of", "the", "for", "to", "and", "at", "in"].includes(tokens[a - 1].low);
    if (commaBefore.role && !joinedByConnector) evidence = "title";
    else if (appos.role) evidence = "apposition";
    else if (honorific) evidence = "honorific";
    else if (b > a) {
      let v = b + 1;
      while (isWord(tokens[v]) && ["also", "further", "then", "had", "has", "have", "later", "previously", "earlier", "recently", "again", "strongly", "personally"].includes(tokens[v].low)) v++;
      const verbAfter = isWord(tokens[v]) && PERSON_VERBS.has(tokens[v].low);
      const verbBefore = a > 0 && ["said", "says", "added", "wrote", "told", "according"].includes(tokens[a - 1].low);
      const toBefore = a > 1 && tokens[a - 1].low === "to" && tokens[a - 2].low === "according";
      if (verbAfter || verbBefore || toBefore) evidence = "verb";
    }
    if (!evidence) continue;
    const roles = [commaBefore.role, appos.role].filter((r): r is string => r !== null);
    out.push({
      first: a,
      last: b,
      name,
      role: roles.length ? roles.join("; ") : null,
      roleFirst: commaBefore.role ? commaBefore.start : a,
      after: appos.role ? appos.end : b + 1,
      gender: genderOf(tokens, Math.max(0, commaBefore.start - 1), a) ?? (appos.role ? genderOf(tokens, b + 1, appos.end) : null),
      evidence,
    });
  }
  return out;
}
