// Virtual list geometry, kept pure so it is unit tested in Node. Rows have a
// default height; expanded rows report their measured height.
export class RowGeometry {
  private readonly offsets: Float64Array;

  /** heights: per-row override (measured expanded rows); others use `rowHeight`. */
  constructor(readonly count: number, readonly rowHeight: number, heightOf: (index: number) => number | undefined = () => undefined) {
    this.offsets = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) this.offsets[i + 1] = this.offsets[i]! + (heightOf(i) ?? rowHeight);
  }

  get totalHeight(): number {
    return this.offsets[this.count]!;
  }

  offsetOf(index: number): number {
    return this.offsets[Math.max(0, Math.min(index, this.count))]!;
  }

  heightOf(index: number): number {
    return this.offsetOf(index + 1) - this.offsetOf(index);
  }

  /** Index of the row covering `y` (binary search over the offsets). */
  indexAt(y: number): number {
    if (this.count === 0) return 0;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Rows to render for a viewport: [start, end) with `overscan` rows either side. */
  visibleRange(scrollTop: number, viewportHeight: number, overscan: number): { start: number; end: number } {
    if (this.count === 0) return { start: 0, end: 0 };
    const first = this.indexAt(Math.max(0, scrollTop));
    const last = this.indexAt(Math.max(0, scrollTop + Math.max(viewportHeight, 1) - 1));
    return { start: Math.max(0, first - overscan), end: Math.min(this.count, last + 1 + overscan) };
  }
}
