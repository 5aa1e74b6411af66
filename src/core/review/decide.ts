// One review decision on one item: accept the suggestion, or pick another
// category. Pure: returns the changed item and the correction that teaches
// the classifier, exactly as the single-item commands do, plus what is needed
// to put the item back (undo).
import * as l10n from '@vscode/l10n';
import type { Correction } from '../classifier';
import { effectiveTags, suggestedTag, type Feedback, type Tag } from '../model';
import { acceptSuggestion, applyManualTags, rejectSuggestion } from '../tagging';

export type ReviewAction = { kind: 'accept' } | { kind: 'pick'; category: string };

/** The tag state of an item before a decision, enough to restore it. */
export interface TagState {
  id: string;
  tags: Tag[];
  rejectedSuggestions?: string[];
}

export interface Decided {
  item: Feedback;
  correction: Correction;
}

export class ReviewDecisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewDecisionError';
  }
}

export function tagState(f: Feedback): TagState {
  return { id: f.id, tags: f.tags.map((t) => ({ ...t })), ...(f.rejectedSuggestions ? { rejectedSuggestions: [...f.rejectedSuggestions] } : {}) };
}

/** Writes a saved tag state back into `f` (in place: the store hands out the stored object). */
export function restoreTagState(f: Feedback, s: TagState): void {
  f.tags = s.tags.map((t) => ({ ...t }));
  if (s.rejectedSuggestions) f.rejectedSuggestions = [...s.rejectedSuggestions];
  else delete f.rejectedSuggestions;
}

/**
 * Applies a decision. Accepting needs a suggestion; picking the suggested
 * category is an accept; picking another rejects the suggestion (remembered,
 * so it is never suggested again for this item) and tags the pick. A pick on
 * an item without a suggestion is still a labelled example for the classifier.
 */
export function decide(f: Feedback, action: ReviewAction, by: string, at: string): Decided {
  const s = suggestedTag(f);
  if (action.kind === 'accept' || action.category === s?.category) {
    if (!s) throw new ReviewDecisionError(l10n.t('This comment has no suggestion to accept: pick a category.'));
    return { item: acceptSuggestion(f, by, at), correction: { body: f.body, category: s.category, at } };
  }
  const category = action.category;
  if (s) return { item: rejectSuggestion(f, by, at, category), correction: { body: f.body, category, rejected: s.category, at } };
  const manual = effectiveTags(f).filter((t) => t.source === 'manual').map((t) => t.category);
  return { item: applyManualTags(f, [...manual, category], by, at), correction: { body: f.body, category, at } };
}

/** Replaces the item's fields with `next`'s (in place), dropping fields `next` no longer has. */
export function assignItem(target: Feedback, next: Feedback): void {
  for (const key of Object.keys(target) as (keyof Feedback)[]) if (!(key in next)) delete target[key];
  Object.assign(target, next);
}
