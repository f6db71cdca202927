import { STOP_WORDS } from "../src/search/stop-words.ts";
import { COUNTRIES, TOPICS } from "./corpus/lexicon.ts";
import type { Manifest, SampledParagraph } from "./generate.ts";
import { Rng } from "./corpus/prng.ts";

/**
 * The query sets, drawn with a seeded PRNG from the archive's manifest, so every run (and
 * the baseline) asks the same things: searches of 1–4 words and names, the same with a
 * typo, with date and source filters, event lookups, autocomplete prefixes, and
 * known-item queries whose expected paragraph is known (for relevance).
 */

export interface SearchCase {
  query: string;
  source?: string;
  from?: string;
  to?: string;
  /** In the typo set: the query before its typo (the typo hit rate compares the two answers). */
  intended?: string;
}

export interface KnownItem {
  query: string;
  /** The paragraph the query was drawn from, verbatim. */
  expect: string;
}

/** Values an event command may take; only the options a command declares are passed. */
export interface EventCase {
  command: "meetings" | "pledges";
  values: Record<string, string>;
}

export interface AutocompleteCase {
  kind: "person" | "source";
  prefix: string;
}

export interface QuerySets {
  search: SearchCase[];
  fuzzy: SearchCase[];
  filtered: SearchCase[];
  events: EventCase[];
  autocomplete: AutocompleteCase[];
  relevance: KnownItem[];
}

const WORD = /[A-Za-z][A-Za-z'’-]*[A-Za-z]/g;
const contentWords = (text: string) =>
  (text.match(WORD) ?? []).filter((w) => w.length >= 3 && !STOP_WORDS.has(w.toLowerCase()));

/** One edit a hurried reporter makes: a swapped, dropped, doubled or wrong letter. */
export function typo(rng: Rng, word: string): string {
  const i = rng.int(1, word.length - 2);
  switch (rng.int(0, 3)) {
    case 0:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i);
    default:
      return word.slice(0, i) + "aeiourstn"[rng.int(0, 8)] + word.slice(i + 1);
  }
}

function plainQuery(rng: Rng, m: Manifest, p: SampledParagraph): string {
  const roll = rng.next();
  if (roll < 0.15) return rng.zipf(m.people);
  if (roll < 0.25) return rng.zipf(m.people).split(" ").at(-1)!;
  if (roll < 0.35 && p.people.length) return `${rng.pick(p.people)} ${rng.pick(contentWords(p.text))}`;
  const words = contentWords(p.text);
  const k = Math.min(words.length, rng.int(1, 4));
  const start = rng.int(0, Math.max(0, words.length - k * 2));
  const picked = rng.sample(words.slice(start, start + k * 2), k);
  return picked.join(" ");
}

function withTypo(rng: Rng, query: string): string {
  const words = query.split(" ");
  const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5);
  if (long.length === 0) return query;
  const [w, i] = rng.pick(long);
  words[i] = typo(rng, w);
  return words.join(" ");
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A date window: a week, a month (YYYY-MM), a quarter or a year (YYYY), around `day`. */
function window(rng: Rng, day: string): { from: string; to: string } {
  const [y, mo] = day.split("-").map(Number);
  switch (rng.int(0, 3)) {
    case 0: {
      const d = new Date(`${day}T00:00:00Z`);
      const from = new Date(d.getTime() - 3 * 86_400_000).toISOString().slice(0, 10);
      const to = new Date(d.getTime() + 3 * 86_400_000).toISOString().slice(0, 10);
      return { from, to };
    }
    case 1:
      return { from: `${y}-${pad(mo)}`, to: `${y}-${pad(mo)}` };
    case 2: {
      const q = Math.floor((mo - 1) / 3) * 3 + 1;
      return { from: `${y}-${pad(q)}`, to: `${y}-${pad(q + 2)}` };
    }
    default:
      return { from: `${y}`, to: `${y}` };
  }
}

function knownItem(rng: Rng, p: SampledParagraph, df: Map<string, number>): KnownItem {
  const words = [...new Set(contentWords(p.text).map((w) => w.toLowerCase()))];
  const ranked = rng.shuffle(words).sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0));
  return { query: ranked.slice(0, 3).join(" "), expect: p.text };
}

/** Untimed warm-up sets (bench/measure.ts `WARMUP`), one per round, drawn with seeds that are not the timed sets'. */
export const warmupQueries = (m: Manifest, count: number, seed: number, rounds: number): QuerySets[] =>
  Array.from({ length: rounds }, (_, r) => buildQueries(m, count, seed + 1_000_003 + r));

export function buildQueries(m: Manifest, count = 1000, seed = 7): QuerySets {
  const rng = new Rng(seed);
  const paragraphs = () => rng.pick(m.sample);
  const search: SearchCase[] = [];
  const fuzzy: SearchCase[] = [];
  const filtered: SearchCase[] = [];
  for (let i = 0; i < count; i++) {
    search.push({ query: plainQuery(rng, m, paragraphs()) });
    let q = plainQuery(rng, m, paragraphs());
    for (let tries = 0; tries < 5 && !q.split(" ").some((w) => w.length >= 5); tries++)
      q = plainQuery(rng, m, paragraphs());
    fuzzy.push({ query: withTypo(rng, q), intended: q });
    const p = paragraphs();
    const c: SearchCase = { query: plainQuery(rng, m, p) };
    const roll = rng.next();
    const day = p.published ?? m.span.to;
    if (roll < 0.5) Object.assign(c, window(rng, day));
    else if (roll < 0.65) c.from = window(rng, day).from;
    else if (roll < 0.85) c.source = p.source;
    else Object.assign(c, { source: p.source }, window(rng, day));
    if (rng.chance(0.15)) c.query = withTypo(rng, c.query);
    filtered.push(c);
  }

  const events: EventCase[] = [];
  for (let i = 0; i < Math.ceil(count / 2); i++) {
    const p = paragraphs();
    const values: Record<string, string> = {};
    const roll = rng.next();
    if (roll < 0.4) values.person = rng.zipf(m.people);
    else if (roll < 0.6) values.country = rng.pick(COUNTRIES).replace(/^the /, "");
    else if (roll < 0.8) values.query = rng.zipf(TOPICS);
    if (rng.chance(0.6)) Object.assign(values, window(rng, p.published ?? m.span.to));
    else if (rng.chance(0.25)) values.source = p.source;
    const command = i % 2 === 0 ? "meetings" : "pledges";
    if (command === "pledges" && rng.chance(0.3)) values.pledgeKind = rng.pick(["pledge", "agreement", "request"]);
    events.push({ command, values });
  }

  const autocomplete: AutocompleteCase[] = [];
  for (let i = 0; i < count; i++) {
    if (rng.chance(0.6)) {
      const name = rng.zipf(m.people);
      autocomplete.push({ kind: "person", prefix: name.slice(0, rng.int(1, Math.min(8, name.length))) });
    } else {
      const id = rng.pick(m.ids);
      autocomplete.push({ kind: "source", prefix: id.slice(0, rng.int(1, 8)) });
    }
  }

  const df = new Map<string, number>();
  for (const p of m.sample)
    for (const w of new Set(contentWords(p.text).map((x) => x.toLowerCase()))) df.set(w, (df.get(w) ?? 0) + 1);
  const relevance = Array.from({ length: Math.min(300, count) }, () => knownItem(rng, paragraphs(), df));

  return { search, fuzzy, filtered, events, autocomplete, relevance };
}
