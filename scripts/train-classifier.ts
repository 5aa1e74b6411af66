// Trains the shipped classifier and writes src/core/classifier/model.generated.ts.
// Inputs: data/classifier/train.jsonl and train-extra.jsonl (hand-written
// seeds) and the real comments in data/classifier/real/ of the projects that
// are not held out for evaluation. Never reads the evaluation sets.
//   node --import tsx scripts/train-classifier.ts [--check]
// --check only reports the held-out scores.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CATEGORIES } from '../src/core/taxonomy';
import { quantise, softmax, trainLogistic, type LogisticModel, type TrainingExample } from '../src/core/classifier/logistic';
import { HASH_BITS, vectorize } from '../src/core/classifier/vectorize';
import { DATA_DIR, isRealEval, readJsonl, readReal, type RealComment, type Seed } from './classifier-data';

const ROOT = resolve(__dirname, '..');
const SEED_FILES = [join(DATA_DIR, 'train.jsonl'), join(DATA_DIR, 'train-extra.jsonl')];
const OUT = join(ROOT, 'src', 'core', 'classifier', 'model.generated.ts');

/**
 * The mix of categories in real review comments (rough shares from public
 * studies of code review feedback: most comments are about the code, a few
 * percent praise, interpersonal remarks rare). Training data is balanced, so
 * the model's scores are moved to this mix afterwards.
 */
export const REAL_MIX: Record<string, number> = {
  correctness: 0.26, design: 0.18, readability: 0.2, documentation: 0.11, testing: 0.07, performance: 0.04, security: 0.02, tooling: 0.05,
  praise: 0.035, communication: 0.012, collaboration: 0.008, ownership: 0.005, mentoring: 0.005, tone: 0.005,
};
/** How far scores move to the real mix (1 = all the way). Half-way keeps rare technical categories (security) reachable. */
const PRIOR_STRENGTH = 0.25;
/** Calibrated confidence needed to show a suggestion; interpersonal needs clear evidence. */
export const THRESHOLD = { technical: 0.6, interpersonal: 0.7 } as const;
/** A real comment counts like this many seed variants. */
const REAL_WEIGHT = 3;
const EPOCHS = 120;
const L2 = 3e-4;

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
const classOf = (id: string): number => {
  const i = CLASSES.indexOf(id);
  if (i < 0) throw new Error(`Unknown category in training data: ${id}`);
  return i;
};

function examples(seeds: readonly Seed[], real: readonly RealComment[]): TrainingExample[] {
  return [
    ...augment(seeds).map((s) => ({ x: vectorize(s.body), y: classOf(s.category), weight: 1 })),
    ...real.map((r) => ({ x: vectorize(r.body, r.path ? { path: r.path } : {}), y: classOf(r.category!), weight: REAL_WEIGHT })),
  ];
}

/** Bias that moves balanced-training scores to the real mix. */
function priorShift(ex: readonly TrainingExample[], intercepts: Float64Array): number[] {
  const share = CLASSES.map(() => 0);
  let total = 0;
  for (const e of ex) {
    share[e.y]! += e.weight;
    total += e.weight;
  }
  return CLASSES.map((c, i) => intercepts[i]! + PRIOR_STRENGTH * (Math.log(REAL_MIX[c]!) - Math.log(share[i]! / total)));
}

function fit(seeds: readonly Seed[], real: readonly RealComment[]) {
  const ex = examples(seeds, real);
  const { w, b } = trainLogistic(ex, CLASSES.length, { epochs: EPOCHS, l2: L2 });
  return { w, bias: priorShift(ex, b) };
}

function logitsOf(w: Float32Array, bias: readonly number[], body: string, path?: string): number[] {
  const x = vectorize(body, path ? { path } : {});
  const k = CLASSES.length;
  const out = [...bias];
  for (let i = 0; i < x.index.length; i++) for (let c = 0; c < k; c++) out[c]! += w[x.index[i]! * k + c]! * x.value[i]!;
  return out;
}

/**
 * Temperature from held-out comments in the style of real reviews: the real
 * training comments and the seeds of train-extra.jsonl are split into folds;
 * each fold is scored by a model trained without it (and without its
 * variations); the temperature that minimises their log loss is kept.
 */
function fitTemperature(seeds: readonly Seed[], real: readonly RealComment[], folds = 4): { temperature: number; heldOutAccuracy: number } {
  const calibration = new Set(readJsonl<Seed>(SEED_FILES[1]!).map((s) => s.body));
  // Real comments count more: they are what the model meets in use.
  const held: Array<{ body: string; category: string; path?: string; weight: number }> = [
    ...real.map((r) => ({ body: r.body, category: r.category!, ...(r.path ? { path: r.path } : {}), weight: REAL_WEIGHT })),
    ...seeds.filter((s) => calibration.has(s.body)).map((s) => ({ ...s, weight: 1 })),
  ];
  const scored: Array<{ logits: number[]; y: number; weight: number }> = [];
  for (let f = 0; f < folds; f++) {
    const test = held.filter((_, i) => i % folds === f);
    const out = new Set(test.map((t) => t.body));
    const { w, bias } = fit(
      seeds.filter((s) => !out.has(s.body)),
      real.filter((r) => !out.has(r.body)),
    );
    for (const t of test) scored.push({ logits: logitsOf(w, bias, t.body, t.path), y: classOf(t.category), weight: t.weight });
  }
  let best = { temperature: 1, loss: Infinity };
  for (let t = 0.3; t <= 4; t += 0.02) {
    const loss = scored.reduce((a, s) => a - s.weight * Math.log(Math.max(1e-9, softmax(s.logits.map((l) => l / t))[s.y]!)), 0);
    if (loss < best.loss) best = { temperature: Math.round(t * 100) / 100, loss };
  }
  const right = scored.filter((s) => s.logits.indexOf(Math.max(...s.logits)) === s.y).length;
  return { temperature: best.temperature, heldOutAccuracy: right / Math.max(1, scored.length) };
}

/** Fingerprint of everything the model is trained from (checked by a unit test). */
export function trainingFingerprint(seeds: readonly Seed[] = readSeeds(), real: readonly RealComment[] = realTraining()): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ seeds, real, REAL_MIX, PRIOR_STRENGTH, THRESHOLD, REAL_WEIGHT, EPOCHS, L2, HASH_BITS }));
  return h.digest('hex').slice(0, 16);
}

export function train(seeds: readonly Seed[] = readSeeds(), real: readonly RealComment[] = realTraining()): LogisticModel {
  const { temperature, heldOutAccuracy } = fitTemperature(seeds, real);
  const { w, bias } = fit(seeds, real);
  const { scale, weights } = quantise(w);
  return {
    version: 2,
    hashBits: HASH_BITS,
    classes: CLASSES,
    groups: DEFAULT_CATEGORIES.map((c) => c.group),
    scale,
    weights,
    bias: bias.map((b) => Math.round(b * 1e4) / 1e4),
    temperature,
    threshold: { ...THRESHOLD },
    info: {
      seeds: seeds.length,
      realTrainingComments: real.length,
      heldOutAccuracy: Math.round(heldOutAccuracy * 1000) / 1000,
      trainingData: trainingFingerprint(seeds, real),
    },
  };
}

function main(): void {
  const seeds = readSeeds();
  const real = realTraining();
  process.stderr.write(`seeds: ${seeds.length} (${augment(seeds).length} after variation), real training comments: ${real.length}\n`);
  const model = train(seeds, real);
  process.stderr.write(`temperature ${model.temperature}, held-out real accuracy ${model.info.heldOutAccuracy}\n`);
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
