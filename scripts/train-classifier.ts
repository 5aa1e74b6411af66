// Trains the shipped classifier and writes src/core/classifier/model.generated.ts.
// Inputs: data/classifier/train.jsonl and train-extra.jsonl (hand-written
// seeds) and the real comments in data/classifier/real/ of the projects that
// are not held out for evaluation. Never reads the evaluation sets.
//
// Calibration is cross-validated by project: the training projects are split
// into folds, each fold is scored by a model trained without its projects,
// and the temperature, the per-category bias and the thresholds for showing a
// suggestion are fitted on those out-of-fold scores.
//   node --import tsx scripts/train-classifier.ts [--check] [--cv]
// Always reports the scores cross-validated by project on the training
// projects (calibration refitted without each fold); --cv adds them per
// category; --check trains without writing the model.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CATEGORIES } from '../src/core/taxonomy';
import { createClassifier, type Classifier } from '../src/core/classifier';
import { mapConfidence, quantise, rawLogits, softmax, trainLogistic, type LogisticModel, type TrainingExample } from '../src/core/classifier/logistic';
import { evaluateReal, type RealEvalReport } from '../src/core/classifier/metrics';
import { HASH_BITS, vectorize } from '../src/core/classifier/vectorize';
import { DATA_DIR, isRealEval, readJsonl, readReal, type RealComment, type Seed } from './classifier-data';

const ROOT = resolve(__dirname, '..');
const SEED_FILES = [join(DATA_DIR, 'train.jsonl'), join(DATA_DIR, 'train-extra.jsonl')];
const OUT = join(ROOT, 'src', 'core', 'classifier', 'model.generated.ts');
/**
 * The mix of categories in real review comments (rough shares from public
 * studies of code review feedback: most comments are about the code, a few
 * percent praise, interpersonal remarks rare). The seeds are balanced, so the
 * intercepts are first moved part of the way to this mix; the bias fitted on
 * out-of-fold real comments then corrects what the real data can show.
 */
export const REAL_MIX: Record<string, number> = {
  correctness: 0.26, design: 0.18, readability: 0.2, documentation: 0.11, testing: 0.07, performance: 0.04, security: 0.02, tooling: 0.05,
  praise: 0.035, communication: 0.012, collaboration: 0.008, ownership: 0.005, mentoring: 0.005, tone: 0.005,
};

export interface TrainOptions {
  /** A real comment counts like this many seed variants. */
  realWeight: number;
  /** Factor on bot-template comments (`generated`): one template says little about people. */
  generatedWeight: number;
  /** A project's real comments weigh together at most as much as this many comments. */
  projectCap: number;
  epochs: number;
  l2: number;
  /** How far the intercepts move to REAL_MIX before calibration (1 = all the way). */
  priorStrength: number;
  /** Pull of the per-category bias correction towards zero (per row of calibration data). */
  biasL2: number;
  /** Folds of training projects for calibration. */
  folds: number;
  /**
   * Precision the shown suggestions should reach on the out-of-fold comments,
   * per group: interpersonal categories need clearer evidence.
   */
  targetPrecision: Record<'technical' | 'interpersonal', number>;
  /** State confidences through an isotonic map fitted on the out-of-fold comments. */
  confidenceMap: boolean;
  /**
   * Real comments of rare categories weigh more: by (comments of the most
   * common category / comments of this one) ^ classBalance (0 = off), so
   * macro-F1 is not left to correctness and documentation.
   */
  classBalance: number;
}

export const OPTIONS: TrainOptions = {
  realWeight: 3,
  generatedWeight: 0.25,
  projectCap: 150,
  epochs: 120,
  l2: 3e-4,
  priorStrength: 0.25,
  biasL2: 0.05,
  folds: 5,
  targetPrecision: { technical: 0.8, interpersonal: 0.9 },
  confidenceMap: true,
  classBalance: 0.5,
};

/** Used when the out-of-fold comments of a group are too few to choose from. */
const FALLBACK_THRESHOLD = { technical: 0.6, interpersonal: 0.7 } as const;
const MIN_SHOWN = 20;
/** Fewest out-of-fold comments behind one step of the confidence map. */
const MIN_BLOCK = 40;
/** A shown suggestion should at least be more likely right than wrong, whatever the folds say. */
const THRESHOLD_FLOOR = 0.5;

export function readSeeds(files = SEED_FILES): Seed[] {
  return files.flatMap((f) => readJsonl<Seed>(f));
}

