/**
 * A table of per-paragraph score rows for one query, addressed by paragraph id without a
 * Map: `slotOf[id]` points at the id's row in one growing Float64Array. The id → slot
 * array is kept between queries (sized to the collection) and cleared of only the ids a
 * query touched, so a query costs what it matches, not what the collection holds.
 */
export class RowTable {
  /** Paragraph ids with a row, in the order they were added. */
  readonly ids: number[] = [];
  private data: Float64Array;

  constructor(
    readonly width: number,
    private readonly slotOf: Int32Array,
  ) {
    this.data = new Float64Array(Math.max(64, width * 64));
  }

  /** The row's offset into `values` for `id`, or -1. */
  find(id: number): number {
    if (id < 0 || id >= this.slotOf.length) return -1;
    const slot = this.slotOf[id];
    return slot < 0 ? -1 : slot * this.width;
  }

  /** The row's offset for `id`, made (zeroed) if new. */
  ensure(id: number): number {
    const slot = this.slotOf[id];
    if (slot >= 0) return slot * this.width;
    const next = this.ids.length;
    if ((next + 1) * this.width > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.slotOf[id] = next;
    this.ids.push(id);
    return next * this.width;
  }

  get values(): Float64Array {
    return this.data;
  }

  /** Give the shared id → slot array back clean. */
  release(): void {
    for (const id of this.ids) this.slotOf[id] = -1;
  }
}

/** The shared id → slot arrays of an index: one per table a query uses at once. */
export function slotArrays(size: number, count: number): Int32Array[] {
  return Array.from({ length: count }, () => new Int32Array(size).fill(-1));
}
