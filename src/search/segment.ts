import type MiniSearch from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import { fuzzyInSorted } from "./fuzzy-terms.ts";
import { miniParts } from "./mini-parts.ts";

/**
 * A frozen segment of the paragraph index. MiniSearch indexes the paragraphs; its index is
 * then frozen into typed arrays — postings per term and field, field lengths — with its
 * terms sorted, so that an exact or prefix lookup is a binary search away and a typo lookup
 * walks them as a trie (fuzzy-terms.ts); MiniSearch's own radix tree (SearchableMap) is built
 * only for a segment whose terms are not sorted. A segment is saved and loaded as one binary
 * buffer, in milliseconds, where MiniSearch's JSON would take seconds, and scanned without
 * allocating per posting.
 */
export class Segment {
  private tree: SearchableMap<number> | null = null;
  /** Whether `terms` are in code-unit order (as every segment is built): else lookups use the tree. */
  private readonly sorted: boolean;

  constructor(
    /** Field names, in the order of the arrays below. */
    readonly fields: readonly string[],
    /** Local document → global paragraph id. */
    readonly ids: Uint32Array,
    readonly terms: readonly string[],
    /** Per field: postings of term i are offsets[i] … offsets[i + 1] in docs/tfs. */
    readonly offsets: readonly Uint32Array[],
    /** Local document numbers, ascending within a term. */
    readonly docs: readonly Uint32Array[],
    readonly tfs: readonly Uint16Array[],
    /** Per field, per local document: distinct terms in that field (as MiniSearch counts). */
    readonly fieldLength: readonly Uint16Array[],
  ) {
    let sorted = true;
    for (let i = 1; i < terms.length && sorted; i++) sorted = terms[i - 1] < terms[i];
    this.sorted = sorted;
  }

  /** The terms as MiniSearch's radix tree (term → id), for a segment whose terms are not sorted: built on first use. */
  private get dict(): SearchableMap<number> {
    if (this.tree) return this.tree;
    const tree = new SearchableMap<number>();
    this.terms.forEach((t, i) => tree.set(t, i));
    return (this.tree = tree);
  }

