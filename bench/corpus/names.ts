import type { Rng } from "./prng.ts";
import { COUNTRIES, MINISTRIES, ORG_HEADS, ORG_TAILS, PERSON_TITLES, ROLES } from "./lexicon.ts";

/**
 * People and organisations for synthetic briefings. Names are built from syllables in a few
 * styles (Khmer, Vietnamese, European-like), so an archive of any size keeps meeting new
 * names, as a real one does, while a pool of regulars recurs across briefings.
 */

export interface Person {
  name: string;
  /** The short form used after first mention ("Kheng", "Redshaw"). */
  short: string;
  title: string;
  /** Apposition role, e.g. "executive director of the NGO …". */
  role: string;
  country: string;
}

const KHMER = [
  "Sar",
  "Kheng",
  "Hun",
  "Manet",
  "Chea",
  "Pov",
  "Chou",
  "Bun",
  "Eng",
  "Sam",
  "Ath",
  "San",
  "Chey",
  "Sok",
  "Heng",
  "Prak",
  "Sokhonn",
  "Seiha",
  "Keo",
  "Vanna",
  "Ly",
  "Sovann",
  "Touch",
  "Sokha",
  "Nhem",
  "Dara",
  "Ouk",
  "Rithy",
  "Men",
  "Sothea",
];
const VIET = [
  "To",
  "Lam",
  "Nguyen",
  "Tran",
  "Pham",
  "Le",
  "Hoang",
  "Vo",
  "Dang",
  "Bui",
  "Do",
  "Ho",
  "Ngo",
  "Duong",
  "Minh",
  "Chinh",
  "Thanh",
  "Hung",
  "Phuc",
  "Quang",
  "Tuan",
  "Anh",
  "Hai",
  "Long",
];
const FIRST = [
  "Tina",
  "Dominic",
  "Matteo",
  "Ilse",
  "Dara",
  "Pieter",
  "Tomas",
  "Anna",
  "Marta",
  "Jonas",
  "Sarah",
  "David",
  "Priya",
  "Kenji",
  "Yuki",
  "Amina",
  "Grace",
  "Samuel",
  "Laura",
  "Oliver",
  "Sofia",
  "Rahul",
  "Ingrid",
  "Mateus",
  "Chloe",
  "Hiro",
  "Nadia",
];
const HEADS = [
  "Red",
  "Will",
  "Rus",
  "Varn",
  "Lind",
  "Bre",
  "Okon",
  "Hal",
  "Mor",
  "Kest",
  "Thorn",
  "Bel",
  "Cal",
  "Dun",
  "Fair",
  "Gar",
  "Har",
  "Ash",
  "Brook",
  "Stan",
  "Wex",
  "Ald",
  "Mar",
  "Pel",
  "Quin",
  "Ros",
  "Sel",
  "Tor",
  "Ul",
  "Vel",
];
const TAILS = [
  "shaw",
  "iams",
  "cova",
  "holt",
  "qvist",
  "vik",
  "jo",
  "dane",
  "ley",
  "ford",
  "ton",
  "well",
  "wick",
  "berg",
  "sen",
  "ova",
  "ini",
  "ez",
  "ard",
  "mont",
  "ridge",
  "stone",
  "field",
  "more",
  "by",
  "rick",
  "lund",
  "strom",
  "eau",
  "etti",
];

function personName(rng: Rng): { name: string; short: string } {
  const style = rng.next();
  if (style < 0.4) {
    const family = rng.pick(KHMER);
    const given = rng.chance(0.3) ? `${rng.pick(KHMER)} ${rng.pick(KHMER)}` : rng.pick(KHMER);
    return { name: `${family} ${given}`, short: given.split(" ").at(-1)! };
  }
  if (style < 0.6) {
    const family = rng.pick(VIET);
    const given = rng.chance(0.5) ? `${rng.pick(VIET)} ${rng.pick(VIET)}` : rng.pick(VIET);
    return { name: `${family} ${given}`, short: given.split(" ").at(-1)! };
  }
  const surname = rng.pick(HEADS) + rng.pick(TAILS) + (rng.chance(0.3) ? rng.pick(TAILS) : "");
  return { name: `${rng.pick(FIRST)} ${surname}`, short: surname };
}

