import type MiniSearch from "minisearch";

/** Per field id, per MiniSearch short id: how often the term occurs there. */
export type FieldPostings = Map<number, Map<number, number>>;

/** What freezing a MiniSearch index reads of it: its documents, field lengths and term → postings. */
export interface MiniParts {
  /** One past the highest short id. */
  nextId: number;
  /** Short id → the document's id, in ascending short ids. */
  documentIds: Map<number, unknown>;
  fieldIds: Readonly<Record<string, number>>;
  /** Short id → per field id, the distinct terms there. */
  fieldLength: Map<number, readonly number[]>;
  /** Every term with its postings (in no set order); each postings map in ascending short ids. */
  index: Iterable<[string, FieldPostings]>;
}

/** MiniSearch's fields this module reads when it can (private in its typings, the same since version 6). */
interface Internals {
  _nextId?: unknown;
  _documentIds?: unknown;
  _fieldIds?: unknown;
  _fieldLength?: unknown;
  _index?: unknown;
}

/**
 * The parts of `mini` to freeze. Read straight from its own maps, which saves building `toJSON`'s objects (a string
 * key per posting, about 2 s of each build thread's 28 at 100k paragraphs); through the public `toJSON` when they
 * are not there as this module knows them (another MiniSearch version), or when `viaJSON` asks (tests compare both).
 */
export function miniParts<T>(mini: MiniSearch<T>, viaJSON = false): MiniParts {
  return (!viaJSON && internalParts(mini)) || jsonParts(mini.toJSON());
}

function internalParts<T>(mini: MiniSearch<T>): MiniParts | null {
  const m = mini as unknown as Internals;
  const { _nextId: nextId, _documentIds: ids, _fieldIds: fieldIds, _fieldLength: lengths, _index: index } = m;
  const known =
    typeof nextId === "number" &&
    ids instanceof Map &&
    lengths instanceof Map &&
    typeof fieldIds === "object" &&
    fieldIds !== null &&
    isIterable(index);
  if (!known) return null;
  // The term data as this module reads it: a map of maps (checked on a term, if any).
  for (const [, data] of index as Iterable<[string, unknown]>) {
    if (!(data instanceof Map)) return null;
    for (const postings of data.values()) if (!(postings instanceof Map)) return null;
    break;
  }
  return {
    nextId,
    documentIds: ids as Map<number, unknown>,
    fieldIds: fieldIds as Record<string, number>,
    fieldLength: lengths as Map<number, number[]>,
    index: index as Iterable<[string, FieldPostings]>,
  };
}

/** Its radix tree (SearchableMap) is iterable. Not `instanceof`: MiniSearch's bundle has its own copy of the class. */
const isIterable = (x: unknown): boolean =>
  typeof x === "object" && x !== null && typeof (x as Iterable<unknown>)[Symbol.iterator] === "function";

type MiniJSON = ReturnType<MiniSearch["toJSON"]>;

/** The same parts from `toJSON`'s objects, whose integer keys are listed in ascending order. */
function jsonParts(js: MiniJSON): MiniParts {
  const numbered = <V>(o: Record<string, V>): Map<number, V> => new Map(Object.entries(o).map(([k, v]) => [+k, v]));
  return {
    nextId: js.nextId,
    documentIds: numbered(js.documentIds),
    fieldIds: js.fieldIds,
    fieldLength: numbered(js.fieldLength),
    index: js.index.map(([term, data]): [string, FieldPostings] => [
      term,
      new Map(Object.entries(data).map(([field, postings]) => [+field, numbered(postings)])),
    ]),
  };
}
