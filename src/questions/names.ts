/**
 * The parties and the place a question names. Runs of capitalised words ("Ministry of
 * Interior", "Kang Sin-myeong") are names; titles before a name are dropped ("Prime Minister
 * Hun Manet" → "Hun Manet"); a country or demonym that only qualifies the name after it is
 * dropped too ("the Chinese ambassador Chen Hai" → "Chen Hai"), while one standing for a
 * party stays ("the Philippine police chief" → "Philippine", "South Korea's foreign
 * minister" → "South Korea"). "in <Place>" is a place, not a party.
 */
import { COUNTRIES, DEMONYMS, lower, ORG_WORDS, PORTFOLIO, ROLE_MODIFIERS, TITLES } from "../extraction/lexicon.ts";
import { FUNCTION_WORDS } from "./words.ts";

/** Words that never start or end a name in a question. */
const NOT_NAMES = new Set([
  ...FUNCTION_WORDS,
  ..."tell show list find give please latest recent newest last first".split(" "),
]);

/** Lower-case words allowed inside a name: "Ministry of Interior", "Bosnia and Herzegovina". */
const INSIDE = new Set(["of", "for", "the", "and", "de", "del", "bin", "binti", "van", "von", "al"]);

const isCountry = (s: string) => {
  const l = lower(s).replace(/^the\s+/, "");
  return COUNTRIES.has(l) || DEMONYMS.has(l) || l in CAPITALS;
};
const isTitle = (w: string) => {
  const l = lower(w).replace(/\.$/, "");
  return TITLES.has(l) || TITLES.has(`${l}.`) || ROLE_MODIFIERS.has(l) || PORTFOLIO.has(l);
};
const isOrgWord = (w: string) => ORG_WORDS.has(lower(w));