/** Real comments the model may learn from: labelled, and not from a held-out project. */
export function realTraining(): RealComment[] {
  return readReal().filter((c) => !isRealEval(c) && c.category !== null);
}

// Deterministic, so the shipped model is reproducible.
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Wrappers people put around any kind of comment. Applied to every category
// alike, so they teach the model that these words carry no category.
const PREFIXES = ['I think ', 'Hmm, ', 'Small thing: ', 'Not sure, but ', 'FWIW ', 'One thing: ', 'Also, ', 'Quick note: ', 'Looking at this again, ', 'Minor: ', 'IMO ', 'Sorry if I missed it, but ', 'I think we might want to ', 'What do you think, ', 'nit: ', 'Question: '];
const SUFFIXES = [' Thanks!', ' What do you think?', ' 🙂', ' (non-blocking)', ' Happy to discuss.', ' Not a blocker.', ' wdyt?', ' Let me know.', ' Any thoughts?', ' Thoughts?'];
const LABELS = ['suggestion: ', 'issue: ', 'question: ', 'thought: ', 'note: ', '**suggestion**: ', 'issue (non-blocking): '];

/** Hand-written seeds plus variations of their wrapping, a shortened form and pairs. */
export function augment(seeds: readonly Seed[], seed = 7): Seed[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
  const out: Seed[] = [];
  const byCategory = new Map<string, Seed[]>();
  for (const s of seeds) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);
  for (const s of seeds) {
    out.push(s);
    out.push({ category: s.category, body: pick(PREFIXES) + lowerFirst(s.body) + (rnd() < 0.5 ? pick(SUFFIXES) : '') });
    out.push({ category: s.category, body: s.body.toLowerCase().replace(/[.!]+$/, '') });
    if (rnd() < 0.3) out.push({ category: s.category, body: pick(LABELS) + lowerFirst(s.body) });
    const same = byCategory.get(s.category)!;
    const other = pick(same);
    if (other !== s) out.push({ category: s.category, body: `${s.body} ${other.body}` });
  }
  return out;
}

const CLASSES = DEFAULT_CATEGORIES.map((c) => c.id);
const GROUPS = DEFAULT_CATEGORIES.map((c) => c.group);
const classOf = (id: string): number => {
  const i = CLASSES.indexOf(id);
  if (i < 0) throw new Error(`Unknown category in training data: ${id}`);
  return i;
};

/**
 * Weight of each real comment: realWeight, times generatedWeight for bot
 * templates, scaled down for projects whose comments would weigh more than
 * projectCap comments together (one big project must not set the style).
 */
export function realWeights(real: readonly RealComment[], opts: TrainOptions = OPTIONS): number[] {
  const raw = real.map((r) => (r.generated ? opts.generatedWeight : 1));
  const perProject = new Map<string, number>();
  real.forEach((r, i) => perProject.set(r.project, (perProject.get(r.project) ?? 0) + raw[i]!));
  const perClass = new Map<string, number>();
  real.forEach((r) => perClass.set(r.category ?? '', (perClass.get(r.category ?? '') ?? 0) + 1));
  const most = Math.max(...perClass.values());
  const balance = (r: RealComment) => (opts.classBalance > 0 ? (most / perClass.get(r.category ?? '')!) ** opts.classBalance : 1);
  return real.map((r, i) => opts.realWeight * raw[i]! * Math.min(1, opts.projectCap / perProject.get(r.project)!) * balance(r));
}

function examples(seeds: readonly Seed[], real: readonly RealComment[], opts: TrainOptions): TrainingExample[] {
  const weights = realWeights(real, opts);
  return [
    ...augment(seeds).map((s) => ({ x: vectorize(s.body), y: classOf(s.category), weight: 1 })),
    ...real.map((r, i) => ({ x: vectorize(r.body, r.path ? { path: r.path } : {}), y: classOf(r.category!), weight: weights[i]! })),
  ];
}

/** Intercepts moved part of the way from the training mix to the real mix. */
function priorShift(ex: readonly TrainingExample[], intercepts: Float64Array, strength: number): number[] {
  const share = CLASSES.map(() => 0);
  let total = 0;
  for (const e of ex) {
    share[e.y]! += e.weight;
    total += e.weight;
  }
  return CLASSES.map((c, i) => intercepts[i]! + strength * (Math.log(REAL_MIX[c]!) - Math.log(share[i]! / total)));
}

