// Pure tag changes on a Feedback item, shared by the extension's commands, the
// journal panel and sync. Each returns a new item and never mutates its input.
// Trust order: manual > marker > conventional-comment > suggested. A suggestion
// is only shown while nothing more trusted tags the item.
import type { Classifier, Correction } from './classifier';
import { conventionalTags, parseConventional } from './conventional';
import { readMarkers } from './markers';
import type { Feedback, Tag, TagSource } from './model';

/** Who automatic suggestions are attributed to. */
export const SUGGESTION_AUTHOR = 'review-mentor';
/** Below this a suggestion is a guess among 14 and not worth showing. */
export const MIN_SUGGESTION_CONFIDENCE = 0.2;

const TRUST: Record<TagSource, number> = { manual: 0, marker: 1, 'conventional-comment': 2, suggested: 3 };

/** Tags sorted most trusted first (stable within a source). */
export function byTrust(tags: readonly Tag[]): Tag[] {
  return [...tags].sort((a, b) => TRUST[a.source] - TRUST[b.source]);
}

/**
 * Sets the person's own tags to exactly `categories`. Manual tags that stay
 * keep their original time and published flag. Any suggestion goes: a match
 * was accepted, a mismatch was overruled and is remembered as rejected.
 */
export function applyManualTags(f: Feedback, categories: readonly string[], by: string, at: string): Feedback {
  const wanted = [...new Set(categories.filter((c) => typeof c === 'string' && c !== ''))];
  const oldManual = f.tags.filter((t) => t.source === 'manual');
  const manual = wanted.map((category) => oldManual.find((t) => t.category === category) ?? { category, source: 'manual' as const, at, by });
  const suggestion = f.tags.find((t) => t.source === 'suggested');
  let rejected = f.rejectedSuggestions;
  let tags = f.tags.filter((t) => t.source !== 'manual');
  if (suggestion && manual.length > 0) {
    tags = tags.filter((t) => t.source !== 'suggested');
    if (!wanted.includes(suggestion.category)) rejected = addUnique(rejected, suggestion.category);
  }
  return withTags(f, [...manual, ...tags], rejected);
}

/**
 * Removes every tag of `category`. Removing an automatic tag (label, marker,
 * suggestion) is remembered so the next sync does not put it back.
 */
export function removeTag(f: Feedback, category: string): Feedback {
  const removed = f.tags.filter((t) => t.category === category);
  if (removed.length === 0) return f;
  const automatic = removed.some((t) => t.source !== 'manual');
  return withTags(
    f,
    f.tags.filter((t) => t.category !== category),
    automatic ? addUnique(f.rejectedSuggestions, category) : f.rejectedSuggestions,
  );
}

/** The suggestion becomes a manual tag by `by`. No suggestion: unchanged. */
export function acceptSuggestion(f: Feedback, by: string, at: string): Feedback {
  const s = f.tags.find((t) => t.source === 'suggested');
  if (!s) return f;
  const manual = f.tags.filter((t) => t.source === 'manual').map((t) => t.category);
  return applyManualTags(f, [...manual, s.category], by, at);
}

/**
 * Drops the suggestion and remembers it was wrong for this item. With
 * `correctCategory`, that category is added as a manual tag.
 */
export function rejectSuggestion(f: Feedback, by: string, at: string, correctCategory?: string): Feedback {
  const s = f.tags.find((t) => t.source === 'suggested');
  const rejected = s ? addUnique(f.rejectedSuggestions, s.category) : f.rejectedSuggestions;
  let next = withTags(f, f.tags.filter((t) => t.source !== 'suggested'), rejected);
  if (correctCategory && correctCategory !== s?.category) {
    const manual = next.tags.filter((t) => t.source === 'manual').map((t) => t.category);
    next = applyManualTags(next, [...manual, correctCategory], by, at);
  }
  return next;
}

