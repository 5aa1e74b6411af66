// Typed builders for feedback items used by the browse tests.
import type { Feedback, Tag } from '../../../src/core/model';

let next = 0;

export function fb(over: Partial<Feedback> = {}): Feedback {
  next++;
  return {
    id: `c${next}`,
    kind: 'review-comment',
    prUrl: 'https://github.com/acme/api/pull/1',
    prTitle: 'Add retries',
    repo: 'acme/api',
    prNumber: 1,
    path: 'src/retry.ts',
    line: 10,
    author: 'junior',
    reviewer: 'senior',
    body: 'Please add a test for the timeout path.',
    url: `https://github.com/acme/api/pull/1#discussion_r${next}`,
    createdAt: '2026-03-10T12:00:00Z',
    updatedAt: '2026-03-10T12:00:00Z',
    isResolved: false,
    tags: [],
    ...over,
  };
}

export function tag(category: string, source: Tag['source'] = 'manual'): Tag {
  return { category, source, at: '2026-03-10T12:00:00Z', by: 'senior', ...(source === 'suggested' ? { confidence: 0.7 } : {}) };
}
