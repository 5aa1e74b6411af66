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
