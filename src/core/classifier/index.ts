// The local classifier: evidence in order of strength. A published marker or
// a Conventional Comments label with a category decides; otherwise a
// calibrated logistic model (shipped in the package) ranks the categories,
// adjusted by the user's corrections. Below a calibrated confidence the
// classifier abstains: the best guess is still reported, with suggest=false.
import { conventionalTags, parseConventional } from '../conventional';
import { readMarkers } from '../markers';
import type { CategoryGroup } from '../model';
import { features, normalise } from './features';
import { mapConfidence, rawLogits, softmax, weightsOf, type LogisticModel } from './logistic';
import { CorrectionMemory } from './memory';
import { BASE_MODEL } from './model.generated';
import { isBareQuestion, vectorize, type ClassifyContext, type SparseVector } from './vectorize';

export type { LogisticModel } from './logistic';
export type { ClassifyContext } from './vectorize';

export interface Correction {
  body: string;
  /** The category the person chose. */
  category: string;
  /** The suggestion they turned down, if any. */
  rejected?: string;
  at: string;
}

export interface Alternative {
  category: string;
  confidence: number;
  /** Whether this category would be shown at this confidence. */
  suggest?: boolean;
}

export interface Classification {
  /** Best guess, always present (the CLI prints it). */
  category: string;
  group: CategoryGroup;
  /** 0..1, calibrated: about this share of such answers is right. */
  confidence: number;
  /** True when the product shows the suggestion; false means "not sure". */
  suggest: boolean;
  /** Next best categories, best first (at most 3). */
  alternatives: Alternative[];
}

export interface Classifier {
  classify(body: string, context?: ClassifyContext): Classification;
}

export interface ClassifierOptions {
  /** Group of categories the model does not know (custom ones from settings). */
  groupOf?: (category: string) => CategoryGroup | undefined;
  /** Let corrections adjust the model's weights (default true). */
  modelUpdate?: boolean;
  /** Let corrections act through the nearest-neighbour memory (default true). */
  memory?: boolean;
}

/** Logit step per correction on the corrected comment's own features. */
const CORRECTION_STEP = 8;
/** Logit added per unit of similarity to a corrected comment. */
const MEMORY_WEIGHT = 6;
/** From this similarity on, a comment counts as a near duplicate of a corrected one. */
export const NEAR_DUPLICATE = 0.8;
const MARKER_CONFIDENCE = 0.99;
const LABEL_CONFIDENCE = 0.95;
const CATEGORY_ID = /^[a-z][a-z0-9-]{0,39}$/;
const HAS_CONTENT = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