export function organisation(rng: Rng): string {
  return `${rng.pick(ORG_HEADS)} ${rng.pick(ORG_TAILS)}`;
}

export function fillRole(rng: Rng, template: string): string {
  return template.replace("{org}", organisation(rng)).replace("{ministry}", rng.pick(MINISTRIES));
}

export function newPerson(rng: Rng): Person {
  const { name, short } = personName(rng);
  return {
    name,
    short,
    title: rng.pick(PERSON_TITLES),
    role: fillRole(rng, rng.pick(ROLES)),
    country: rng.pick(COUNTRIES),
  };
}

/** Regular newsmakers recur; the pool grows with the archive, and a share of every briefing's people are new. */
export class PeoplePool {
  readonly regulars: Person[] = [];
  private readonly uses = new Map<string, number>();

  constructor(
    private readonly rng: Rng,
    initial: number,
  ) {
    for (let i = 0; i < initial; i++) this.regulars.push(newPerson(rng));
  }

  draw(): Person {
    const regular = this.rng.chance(0.65);
    const p = regular ? this.rng.zipf(this.regulars) : newPerson(this.rng);
    if (!regular && this.rng.chance(0.05)) this.regulars.push(p);
    this.uses.set(p.name, (this.uses.get(p.name) ?? 0) + 1);
    return p;
  }

  /** The most mentioned names, most first. */
  top(k: number): string[] {
    return [...this.uses.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name]) => name);
  }
}

const PLACE = [
  "Tbong",
  "Khmum",
  "Prey",
  "Veng",
  "Kandal",
  "Stung",
  "Treng",
  "Kampong",
  "Cham",
  "Thom",
  "Speu",
  "Chhnang",
  "Svay",
  "Rieng",
  "Takeo",
  "Pailin",
  "Kep",
  "Koh",
  "Kong",
  "Oddar",
  "Meanchey",
  "Pursat",
  "Kratie",
  "Preah",
  "Vihear",
  "Banteay",
  "Srei",
  "Russey",
  "Keo",
  "Tuol",
  "Sangke",
  "Chbar",
  "Ampov",
  "Dangkao",
  "Sen",
  "Sok",
  "Mean",
  "Chey",
  "Boeng",
  "Trabek",
  "Phsar",
  "Daeum",
  "Thkov",
  "Prek",
  "Pnov",
  "Ta",
  "Khmao",
  "Angk",
  "Snuol",
  "Memot",
  "Ponhea",
  "Lueu",
  "Bavet",
  "Chrey",
];
const FIRMS = [
  "Holdings",
  "Group",
  "Co. Ltd",
  "Development",
  "Investment",
  "Construction",
  "Logistics",
  "Agro Industry",
  "Energy",
  "Trading",
];
const WORKS = [
  "Bridge",
  "Dam",
  "Ring Road",
  "Port",
  "Special Economic Zone",
  "Referral Hospital",
  "Central Market",
  "Dry Port",
  "Solar Park",
  "Water Treatment Plant",
  "Expressway",
];

/**
 * A district, commune or village name: two or three syllables from Cambodian place names, so new ones keep appearing.
 */
export function placeName(rng: Rng): string {
  const n = rng.chance(0.3) ? 3 : 2;
  return Array.from({ length: n }, () => rng.pick(PLACE)).join(" ");
}

export function companyName(rng: Rng): string {
  return `${rng.pick(HEADS)}${rng.pick(TAILS)}${rng.chance(0.7) ? rng.pick(TAILS) : ""} ${rng.pick(FIRMS)}`;
}

/** A village's one-word name ("Prekthkov"): the rare proper nouns that make up much of a real archive's vocabulary. */
export function villageName(rng: Rng): string {
  return `${rng.pick(PLACE)}${rng.pick(PLACE).toLowerCase()}${rng.chance(0.4) ? rng.pick(PLACE).toLowerCase() : ""}`;
}

export function worksName(rng: Rng, place: string): string {
  return `${place.split(" ")[0]} ${rng.pick(WORKS)}`;
}