/** Weights and bias, uncalibrated (temperature 1, threshold unset). */
function fit(seeds: readonly Seed[], real: readonly RealComment[], opts: TrainOptions): LogisticModel {
  const ex = examples(seeds, real, opts);
  const { w, b } = trainLogistic(ex, CLASSES.length, { epochs: opts.epochs, l2: opts.l2 });
  const { scale, weights } = quantise(w);
  return {
    version: 2,
    hashBits: HASH_BITS,
    classes: CLASSES,
    groups: GROUPS,
    scale,
    weights,
    bias: priorShift(ex, b, opts.priorStrength).map((x) => Math.round(x * 1e4) / 1e4),
    temperature: 1,
    threshold: { ...FALLBACK_THRESHOLD },
    info: {},
  };
}

/** A real comment scored by a model that never saw its project. */
interface Scored {
  comment: RealComment;
  fold: number;
  /** raw + bias of the fold's model, before calibration. */
  logits: number[];
  y: number;
  /** Weight in calibration: generated rows none, big projects capped. */
  weight: number;
}

/** Projects to folds, largest first onto the lightest fold; deterministic. */
export function projectFolds(real: readonly RealComment[], folds: number): Map<string, number> {
  const count = new Map<string, number>();
  for (const r of real) count.set(r.project, (count.get(r.project) ?? 0) + 1);
  const load = Array.from({ length: folds }, () => 0);
  const out = new Map<string, number>();
  for (const [p, n] of [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const f = load.indexOf(Math.min(...load));
    out.set(p, f);
    load[f]! += n;
  }
  return out;
}

function logitsOf(model: LogisticModel, r: { body: string; path?: string }): number[] {
  const raw = rawLogits(model, vectorize(r.body, r.path ? { path: r.path } : {}));
  return model.bias.map((b, i) => raw[i]! + b);
}

/** Out-of-fold scores of every real training comment, plus the fold models. */
export function outOfFold(seeds: readonly Seed[], real: readonly RealComment[], opts: TrainOptions): { scored: Scored[]; models: LogisticModel[] } {
  const foldOf = projectFolds(real, opts.folds);
  const calibrationWeight = realWeights(real, { ...opts, generatedWeight: 0, realWeight: 1, classBalance: 0 });
  const scored: Scored[] = [];
  const models: LogisticModel[] = [];
  for (let f = 0; f < opts.folds; f++) {
    const model = fit(seeds, real.filter((r) => foldOf.get(r.project) !== f), opts);
    models.push(model);
    real.forEach((r, i) => {
      if (foldOf.get(r.project) === f) scored.push({ comment: r, fold: f, logits: logitsOf(model, r), y: classOf(r.category!), weight: calibrationWeight[i]! });
    });
  }
  return { scored, models };
}

export interface Calibration {
  temperature: number;
  /** Added to the bias before dividing by the temperature. */
  shift: number[];
}

/**
 * Temperature and a per-category bias correction that minimise the weighted
 * log loss of out-of-fold scores; the correction is pulled towards zero, so
 * categories the real comments rarely show keep their prior.
 */
export function fitCalibration(scored: readonly Scored[], opts: TrainOptions): Calibration {
  const k = CLASSES.length;
  const rows = scored.filter((s) => s.weight > 0);
  const total = rows.reduce((a, s) => a + s.weight, 0) || 1;
  let a = 1; // 1 / temperature
  const shift = new Array<number>(k).fill(0);
  const ma = [0, 0];
  const ms = shift.map(() => [0, 0]);
  const rate = 0.02;
  for (let step = 1; step <= 3000; step++) {
    let ga = 0;
    const gs = new Array<number>(k).fill(0);
    for (const s of rows) {
      const z = s.logits.map((l, i) => l + shift[i]!);
      const p = softmax(z.map((l) => a * l));
      const w = s.weight / total;
      let zbar = 0;
      for (let i = 0; i < k; i++) zbar += p[i]! * z[i]!;
      ga += w * (zbar - z[s.y]!);
      for (let i = 0; i < k; i++) gs[i]! += w * a * (p[i]! - (i === s.y ? 1 : 0));
    }
    for (let i = 0; i < k; i++) gs[i]! += opts.biasL2 * shift[i]!;
    const adam = (m: number[], g: number): number => {
      m[0] = 0.9 * m[0]! + 0.1 * g;
      m[1] = 0.999 * m[1]! + 0.001 * g * g;
      return (rate * (m[0] / (1 - 0.9 ** step))) / (Math.sqrt(m[1] / (1 - 0.999 ** step)) + 1e-8);
    };
    a = Math.max(0.05, a - adam(ma, ga));
    for (let i = 0; i < k; i++) shift[i]! -= adam(ms[i]!, gs[i]!);
  }
  return { temperature: Math.round((1 / a) * 1000) / 1000, shift: shift.map((x) => Math.round(x * 1e4) / 1e4) };
}

function calibrated(s: Scored, c: Calibration): number[] {
  return softmax(s.logits.map((l, i) => (l + c.shift[i]!) / c.temperature));
}

/**
 * Isotonic regression (pool adjacent violators) of "the best category is
 * right" on its calibrated probability, over the out-of-fold comments;
 * blocks smaller than MIN_BLOCK comments are pooled with a neighbour, so the
 * map is a few steps, not one per comment. Knots at block means, linear in
 * between; identity-like where there is no data.
 */
export function fitConfidenceMap(scored: readonly Scored[], c: Calibration): Array<[number, number]> {
  const pts = scored
    .filter((s) => s.weight > 0)
    .map((s) => {
      const p = calibrated(s, c);
      const top = p.indexOf(Math.max(...p));
      return { x: p[top]!, y: top === s.y ? 1 : 0, w: s.weight };
    })
    .sort((a, b) => a.x - b.x);
  type Block = { sx: number; sy: number; w: number; n: number };
  const blocks: Block[] = [];
  for (const p of pts) {
    blocks.push({ sx: p.x * p.w, sy: p.y * p.w, w: p.w, n: 1 });
    for (;;) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2];
      if (!a || (a.sy / a.w < b.sy / b.w && a.n >= MIN_BLOCK)) break;
      blocks.splice(-2, 2, { sx: a.sx + b.sx, sy: a.sy + b.sy, w: a.w + b.w, n: a.n + b.n });
    }
  }
  const last = blocks[blocks.length - 1];
  if (blocks.length > 1 && last && last.n < MIN_BLOCK) {
    const a = blocks[blocks.length - 2]!;
    blocks.splice(-2, 2, { sx: a.sx + last.sx, sy: a.sy + last.sy, w: a.w + last.w, n: a.n + last.n });
  }
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  return blocks.map((b) => [r(b.sx / b.w), r(b.sy / b.w)] as [number, number]);
}