export function createClassifier(model: LogisticModel = BASE_MODEL, corrections: readonly Correction[] = [], options: ClassifierOptions = {}): Classifier {
  weightsOf(model);
  const classes = [...model.classes];
  const index = new Map(classes.map((c, i) => [c, i]));
  const classIndex = (category: string): number => {
    let i = index.get(category);
    if (i === undefined) {
      i = classes.push(category) - 1;
      index.set(category, i);
    }
    return i;
  };
  // Sparse weight changes from corrections: bucket -> class -> delta.
  const delta = new Map<number, Map<number, number>>();
  const memory = new CorrectionMemory();
  for (const c of corrections) {
    if (!c || typeof c.body !== 'string' || typeof c.category !== 'string' || !CATEGORY_ID.test(c.category)) continue;
    const rejected = typeof c.rejected === 'string' && CATEGORY_ID.test(c.rejected) && c.rejected !== c.category ? c.rejected : undefined;
    const target = classIndex(c.category);
    const against = rejected ? classIndex(rejected) : undefined;
    if (options.modelUpdate !== false) {
      const x = cachedVector(c.body);
      for (let i = 0; i < x.index.length; i++) {
        let row = delta.get(x.index[i]!);
        if (!row) delta.set(x.index[i]!, (row = new Map()));
        row.set(target, (row.get(target) ?? 0) + CORRECTION_STEP * x.value[i]!);
        if (against !== undefined) row.set(against, (row.get(against) ?? 0) - CORRECTION_STEP * x.value[i]!);
      }
    }
    if (options.memory !== false) {
      const feats = cachedFeatures(c.body);
      if (feats.length > 0) memory.add({ features: new Set(feats), category: c.category, ...(rejected ? { rejected } : {}) });
    }
  }
  const baseGroup = (category: string): CategoryGroup | undefined => {
    const i = model.classes.indexOf(category);
    return i >= 0 ? model.groups[i] : undefined;
  };
  const minBias = Math.min(...model.bias);

  const groupOf = (category: string, probs: readonly number[]): CategoryGroup => {
    const known = options.groupOf?.(category) ?? baseGroup(category);
    if (known) return known;
    // Unknown custom category: the group the model leans to for this text.
    let technical = 0;
    let interpersonal = 0;
    probs.forEach((p, i) => {
      const g = baseGroup(classes[i]!);
      if (g === 'technical') technical += p;
      else if (g === 'interpersonal') interpersonal += p;
    });
    return interpersonal > technical ? 'interpersonal' : 'technical';
  };

  const rank = (text: string, context: ClassifyContext): { probs: number[]; vetoed: Set<string> } => {
    const x = vectorize(text, context);
    const raw = rawLogits(model, x);
    const logits = classes.map((_, i) => (i < raw.length ? (raw[i]! + model.bias[i]!) / model.temperature : minBias / model.temperature));
    for (let i = 0; i < x.index.length; i++) {
      const row = delta.get(x.index[i]!);
      if (row) for (const [c, d] of row) logits[c]! += (d * x.value[i]!) / model.temperature;
    }
    const vetoed = new Set<string>();
    if (memory.size > 0) {
      const { evidence, nearRejected } = memory.lookup(cachedFeatures(text), NEAR_DUPLICATE);
      for (const [category, ev] of evidence) logits[classIndex(category)]! += MEMORY_WEIGHT * ev;
      nearRejected.forEach((c) => vetoed.add(c));
      while (logits.length < classes.length) logits.push(minBias / model.temperature);
    }
    // A rejected suggestion is not offered again for near duplicates.
    vetoed.forEach((c) => {
      const i = index.get(c);
      if (i !== undefined) logits[i] = -Infinity;
    });
    return { probs: softmax(logits), vetoed };
  };

  const shown = (group: CategoryGroup, confidence: number): boolean => confidence >= (model.threshold[group] ?? model.threshold.technical);

  const classify = (body: string, context: ClassifyContext): Classification => {
    const text = typeof body === 'string' ? body : '';
    const { probs } = rank(text, context);
    const order = probs.map((p, i) => [classes[i]!, p] as const).sort((a, b) => b[1] - a[1]);
    const marker = readMarkers(text)[0];
    const decided = marker?.category ?? labelCategory(text);
    if (decided) {
      const confidence = marker ? MARKER_CONFIDENCE : LABEL_CONFIDENCE;
      const rest = order.filter(([c]) => c !== decided);
      const restSum = rest.reduce((a, [, p]) => a + p, 0) || 1;
      return {
        category: decided,
        // A marker names its group, even for a teammate's custom category.
        group: marker?.group ?? groupOf(decided, probs),
        confidence,
        suggest: true,
        alternatives: rest.slice(0, 3).map(([category, p]) => ({ category, confidence: round(((1 - confidence) * p) / restSum), suggest: false })),
      };
    }
    const [top, ...rest] = order;
    const group = groupOf(top![0], probs);
    // No words, emoji or code at all: nothing to go on.
    const stated = (p: number) => round(mapConfidence(model.confidenceMap, p));
    const confidence = HAS_CONTENT.test(normalise(text)) ? stated(top![1]) : 0;
    // A bare question is a question, not a category: the best guess stays, unshown.
    const question = isBareQuestion(text);
    return {
      category: top![0],
      group,
      confidence,
      suggest: text.trim() !== '' && !question && shown(group, confidence),
      alternatives: rest.slice(0, 3).map(([category, p]) => ({ category, confidence: stated(p), suggest: !question && shown(groupOf(category, probs), stated(p)) })),
    };
  };

  return {
    classify(body: string, context: ClassifyContext = {}): Classification {
      try {
        return classify(body, context ?? {});
      } catch {
        // Suggestions are a convenience; a bug here must never break a sync.
        return { category: classes[0] ?? 'correctness', group: 'technical', confidence: 0, suggest: false, alternatives: [] };
      }
    },
  };
}

// The extension rebuilds the classifier after each correction; remembering
// the features of bodies already seen keeps that cheap. Bounded.
const featureCache = new Map<string, string[]>();
const vectorCache = new Map<string, SparseVector>();

function cachedFeatures(body: string): string[] {
  let f = featureCache.get(body);
  if (!f) {
    if (featureCache.size >= 10_000) featureCache.clear();
    featureCache.set(body, (f = features(body)));
  }
  return f;
}

function cachedVector(body: string): SparseVector {
  let v = vectorCache.get(body);
  if (!v) {
    if (vectorCache.size >= 10_000) vectorCache.clear();
    vectorCache.set(body, (v = vectorize(body)));
  }
  return v;
}

function labelCategory(body: string): string | undefined {
  const label = parseConventional(body);
  return label ? conventionalTags(label)[0] : undefined;
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
