// What a sync does to an item already in the journal; the one merge rule.
// GitHub's fields are replaced by the fresh copy. What lives only here is
// kept: tags set or removed by hand, rejected suggestions, "learned", fields
// this version does not know. The automatic tags (Conventional Comments
// label, published markers, suggestion) are then computed by `retag` on the
// MERGED item, so they see the person's manual tags and rejections: a
// removed tag stays removed and a manual tag suppresses suggestions.
import { GITHUB_FIELDS, type Feedback, type Tag } from '../core/model';

export type MergeFeedback = (existing: Feedback | undefined, incoming: Feedback) => Feedback;

/** Re-derives the automatic tags of an item (core/tagging's automaticTags with a classifier). */
export type Retag = (f: Feedback) => Feedback;

export function mergeSynced(existing: Feedback | undefined, incoming: Feedback, retag?: Retag): Feedback {
  const merged = existing ? refreshed(existing, incoming, !retag) : { ...incoming };
  return retag ? retag(merged) : merged;
}

/** The merge with the caller's tagger, as the store's `merge` option. */
export function mergeWith(retag?: Retag): MergeFeedback {
  return (existing, incoming) => mergeSynced(existing, incoming, retag);
}

function refreshed(existing: Feedback, incoming: Feedback, takeIncomingTags: boolean): Feedback {
  const merged: Feedback = { ...existing };
  const target = merged as unknown as Record<string, unknown>;
  for (const k of GITHUB_FIELDS) {
    if (incoming[k] === undefined) delete target[k];
    else target[k] = incoming[k];
  }
  // It is on GitHub again (a stub whose comment came back, e.g. after a lost access).
  delete merged.deletedOnGitHubAt;
  const rejected = [...new Set([...(existing.rejectedSuggestions ?? []), ...(incoming.rejectedSuggestions ?? [])])];
  if (rejected.length > 0) merged.rejectedSuggestions = rejected;
  if (!takeIncomingTags) return merged;
  // No tagger: the caller tagged the fresh copy. Manual tags stay; automatic
  // ones come from the fresh copy, except rejected ones and a suggestion
  // where anything else tags the item.
  const tags: Tag[] = existing.tags.filter((t) => t.source === 'manual');
  for (const t of incoming.tags) {
    if (rejected.includes(t.category) || tags.some((k) => k.category === t.category)) continue;
    if (t.source === 'suggested' && tags.length > 0) continue;
    tags.push(t);
  }
  merged.tags = tags;
  if (incoming.conventional) merged.conventional = incoming.conventional;
  else delete merged.conventional;
  return merged;
}

/** Plain replacement, for callers that merged already. */
