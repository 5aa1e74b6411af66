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

  it('says a suggestion is only likely, with its confidence, and an item with neither is not sure (core/vocabulary)', () => {
    const f = { ...base, isResolved: false, tags: [{ category: 'testing', source: 'suggested', confidence: 0.72, at, by: 'review-mentor' }] } as Feedback;
    assert.match(feedbackAccessibleLabel(f, labelOf), /Likely: Testing, 72% confident, not confirmed\.$/);
    assert.doesNotMatch(feedbackAccessibleLabel(f, labelOf), /Tagged/);
    assert.match(feedbackAccessibleLabel({ ...base, isResolved: false }, labelOf), /Untagged, not sure\.$/);
  });

  it('says feedback the engineer gave is given, and to whom', () => {
    const given = { ...base, author: 'erin', reviewer: 'priya-dev' } as Feedback;
    assert.match(feedbackAccessibleLabel(given, labelOf, 'priya-dev'), /^nit: rename x\. Given by you to erin on acme\/api pull request 7/);
    assert.match(feedbackAccessibleLabel(base, labelOf, 'priya-dev'), /From sam-lee on/);
  });

  it('makes fields from GitHub safe: no bidi override reorders what is read', () => {
    const label = feedbackAccessibleLabel({ ...base, reviewer: 'mallory\u202Etxt.exe', body: 'hi\u0007 there' }, labelOf);
    assert.ok(!label.includes('\u202E') && !label.includes('\u0007'), JSON.stringify(label));
  });

  it('names an empty comment instead of saying nothing', () => {
    assert.match(feedbackAccessibleLabel({ ...base, body: '' }, labelOf), /^Empty comment\. From/);
  });

  it('counts a group in words: confirmed, likely apart; never "tagged" for suggestions (issue 11)', () => {
    const s = (confirmed: number, likely: number, notSure: number) => ({ total: confirmed + likely + notSure, confirmed, likely, notSure, untagged: likely + notSure });
    assert.equal(groupAccessibleLabel('Testing', s(1, 0, 0), 'category'), 'Testing: 1 confirmed comment');
    assert.equal(groupAccessibleLabel('Testing', s(5, 12, 0), 'category'), 'Testing: 5 confirmed comments, and 12 likely comments, not counted until accepted');
    assert.equal(groupAccessibleLabel('Not sure', s(0, 0, 3), 'not-sure'), 'Not sure: 3 comments with no tag and no suggestion');
    assert.equal(groupAccessibleLabel('priya-dev', s(2, 8, 1), 'other'), 'priya-dev: 11 comments (2 confirmed comments, 8 likely comments, 1 not sure)');
  });

  it('says whose journal an engineer row is and whether it is shown', () => {
    assert.equal(engineerAccessibleLabel({ login: 'priya-dev', host: 'github.com' }, 'me', true), 'priya-dev on github.com, you, feedback shown');
    assert.equal(engineerAccessibleLabel({ login: 'sam-lee', host: 'github.com' }, 'tracked', false), 'sam-lee on github.com, tracked engineer');
  });
});