/** Split at what cannot be inside a name: punctuation and "|" marks. */
function chunks(text: string): string[] {
  return text.split(/[?!.,;:"“”()|]+|\s[-–—]\s/);
}

interface Run {
  words: string[];
  /** Lower-case words between the previous run and this one. */
  before: string[];
  possessive: boolean;
}

/** A capitalised function word inside a sentence that starts a name: "To Lam", "Le Thanh Long". */
function startsName(words: readonly string[], i: number): boolean {
  const next = words[i + 1] ?? "";
  return i > 0 && /^\p{Lu}/u.test(words[i]) && /^\p{Lu}/u.test(next) && !NOT_NAMES.has(lower(next));
}

function runsOf(chunk: string): Run[] {
  const out: Run[] = [];
  let run: string[] = [];
  let gap: string[] = [];
  let possessive = false;
  const flush = () => {
    while (run.length && (NOT_NAMES.has(lower(run[run.length - 1])) || INSIDE.has(run[run.length - 1])))
      gap.unshift(run.pop()!);
    if (run.length) {
      out.push({ words: run, before: gap, possessive });
      gap = [];
    }
    run = [];
    possessive = false;
  };
  const all = chunk.split(/\s+/).filter(Boolean);
  all.forEach((raw, i) => {
    const poss = /['’]s$/.test(raw);
    const w = raw.replace(/['’]s$/, "");
    const l = lower(w);
    const capital = /^[\p{Lu}\d]/u.test(w) && (!NOT_NAMES.has(l) || startsName(all, i));
    if (capital) run.push(w);
    else if (run.length && INSIDE.has(l)) run.push(w);
    else {
      flush();
      gap.push(l);
    }
    if (poss && run.length) {
      possessive = true;
      flush();
    }
  });
  flush();
  return out;
}

/** "Prime Minister Hun Manet" → "Hun Manet"; a body ("Ministry of Interior") or a bare title is kept whole. */
function withoutTitles(words: string[]): string[] {
  if (words.some(isOrgWord)) return words;
  let i = 0;
  while (i < words.length - 1 && isTitle(words[i])) i++;
  return words.slice(i);
}

/**
 * "Malaysia and Thailand", "the FBI and Cambodian police" are two parties; "Trinidad and
 * Tobago" is one country and "Ministry of Justice and Human Rights" one body.
 */
function splitAtAnd(run: Run): Run[] {
  const at = run.words.findIndex((w, i) => i > 0 && w === "and");
  if (at < 0 || isCountry(run.words.join(" "))) return [run];
  const [head, tail] = [run.words.slice(0, at), run.words.slice(at + 1)];
  if (tail.length === 0 || (head.some(isOrgWord) && !isCountry(tail.join(" ")))) return [run];
  return [{ ...run, words: head }, ...splitAtAnd({ words: tail, before: ["and"], possessive: run.possessive })];
}

/** Only role words ("the", "ambassador", "foreign minister") between two runs? */
const onlyRoleWords = (gap: string[]) => gap.every((w) => w === "the" || w === "a" || w === "an" || isTitle(w));

/** Capitals standing for their country's government in news copy ("Hanoi's defence minister", "what did Seoul ask"). */
const CAPITALS: Record<string, string> = {
  "phnom penh": "Cambodia",
  hanoi: "Vietnam",
  vientiane: "Laos",
  bangkok: "Thailand",
  naypyidaw: "Myanmar",
  "nay pyi taw": "Myanmar",
  "kuala lumpur": "Malaysia",
  putrajaya: "Malaysia",
  jakarta: "Indonesia",
  manila: "Philippines",
  "bandar seri begawan": "Brunei",
  dili: "Timor-Leste",
  beijing: "China",
  tokyo: "Japan",
  seoul: "South Korea",
  pyongyang: "North Korea",
  taipei: "Taiwan",
  "new delhi": "India",
  delhi: "India",
  islamabad: "Pakistan",
  dhaka: "Bangladesh",
  colombo: "Sri Lanka",
  kathmandu: "Nepal",
  canberra: "Australia",
  wellington: "New Zealand",
  washington: "United States",
  ottawa: "Canada",
  london: "United Kingdom",
  paris: "France",
  berlin: "Germany",
  moscow: "Russia",
  brussels: "European Union",
  ankara: "Turkey",
  "abu dhabi": "United Arab Emirates",
  riyadh: "Saudi Arabia",
  tehran: "Iran",
  oslo: "Norway",
  stockholm: "Sweden",
  copenhagen: "Denmark",
  helsinki: "Finland",
  rome: "Italy",
  madrid: "Spain",
  lisbon: "Portugal",
  vienna: "Austria",
  warsaw: "Poland",
  kyiv: "Ukraine",
  "the hague": "Netherlands",
  santiago: "Chile",
  lima: "Peru",
  "buenos aires": "Argentina",
  brasilia: "Brazil",
  "mexico city": "Mexico",
  pretoria: "South Africa",
  nairobi: "Kenya",
  cairo: "Egypt",
};

/** A capital standing for its country is the country; any other name is itself. */
const asParty = (name: string) => CAPITALS[lower(name)] ?? name;

/**
 * The parties a question names, in order: a qualifying country before a name is dropped; a capital is its country
 * unless `raw`.
 */
export function partiesIn(text: string, raw = false): string[] {
  const out: string[] = [];
  for (const chunk of chunks(text)) {
    const runs = runsOf(chunk)
      .flatMap(splitAtAnd)
      .map((r) => ({ ...r, words: withoutTitles(r.words) }));
    runs.forEach((r, i) => {
      const name = r.words.join(" ");
      const next = runs[i + 1];
      const qualifies =
        isCountry(name) &&
        next &&
        !isCountry(next.words.join(" ")) &&
        next.before.length > 0 &&
        onlyRoleWords(next.before);
      if (!qualifies && !r.words.every(isTitle)) out.push(raw ? name : asParty(name));
    });
  }
  return out;
}

const PLACE = /\b(?:in|at)\s+(?:the\s+)?((?:\p{Lu}[\p{L}\p{M}'’.-]*)(?:\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|of|de|del))*)/u;

/** "in Siem Reap", "in the Philippines": the place and the text without it. */
export function placeIn(text: string): { place?: string; rest: string } {
  const m = PLACE.exec(text);
  if (!m) return { rest: text };
  const place = m[1].replace(/\s+(?:of|de|del)$/, "");
  if (withoutTitles(place.split(" ")).every(isTitle)) return { rest: text };
  return { place, rest: text.slice(0, m.index) + " | " + text.slice(m.index + m[0].length) };
}
