// Scores the shipped classifier and merges classifier.* keys into
// bench/out/results.json:
// - the written set, data/classifier/eval.jsonl (written apart from the
//   training data, never trained on): classifier.groupAccuracy, .macroF1,
//   .msPerComment;
// - real review comments of the held-out projects in data/classifier/real/
//   (split by project; never trained on): classifier.real.*.
//   npm run eval:classifier [-- --verbose]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createClassifier } from '../src/core/classifier';
import { evaluate, evaluateReal, type EvalReport, type LabelledComment, type RealEvalReport } from '../src/core/classifier/metrics';
import { Taxonomy } from '../src/core/taxonomy';
import { generateDataset } from '../src/demo/generate';
import { isRealEval, readReal } from './classifier-data';

const ROOT = resolve(__dirname, '..');
export const EVAL_FILE = join(ROOT, 'data', 'classifier', 'eval.jsonl');
const RESULTS = join(ROOT, 'bench', 'out', 'results.json');

export function readLabelled(file: string): LabelledComment[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as LabelledComment);
}

const taxonomy = Taxonomy.fromSettings().taxonomy;

export function evaluateShipped(): EvalReport {
  return evaluate(createClassifier(), readLabelled(EVAL_FILE), (c) => taxonomy.groupOf(c));
}

/** Real comments of the held-out projects, with their file paths as context. */
export function evaluateShippedOnReal(): RealEvalReport {
  return evaluateReal(createClassifier(), readReal().filter(isRealEval));
}

/**
 * A second, outside check: the demo generator's comments (written by another
 * engineer for the demo, with their intended category), distinct bodies only.
 * Template-based, so it is reported beside the main set, not instead of it.
 */
export function evaluateOnDemo(): EvalReport {
  const seen = new Map<string, string>();
  for (const pr of generateDataset().pullRequests) {
    for (const c of [...pr.reviews, ...pr.comments, ...pr.threads.flatMap((t) => t.comments)]) {
      if (c.category && c.body.trim() && !seen.has(c.body)) seen.set(c.body, c.category);
    }
  }
  const items = [...seen].map(([body, category]) => ({ body, category }));
  return evaluate(createClassifier(), items, (c) => taxonomy.groupOf(c), { timingRounds: 1 });
}

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

/** The keys bench/run.ts and results.json carry for the written set. */
export function resultKeys(r: EvalReport): Record<string, number> {
  return {
    'classifier.groupAccuracy': round(r.groupAccuracy, 4),
    'classifier.macroF1': round(r.macroF1, 4),
    'classifier.msPerComment': round(r.msPerComment, 4),
  };
}

/** The keys for the real held-out comments. */
export function realResultKeys(r: RealEvalReport): Record<string, number> {
  return {
    'classifier.real.groupAccuracy': round(r.groupAccuracy, 4),
    'classifier.real.macroF1': round(r.macroF1, 4),
    'classifier.real.precisionTopHalf': round(r.precisionTopHalf, 4),
    'classifier.real.coverage': round(r.coverage, 4),
    'classifier.real.precisionShown': round(r.precisionShown, 4),
    'classifier.real.ece': round(r.ece, 4),
    'classifier.real.n': r.n,
  };
}

function main(): void {
  const report = evaluateShipped();
  const real = evaluateShippedOnReal();
  const keys = { ...resultKeys(report), ...realResultKeys(real) };
  const out = process.stdout;
  out.write(`written set: items ${report.items}  accuracy ${report.accuracy.toFixed(3)}  group accuracy ${report.groupAccuracy.toFixed(3)}  macro-F1 ${report.macroF1.toFixed(3)}  ms/comment ${report.msPerComment.toFixed(4)}\n`);
  for (const [c, s] of Object.entries(report.perCategory)) {
    out.write(`  ${c.padEnd(14)} P ${s.precision.toFixed(2)}  R ${s.recall.toFixed(2)}  F1 ${s.f1.toFixed(2)}  n ${s.support}\n`);
  }
  if (process.argv.includes('--verbose')) for (const m of report.mistakes) out.write(`  ${m.expected} -> ${m.got}: ${m.body}\n`);
  out.write(
    `real comments (held-out projects, n ${real.n}): group accuracy ${real.groupAccuracy.toFixed(3)}  accuracy ${real.accuracy.toFixed(3)}  macro-F1 ${real.macroF1.toFixed(3)}  ` +
      `precision of most confident half ${real.precisionTopHalf.toFixed(3)}  coverage ${real.coverage.toFixed(3)}  precision shown ${real.precisionShown.toFixed(3)}  ECE ${real.ece.toFixed(3)}\n`,
  );
  for (const [c, s] of Object.entries(real.perCategory)) {
    out.write(`  ${c.padEnd(14)} P ${s.precision.toFixed(2)}  R ${s.recall.toFixed(2)}  F1 ${s.f1.toFixed(2)}  n ${s.support}\n`);
  }
  if (process.argv.includes('--verbose')) for (const m of real.mistakes) out.write(`  ${m.expected} -> ${m.got} (${m.confidence}${m.suggest ? ', shown' : ''}): ${m.body.replace(/\n/g, ' ')}\n`);
  const demo = evaluateOnDemo();
  out.write(`demo data (${demo.items} distinct comments): accuracy ${demo.accuracy.toFixed(3)}  group accuracy ${demo.groupAccuracy.toFixed(3)}  macro-F1 ${demo.macroF1.toFixed(3)}\n`);
  mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true });
  const existing = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(RESULTS, JSON.stringify({ ...existing, ...keys }, null, 2) + '\n');
  out.write(`merged into ${RESULTS}: ${JSON.stringify(keys)}\n`);
}

if (process.argv[1] && /eval-classifier\.ts$/.test(process.argv[1])) main();
