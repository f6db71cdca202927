/**
 * Positions (into a newest-first events list) by key, and by distinct party or label, found for a query by the texts
 * that name them: a query reads only the parties one of whose names, aliases or roles holds one of its needles.
 */
import type { Party } from "../../extraction/event.ts";
import { Texts } from "./events-texts.ts";
import { namesCountry, needles } from "./people.ts";

/** Positions by key, each list ascending (the view's order) and without repeats. */
export class Postings<K> {
  readonly lists = new Map<K, number[]>();
  add(key: K, pos: number): void {
    const list = this.lists.get(key);
    if (!list) this.lists.set(key, [pos]);
    else if (list[list.length - 1] !== pos) list.push(pos);
  }
}

/** Positions by distinct item (by `key`), each list ascending and without repeats. */
class Distinct<T> {
  private readonly ids = new Map<string, number>();
  readonly items: T[] = [];
  readonly positions: number[][] = [];

  protected addItem(key: string, item: T, pos: number): void {
    const id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, this.items.length);
      this.items.push(item);
      this.positions.push([pos]);
      return;
    }
    const list = this.positions[id];
    if (list[list.length - 1] !== pos) list.push(pos);
  }

  /** The lists of the items among `ids` that `test` accepts. */
  protected accepted(ids: Iterable<number>, test: (item: T) => boolean): number[][] {
    const out: number[][] = [];
    for (const id of ids) if (test(this.items[id])) out.push(this.positions[id]);
    return out;
  }
}

/** The names a party matcher reads beside the party's own: aliases of a name, a person's roles in any briefing. */
export interface PartyNames {
  aliases: (name: string) => string[];
  rolesOf: (name: string) => string[];
}

/**
 * Positions by distinct party: one entry per kind, name and role (all a party matcher reads), so a query runs its
 * matcher once per distinct party that may match, not once per event.
 */
export class PartyPostings extends Distinct<Party> {
  private texts: { names: Texts; roles: Texts } | null = null;

  constructor(private readonly names: PartyNames) {
    super();
  }

  get parties(): readonly Party[] {
    return this.items;
  }

  add(p: Party, pos: number): void {
    this.addItem(`${p.kind}\u0000${p.name}\u0000${p.role ?? ""}`, p, pos);
  }

  private buildTexts(): { names: Texts; roles: Texts } {
    const names = new Texts();
    const roles = new Texts();
    this.items.forEach((p, id) => {
      names.add(p.name, id);
      for (const a of this.names.aliases(p.name)) names.add(a, id);
      if (p.role) roles.add(p.role, id);
      if (p.kind === "person") for (const r of this.names.rolesOf(p.name)) roles.add(r, id);
    });
    return { names, roles };
  }

  /**
   * The lists of every party `matches` (a matcher for `query`) accepts. Only parties with a name or alias holding
   * one of the query's needles can match by name; by a role or a body's name, only for a country, and then the
   * role or name holds one of its spellings.
   */
  matching(query: string, matches: (p: Party) => boolean): number[][] {
    const texts = (this.texts ??= this.buildTexts());
    const nd = needles(query);
    const ids = texts.names.holding(nd, new Set());
    if (namesCountry(query)) texts.roles.holding(nd, ids);
    return this.accepted(ids, matches);
  }
}

/** Positions by pledge label ("Vietnam (per To Lam)"), found by the label's text. */
export class LabelPostings extends Distinct<string> {
  private texts: Texts | null = null;

  get labels(): readonly string[] {
    return this.items;
  }

  add(label: string, pos: number): void {
    this.addItem(label, label, pos);
  }

  /** The lists of every label `matches` (a matcher for `query`, reading the label's words) accepts. */
  matching(query: string, matches: (label: string) => boolean): number[][] {
    if (!this.texts) {
      const texts = new Texts();
      this.items.forEach((label, id) => texts.add(label, id));
      this.texts = texts;
    }
    return this.accepted(this.texts.holding(needles(query), new Set()), matches);
  }
}
