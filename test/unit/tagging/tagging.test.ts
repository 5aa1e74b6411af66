import { strict as assert } from 'node:assert';
import type { Classification, Classifier } from '../../../src/core/classifier';
import { createClassifier } from '../../../src/core/classifier';
import type { Feedback, Tag } from '../../../src/core/model';
import { acceptSuggestion, applyManualTags, automaticTags, correctionsForManualTags, rejectSuggestion, removeTag } from '../../../src/core/tagging';

const T0 = '2026-01-01T00:00:00Z';
const T1 = '2026-02-01T00:00:00Z';

function item(body: string, tags: Tag[] = [], extra: Partial<Feedback> = {}): Feedback {
  return {
    id: 'c1', kind: 'review-comment', prUrl: 'https://github.com/o/r/pull/1', repo: 'o/r', prNumber: 1,
    author: 'junior', reviewer: 'senior', body, url: 'https://github.com/o/r/pull/1#c1',
    createdAt: T0, updatedAt: T0, isResolved: false, tags, ...extra,
  };
}
const suggested = (category: string, confidence = 0.6): Tag => ({ category, source: 'suggested', confidence, at: T0, by: 'review-mentor' });
const manual = (category: string): Tag => ({ category, source: 'manual', at: T0, by: 'me' });

/** A classifier that always answers the same, so tests do not depend on the model. */
function fixed(category: string, confidence = 0.7, alternatives: Classification['alternatives'] = []): Classifier & { calls: number } {
  const c = { calls: 0, classify: () => (c.calls++, { category, group: 'technical' as const, confidence, suggest: confidence >= 0.2, alternatives }) };
  return c;
}

describe('applyManualTags', () => {
  it('replaces manual tags and keeps the ones that stay unchanged', () => {
    const f = item('x', [{ ...manual('design'), published: true }, manual('testing')]);
    const next = applyManualTags(f, ['design', 'security', 'security'], 'lead', T1);
    assert.deepEqual(next.tags, [{ ...manual('design'), published: true }, { category: 'security', source: 'manual', at: T1, by: 'lead' }]);
    assert.equal(f.tags.length, 2, 'input not mutated');
  });

  it('removes a matching suggestion', () => {
    const next = applyManualTags(item('x', [suggested('testing')]), ['testing'], 'me', T1);
    assert.deepEqual(next.tags.map((t) => t.source), ['manual']);
    assert.equal(next.rejectedSuggestions, undefined);
  });

  it('drops a different suggestion and remembers it as rejected', () => {
    const next = applyManualTags(item('x', [suggested('testing')]), ['design'], 'me', T1);
    assert.deepEqual(next.tags.map((t) => [t.category, t.source]), [['design', 'manual']]);
    assert.deepEqual(next.rejectedSuggestions, ['testing']);
  });

  it('keeps automatic tags, ordered by trust', () => {
    const conv: Tag = { category: 'praise', source: 'conventional-comment', at: T0, by: 'senior' };
    const next = applyManualTags(item('praise: x', [conv]), ['mentoring'], 'me', T1);
    assert.deepEqual(next.tags.map((t) => t.source), ['manual', 'conventional-comment']);
  });

  it('an empty list clears manual tags only', () => {
    const next = applyManualTags(item('x', [manual('design'), suggested('testing')]), [], 'me', T1);
    assert.deepEqual(next.tags.map((t) => t.source), ['suggested']);
  });
});

describe('removeTag', () => {
  it('removes every tag of the category and nothing else', () => {
    const f = item('x', [manual('design'), manual('testing'), { category: 'design', source: 'marker', at: T0, by: 'senior' }]);
    const next = removeTag(f, 'design');
    assert.deepEqual(next.tags.map((t) => t.category), ['testing']);
    assert.deepEqual(next.rejectedSuggestions, ['design'], 'an automatic tag was removed: remembered');
  });

  it('removing a manual tag is not a rejection; an absent category changes nothing', () => {
    const f = item('x', [manual('design')]);
    assert.equal(removeTag(f, 'design').rejectedSuggestions, undefined);
    assert.equal(removeTag(f, 'security'), f);
  });
});

describe('acceptSuggestion / rejectSuggestion', () => {
  it('accepting turns the suggestion into a manual tag by the person', () => {
    const next = acceptSuggestion(item('x', [manual('design'), suggested('testing')]), 'lead', T1);
    assert.deepEqual(next.tags, [manual('design'), { category: 'testing', source: 'manual', at: T1, by: 'lead' }]);
  });

  it('accepting without a suggestion changes nothing', () => {
    const f = item('x', [manual('design')]);
    assert.equal(acceptSuggestion(f, 'lead', T1), f);
  });

  it('rejecting records the category and removes the suggestion', () => {
    const next = rejectSuggestion(item('x', [suggested('testing')], { rejectedSuggestions: ['tone'] }), 'lead', T1);
    assert.deepEqual(next.tags, []);
    assert.deepEqual(next.rejectedSuggestions, ['tone', 'testing']);
  });

  it('rejecting with the right category adds it as a manual tag', () => {
    const next = rejectSuggestion(item('x', [manual('design'), suggested('testing')]), 'lead', T1, 'security');
    assert.deepEqual(next.tags.map((t) => [t.category, t.source, t.by]), [['design', 'manual', 'me'], ['security', 'manual', 'lead']]);
    assert.deepEqual(next.rejectedSuggestions, ['testing']);
  });
});

