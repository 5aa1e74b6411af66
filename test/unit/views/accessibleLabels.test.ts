// What screen readers hear for tree rows: everything the row shows, in words.
import { strict as assert } from 'node:assert';
import { engineerAccessibleLabel, feedbackAccessibleLabel, groupAccessibleLabel } from '../../../src/features/feedback/accessibleLabels';
import type { Feedback } from '../../../src/core/model';

const base = {
  id: 'C1', kind: 'review-comment', prUrl: 'https://github.com/acme/api/pull/7', prTitle: 'Retry', repo: 'acme/api', prNumber: 7,
  author: 'priya-dev', reviewer: 'sam-lee', body: '**nit:** rename `x`\n\nmore', url: 'u', createdAt: '2026-03-02T10:00:00Z', updatedAt: '2026-03-02T10:00:00Z',
  isResolved: true, tags: [],
} as unknown as Feedback;
const at = '2026-03-03T00:00:00Z';
const labelOf = (id: string) => id[0]!.toUpperCase() + id.slice(1);

describe('accessible labels of tree rows', () => {
  it('says the comment, who, where, when, its tags and its state', () => {
    const f = { ...base, tags: [{ category: 'readability', source: 'manual', at, by: 'me' }] } as Feedback;
    assert.equal(feedbackAccessibleLabel(f, labelOf), 'nit: rename x. From sam-lee on acme/api pull request 7, 2026-03-02. Tagged Readability. Resolved.');
  });

  it('says a suggestion is only suggested, with its confidence', () => {
    const f = { ...base, isResolved: false, tags: [{ category: 'testing', source: 'suggested', confidence: 0.72, at, by: 'review-mentor' }] } as Feedback;
    assert.match(feedbackAccessibleLabel(f, labelOf), /Suggested tag Testing, 72% confident, not yet accepted\.$/);
    assert.doesNotMatch(feedbackAccessibleLabel(f, labelOf), /Tagged/);
  });

  it('makes fields from GitHub safe: no bidi override reorders what is read', () => {
    const label = feedbackAccessibleLabel({ ...base, reviewer: 'mallory\u202Etxt.exe', body: 'hi\u0007 there' }, labelOf);
    assert.ok(!label.includes('\u202E') && !label.includes('\u0007'), JSON.stringify(label));
  });

  it('names an empty comment instead of saying nothing', () => {
    assert.match(feedbackAccessibleLabel({ ...base, body: '' }, labelOf), /^Empty comment\. From/);
  });

  it('counts a group in words, suggestions apart', () => {
    assert.equal(groupAccessibleLabel('Testing', 1, 0), 'Testing: 1 comment');
    assert.equal(groupAccessibleLabel('Testing', 17, 12), 'Testing: 5 comments, and 12 more suggested');
  });

  it('says whose journal an engineer row is and whether it is shown', () => {
    assert.equal(engineerAccessibleLabel({ login: 'priya-dev', host: 'github.com' }, 'me', true), 'priya-dev on github.com, you, feedback shown');
    assert.equal(engineerAccessibleLabel({ login: 'sam-lee', host: 'github.com' }, 'tracked', false), 'sam-lee on github.com, tracked engineer');
  });
});