/**
 * Re-derives the automatic tags from the current body (it may have been
 * edited): conventional-comment tags from the label, marker tags from
 * published markers (attributed to the comment's author), and a suggestion
 * only when nothing more trusted tags the item. Rejected categories are never
 * suggested or re-added. Idempotent: unchanged tags keep their time.
 */
export function automaticTags(f: Feedback, classifier: Classifier, at: string): Feedback {
  const rejected = new Set(f.rejectedSuggestions ?? []);
  const keep = (source: TagSource, category: string, by: string): Tag =>
    f.tags.find((t) => t.source === source && t.category === category) ?? { category, source, at, by };

  const label = parseConventional(f.body);
  const conventional = label ? conventionalTags(label).filter((c) => !rejected.has(c)) : [];
  const markers = readMarkers(f.body)
    .map((m) => m.category)
    .filter((c) => !rejected.has(c));
  const manual = f.tags.filter((t) => t.source === 'manual');
  // One tag per category: the most trusted source wins.
  const tags: Tag[] = [...manual];
  const add = (source: TagSource, category: string) => {
    if (!tags.some((t) => t.category === category)) tags.push(keep(source, category, f.reviewer));
  };
  markers.forEach((c) => add('marker', c));
  conventional.forEach((c) => add('conventional-comment', c));

  if (tags.length === 0) {
    const suggestion = suggest(f, classifier, rejected);
    if (suggestion) {
      const old = f.tags.find((t) => t.source === 'suggested' && t.category === suggestion.category);
      tags.push(old ? { ...old, confidence: suggestion.confidence } : { category: suggestion.category, source: 'suggested', confidence: suggestion.confidence, at, by: SUGGESTION_AUTHOR });
    }
  }

  const next: Feedback = { ...f, tags };
  if (label) next.conventional = { label: label.label, decorations: label.decorations, ...(label.blocking !== undefined ? { blocking: label.blocking } : {}) };
  else delete next.conventional;
  return next;
}

/**
 * The best category not rejected before, only if the classifier would show
 * it (it abstains when not sure). Context the journal holds (file path, diff
 * hunk) goes to the classifier too.
 */
function suggest(f: Feedback, classifier: Classifier, rejected: ReadonlySet<string>): { category: string; confidence: number } | undefined {
  const result = classifier.classify(f.body, { ...(f.path ? { path: f.path } : {}), ...(f.diffHunk ? { diffHunk: f.diffHunk } : {}) });
  const options = [{ category: result.category, confidence: result.confidence, suggest: result.suggest }, ...result.alternatives];
  const best = options.find((o) => !rejected.has(o.category));
  if (!best) return undefined;
  // Alternatives from classifiers that do not say: the old confidence floor.
  const shown = best.suggest ?? best.confidence >= MIN_SUGGESTION_CONFIDENCE;
  return shown ? { category: best.category, confidence: best.confidence } : undefined;
}

function withTags(f: Feedback, tags: Tag[], rejected: string[] | undefined): Feedback {
  const next: Feedback = { ...f, tags: byTrust(tags) };
  if (rejected && rejected.length > 0) next.rejectedSuggestions = rejected;
  else delete next.rejectedSuggestions;
  return next;
}

function addUnique(list: readonly string[] | undefined, value: string): string[] {
  return list?.includes(value) ? [...list] : [...(list ?? []), value];
}

/**
 * What the classifier learns from a person tagging items by hand: the chosen
 * category where it differs from the suggestion (the suggestion rejected), or
 * the suggestion confirmed where it was chosen. Every manual tag path (the
 * Tag command, the journal panel) records these.
 */
export function correctionsForManualTags(items: readonly Feedback[], categories: readonly string[], at: string): Correction[] {
  if (categories.length === 0) return [];
  return items.flatMap((f) => {
    const s = f.tags.find((t) => t.source === 'suggested');
    if (!s || categories.includes(s.category)) return s ? [{ body: f.body, category: s.category, at }] : [];
    return [{ body: f.body, category: categories[0]!, rejected: s.category, at }];
  });
}
