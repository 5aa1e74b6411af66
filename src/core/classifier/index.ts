// The local classifier: evidence in order of strength. A published marker or
// a Conventional Comments label with a category decides; otherwise a naive
// Bayes model (shipped in the package, keyword families as features) ranks
// the categories, nudged by the user's own corrections.
import { conventionalTags, parseConventional } from '../conventional';
import { readMarkers } from '../markers';
import type { CategoryGroup } from '../model';
import { features } from './features';
import { CorrectionMemory } from './memory';
import { NaiveBayesScorer, type NaiveBayesModel } from './naiveBayes';
import { BASE_MODEL } from './model.generated';

export type { NaiveBayesModel } from './naiveBayes';

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
}

export interface Classification {
  category: string;
  group: CategoryGroup;
  /** 0..1 */
  confidence: number;
  /** Next best categories, best first (at most 3). */
  alternatives: Alternative[];
}

export interface Classifier {
  classify(body: string): Classification;
}

export interface ClassifierOptions {
  /** Group of categories the model does not know (custom ones from settings). */
  groupOf?: (category: string) => CategoryGroup | undefined;
}

/** One correction counts like this many training comments. */
const CORRECTION_WEIGHT = 3;
/** Logit added per unit of similarity to a corrected comment. */
const MEMORY_WEIGHT = 8;
const MARKER_CONFIDENCE = 0.99;
const LABEL_CONFIDENCE = 0.95;
const CATEGORY_ID = /^[a-z][a-z0-9-]{0,39}$/;

export function createClassifier(model: NaiveBayesModel = BASE_MODEL, corrections: readonly Correction[] = [], options: ClassifierOptions = {}): Classifier {
  const scorer = new NaiveBayesScorer(model);
  const memory = new CorrectionMemory();
  for (const c of corrections) {
    if (!c || typeof c.body !== 'string' || typeof c.category !== 'string' || !CATEGORY_ID.test(c.category)) continue;
    const feats = cachedFeatures(c.body);
    if (feats.length === 0) continue;
    scorer.add(feats, c.category, CORRECTION_WEIGHT);
    const rejected = typeof c.rejected === 'string' && CATEGORY_ID.test(c.rejected) ? c.rejected : undefined;
    if (rejected) scorer.classIndex(rejected);
    memory.add({ features: new Set(feats), category: c.category, ...(rejected ? { rejected } : {}) });
  }

  const groupOf = (category: string, probs: Map<string, number>): CategoryGroup => {
    const known = options.groupOf?.(category) ?? scorer.groupOf(category);
    if (known) return known;
    // Unknown custom category: the group the model leans to for this text.
    let technical = 0;
    let interpersonal = 0;
    for (const [c, p] of probs) {
      const g = scorer.groupOf(c);
      if (g === 'technical') technical += p;
      else if (g === 'interpersonal') interpersonal += p;
    }
    return interpersonal > technical ? 'interpersonal' : 'technical';
  };

  const rank = (body: string): Map<string, number> => {
    const feats = features(body);
    const { scores, known } = scorer.logScores(feats);
    // Naive Bayes is overconfident as evidence piles up; flatten by the
    // number of features that counted so confidences stay usable.
    const temperature = 1 / Math.sqrt(Math.max(1, known));
    const logits = Array.from(scores, (s) => s * temperature);
    for (const [category, ev] of memory.evidence(feats)) logits[scorer.classIndex(category)]! += MEMORY_WEIGHT * ev;
    while (logits.length < scorer.classes.length) logits.push(0);
    const max = Math.max(...logits);
    const exp = logits.map((l) => Math.exp(l - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    const probs = new Map<string, number>();
    scorer.classes.forEach((c, i) => probs.set(c, exp[i]! / sum));
    return new Map([...probs].sort((a, b) => b[1] - a[1]));
  };

  const classify = (body: string): Classification => {
    const text = typeof body === 'string' ? body : '';
    const probs = rank(text);
    const ranked = [...probs];
    const marker = readMarkers(text)[0];
    const decided = marker?.category ?? labelCategory(text);
    if (decided) {
      const confidence = marker ? MARKER_CONFIDENCE : LABEL_CONFIDENCE;
      const rest = ranked.filter(([c]) => c !== decided);
      const restSum = rest.reduce((a, [, p]) => a + p, 0) || 1;
      return {
        category: decided,
        // A marker names its group, even for a teammate's custom category.
        group: marker?.group ?? groupOf(decided, probs),
        confidence,
        alternatives: rest.slice(0, 3).map(([category, p]) => ({ category, confidence: round(((1 - confidence) * p) / restSum) })),
      };
    }
    const [top, ...rest] = ranked;
    return {
      category: top![0],
      group: groupOf(top![0], probs),
      confidence: round(top![1]),
      alternatives: rest.slice(0, 3).map(([category, p]) => ({ category, confidence: round(p) })),
    };
  };

  return {
    classify(body: string): Classification {
      try {
        return classify(body);
      } catch {
        // Suggestions are a convenience; a bug here must never break a sync.
        return { category: scorer.classes[0] ?? 'correctness', group: 'technical', confidence: 0, alternatives: [] };
      }
    },
  };
}

// The extension rebuilds the classifier after each correction; remembering
// the features of bodies already seen keeps that cheap. Bounded.
const featureCache = new Map<string, string[]>();

function cachedFeatures(body: string): string[] {
  let f = featureCache.get(body);
  if (!f) {
    if (featureCache.size >= 10_000) featureCache.clear();
    featureCache.set(body, (f = features(body)));
  }
  return f;
}

function labelCategory(body: string): string | undefined {
  const label = parseConventional(body);
  return label ? conventionalTags(label)[0] : undefined;
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
