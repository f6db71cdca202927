/**
 * Typo lookups over a sorted term list, with no tree built for them. A sorted list is a trie already: the terms that
 * share a prefix are consecutive, and those that go on with the same letter are a run found by binary search. The
 * walk is MiniSearch's own (SearchableMap's fuzzyGet, after Steve Hanov's): one row of a banded Levenshtein matrix
 * per letter of the prefix, and a branch is left as soon as its row's least distance is over the limit. It finds the
 * terms fuzzyGet finds, at the same distances, without the radix tree's nodes: at 1M paragraphs those trees, one per
 * segment, held about 190 MB of heap once a typo search had been asked, and a first typo
 * search after each new segment built one. It costs more per lookup: about 0.5 ms against 0.25 ms for a 12-letter
 * typo over three segments of 36k terms.
 */

/** Every term of `terms` (sorted in code-unit order, no repeats) within `max` edits of `query`, with its distance. */
export function fuzzyInSorted(terms: readonly string[], query: string, max: number): Array<[string, number]> {
  const found: Array<[string, number]> = [];
  if (terms.length === 0) return found;
  // Columns: the query's letters and one before them. Rows: a prefix's letters; a match is at most `max` longer.
  const n = query.length + 1;
  const codes = Uint16Array.from(query, (ch) => ch.charCodeAt(0));
  const m = n + max;
  const matrix = new Uint8Array(m * n).fill(Math.min(255, max + 1));
  for (let j = 0; j < n; j++) matrix[j] = Math.min(255, j);
  for (let i = 1; i < m; i++) matrix[i * n] = Math.min(255, i);

  /**
   * The end of the run of terms in lo … hi whose letter at `depth` is `c` (they all have one there, sorted): galloping
   * from `lo`, then a binary search, so a short run costs a few steps however many terms follow it.
   */
  const runEnd = (lo: number, hi: number, depth: number, c: number): number => {
    if (terms[hi - 1].charCodeAt(depth) === c) return hi; // one run: a stretch the radix tree keeps as one edge
    let inRun = lo;
    let probe = lo + 1;
    for (let step = 1; probe < hi && terms[probe].charCodeAt(depth) === c; probe = lo + step) {
      inRun = probe;
      step *= 2;
    }
    let a = inRun + 1;
    let b = Math.min(probe, hi);
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (terms[mid].charCodeAt(depth) > c) b = mid;
      else a = mid + 1;
    }
    return a;
  };

  /** Row `i` of the matrix for letter `c`; returns the row's least distance. */
  const fillRow = (i: number, c: number): number => {
    const row = n * i;
    const previous = row - n;
    let least = matrix[row];
    const jmin = Math.max(0, i - max - 1);
    const jmax = Math.min(n - 1, i + max);
    for (let j = jmin; j < jmax; j++) {
      const replace = matrix[previous + j] + (c === codes[j] ? 0 : 1);
      const remove = matrix[previous + j + 1] + 1;
      const insert = matrix[row + j] + 1;
      const distance = Math.min(replace, remove, insert);
      matrix[row + j + 1] = distance;
      if (distance < least) least = distance;
    }
    return least;
  };

  /** The one term at `at` from letter `depth` on (rows 1 … depth hold its first letters): no run to look for. */
  const alone = (at: number, depth: number): void => {
    const term = terms[at];
    const stop = Math.min(term.length, m - 1);
    for (let i = depth; i < stop; i++) if (fillRow(i + 1, term.charCodeAt(i)) > max) return;
    if (term.length > stop) return;
    const distance = matrix[term.length * n + n - 1];
    if (distance <= max) found.push([term, distance]);
  };

  /** The terms lo … hi, which share their first `depth` letters (matrix rows 1 … depth hold them). */
  const walk = (lo: number, hi: number, depth: number): void => {
    if (hi - lo === 1) return alone(lo, depth);
    if (terms[lo].length === depth) {
      // The prefix itself is a term (it sorts first).
      const distance = matrix[depth * n + n - 1];
      if (distance <= max) found.push([terms[lo], distance]);
      lo++;
    }
    if (depth + 1 >= m) return;
    while (lo < hi) {
      const c = terms[lo].charCodeAt(depth);
      const end = runEnd(lo, hi, depth, c);
      if (fillRow(depth + 1, c) <= max) walk(lo, end, depth + 1);
      lo = end;
    }
  };

  walk(0, terms.length, 0);
  return found;
}
