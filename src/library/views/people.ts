/**
 * People across briefings: one entry per person over the whole set, found by full name,
 * with the short forms, roles and briefings that name them; and the matcher the `who` and
 * `with` filters use ("kheng", "Sar Kheng", "sar  KHENG", "Redshaw", "Viet Nam" all match).
 */
import { COUNTRIES, DEMONYMS, lower } from "../../extraction/lexicon.ts";
import type { Person, PersonMention } from "../../extraction/event.ts";
import { runNow, sortSteps, STEP, type Steps } from "../../search/steps.ts";

/** Case-, accent- and punctuation-insensitive form of a name. */
export function normName(s: string): string {
  let out = normCache.get(s);
  if (out === undefined) {
    out = s
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .replace(/[đĐ]/g, "d")
      .replace(/['’‘ʼ]s\b/gu, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
    // Names repeat across thousands of events: remember them (bounded).
    if (normCache.size > 200_000) normCache.clear();
    normCache.set(s, out);
  }
  return out;
}
const normCache = new Map<string, string>();

const words = (s: string) => normName(s).split(" ").filter(Boolean);

/** Country spellings that name the same country ("Viet Nam", "Vietnamese", "UK", "Britain"). */
function countryOf(s: string): string | null {
  const l = lower(s.trim()).replace(/^the\s+/, "");
  return COUNTRIES.get(l) ?? DEMONYMS.get(l) ?? null;
}

/** Does `query` name a country, by a spelling or demonym? (Only then can a role or a body's name tie a party to it.) */
export function namesCountry(query: string): boolean {
  return countryOf(query) !== null;
}

/** Other spellings of a country's name, by their lower-case form. */
const COUNTRY_ALIASES: Record<string, string> = {
  "viet nam": "Vietnam",
  uk: "United Kingdom",
  "u.k.": "United Kingdom",
  britain: "United Kingdom",
  "great britain": "United Kingdom",
  us: "United States",
  "u.s.": "United States",
  usa: "United States",
  america: "United States",
  "united states of america": "United States",
  "lao pdr": "Laos",
  burma: "Myanmar",
  czechia: "Czech Republic",
  türkiye: "Turkey",
  "east timor": "Timor-Leste",
  uae: "United Arab Emirates",
};

function canonicalCountry(name: string | null): string | null {
  if (!name) return null;
  return COUNTRY_ALIASES[lower(name)] ?? name;
}

/**
 * Does a `who`/`with` query name this party? Matches the full name, any alias, any whole
 * word of the name ("Kheng", "Redshaw"), a run of its words, and countries by any of their
 * spellings. Case, accents and punctuation are ignored.
 */
export function matchesParty(query: string, name: string, aliases: string[] = []): boolean {
  const q = words(query);
  if (q.length === 0) return false;
  // Quick no: a match needs the query (or, for a country, one of its spellings) inside a name.
  const nd = needles(query);
  if (!nd.some((x) => normName(name).includes(x)) && !aliases.some((a) => nd.some((x) => normName(a).includes(x))))
    return false;
  const qc = canonicalCountry(countryOf(query));
  for (const candidate of [name, ...aliases]) {
    const w = words(candidate);
    if (w.length === 0) continue;
    if (q.join(" ") === w.join(" ")) return true;
    // A run of the name's words: "Kheng", "Bun Eng", "Hun Manet".
    for (let i = 0; i + q.length <= w.length; i++) if (q.every((x, j) => w[i + j] === x)) return true;
    if (qc) {
      // "Vietnam" matches "Viet Nam", "Cambodia and Vietnam", "Vietnam (per To Lam)".
      const parts = candidate.split(/\s+and\s+|,\s*|\s*\(per\s+|\)/).filter(Boolean);
      if (parts.some((p) => canonicalCountry(countryOf(p)) === qc)) return true;
    }
  }
  return false;
}

/**
 * Does a role tie its holder to the country a query names? "Vietnam’s Minister of Public
 * Security" and "outgoing British ambassador to Cambodia" answer `who: Vietnam` and
 * `who: UK` respectively (the latter also `who: Cambodia`: the post is in Cambodia).
 */
export function roleNamesCountry(query: string, role: string | null): boolean {
  if (!role) return false;
  const key = `${query}\u0000${role}`;
  let hit = roleCache.get(key);
  if (hit === undefined) {
    hit = roleNamesCountryUncached(query, role);
    if (roleCache.size > 200_000) roleCache.clear();
    roleCache.set(key, hit);
  }
  return hit;
}
const roleCache = new Map<string, boolean>();

function roleNamesCountryUncached(query: string, role: string | null): boolean {
  const qc = canonicalCountry(countryOf(query));
  if (!qc || !role) return false;
  const w = words(role);
  for (let size = 1; size <= 3; size++) {
    for (let i = 0; i + size <= w.length; i++) {
      if (canonicalCountry(countryOf(w.slice(i, i + size).join(" "))) === qc) return true;
    }
  }
  return false;
}

/** What a name must contain to match `query`: the query itself, and every spelling of a country it names. */
export function needles(query: string): string[] {
  let out = needleCache.get(query);
  if (out) return out;
  out = [normName(query)];
  const qc = canonicalCountry(countryOf(query));
  if (qc) {
    for (const [spelling, country] of [...COUNTRIES, ...DEMONYMS, ...Object.entries(COUNTRY_ALIASES)]) {
      if (canonicalCountry(country) === qc) out.push(normName(spelling));
    }
  }
  out = [...new Set(out.filter(Boolean))];
  if (needleCache.size > 10_000) needleCache.clear();
  needleCache.set(query, out);
  return out;
}
const needleCache = new Map<string, string[]>();

interface Acc {
  name: string;
  aliases: Set<string>;
  roles: string[];
  sources: Set<string>;
  mentions: number;
  latest: Person["latest"];
}

const later = (a: Person["latest"], b: NonNullable<Person["latest"]>) =>
  a === null ||
  (b.published ?? "") > (a.published ?? "") ||
  ((b.published ?? "") === (a.published ?? "") && b.source > a.source);

/**
 * Merge each briefing's people into one list. Two entries are one person when their full
 * names match (ignoring case and accents), or when one is a single word that is a word of
 * exactly one full name ("Redshaw" in a briefing that never gives her first name). The
 * longest form becomes the name. Sorted by mentions, most first, then by name.
 */
export function mergePeople(perBriefing: BriefingPeople[]): Person[] {
  return runNow(mergePeopleSteps(perBriefing));
}

/** One briefing's people as extraction found them, with its id and date. */
export interface BriefingPeople {
  source: string;
  published: string | null;
  people: PersonMention[];
}

/** Briefings whose people are merged between two yields. */
const BRIEFINGS_STEP = 64;

/** `mergePeople` in steps (a server merges between answers). */
export function* mergePeopleSteps(perBriefing: BriefingPeople[]): Steps<Person[]> {
  const byKey = new Map<string, Acc>();
  const add = (key: string, m: PersonMention, source: string, published: string | null) => {
    let acc = byKey.get(key);
    if (!acc) {
      acc = { name: m.name, aliases: new Set(), roles: [], sources: new Set(), mentions: 0, latest: null };
      byKey.set(key, acc);
    }
    if (m.name.length > acc.name.length) {
      acc.aliases.add(acc.name);
      acc.name = m.name;
    } else if (normName(m.name) !== normName(acc.name)) acc.aliases.add(m.name);
    for (const a of m.aliases) acc.aliases.add(a);
    for (const r of m.roles) if (!acc.roles.includes(r)) acc.roles.push(r);
    acc.sources.add(source);
    acc.mentions += m.paragraphs.length;
    const paragraph = m.paragraphs[m.paragraphs.length - 1] ?? 1;
    const here = { source, published, paragraph };
    if (later(acc.latest, here)) acc.latest = here;
  };

  // Full names first, so single words can find the one they belong to.
  // (A normalised name is words joined by single spaces: a space means two words or more.)
  const single: Array<{ m: PersonMention; source: string; published: string | null }> = [];
  // "W. Patrick Murphy" and "Patrick Murphy", "Wang Xiao Hong" and "Wang Xiaohong": one person.
  const byCompact = new Map<string, string>();
  let done = 0;
  for (const b of perBriefing) {
    if (++done % BRIEFINGS_STEP === 0) yield;
    for (const m of b.people) {
      const plain = personKey(m.name);
      const key = byCompact.get(compactKey(plain)) ?? plain;
      byCompact.set(compactKey(key), key);
      if (key.includes(" ")) add(key, m, b.source, b.published);
      else single.push({ m, source: b.source, published: b.published });
    }
  }
  // A single word belongs to the one full name holding it; with none or several it stands alone.
  const owners = new Map<string, string[]>();
  for (const key of byKey.keys()) {
    if (++done % STEP === 0) yield;
    for (const w of new Set(key.split(" "))) {
      const list = owners.get(w);
      if (list) list.push(key);
      else owners.set(w, [key]);
    }
  }
  yield;
  for (const x of single) {
    if (++done % STEP === 0) yield;
    const w = normName(x.m.name);
    const of = owners.get(w);
    add(of?.length === 1 ? of[0] : w, x.m, x.source, x.published);
  }

  yield;
  const people: Person[] = [];
  for (const a of byKey.values()) {
    if (people.length % STEP === STEP - 1) yield;
    people.push({
      name: a.name,
      aliases: [...a.aliases].filter((x) => normName(x) !== normName(a.name)).sort(),
      roles: a.roles,
      sources: [...a.sources].sort(),
      mentions: a.mentions,
      latest: a.latest,
    });
  }
  return yield* sortSteps(people, (a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/**
 * A key's words run together, with "ph" and "f" one letter: how outlets' romanisations of one name differ ("Wang Xiao
 * Hong" / "Wang Xiaohong", "Vilay Lakhamphong" / "Vilay Lakhamfong").
 */
const compactKey = (key: string) => key.replace(/ /g, "").replace(/ph/g, "f");

/** A name's key for merging: normalised, initials dropped when two words or more remain. */
function personKey(name: string): string {
  const w = normName(name).split(" ");
  const full = w.filter((x) => x.length > 1);
  return (full.length >= 2 ? full : w).join(" ");
}

/** Autocomplete: people whose name, alias or any name word starts with the prefix (at most 25). */
export function personChoices(people: readonly Person[], prefix: string): string[] {
  const p = normName(prefix);
  const out: string[] = [];
  for (const person of people) {
    const forms = [person.name, ...person.aliases];
    const hit =
      p === "" ||
      forms.some((f) => {
        const n = normName(f);
        return n.startsWith(p) || n.split(" ").some((w) => w.startsWith(p));
      });
    if (hit && !out.includes(person.name)) out.push(person.name);
    if (out.length >= 25) break;
  }
  return out;
}

/** The merged person a query names, if exactly one does (or one by exact full name). */
export function findPerson(people: readonly Person[], query: string): { person: Person | null; candidates: Person[] } {
  const exact = people.filter((p) => normName(p.name) === normName(query));
  if (exact.length === 1) return { person: exact[0], candidates: exact };
  const hits = people.filter((p) => matchesParty(query, p.name, p.aliases));
  return { person: hits.length === 1 ? hits[0] : null, candidates: hits };
}
