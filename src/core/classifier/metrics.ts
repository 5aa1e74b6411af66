// Scores a classifier on labelled comments. Pure (timing aside), shared by
// scripts/eval-classifier.ts and bench/classifier.bench.ts.
import type { CategoryGroup } from '../model';
import type { Classifier } from './index';

export interface LabelledComment {
  body: string;
  category: string;
}

export interface CategoryScore {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvalReport {
  items: number;
  accuracy: number;
  groupAccuracy: number;
  macroF1: number;
  msPerComment: number;
  perCategory: Record<string, CategoryScore>;
  /** Misclassified bodies (truncated), for reading. */
  mistakes: Array<{ body: string; expected: string; got: string }>;
}

export function evaluate(
  classifier: Classifier,
  items: readonly LabelledComment[],
  groupOf: (category: string) => CategoryGroup | undefined,
  opts: { timingRounds?: number } = {},
): EvalReport {
  const predicted = items.map((i) => classifier.classify(i.body));
  const categories = [...new Set(items.map((i) => i.category))].sort();
  let right = 0;
  let groupRight = 0;
  const mistakes: EvalReport['mistakes'] = [];
  items.forEach((item, k) => {
    const p = predicted[k]!;
    if (p.category === item.category) right++;
    else mistakes.push({ body: item.body.slice(0, 120), expected: item.category, got: p.category });
    if (p.group === groupOf(item.category)) groupRight++;
  });
  const perCategory: Record<string, CategoryScore> = {};
  for (const c of categories) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    items.forEach((item, k) => {
      const got = predicted[k]!.category;
      if (got === c && item.category === c) tp++;
      else if (got === c) fp++;
      else if (item.category === c) fn++;
    });
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perCategory[c] = { precision, recall, f1, support: tp + fn };
  }
  const macroF1 = categories.length === 0 ? 0 : categories.reduce((a, c) => a + perCategory[c]!.f1, 0) / categories.length;
  return {
    items: items.length,
    accuracy: items.length ? right / items.length : 0,
    groupAccuracy: items.length ? groupRight / items.length : 0,
    macroF1,
    msPerComment: timePerComment(classifier, items, opts.timingRounds ?? 20),
    perCategory,
    mistakes,
  };
}

/** Median over rounds of the mean time per comment, after a warm-up round. */
function timePerComment(classifier: Classifier, items: readonly LabelledComment[], rounds: number): number {
  if (items.length === 0) return 0;
  for (const i of items) classifier.classify(i.body);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const i of items) classifier.classify(i.body);
    samples.push((performance.now() - start) / items.length);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** A real comment: category null when none of ours fits (it still has a group). */
export interface RealLabelledComment {
  body: string;
  category: string | null;
  group: CategoryGroup;
  path?: string;
}

export interface RealEvalReport {
  n: number;
  /** Technical vs interpersonal, over every comment. */
  groupAccuracy: number;
  /** Over comments with a category; categories that occur in the set. */
  macroF1: number;
  accuracy: number;
  /** Category precision of the most confident half (comments with a category). */
  precisionTopHalf: number;
  /** Share of all comments that get a suggestion shown. */
  coverage: number;
  /** Category precision of the suggestions shown (comments with a category). */
  precisionShown: number;
  /** Expected calibration error, 10 equal-width bins, comments with a category. */
  ece: number;
  perCategory: Record<string, CategoryScore>;
  mistakes: Array<{ body: string; expected: string; got: string; confidence: number; suggest: boolean }>;
}

export function evaluateReal(classifier: Classifier, items: readonly RealLabelledComment[]): RealEvalReport {
  const results = items.map((i) => classifier.classify(i.body, i.path ? { path: i.path } : {}));
  const labelled = items.map((item, k) => ({ item, r: results[k]! })).filter((x) => x.item.category !== null);
  const groupRight = items.filter((item, k) => results[k]!.group === item.group).length;
  const categories = [...new Set(labelled.map((x) => x.item.category!))].sort();
  const perCategory: Record<string, CategoryScore> = {};
  for (const c of categories) {
    const tp = labelled.filter((x) => x.r.category === c && x.item.category === c).length;
    const fp = labelled.filter((x) => x.r.category === c && x.item.category !== c).length;
    const fn = labelled.filter((x) => x.r.category !== c && x.item.category === c).length;
    const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
    perCategory[c] = { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), support: tp + fn };
  }
  const right = (x: { item: RealLabelledComment; r: { category: string } }) => x.r.category === x.item.category;
  const byConfidence = [...labelled].sort((a, b) => b.r.confidence - a.r.confidence);
  const top = byConfidence.slice(0, Math.ceil(byConfidence.length / 2));
  const shown = labelled.filter((x) => x.r.suggest);
  let ece = 0;
  for (let bin = 0; bin < 10; bin++) {
    const inBin = labelled.filter((x) => Math.min(9, Math.floor(x.r.confidence * 10)) === bin);
    if (inBin.length === 0) continue;
    const acc = inBin.filter(right).length / inBin.length;
    const conf = inBin.reduce((a, x) => a + x.r.confidence, 0) / inBin.length;
    ece += (inBin.length / labelled.length) * Math.abs(acc - conf);
  }
  const share = (n: number, d: number) => (d === 0 ? 0 : n / d);
  return {
    n: items.length,
    groupAccuracy: share(groupRight, items.length),
    macroF1: categories.length === 0 ? 0 : categories.reduce((a, c) => a + perCategory[c]!.f1, 0) / categories.length,
    accuracy: share(labelled.filter(right).length, labelled.length),
    precisionTopHalf: share(top.filter(right).length, top.length),
    coverage: share(results.filter((r) => r.suggest).length, items.length),
    precisionShown: share(shown.filter(right).length, shown.length),
    ece,
    perCategory,
    mistakes: labelled.filter((x) => !right(x)).map((x) => ({ body: x.item.body.slice(0, 120), expected: x.item.category!, got: x.r.category, confidence: x.r.confidence, suggest: x.r.suggest })),
  };
}