  /** The first position whose term is not below `term` (terms sorted). */
  private lowerBound(term: string): number {
    let lo = 0;
    let hi = this.terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[mid] < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The dictionary id of `term`, if the segment holds it. */
  termId(term: string): number | undefined {
    if (!this.sorted) return this.dict.get(term);
    const at = this.lowerBound(term);
    return this.terms[at] === term ? at : undefined;
  }

  /**
   * Every term that starts with `prefix` (the prefix itself included), in the order the radix tree walks them
   * (descending), so that variants are summed in the same order as before.
   */
  *withPrefix(prefix: string): Generator<string> {
    if (!this.sorted) {
      for (const [t] of this.dict.atPrefix(prefix)) yield t;
      return;
    }
    const first = this.lowerBound(prefix);
    let end = first;
    while (end < this.terms.length && this.terms[end].startsWith(prefix)) end++;
    for (let i = end - 1; i >= first; i--) yield this.terms[i];
  }

  /** Every term within `max` edits of `term`, with its distance. */
  fuzzy(term: string, max: number): Iterable<[string, number]> {
    if (this.sorted) return fuzzyInSorted(this.terms, term, max);
    return [...this.dict.fuzzyGet(term, max)].map(([t, [, distance]]): [string, number] => [t, distance]);
  }

  private consecutiveFrom: number | undefined;

  /** The first paragraph id when the segment's ids are consecutive (as the Library builds them), else -1. */
  get firstIdIfConsecutive(): number {
    if (this.consecutiveFrom !== undefined) return this.consecutiveFrom;
    const ids = this.ids;
    let ok = ids.length > 0;
    for (let d = 1; d < ids.length && ok; d++) ok = ids[d] === ids[0] + d;
    return (this.consecutiveFrom = ok ? ids[0] : -1);
  }

  get docCount(): number {
    return this.ids.length;
  }

  /** Freeze a MiniSearch index (`viaJSON`: through its public `toJSON`, as when its own maps are not there). */
  static fromMiniSearch<T>(mini: MiniSearch<T>, fields: readonly string[], viaJSON = false): Segment {
    const parts = miniParts(mini, viaJSON);
    const shortIds = [...parts.documentIds.keys()];
    const local = new Int32Array(parts.nextId).fill(-1);
    shortIds.forEach((s, i) => (local[s] = i));
    const ids = Uint32Array.from(shortIds, (s) => Number(parts.documentIds.get(s)));
    const fieldIdOf = fields.map((f) => parts.fieldIds[f]);
    const fieldLength = fields.map((_, f) => {
      const out = new Uint16Array(ids.length);
      shortIds.forEach((s, i) => (out[i] = Math.min(65535, parts.fieldLength.get(s)?.[fieldIdOf[f]] ?? 0)));
      return out;
    });
    const entries = [...parts.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const terms = entries.map(([t]) => t);
    const offsets: Uint32Array[] = [];
    const docs: Uint32Array[] = [];
    const tfs: Uint16Array[] = [];
    for (const fieldId of fieldIdOf) {
      let total = 0;
      for (const [, data] of entries) total += data.get(fieldId)?.size ?? 0;
      const off = new Uint32Array(terms.length + 1);
      const d = new Uint32Array(total);
      const tf = new Uint16Array(total);
      let at = 0;
      for (let i = 0; i < entries.length; i++) {
        off[i] = at;
        const postings = entries[i][1].get(fieldId);
        if (!postings) continue;
        const from = at;
        for (const [shortId, count] of postings) {
          const l = local[shortId];
          if (l < 0) continue;
          if (at > from && l <= d[at - 1]) throw new Error("a MiniSearch term's postings are not in document order");
          d[at] = l;
          tf[at] = Math.min(65535, count);
          at++;
        }
      }
      off[terms.length] = at;
      offsets.push(off);
      docs.push(d.subarray(0, at));
      tfs.push(tf.subarray(0, at));
    }
    return new Segment(fields, ids, terms, offsets, docs, tfs, fieldLength);
  }

  /** Documents of term `term` (dictionary id) in field `f`. */
  df(f: number, term: number): number {
    return this.offsets[f][term + 1] - this.offsets[f][term];
  }

  /** Total of a field's lengths, for the collection's average. */
  private lengthSums: number[] | null = null;
  private topId = -1;

  /** The sum of field `f`'s lengths over the documents (worked out once: a segment never changes). */
  lengthSum(f: number): number {
    this.lengthSums ??= this.fieldLength.map((lengths) => {
      let s = 0;
      for (const n of lengths) s += n;
      return s;
    });
    return this.lengthSums[f];
  }

  /** One past the highest global paragraph id in the segment (0 for none). */
  get idLimit(): number {
    if (this.topId < 0) {
      let top = 0;
      for (const id of this.ids) top = Math.max(top, id + 1);
      this.topId = top;
    }
    return this.topId;
  }

  /** One buffer: a JSON header, the terms, then the typed arrays, each 8-byte aligned. */
  toBuffer(): Buffer {
    const arrays: Array<Uint32Array | Uint16Array> = [
      this.ids,
      ...this.offsets,
      ...this.docs,
      ...this.tfs,
      ...this.fieldLength,
    ];
    const termBytes = Buffer.from(this.terms.join("\n"), "utf8");
    const header = Buffer.from(
      JSON.stringify({
        format: "segment-1",
        fields: this.fields,
        terms: this.terms.length,
        termBytes: termBytes.length,
        arrays: arrays.map((a) => [a instanceof Uint32Array ? 32 : 16, a.length]),
      }),
      "utf8",
    );
    const parts: Buffer[] = [];
    let size = 0;
    const push = (b: Buffer) => {
      parts.push(b);
      size += b.length;
      const pad = (8 - (size % 8)) % 8;
      if (pad) {
        parts.push(Buffer.alloc(pad));
        size += pad;
      }
    };
    const len = Buffer.alloc(8);
    len.writeUInt32LE(header.length, 0);
    push(len);
    push(header);
    push(termBytes);
    for (const a of arrays) push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    return Buffer.concat(parts, size);
  }

  static fromBuffer(buffer: Buffer): Segment {
    // Typed arrays need aligned offsets into their ArrayBuffer: copy once if the buffer is not.
    const buf = buffer.byteOffset % 8 === 0 ? buffer : Buffer.from(buffer);
    const align = (n: number) => n + ((8 - (n % 8)) % 8);
    const headerLength = buf.readUInt32LE(0);
    let at = 8;
    const header = JSON.parse(buf.toString("utf8", at, at + headerLength)) as {
      format: string;
      fields: string[];
      terms: number;
      termBytes: number;
      arrays: Array<[16 | 32, number]>;
    };
    if (header.format !== "segment-1") throw new Error(`unknown segment format ${header.format}`);
    at = align(at + headerLength);
    const terms = header.terms ? buf.toString("utf8", at, at + header.termBytes).split("\n") : [];
    at = align(at + header.termBytes);
    const views = header.arrays.map(([bits, length]) => {
      const view =
        bits === 32
          ? new Uint32Array(buf.buffer, buf.byteOffset + at, length)
          : new Uint16Array(buf.buffer, buf.byteOffset + at, length);
      at = align(at + view.byteLength);
      return view;
    });
    const n = header.fields.length;
    const [ids, ...rest] = views;
    return new Segment(
      header.fields,
      ids as Uint32Array,
      terms,
      rest.slice(0, n) as Uint32Array[],
      rest.slice(n, 2 * n) as Uint32Array[],
      rest.slice(2 * n, 3 * n) as Uint16Array[],
      rest.slice(3 * n, 4 * n) as Uint16Array[],
    );
  }
}
