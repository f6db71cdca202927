import type { FileEntry } from "./snapshot.ts";

const byName = (a: FileEntry, b: FileEntry) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);

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
}

export const EMPTY_FILES = FileList.of([]);
