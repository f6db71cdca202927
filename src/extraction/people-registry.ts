/**
 * The people of one briefing: each full name once, with the short forms the briefing uses
 * for it ("Redshaw" → "Tina Redshaw", "Manet" → "Hun Manet"), its roles and the paragraphs
 * that mention it.
 */
import type { Gender, NameCandidate } from "./names.ts";
import type { PersonMention } from "./event.ts";

export interface PersonRecord {
  id: number;
  name: string;
  /** Folded tokens of the full name. */
  parts: string[];
  aliases: Set<string>;
  roles: string[];
  gender: Gender;
  paragraphs: Set<number>;
  /** Position of the last mention (increasing through the briefing). */
  lastSeen: number;
}

export const foldName = (s: string) =>
  // Printable ASCII has no marks or curly quotes to fold: only a possessive to drop.
  !/[^ -~]/.test(s)
    ? (s.endsWith("'s") ? s.slice(0, -2) : s).toLowerCase()
    : s
        .normalize("NFKD")
        .replace(/\p{M}+/gu, "")
        .replace(/[’‘ʼ]/g, "'")
        .replace(/['’]s$/u, "")
        .toLowerCase();

const PARTICLES = new Set([
  "de",
  "van",
  "von",
  "der",
  "den",
  "da",
  "di",
  "du",
  "la",
  "bin",
  "binti",
  "ibn",
  "al",
  "el",
]);

export const nameParts = (name: string) =>
  foldName(name)
    .split(/\s+/)
    .map((p) => p.replace(/\.$/, ""))
    .filter((p) => p !== "" && !/^.$/.test(p));

const subset = (small: string[], big: string[]) => small.length > 0 && small.every((p) => big.includes(p));

/** The same name parts in the same order (no string is built: a long briefing looks names up very often). */
const sameParts = (a: string[], b: string[]) => a.length === b.length && a.every((p, i) => p === b[i]);

/** "William" for "Williams": a short form one letter off the end of a name part. */
const nearPart = (part: string, big: string[]) =>
  part.length >= 4 && big.some((b) => b.length - part.length === 1 && b.startsWith(part));

export class PersonRegistry {
  readonly people: PersonRecord[] = [];

  /** Add what a sentence names; returns the record it belongs to. */
  add(c: NameCandidate, paragraph: number, at: number): PersonRecord {
    const parts = nameParts(c.name);
    const exact = this.people.find((p) => sameParts(p.parts, parts));
    let rec = exact;
    if (!rec) {
      const within = this.people.filter((p) => subset(parts, p.parts)).sort((a, b) => b.lastSeen - a.lastSeen)[0];
      if (within) {
        rec = within;
        rec.aliases.add(c.name);
      }
    }
    if (!rec) {
      const shorter = this.people.find((p) => subset(p.parts, parts));
      if (shorter) {
        rec = shorter;
        rec.aliases.add(rec.name);
        rec.name = c.name;
        rec.parts = parts;
      }
    }
    if (!rec) {
      rec = {
        id: this.people.length,
        name: c.name,
        parts,
        aliases: new Set(),
        roles: [],
        gender: null,
        paragraphs: new Set(),
        lastSeen: at,
      };
      this.people.push(rec);
    }
    if (c.role) for (const r of c.role.split("; ")) if (!rec.roles.includes(r)) rec.roles.push(r);
    if (c.gender && !rec.gender) rec.gender = c.gender;
    rec.paragraphs.add(paragraph);
    rec.lastSeen = Math.max(rec.lastSeen, at);
    return rec;
  }

  /**
   * "Minister Luhut said …" with "… Legal Affairs Luhut Pandjaitan along with …" elsewhere: a person known by one
   * word takes the one longer name run (two or three words) of the briefing that starts or ends with it. Nothing
   * changes when several runs fit ("Hun" beside "Hun Sen" and "Hun Manet") or a run is another person's.
   */
  completeLoneNames(runs: string[]): void {
    for (const rec of this.people) {
      if (rec.parts.length !== 1) continue;
      const part = rec.parts[0];
      const fits = new Map<string, string>();
      for (const run of runs) {
        const parts = nameParts(run);
        if (parts.length < 2 || parts.length > 3 || (parts[0] !== part && parts[parts.length - 1] !== part)) continue;
        fits.set(parts.join(" "), run);
      }
      if (fits.size !== 1) continue;
      const [key, run] = [...fits][0];
      if (this.people.some((p) => p !== rec && subset(p.parts, key.split(" ")))) continue;
      rec.aliases.add(rec.name);
      rec.name = run.replace(/['’]s$/u, "");
      rec.parts = key.split(" ");
    }
  }

  /** The person a name run stands for: full name, a part of it, or a near part. */
  lookup(name: string): PersonRecord | null {
    const parts = nameParts(name);
    if (parts.length === 0) return null;
    const exact = this.people.find((p) => sameParts(p.parts, parts));
    if (exact) return exact;
    const significant = parts.filter((x) => !PARTICLES.has(x));
    const within = this.people.filter((p) => subset(significant, p.parts));
    if (within.length) return within.sort((a, b) => b.lastSeen - a.lastSeen)[0];
    if (parts.length === 1) {
      const near = this.people.filter((p) => nearPart(parts[0], p.parts));
      if (near.length === 1) return near[0];
    }
    return null;
  }

  seen(rec: PersonRecord, paragraph: number, at: number, surface?: string): void {
    rec.paragraphs.add(paragraph);
    rec.lastSeen = Math.max(rec.lastSeen, at);
    if (surface && foldName(surface) !== foldName(rec.name)) rec.aliases.add(surface.replace(/['’]s$/u, ""));
  }

  mentions(): PersonMention[] {
    return this.people.map((p) => ({
      name: p.name,
      aliases: [...p.aliases].filter((a) => foldName(a) !== foldName(p.name)).sort(),
      roles: p.roles,
      paragraphs: [...p.paragraphs].sort((a, b) => a - b),
    }));
  }
}
