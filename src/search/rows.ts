/**
 * A table of per-paragraph score rows for one query, addressed by paragraph id without a
 * Map: `slotOf[id]` points at the id's row in one Float64Array. The id → slot array and
 * the buffers are kept between queries (sized to the collection) and cleared of only the
 * ids a query touched, so a query costs what it matches and allocates almost nothing. Slots
 * are kept one up (0: no row), so a new pool is all zeros as allocated: a new Library (each
 * new briefing) does not touch 8 MB of fresh memory per pool at 1M paragraphs to fill it.
 */
export interface RowPool {
  data: Float64Array;
  /** Ids with a row, in the order they were added (the first `count` entries). */
  ids: Int32Array;
  /** id → slot + 1, 0 when the id has no row. */
  slotOf: Int32Array;
}

export function rowPool(size: number): RowPool {
  return { data: new Float64Array(1024), ids: new Int32Array(size), slotOf: new Int32Array(size) };
}

export class RowTable {
  /** How many ids have a row. */
  count = 0;

  constructor(
    readonly width: number,
    private readonly pool: RowPool,
  ) {}

  get values(): Float64Array {
    return this.pool.data;
  }

  /** The i-th id given a row. */
  id(i: number): number {
    return this.pool.ids[i];
  }

  /** The row's offset into `values` for `id`, or -1. */
  find(id: number): number {
    const slot = id >= 0 && id < this.pool.slotOf.length ? this.pool.slotOf[id] - 1 : -1;
    return slot < 0 ? -1 : slot * this.width;
  }

  /** The row's offset for `id`, made (zeroed) if new. */
  ensure(id: number): number {
    const pool = this.pool;
    const slot = pool.slotOf[id] - 1;
    if (slot >= 0) return slot * this.width;
    const next = this.count++;
    const at = next * this.width;
    if (at + this.width > pool.data.length) {
      const grown = new Float64Array(Math.max(pool.data.length * 2, at + this.width));
      grown.set(pool.data.subarray(0, at));
      pool.data = grown;
    }
    pool.data.fill(0, at, at + this.width);
    pool.slotOf[id] = next + 1;
    pool.ids[next] = id;
    return at;
  }

  /** Forget every row, giving the shared arrays back clean. */
  clear(): void {
    const { ids, slotOf } = this.pool;
    for (let i = 0; i < this.count; i++) slotOf[ids[i]] = 0;
    this.count = 0;
  }
}