/**
 * Per group, the lowest confidence from which the out-of-fold suggestions
 * reach the target precision (comments weighted as in calibration).
 */
export function chooseThresholds(scored: readonly Scored[], c: Calibration, map: Array<[number, number]> | undefined, opts: TrainOptions): Record<'technical' | 'interpersonal', number> {
  const out: Record<'technical' | 'interpersonal', number> = { ...FALLBACK_THRESHOLD };
  const rows = scored
    .filter((s) => s.weight > 0)
    .map((s) => {
      const p = calibrated(s, c);
      const top = p.indexOf(Math.max(...p));
      return { group: GROUPS[top]!, confidence: mapConfidence(map, p[top]!), right: top === s.y, weight: s.weight };
    });
  for (const group of ['technical', 'interpersonal'] as const) {
    const mine = rows.filter((r) => r.group === group);
    for (let t = THRESHOLD_FLOOR; t <= 0.95; t += 0.01) {
      const shown = mine.filter((r) => r.confidence >= t);
      if (shown.length < MIN_SHOWN) break;
      const w = shown.reduce((a, r) => a + r.weight, 0);
      if (shown.reduce((a, r) => a + (r.right ? r.weight : 0), 0) / w >= opts.targetPrecision[group]) {
        out[group] = Math.round(t * 100) / 100;
        break;
      }
    }
  }
  // Interpersonal suggestions never need less evidence than technical ones.
  out.interpersonal = Math.max(out.interpersonal, out.technical);
  return out;
}

function calibrate(model: LogisticModel, c: Calibration, map: Array<[number, number]> | undefined, threshold: Record<'technical' | 'interpersonal', number>): LogisticModel {
  return {
    ...model,
    bias: model.bias.map((b, i) => Math.round((b + c.shift[i]!) * 1e4) / 1e4),
    temperature: c.temperature,
    threshold,
    ...(map ? { confidenceMap: map } : {}),
  };
}

/** Fingerprint of everything the model is trained from (checked by a unit test). */
export function trainingFingerprint(seeds: readonly Seed[] = readSeeds(), real: readonly RealComment[] = realTraining()): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ seeds, real, REAL_MIX, OPTIONS, FALLBACK_THRESHOLD, MIN_SHOWN, THRESHOLD_FLOOR, MIN_BLOCK, HASH_BITS }));
  return h.digest('hex').slice(0, 16);
}

export interface CrossValidation {
  /** Real training comments scored out of fold (bot templates left out). */
  report: RealEvalReport;
  folds: string[][];
}

