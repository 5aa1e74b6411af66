// Facts about one feedback item that the summaries and "My reviews" share, so
// both count praise, blocking issues and categories by the same rules.
import type { Feedback } from './model';
import { confirmedCategories } from './vocabulary';

export function isBot(f: Feedback): boolean {
  return f.reviewerIsBot === true || f.reviewer.toLowerCase().endsWith('[bot]');
}

/** Distinct counted (confirmed, core/vocabulary) categories: suggestions never count. */
export function countedCategories(f: Feedback): string[] {
  return confirmedCategories(f);
}

export function isPraise(f: Feedback): boolean {
  return countedCategories(f).includes('praise') || f.conventional?.label === 'praise';
}

/** `(blocking)` decoration, or an `issue:` label not marked non-blocking. */
export function isBlockingIssue(f: Feedback): boolean {
  return f.conventional?.blocking === true || (f.conventional?.label === 'issue' && f.conventional.blocking !== false);
}
