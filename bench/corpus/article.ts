import type { Rng } from "./prng.ts";
import {
  ACTIONS,
  ADJECTIVES,
  ADVERBS,
  CITIES,
  COUNTRIES,
  DEMONYMS,
  GERUNDS,
  GROUPS,
  MONTHS,
  NOUNS,
  OUTLETS,
  TOPICS,
  VENUES,
  WEEKDAYS,
} from "./lexicon.ts";
import { companyName, organisation, placeName, villageName, worksName, type PeoplePool, type Person } from "./names.ts";
import { TAIL_ADJECTIVES, TAIL_NOUNS, TAIL_VERBS } from "./words.ts";

/**
 * One synthetic briefing that reads like the samples: a headline, people with titles and
 * roles, an event date a day or two before publication, meeting, pledge and request
 * sentences, quotes, figures and commentary — about ten paragraphs — and, now and then,
 * the site furniture the cleaner must strip (a headline ticker, a "Related News" trailer).
 */

export interface Article {
  title: string;
  outlet: string;
  published: string | null;
  url: string;
  /** The article's paragraphs as a reader sees them (no furniture). */
  paragraphs: string[];
  /** The file's text: front matter (usually) and body with any furniture. */
  file: string;
  people: string[];
}

interface Ctx {
  rng: Rng;
  a: Person;
  b: Person;
  c: Person;
  topic: string;
  topic2: string;
  country: string;
  country2: string;
  city: string;
  date: string;
  year: number;
  district: string;
  company: string;
  works: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const pick = <T>(ctx: Ctx, items: readonly T[]) => ctx.rng.pick(items);
const num = (rng: Rng, max: number) => rng.int(2, max).toLocaleString("en");
const demonym = (country: string) => DEMONYMS[country] ?? country.replace(/^the /, "");

function phrase(ctx: Ctx): string {
  const { rng } = ctx;
  switch (rng.int(0, 3)) {
    case 0:
      return `the ${pick(ctx, ADJECTIVES)} ${pick(ctx, NOUNS)} of ${ctx.rng.zipf(TOPICS)}`;
    case 1:
      return `${ctx.country.replace(/^the /, "the ")}'s ${pick(ctx, NOUNS)}`;
    case 2:
      return `authorities in ${pick(ctx, CITIES)}`;
    default:
      return `${pick(ctx, GROUPS)}`;
  }
}

function clause(ctx: Ctx): string {
  const { rng } = ctx;
  switch (rng.int(0, 4)) {
    case 0:
      return `${phrase(ctx)} remained ${pick(ctx, ADJECTIVES)} due to a lack of ${pick(ctx, NOUNS)}`;
    case 1:
      return `${phrase(ctx)} had improved ${pick(ctx, ADVERBS)} since ${ctx.year - rng.int(1, 6)}`;
    case 2:
      return `${phrase(ctx)} would require ${pick(ctx, NOUNS)} from ${pick(ctx, GROUPS)}`;
    case 3:
      return `${rng.zipf(TOPICS)} continued to pose a ${pick(ctx, ADJECTIVES)} risk to ${phrase(ctx)}`;
    default:
      return `${ctx.country2} and ${ctx.country} must work together to ${pick(ctx, ACTIONS)} ${rng.zipf(TOPICS)}`;
  }
}

const named = (p: Person) => `${p.title} ${p.name}`;

const MEETINGS: Array<(c: Ctx) => string> = [
  (c) =>
    `${named(c.a)} met with ${named(c.b)} on ${c.date} to discuss cooperation on ${c.topic}, particularly ${c.topic2}.`,
  (c) =>
    `The pledge came during a meeting between ${named(c.a)} and ${c.country}'s ${named(c.b)} at the ${pick(c, VENUES)} in ${c.city} on ${c.date}.`,
  (c) =>
    `${c.a.name} received a courtesy call from ${named(c.b)} on ${c.date}, where the two sides discussed ${c.topic} and ${c.topic2}.`,
  (c) =>
    `${c.a.name} held talks by video conference with ${c.b.name}, ${c.b.role}, on ${c.date}, focusing on ${c.topic}.`,
  (c) => `The request came on ${c.date} when ${c.a.name} met with ${named(c.b)} in ${c.city}.`,
  (c) => `${c.a.short} will meet ${c.b.name} in ${c.city} next ${pick(c, WEEKDAYS)} to discuss ${c.topic}.`,
];

const PLEDGES: Array<(c: Ctx) => string> = [
  (c) => `${named(c.a)} vowed to ${pick(c, ACTIONS)} ${c.topic} in the new year, noting that ${clause(c)}.`,
  (c) => `${c.country} is committed to ${pick(c, GERUNDS)} ${c.topic}, ${c.a.name} said, adding that ${clause(c)}.`,
  (c) =>
    `${c.country} and ${c.country2} signed a memorandum of understanding on ${c.topic} on ${c.date}, aiming to ${pick(c, ACTIONS)} ${c.topic2}.`,
  (c) =>
    `“${c.country} stands ready to ${pick(c, ACTIONS)} ${c.topic}, and we will provide US$${num(c.rng, 900)} million to ${pick(c, ACTIONS)} ${c.topic2},” ${c.a.short} said at a joint press conference.`,
  (c) =>
    `${c.b.short} reiterated ${demonym(c.country2)} commitment to ${pick(c, GERUNDS)} ${c.topic2}, while ${c.a.short} promised to ${pick(c, ACTIONS)} ${c.topic}.`,
];

const REQUESTS: Array<(c: Ctx) => string> = [
  (c) =>
    `${named(c.a)} requested that ${c.country2} provide additional support to ${c.country} in the fight against ${c.topic}, because ${clause(c)}.`,
  (c) =>
    `${c.a.name} urged all ${pick(c, GROUPS)} to work together to ${pick(c, ACTIONS)} ${c.topic}, adding that ${clause(c)}.`,
  (c) =>
    `“I ask ${c.country2} to further strengthen cooperation, and share their experiences in ${c.topic2},” ${c.a.name} wrote.`,
];

const OTHERS: Array<(c: Ctx) => string> = [
  (c) =>
    `According to a recent report by the ${organisation(c.rng)}, in the first ${c.rng.int(2, 11)} months of ${c.year - 1}, officers investigated a total of ${num(c.rng, 5000)} ${c.topic} cases, a ${c.rng.chance(0.5) ? "reduction" : "rise"} of ${c.rng.int(3, 80)} per cent from the ${num(c.rng, 5000)} cases recorded during the same period in ${c.year - 2}.`,
  (c) => `${c.c.name}, ${c.c.role}, said that ${clause(c)}.`,
  (c) => `“${cap(clause(c))}. ${cap(clause(c))},” ${c.c.short} said.`,
  (c) => `${c.a.short} added that ${clause(c)}, and that ${clause(c)}.`,
  (c) =>
    `Following the meeting, the ministry said in a social media post that ${c.b.short} thanked ${c.a.name} for ${pick(c, GERUNDS)} ${c.topic2}.`,
  (c) =>
    `${cap(c.topic)} remains a concern in ${c.country}, despite previous ${pick(c, NOUNS)}, ${c.c.name} told ${pick(c, OUTLETS)}.`,
  (c) => `He said that relations between the two countries have continued to improve and that ${clause(c)}.`,
  (c) =>
    `The focus lies on ${c.topic2} and ${pick(c, GERUNDS)} ${pick(c, NOUNS)} in ${pick(c, CITIES)}, ${pick(c, CITIES)} and ${pick(c, CITIES)}.`,
];

const noun = (c: Ctx) => c.rng.zipf(TAIL_NOUNS);
const adj = (c: Ctx) => c.rng.zipf(TAIL_ADJECTIVES);
const verb = (c: Ctx) => c.rng.zipf(TAIL_VERBS);

/** Local detail: places, firms and works particular to the story, in the long-tail vocabulary. */
const DETAILS: Array<(c: Ctx) => string> = [
  (c) =>
    `In ${c.district} district, ${c.company} ${verb(c)} ${num(c.rng, 400)} ${adj(c)} ${noun(c)}s for the ${c.works}, according to the provincial ${noun(c)} office.`,
  (c) =>
    `The ${c.works}, ${verb(c)} by ${c.company} in ${c.year - c.rng.int(0, 3)}, is expected to ease the ${adj(c)} ${noun(c)} shortage in ${c.district}.`,
  (c) =>
    `Residents of ${villageName(c.rng)} village in ${c.district} said the ${adj(c)} ${noun(c)} and the ${noun(c)} ${noun(c)} had been ${verb(c)} twice since ${MONTHS[c.rng.int(0, 11)]}.`,
  (c) =>
    `${c.company} has ${verb(c)} a ${adj(c)} ${noun(c)} worth US$${num(c.rng, 90)} million, while ${num(c.rng, 30000)} ${noun(c)}s were ${verb(c)} in ${villageName(c.rng)} commune.`,
  (c) =>
    `Officials ${verb(c)} ${num(c.rng, 60)} ${noun(c)}s and a ${adj(c)} ${noun(c)} near the ${c.works} last ${pick(c, WEEKDAYS)}, ${c.c.short} said.`,
];

const HEADLINES: Array<(c: Ctx) => string> = [
  (c) => `${c.a.name} requests additional support from ${c.country2.replace(/^the /, "")} in fight against ${c.topic}`,
  (c) => `${c.a.name}, ${demonym(c.country2)} envoy discuss ${c.topic}`,
  (c) => `${c.country.replace(/^the /, "")}, ${c.country2.replace(/^the /, "")} collaborate against ${c.topic}`,
  (c) => `${cap(c.topic)} fight ongoing`,
  (c) => `Commissioner creates working group to ${pick(c, ACTIONS)} ${c.topic}`,
  (c) => `${c.a.short} vows to ${pick(c, ACTIONS)} ${c.topic} as ${c.b.short} visits ${c.city}`,
];

/** "August 18", sometimes with the year, a day or a few before publication. */
function eventDate(rng: Rng, published: Date): { text: string; year: number } {
  const d = new Date(published.getTime() - rng.int(1, 3) * 86_400_000);
  const day = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  const text = rng.chance(0.2) ? `the afternoon of ${day}, ${d.getUTCFullYear()}` : day;
  return { text, year: d.getUTCFullYear() };
}

export function article(rng: Rng, pool: PeoplePool, published: Date, tickerPool: readonly string[]): Article {
  const people: Person[] = [];
  while (people.length < 3) {
    const p = pool.draw();
    if (!people.some((q) => q.name === p.name || q.short === p.short)) people.push(p);
  }
  const [a, b, c] = people;
  const { text: date, year } = eventDate(rng, published);
  const [country, country2] = rng.sample(COUNTRIES, 2);
  const district = placeName(rng);
  const ctx: Ctx = {
    rng,
    a,
    b,
    c,
    topic: rng.zipf(TOPICS),
    topic2: rng.zipf(TOPICS),
    country,
    country2,
    city: rng.pick(CITIES),
    date,
    year,
    district,
    company: companyName(rng),
    works: worksName(rng, district),
  };
  const title = rng.pick(HEADLINES)(ctx);
  const count = rng.int(8, 12);
  const paragraphs = [rng.chance(0.5) ? rng.pick(MEETINGS)(ctx) : rng.pick(PLEDGES)(ctx)];
  while (paragraphs.length < count) {
    const kind = rng.next();
    const pool = kind < 0.15 ? MEETINGS : kind < 0.3 ? PLEDGES : kind < 0.4 ? REQUESTS : kind < 0.7 ? OTHERS : DETAILS;
    const sentences = [rng.pick(pool)(ctx)];
    if (rng.chance(0.6)) sentences.push(rng.pick(rng.chance(0.6) ? DETAILS : OTHERS)(ctx));
    paragraphs.push(sentences.join(" "));
  }
  const outlet = rng.zipf(OUTLETS);
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const url = `https://news.example.org/${year}/${slug}-${rng.int(1000, 99999)}`;
  const iso = published.toISOString().slice(0, 10);
  const dated = rng.chance(0.97) ? iso : null;

  const body: string[] = [];
  if (rng.chance(0.1)) body.push(`${rng.sample(tickerPool, 4).join(" | ")} |`);
  const frontMatter = rng.chance(0.97);
  if (!frontMatter || rng.chance(0.1)) body.push(title);
  body.push(...paragraphs);
  if (rng.chance(0.1)) body.push("Related News", ...rng.sample(tickerPool, 3));
  const meta = [
    `title: ${JSON.stringify(title)}`,
    `outlet: ${JSON.stringify(outlet)}`,
    ...(dated ? [`published: ${dated}`] : []),
    `url: ${url}`,
  ];
  const file = (frontMatter ? `---\n${meta.join("\n")}\n---\n` : "") + body.join("\n\n") + "\n";
  return {
    title,
    outlet,
    published: frontMatter ? dated : null,
    url,
    paragraphs,
    file,
    people: [a.name, b.name, c.name],
  };
}
