// Multinomial naive Bayes over binary features. Chosen because it trains in
// one pass, serialises to counts (so user corrections are just more counts),
// and scores a comment in microseconds.
import type { CategoryGroup } from '../model';

/** The shipped model: per-feature counts, sparse as [classIndex, count, ...]. */
export interface NaiveBayesModel {
  version: 1;
  classes: string[];
  groups: CategoryGroup[];
  alpha: number;
  /** Sum of feature counts per class. */
  totals: number[];
  /** Training documents per class (informational; priors are uniform). */
  docs: number[];
  vocab: Record<string, number[]>;
}

export interface TrainingDoc {
  features: readonly string[];
  category: string;
}

export function trainNaiveBayes(
  docs: readonly TrainingDoc[],
  classes: readonly { id: string; group: CategoryGroup }[],
  opts: { alpha?: number; minCount?: number } = {},
): NaiveBayesModel {
  const index = new Map(classes.map((c, i) => [c.id, i]));
  const counts = new Map<string, number[]>();
  const docsPer = classes.map(() => 0);
  for (const d of docs) {
    const c = index.get(d.category);
    if (c === undefined) throw new Error(`Unknown category in training data: ${d.category}`);
    docsPer[c]!++;
    for (const f of d.features) {
      let row = counts.get(f);
      if (!row) counts.set(f, (row = classes.map(() => 0)));
      row[c]!++;
    }
  }
  // Features seen once are mostly noise and most of the file size.
  const minCount = opts.minCount ?? 2;
  const vocab: Record<string, number[]> = {};
  const totals = classes.map(() => 0);
  for (const f of [...counts.keys()].sort()) {
    const row = counts.get(f)!;
    if (row.reduce((a, b) => a + b, 0) < minCount) continue;
    const sparse: number[] = [];
    row.forEach((n, c) => {
      if (n > 0) {
        sparse.push(c, n);
        totals[c]! += n;
      }
    });
    vocab[f] = sparse;
  }
  return { version: 1, classes: classes.map((c) => c.id), groups: classes.map((c) => c.group), alpha: opts.alpha ?? 0.2, totals, docs: docsPer, vocab };
}

const decoded = new WeakMap<NaiveBayesModel, Map<string, Float64Array>>();

function decode(model: NaiveBayesModel): Map<string, Float64Array> {
  let map = decoded.get(model);
  if (!map) {
    map = new Map();
    for (const [f, sparse] of Object.entries(model.vocab)) {
      const row = new Float64Array(model.classes.length);
      for (let i = 0; i + 1 < sparse.length; i += 2) row[sparse[i]!] = sparse[i + 1]!;
      map.set(f, row);
    }
    decoded.set(model, map);
  }
  return map;
}

/**
 * Scores against the base model plus local extra counts (corrections). The
 * base tables are decoded once per model and shared; extras live beside them.
 */
export class NaiveBayesScorer {
  readonly classes: string[];
  private readonly index: Map<string, number>;
  private readonly base: Map<string, Float64Array>;
  private readonly extra = new Map<string, Map<number, number>>();
  private totals: number[];
  private vocabSize: number;
  private logDenominators: number[] | undefined;

  constructor(private readonly model: NaiveBayesModel) {
    this.classes = [...model.classes];
    this.index = new Map(this.classes.map((c, i) => [c, i]));
    this.base = decode(model);
    this.totals = [...model.totals];
    this.vocabSize = this.base.size;
  }

  /** Index of a class, adding it (with no counts) when it is new. */
  classIndex(category: string): number {
    let i = this.index.get(category);
    if (i === undefined) {
      i = this.classes.length;
      this.classes.push(category);
      this.index.set(category, i);
      this.totals.push(0);
      this.logDenominators = undefined;
      this.logCache.clear();
    }
    return i;
  }

  /** Counts a document `weight` times, as if it had been in the training data. */
  add(features: readonly string[], category: string, weight: number): void {
    const c = this.classIndex(category);
    for (const f of features) {
      let row = this.extra.get(f);
      if (!row) {
        this.extra.set(f, (row = new Map()));
        if (!this.base.has(f)) this.vocabSize++;
      }
      row.set(c, (row.get(c) ?? 0) + weight);
      this.totals[c]! += weight;
    }
    this.logDenominators = undefined;
    this.logCache.clear();
  }

  /** Log-likelihood per class (uniform priors: the training mix is not the real mix). */
  logScores(features: readonly string[]): { scores: Float64Array; known: number } {
    const scores = new Float64Array(this.classes.length);
    let known = 0;
    for (const f of features) {
      const row = this.logRow(f);
      if (!row) continue;
      known++;
      for (let c = 0; c < row.length; c++) scores[c]! += row[c]!;
    }
    return { scores, known };
  }

  // log P(feature | class) per class, computed once per feature and reused
  // until counts change: scoring becomes additions only.
  private readonly logCache = new Map<string, Float64Array | null>();

  private logRow(f: string): Float64Array | null {
    let row = this.logCache.get(f);
    if (row !== undefined) return row;
    const b = this.base.get(f);
    const e = this.extra.get(f);
    if (!b && !e) row = null;
    else {
      const k = this.classes.length;
      const alpha = this.model.alpha;
      this.logDenominators ??= this.totals.map((t) => Math.log(t + alpha * this.vocabSize));
      row = new Float64Array(k);
      for (let c = 0; c < k; c++) {
        const n = (b && c < b.length ? b[c]! : 0) + (e?.get(c) ?? 0);
        row[c] = Math.log(n + alpha) - this.logDenominators[c]!;
      }
    }
    // Bounded: arbitrary text must not grow memory without limit.
    if (this.logCache.size > 50_000) this.logCache.clear();
    this.logCache.set(f, row);
    return row;
  }

  groupOf(category: string): CategoryGroup | undefined {
    const i = this.model.classes.indexOf(category);
    return i >= 0 ? this.model.groups[i] : undefined;
  }
}
