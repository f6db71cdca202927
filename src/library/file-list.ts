import type { FileEntry } from "./snapshot.ts";

/** By file name, as the folder's entries (and each list kept by name) are ordered. */
export const byName = (a: { file: string }, b: { file: string }) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

/**
 * The folder's file entries in name order, found by name with a binary search. It is the list itself, so a new
 * briefing's Library makes one without building a map of every name (tens of milliseconds at 100,000 files).
 */
export class FileList {
  private constructor(private readonly entries: readonly FileEntry[]) {}

  /** The entries, sorted by name unless they already are (a folder's listing and the snapshot's list are). */
  static of(entries: readonly FileEntry[]): FileList {
    for (let i = 1; i < entries.length; i++) {
      if (byName(entries[i - 1], entries[i]) >= 0) return new FileList([...entries].sort(byName));
    }
    return new FileList(entries);
  }

  get size(): number {
    return this.entries.length;
  }

  get(name: string): FileEntry | undefined {
    let lo = 0;
    let hi = this.entries.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const file = this.entries[mid].file;
      if (file === name) return this.entries[mid];
      if (file < name) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** In name order. */
  get list(): readonly FileEntry[] {
    return this.entries;
  }

  /** These entries with the `changed` names taken out and the `fresh` entries (of some of those names) put in. */
  patched(changed: ReadonlySet<string>, fresh: readonly FileEntry[]): FileList {
    const byFile = new Map(fresh.map((e) => [e.file, e]));
    return new FileList(patchByName(this.entries, [...changed].sort(), (name) => byFile.get(name)));
  }
}

/**
 * A list in name order (`file`) with each of the `names` (sorted) taken out and put back as `now` gives it (undefined:
 * left out): ranges of the list are copied whole between the names, so the cost is a copy plus a search a name.
 */
export function patchByName<T extends { file: string }>(
  list: readonly T[],
  names: readonly string[],
  now: (name: string) => T | undefined,
): T[] {
  const pieces: T[][] = [];
  let from = 0;
  for (const name of names) {
    const at = lowerBound(list, name, from);
    pieces.push(list.slice(from, at));
    const entry = now(name);
    if (entry) pieces.push([entry]);
    from = at < list.length && list[at].file === name ? at + 1 : at;
  }
  pieces.push(list.slice(from));
  return ([] as T[]).concat(...pieces);
}

/** The first place at or after `from` whose name is not before `name`. */
function lowerBound(list: readonly { file: string }[], name: string, from: number): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].file < name) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const EMPTY_FILES = FileList.of([]);
