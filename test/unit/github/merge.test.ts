// The merge rule: GitHub's fields refreshed, what people did locally kept,
// tags read from the body (markers, conventional) replaced by the fresh copy.
import assert from 'node:assert/strict';
import type { Feedback, Tag } from '../../../src/core/model';
import { mergeFeedback } from '../../../src/github/merge';

const tag = (category: string, source: Tag['source']): Tag => ({ category, source, at: '2026-01-01T00:00:00Z', by: 'x' });
const base: Feedback = { id: 'C1', kind: 'review-comment', prUrl: 'u', repo: 'o/r', prNumber: 1, author: 'a', reviewer: 'b', body: 'old', url: 'u#1', createdAt: 't0', updatedAt: 't0', isResolved: false, line: 12, tags: [] };

describe('github/merge', () => {
  it('refreshes GitHub fields, keeps manual/suggested tags, rejections and learnedAt, replaces marker tags', () => {
    const existing: Feedback = { ...base, tags: [tag('testing', 'manual'), tag('design', 'suggested'), tag('tone', 'marker')], rejectedSuggestions: ['praise'], learnedAt: 'L' };
    const incoming: Feedback = { ...base, body: 'new', updatedAt: 't1', isResolved: true, line: undefined, tags: [tag('security', 'marker'), tag('praise', 'suggested'), tag('readability', 'conventional-comment')] };
    delete (incoming as Partial<Feedback>).line;
    const m = mergeFeedback(existing, incoming);
    assert.equal(m.body, 'new');
    assert.equal(m.isResolved, true);
    assert.equal(m.updatedAt, 't1');
    assert.equal('line' in m, false, 'a line GitHub no longer reports is dropped');
    assert.deepEqual(m.tags.map((t) => `${t.source}:${t.category}`).sort(), ['conventional-comment:readability', 'manual:testing', 'marker:security', 'suggested:design']);
    assert.deepEqual(m.rejectedSuggestions, ['praise']);
    assert.equal(m.learnedAt, 'L');
  });

  it('a new item is taken as it is', () => {
    const incoming = { ...base, tags: [tag('praise', 'suggested')] };
    assert.equal(mergeFeedback(undefined, incoming), incoming);
  });
});
