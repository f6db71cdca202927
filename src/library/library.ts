import { fileURLToPath } from "node:url";
import type { Citation } from "../answer/types.ts";
import { UserError } from "../answer/types.ts";
import { loadBriefings } from "../briefings/load.ts";
import type { Briefing, LoadProblem, Paragraph } from "../briefings/types.ts";
import { EXTRACT_VERSION, extractEvents } from "../events/extract.ts";
import type { BriefingEvents, Meeting, Pledge } from "../events/types.ts";
import { INDEX_VERSION, ParagraphIndex, type IndexDoc } from "../search/index.ts";
import { markTerms } from "../search/highlight.ts";
import { processTerm, tokenize } from "../search/text.ts";
import { SNAPSHOT_FORMAT, readSnapshot, snapshotKey, snapshotPath, writeSnapshot, type Snapshot } from "./snapshot.ts";

export const DEFAULT_CACHE_DIR = fileURLToPath(new URL("../../.cache", import.meta.url));

export interface OpenOptions {
  dataDir: string;
  /** Where the snapshot is kept; null disables caching. */
  cacheDir?: string | null;
}

export interface SearchRequest {
  query: string;
  source?: string;
  /** Inclusive ISO dates on the briefing's published date. */
  from?: string;
  to?: string;
}

export interface SearchHit {
  briefing: Briefing;
  paragraph: Paragraph;
  score: number;
  marks: Array<[number, number]>;
}

export interface BuildInfo {
  builtAt: string;
  fromCache: boolean;
  buildMs: number;
}

/**
 * Everything derived from the briefings: the paragraph index, the extracted events and the
 * people they name. Commands query it; it never talks to a transport.
 */
export class Library {
  private readonly byId = new Map<string, Briefing>();

  private constructor(
    readonly dataDir: string,
    readonly briefings: readonly Briefing[],
    readonly problems: readonly LoadProblem[],
    private readonly index: ParagraphIndex,
    private readonly docs: ReadonlyArray<[string, number]>,
    private readonly vocab: Readonly<Record<string, string>>,
    readonly perBriefingEvents: ReadonlyMap<string, BriefingEvents>,
    readonly build: BuildInfo,
  ) {
    for (const b of briefings) this.byId.set(b.id, b);
  }

  /** Load the folder, then reuse the snapshot if it matches or build and save a new one. */
  static async open({ dataDir, cacheDir = DEFAULT_CACHE_DIR }: OpenOptions): Promise<Library> {
    const started = performance.now();
    const { briefings, problems } = await loadBriefings(dataDir);
    const key = snapshotKey([SNAPSHOT_FORMAT, INDEX_VERSION, EXTRACT_VERSION], briefings);
    const file = cacheDir ? snapshotPath(cacheDir, dataDir) : null;
    const cached = file ? await readSnapshot(file) : null;

    if (cached && cached.key === key) {
      const events = new Map(briefings.map((b) => [b.id, cached.events[b.hash] ?? extractEvents(b)]));
      const index = ParagraphIndex.fromJSON(cached.index);
      const build = { builtAt: cached.builtAt, fromCache: true, buildMs: performance.now() - started };
      return new Library(dataDir, briefings, problems, index, cached.docs, cached.vocab, events, build);
    }

    // Events extracted by the same code are reused per briefing; anything else is extracted again.
    const reusable = cached?.eventsVersion === EXTRACT_VERSION ? cached.events : {};
    const events = new Map(briefings.map((b) => [b.id, reusable[b.hash] ?? extractEvents(b)]));
    const { docs, indexDocs } = documents(briefings, events);
    const index = ParagraphIndex.build(indexDocs);
    const vocab = vocabulary(indexDocs);
    const builtAt = new Date().toISOString();
    if (file) {
      const snapshot: Snapshot = {
        key,
        builtAt,
        docs,
        index: index.toJSON(),
        vocab,
        eventsVersion: EXTRACT_VERSION,
        events: Object.fromEntries(briefings.map((b) => [b.hash, events.get(b.id)!])),
      };
      await writeSnapshot(file, snapshot).catch(() => undefined);
    }
    const build = { builtAt, fromCache: false, buildMs: performance.now() - started };
    return new Library(dataDir, briefings, problems, index, docs, vocab, events, build);
  }

