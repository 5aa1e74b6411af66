// The review queue: which items a person is asked about, and in what order.
// Pure, shared by the journal webview (which walks the queue) and the host
// (status bar count, tests). See docs/review-suggestions.md for why this order.
import { effectiveTags, isGivenBy, isReceivedBy, suggestedTag, type Feedback } from '../model';

export type ReviewDirection = 'received' | 'given';

/** The current 1:1 period: the journal's and the export's default "last 30 days". */
export const CURRENT_PERIOD_DAYS = 30;
const DAY = 86_400_000;

export function inDirection(f: Feedback, login: string, direction: ReviewDirection): boolean {
  return direction === 'received' ? isReceivedBy(f, login) : isGivenBy(f, login);
}

/** An item waits for review while no person (or label, or marker) has tagged it. */
export function needsReview(f: Feedback, login: string, direction: ReviewDirection): boolean {
  return effectiveTags(f).length === 0 && inDirection(f, login, direction);
}

/**
 * What a person's decision on this item teaches the classifier: 1 when there
 * is no suggestion ("not sure"), otherwise 1 - confidence. Uncertain items
 * are where a label moves the model most; confident ones are left for a batch.
 */
export function teachingValue(f: Feedback): number {
  const s = suggestedTag(f);
  return s ? 1 - (s.confidence ?? 0) : 1;
}

export interface QueueOptions {
  login: string;
  direction: ReviewDirection;
  now: Date;
  /** Ids skipped earlier: they go to the end, in the same order among themselves. */
  skipped?: ReadonlySet<string>;
}

/**
 * Items waiting for review, most valuable first: items in the current 1:1
 * period before older ones (their tags change the next summary), then the
 * most uncertain first (what the person decides teaches most), then newest.
 */
export function reviewQueue(feedback: readonly Feedback[], o: QueueOptions): Feedback[] {
  const since = o.now.getTime() - CURRENT_PERIOD_DAYS * DAY;
  const keyed = [];
  for (const f of feedback) {
    if (!needsReview(f, o.login, o.direction)) continue;
    const t = Date.parse(f.createdAt);
    keyed.push({ f, t: Number.isNaN(t) ? 0 : t, skipped: o.skipped?.has(f.id) ? 1 : 0, recent: t >= since ? 0 : 1, value: teachingValue(f) });
  }
  keyed.sort((a, b) => a.skipped - b.skipped || a.recent - b.recent || b.value - a.value || b.t - a.t || (a.f.id < b.f.id ? -1 : a.f.id > b.f.id ? 1 : 0));
  return keyed.map((k) => k.f);
}

/** How many items wait for review (the "273 to review" count). */
export function countToReview(feedback: readonly Feedback[], login: string, direction: ReviewDirection): number {
  let n = 0;
  for (const f of feedback) if (needsReview(f, login, direction)) n++;
  return n;
}

/**
 * Feedback received while any of it waits (a junior's case), otherwise the
 * comments given (a senior's). Stable while reviewing: it never flips half way
 * because the other direction now has more waiting. The flow's own choice wins.
 */
export function defaultDirection(feedback: readonly Feedback[], login: string): ReviewDirection {
  return countToReview(feedback, login, 'received') > 0 || countToReview(feedback, login, 'given') === 0 ? 'received' : 'given';
}

/** Items a batch would accept: waiting for review, suggested as `category` with at least `minConfidence`. */
export function batchCandidates(queue: readonly Feedback[], category: string, minConfidence: number): Feedback[] {
  return queue.filter((f) => {
    const s = suggestedTag(f);
    return !!s && s.category === category && (s.confidence ?? 0) >= minConfidence && effectiveTags(f).length === 0;
  });
}
