// What a sync does to an item already in the journal: GitHub's fields are
// replaced by the fresh copy, while what only lives here is kept (manual tags,
// "learned", rejected suggestions, and fields this version does not know).
import type { Feedback, Tag } from '../core/model';

export type MergeFeedback = (existing: Feedback | undefined, incoming: Feedback) => Feedback;

export const mergeSynced: MergeFeedback = (existing, incoming) => {
  if (!existing) return incoming;
  const merged: Feedback = { ...existing, ...incoming };
  if (existing.learnedAt && !incoming.learnedAt) merged.learnedAt = existing.learnedAt;
  const rejected = [...new Set([...(existing.rejectedSuggestions ?? []), ...(incoming.rejectedSuggestions ?? [])])];
  if (rejected.length > 0) merged.rejectedSuggestions = rejected;
  const tags: Tag[] = (existing.tags ?? []).filter((t) => t.source === 'manual');
  for (const t of incoming.tags ?? []) {
    const same = tags.some((k) => k.category === t.category && (k.source === t.source || t.source === 'suggested'));
    if (same || (t.source === 'suggested' && rejected.includes(t.category))) continue;
    tags.push(t);
  }
  merged.tags = tags;
  return merged;
};

/** Plain replacement, for callers that merged already. */
