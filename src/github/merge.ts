// How a fresh copy from GitHub meets the stored item. GitHub owns its fields
// (body, resolution, lines...); the journal owns what people did here (manual
// and suggested tags, rejected suggestions, "learned"). Marker and
// conventional-comment tags are re-read from the body by the caller's
// transform, so the fresh copy's versions replace the stored ones.
import type { Feedback, Tag } from '../core/model';
import { GITHUB_FIELDS } from './mapping';

export function mergeFeedback(existing: Feedback | undefined, incoming: Feedback): Feedback {
  if (!existing) return incoming;
  const merged: Feedback = { ...existing };
  const target = merged as unknown as Record<string, unknown>;
  for (const k of GITHUB_FIELDS) {
    if (incoming[k] === undefined) delete target[k];
    else target[k] = incoming[k];
  }
  if (incoming.conventional) merged.conventional = incoming.conventional;
  else delete merged.conventional;

  const rejected = new Set([...(existing.rejectedSuggestions ?? []), ...(incoming.rejectedSuggestions ?? [])]);
  const tags: Tag[] = existing.tags.filter((t) => t.source === 'manual' || t.source === 'suggested');
  const hasSuggestion = tags.some((t) => t.source === 'suggested');
  for (const t of incoming.tags) {
    if (t.source === 'suggested' && (hasSuggestion || rejected.has(t.category) || tags.some((k) => k.category === t.category))) continue;
    if (tags.some((k) => k.category === t.category && k.source === t.source)) continue;
    tags.push(t);
  }
  merged.tags = tags;
  if (rejected.size > 0) merged.rejectedSuggestions = [...rejected];
  return merged;
}
