// Nearest-neighbour memory of corrected comments. Extra counts (in the naive
// Bayes scorer) generalise slowly; this makes a team's recurring kind of
// comment ("add an aria-label") follow the correction after a few examples.
export interface Remembered {
  features: ReadonlySet<string>;
  category: string;
  rejected?: string;
}

/** Postings longer than this belong to words that say nothing; skipped when looking up. */
const COMMON = 100;
/** Below this cosine similarity a remembered comment is a different comment. */
export const MIN_SIMILARITY = 0.3;

export class CorrectionMemory {
  private readonly items: Remembered[] = [];
  private readonly postings = new Map<string, number[]>();

  get size(): number {
    return this.items.length;
  }

  add(item: Remembered): void {
    if (item.features.size === 0) return;
    const i = this.items.push(item) - 1;
    for (const f of item.features) {
      const list = this.postings.get(f);
      if (list) list.push(i);
      else this.postings.set(f, [i]);
    }
  }

  /**
   * Evidence per category from similar remembered comments: the sum of their
   * similarities, negative for categories that were rejected on them.
   */
  evidence(features: readonly string[]): Map<string, number> {
    return this.lookup(features, Infinity).evidence;
  }

  /**
   * Evidence as above, plus the categories rejected on remembered comments at
   * least `nearDuplicate` similar to this one (never to be suggested again).
   */
  lookup(features: readonly string[], nearDuplicate: number): { evidence: Map<string, number>; nearRejected: Set<string> } {
    const out = new Map<string, number>();
    const nearRejected = new Set<string>();
    if (this.items.length === 0 || features.length === 0) return { evidence: out, nearRejected };
    // Typed counts and a touched list: cheaper than a Map with thousands of corrections.
    const overlap = new Uint16Array(this.items.length);
    const touched: number[] = [];
    for (const f of features) {
      const list = this.postings.get(f);
      if (!list || list.length > COMMON) continue;
      for (const i of list) if (overlap[i]!++ === 0) touched.push(i);
    }
    for (const i of touched) {
      const item = this.items[i]!;
      const sim = overlap[i]! / Math.sqrt(features.length * item.features.size);
      if (sim < MIN_SIMILARITY) continue;
      out.set(item.category, (out.get(item.category) ?? 0) + sim);
      if (item.rejected && item.rejected !== item.category) {
        out.set(item.rejected, (out.get(item.rejected) ?? 0) - sim);
        if (sim >= nearDuplicate) nearRejected.add(item.rejected);
      }
    }
    return { evidence: out, nearRejected };
  }
}