/**
 * Scores of the training projects, each fold by its own model with the
 * calibration and thresholds fitted on the other folds' out-of-fold scores
 * (those came from models that saw this fold: a small, stated leak).
 */
export function crossValidate(scored: readonly Scored[], models: readonly LogisticModel[], opts: TrainOptions): CrossValidation {
  const byBody = new Map<string, Classifier>();
  const folds: string[][] = [];
  for (let f = 0; f < models.length; f++) {
    const rest = scored.filter((s) => s.fold !== f);
    const c = fitCalibration(rest, opts);
    const map = opts.confidenceMap ? fitConfidenceMap(rest, c) : undefined;
    const classifier = createClassifier(calibrate(models[f]!, c, map, chooseThresholds(rest, c, map, opts)));
    const mine = scored.filter((s) => s.fold === f);
    for (const s of mine) byBody.set(s.comment.body, classifier);
    folds.push([...new Set(mine.map((s) => s.comment.project))]);
  }
  const pooled: Classifier = { classify: (body, context) => byBody.get(body)!.classify(body, context) };
  const items = scored.filter((s) => !s.comment.generated).map((s) => s.comment);
  return { report: evaluateReal(pooled, items), folds };
}

export function train(
  seeds: readonly Seed[] = readSeeds(),
  real: readonly RealComment[] = realTraining(),
  opts: TrainOptions = OPTIONS,
): { model: LogisticModel; cv: CrossValidation } {
  const { scored, models } = outOfFold(seeds, real, opts);
  const c = fitCalibration(scored, opts);
  const map = opts.confidenceMap ? fitConfidenceMap(scored, c) : undefined;
  const threshold = chooseThresholds(scored, c, map, opts);
  const cv = crossValidate(scored, models, opts);
  const model = calibrate(fit(seeds, real, opts), c, map, threshold);
  model.info = {
    seeds: seeds.length,
    realTrainingComments: real.length,
    cvFolds: opts.folds,
    cvMacroF1: Math.round(cv.report.macroF1 * 1000) / 1000,
    cvPrecisionTopHalf: Math.round(cv.report.precisionTopHalf * 1000) / 1000,
    cvEce: Math.round(cv.report.ece * 1000) / 1000,
    trainingData: trainingFingerprint(seeds, real),
    attribution: 'Trained in part on crc-py-dataset, MIT licence, (c) 2025 Büşra İçöz; see data/classifier/LICENSE-crc-py-dataset.txt',
  };
  return { model, cv };
}

function main(): void {
  const seeds = readSeeds();
  const real = realTraining();
  process.stderr.write(`seeds: ${seeds.length} (${augment(seeds).length} after variation), real training comments: ${real.length}\n`);
  const { model, cv } = train(seeds, real);
  const r = cv.report;
  process.stderr.write(
    `temperature ${model.temperature}, thresholds ${JSON.stringify(model.threshold)}\n` +
      `cross-validated by project (${cv.folds.length} folds, n ${r.n}): group accuracy ${r.groupAccuracy.toFixed(3)}  accuracy ${r.accuracy.toFixed(3)}  macro-F1 ${r.macroF1.toFixed(3)}  ` +
      `precision of most confident half ${r.precisionTopHalf.toFixed(3)}  coverage ${r.coverage.toFixed(3)}  precision shown ${r.precisionShown.toFixed(3)}  ECE ${r.ece.toFixed(3)}\n`,
  );
  if (process.argv.includes('--cv')) {
    for (const [c, s] of Object.entries(r.perCategory)) process.stderr.write(`  ${c.padEnd(14)} P ${s.precision.toFixed(2)}  R ${s.recall.toFixed(2)}  F1 ${s.f1.toFixed(2)}  n ${s.support}\n`);
    cv.folds.forEach((f, i) => process.stderr.write(`  fold ${i}: ${f.join(', ')}\n`));
  }
  if (process.argv.includes('--check')) return;
  const json = JSON.stringify(model);
  const source =
    '// Generated by scripts/train-classifier.ts from data/classifier/. Do not edit.\n' +
    "import type { LogisticModel } from './logistic';\n\n" +
    `export const BASE_MODEL: LogisticModel = JSON.parse(${JSON.stringify(json)});\n`;
  writeFileSync(OUT, source);
  process.stderr.write(`wrote ${OUT}: ${(source.length / 1024).toFixed(0)} KiB\n`);
}

if (process.argv[1] && /train-classifier\.ts$/.test(process.argv[1])) main();
