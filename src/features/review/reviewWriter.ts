// Applies review decisions to a journal in one store write and keeps what is
// needed to undo them in one step. Free of `vscode`: the journal panel, the
// unit tests and the bench all use it.
import type { Correction } from '../../core/classifier';
import type { Feedback } from '../../core/model';
import { assignItem, decide, restoreTagState, ReviewDecisionError, tagState, type ReviewAction, type TagState } from '../../core/review';
import { effectiveTags, suggestedTag } from '../../core/model';
import * as l10n from '@vscode/l10n';

export interface ReviewDecision {
  feedbackId: string;
  action: ReviewAction;
}

/** What one request changed: undone together, in one write. */
export interface ReviewReceipt {
  ids: string[];
  before: TagState[];
  corrections: Correction[];
}

export interface FeedbackWriter {
  updateFeedback(ids: string[], fn: (item: Feedback) => void): Promise<{ missing: string[] }>;
}

export interface ApplyOptions {
  by: string;
  at: string;
  /** A batch: each item must still be suggested as this category with at least this confidence. */
  batch?: { category: string; minConfidence: number };
}

export interface Applied {
  receipt: ReviewReceipt;
  /** Items that changed since the person saw them (tagged elsewhere, gone, suggestion changed). */
  skipped: string[];
}

/**
 * One `updateFeedback` call (one lock, each touched shard written once) for
 * every decision. Items tagged meanwhile are left alone and reported, so a
 * decision made on a stale screen never overwrites someone's tag.
 */
export async function applyDecisions(journal: FeedbackWriter, decisions: readonly ReviewDecision[], o: ApplyOptions): Promise<Applied> {
  const byId = new Map(decisions.map((d) => [d.feedbackId, d.action]));
  const receipt: ReviewReceipt = { ids: [], before: [], corrections: [] };
  const skipped: string[] = [];
  let firstError: Error | undefined;
  const { missing } = await journal.updateFeedback([...byId.keys()], (item) => {
    const action = byId.get(item.id)!;
    if (effectiveTags(item).length > 0 || !fitsBatch(item, o.batch)) {
      skipped.push(item.id);
      return;
    }
    try {
      const before = tagState(item);
      const { item: next, correction } = decide(item, action, o.by, o.at);
      assignItem(item, next);
      receipt.ids.push(item.id);
      receipt.before.push(before);
      receipt.corrections.push(correction);
    } catch (err) {
      if (!(err instanceof ReviewDecisionError)) throw err;
      firstError ??= err;
      skipped.push(item.id);
    }
  });
  // A single decision that could not be applied is an error the person should see.
  if (decisions.length === 1 && receipt.ids.length === 0) {
    if (firstError) throw firstError;
    if (missing.length > 0) throw new ReviewDecisionError(l10n.t('That comment is no longer in the journal.'));
    throw new ReviewDecisionError(l10n.t('That comment was tagged meanwhile (in another window or by a sync); it was left as it is.'));
  }
  return { receipt, skipped: [...skipped, ...missing] };
}

function fitsBatch(item: Feedback, batch: ApplyOptions['batch']): boolean {
  if (!batch) return true;
  const s = suggestedTag(item);
  return !!s && s.category === batch.category && (s.confidence ?? 0) >= batch.minConfidence;
}

/** Puts every item of a receipt back as it was, in one write. */
export async function undoDecisions(journal: FeedbackWriter, receipt: ReviewReceipt): Promise<void> {
  const before = new Map(receipt.before.map((b) => [b.id, b]));
  await journal.updateFeedback(receipt.ids, (item) => {
    const b = before.get(item.id);
    if (b) restoreTagState(item, b);
  });
}