  get(id: string): Briefing | undefined {
    return this.byId.get(id);
  }

  /** A briefing by id, unique id prefix, or exact headline; a UserError naming the value otherwise. */
  resolveSource(text: string): Briefing {
    const wanted = text.trim();
    const exact = this.byId.get(wanted) ?? this.briefings.find((b) => b.meta.title?.toLowerCase() === wanted.toLowerCase());
    if (exact) return exact;
    const byPrefix = wanted ? this.briefings.filter((b) => b.id.startsWith(wanted)) : [];
    if (byPrefix.length === 1) return byPrefix[0];
    if (byPrefix.length > 1) {
      throw new UserError(`"${wanted}" matches ${byPrefix.length} briefings (${byPrefix.slice(0, 3).map((b) => b.id).join(", ")}…): give more of the id.`);
    }
    throw new UserError(`There is no briefing "${wanted}". Use \`sources\` to list the briefings and their ids.`);
  }

  citation(source: string, paragraph: number): Citation {
    const b = this.byId.get(source);
    return {
      source,
      paragraph,
      title: b?.meta.title ?? null,
      outlet: b?.meta.outlet ?? null,
      published: b?.meta.published ?? null,
      url: b?.meta.url ?? null,
    };
  }

  get paragraphCount(): number {
    return this.docs.length;
  }

  get meetings(): Meeting[] {
    return [...this.perBriefingEvents.values()].flatMap((e) => e.meetings);
  }

  get pledges(): Pledge[] {
    return [...this.perBriefingEvents.values()].flatMap((e) => e.pledges);
  }

  /** Paragraphs matching the query, best first, with filters applied. */
  search(req: SearchRequest): SearchHit[] {
    const source = req.source;
    const from = req.from;
    const to = req.to;
    const filtered = source !== undefined || from !== undefined || to !== undefined;
    const keep = (id: number) => {
      const [src] = this.docs[id];
      if (source !== undefined && src !== source) return false;
      if (from === undefined && to === undefined) return true;
      const published = this.byId.get(src)?.meta.published;
      if (!published) return false;
      return (from === undefined || published >= from) && (to === undefined || published <= to);
    };
    const hits = this.index.search(req.query, filtered ? keep : undefined);
    const out: SearchHit[] = [];
    for (const hit of hits) {
      const [src, n] = this.docs[hit.id];
      const briefing = this.byId.get(src);
      const paragraph = briefing?.paragraphs[n - 1];
      if (!briefing || !paragraph) continue;
      out.push({ briefing, paragraph, score: hit.score, marks: markTerms(paragraph.text, hit.terms) });
    }
    return out;
  }

  /** Words close to the query's, for "did you mean …". */
  suggestions(query: string): string[] {
    return this.index.suggest(query).map((terms) => terms.map((t) => (Object.hasOwn(this.vocab, t) ? this.vocab[t] : t)).join(" "));
  }
}

function documents(briefings: readonly Briefing[], events: ReadonlyMap<string, BriefingEvents>) {
  const docs: Array<[string, number]> = [];
  const indexDocs: IndexDoc[] = [];
  for (const b of briefings) {
    const people = events.get(b.id)?.people ?? [];
    for (const p of b.paragraphs) {
      const names = people.filter((m) => m.paragraphs.includes(p.n)).flatMap((m) => [m.name, ...m.aliases]);
      indexDocs.push({ id: docs.length, text: p.text, title: b.meta.title ?? "", names: names.join(" "), n: p.n });
      docs.push([b.id, p.n]);
    }
  }
  return { docs, indexDocs };
}

function vocabulary(docs: readonly IndexDoc[]): Record<string, string> {
  const vocab = new Map<string, string>();
  for (const d of docs) {
    for (const word of tokenize(`${d.title} ${d.text}`)) {
      for (const term of processTerm(word) ?? []) if (!vocab.has(term)) vocab.set(term, word.toLowerCase());
    }
  }
  return Object.fromEntries(vocab);
}