describe('automaticTags', () => {
  it('tags from a Conventional Comments label, attributed to the reviewer, and records the label', () => {
    const next = automaticTags(item('suggestion (performance, blocking): cache this'), fixed('design'), T1);
    assert.deepEqual(next.tags, [{ category: 'performance', source: 'conventional-comment', at: T1, by: 'senior' }]);
    assert.deepEqual(next.conventional, { label: 'suggestion', decorations: ['performance', 'blocking'], blocking: true });
  });

  it('tags from markers with source marker, by the comment author, above conventional tags', () => {
    const body = 'praise: nice tests\n\n<!-- review-mentor: technical/testing, interpersonal/praise -->';
    const next = automaticTags(item(body), fixed('design'), T1);
    assert.deepEqual(next.tags.map((t) => [t.category, t.source, t.by]), [['testing', 'marker', 'senior'], ['praise', 'marker', 'senior']]);
  });

  it('suggests only when nothing more trusted tags the item', () => {
    const c = fixed('design', 0.7);
    const plain = automaticTags(item('Could this be split into two classes?'), c, T1);
    assert.deepEqual(plain.tags, [{ category: 'design', source: 'suggested', confidence: 0.7, at: T1, by: 'review-mentor' }]);
    assert.deepEqual(automaticTags(item('x', [manual('tone')]), c, T1).tags.map((t) => t.source), ['manual']);
    assert.deepEqual(automaticTags(item('praise: x'), c, T1).tags.map((t) => t.source), ['conventional-comment']);
  });

  it('a label without a category leaves room for a suggestion', () => {
    const next = automaticTags(item('question: why not a Map?'), fixed('performance'), T1);
    assert.deepEqual(next.tags.map((t) => [t.category, t.source]), [['performance', 'suggested']]);
    assert.equal(next.conventional?.label, 'question');
  });

  it('never re-suggests a rejected category; offers the next one or none', () => {
    const f = item('x', [], { rejectedSuggestions: ['design'] });
    const withAlt = automaticTags(f, fixed('design', 0.6, [{ category: 'readability', confidence: 0.3 }]), T1);
    assert.deepEqual(withAlt.tags.map((t) => t.category), ['readability']);
    const weakAlt = automaticTags(f, fixed('design', 0.9, [{ category: 'readability', confidence: 0.05 }]), T1);
    assert.deepEqual(weakAlt.tags, []);
  });

  it('stores no suggestion when the classifier abstains ("not sure")', () => {
    const unsure: Classifier = { classify: () => ({ category: 'mentoring', group: 'interpersonal', confidence: 0.72, suggest: false, alternatives: [{ category: 'design', confidence: 0.2, suggest: false }] }) };
    assert.deepEqual(automaticTags(item('what happened here?'), unsure, T1).tags, []);
    // A stale suggestion from an earlier model goes away too.
    assert.deepEqual(automaticTags(item('what happened here?', [suggested('mentoring')]), unsure, T1).tags, []);
  });

  it('passes the file path and diff hunk to the classifier', () => {
    let seen: unknown;
    const spy: Classifier = { classify: (_body, context) => ((seen = context), { category: 'testing', group: 'technical', confidence: 0.9, suggest: true, alternatives: [] }) };
    automaticTags(item('x', [], { path: 'tests/test_api.py', diffHunk: '@@ -1 +1 @@\n+assert x' }), spy, T1);
    assert.deepEqual(seen, { path: 'tests/test_api.py', diffHunk: '@@ -1 +1 @@\n+assert x' });
  });

  it('does not re-add an automatic tag the person removed', () => {
    const first = automaticTags(item('praise: nice'), fixed('design'), T0);
    const removed = removeTag(first, 'praise');
    const again = automaticTags(removed, fixed('praise', 0.9, [{ category: 'mentoring', confidence: 0.05 }]), T1);
    assert.deepEqual(again.tags, []);
  });

  it('is idempotent and keeps the time of unchanged tags', () => {
    const c = fixed('design');
    const once = automaticTags(item('Could this be split?'), c, T0);
    const twice = automaticTags(once, c, T1);
    assert.deepEqual(twice, once);
  });

  it('follows edits: a removed label drops its tag and the suggestion comes back', () => {
    const tagged = automaticTags(item('praise: nice'), fixed('design'), T0);
    const edited = automaticTags({ ...tagged, body: 'nice' }, fixed('praise'), T1);
    assert.deepEqual(edited.tags.map((t) => [t.category, t.source]), [['praise', 'suggested']]);
    assert.equal(edited.conventional, undefined);
  });

  it('keeps manual tags and one tag per category', () => {
    const body = 'x\n\n<!-- review-mentor: technical/testing -->';
    const next = automaticTags(item(body, [manual('testing')]), fixed('design'), T1);
    assert.deepEqual(next.tags, [manual('testing')]);
  });

  it('works with the real classifier and skips empty bodies', () => {
    const real = createClassifier();
    assert.equal(automaticTags(item('Please add a unit test for the empty case.'), real, T1).tags[0]?.category, 'testing');
    assert.deepEqual(automaticTags(item(''), real, T1).tags, []);
  });
});

describe('correctionsForManualTags (every manual tag path teaches the classifier)', () => {
  const item = (id: string, suggested?: string): Feedback =>
    ({ id, body: `body ${id}`, tags: suggested ? [{ category: suggested, source: 'suggested', at: T0, by: 'review-mentor' }] : [] }) as unknown as Feedback;

  it('a different choice rejects the suggestion, the same choice confirms it, no suggestion teaches nothing', () => {
    assert.deepEqual(correctionsForManualTags([item('a', 'testing')], ['design'], T1), [{ body: 'body a', category: 'design', rejected: 'testing', at: T1 }]);
    assert.deepEqual(correctionsForManualTags([item('b', 'testing')], ['testing', 'design'], T1), [{ body: 'body b', category: 'testing', at: T1 }]);
    assert.deepEqual(correctionsForManualTags([item('c')], ['design'], T1), []);
    assert.deepEqual(correctionsForManualTags([item('d', 'testing')], [], T1), []);
  });
});
