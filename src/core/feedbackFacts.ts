// Facts about one feedback item that the summaries and "My reviews" share, so
// both count praise, blocking issues and categories by the same rules.
import { effectiveTags, type Feedback } from './model';

export function isBot(f: Feedback): boolean {
  return f.reviewerIsBot === true || f.reviewer.toLowerCase().endsWith('[bot]');
}

/** Distinct counted categories: suggestions never count. */
export function countedCategories(f: Feedback): string[] {
  return [...new Set(effectiveTags(f).map((t) => t.category))];
}

export function isPraise(f: Feedback): boolean {
  return countedCategories(f).includes('praise') || f.conventional?.label === 'praise';
}

/** `(blocking)` decoration, or an `issue:` label not marked non-blocking. */
export function isBlockingIssue(f: Feedback): boolean {
  return f.conventional?.blocking === true || (f.conventional?.label === 'issue' && f.conventional.blocking !== false);
}
