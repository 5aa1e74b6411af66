// The review queue: which items wait, and the order they come in.
import assert from 'node:assert/strict';
import { batchCandidates, countToReview, defaultDirection, reviewQueue, teachingValue } from '../../../src/core/review';
import { feedback, tag } from '../../webview/harness/fixtures';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const at = (iso: string) => ({ createdAt: iso, updatedAt: iso });
const recent = at('2026-11-15T09:00:00.000Z');
const old = at('2026-08-01T09:00:00.000Z');

describe('review queue', () => {
  const items = [
    feedback({ id: 'old-unsure', ...old }),
    feedback({ id: 'recent-confident', ...recent, tags: [tag('praise', 'suggested', 0.95)] }),
    feedback({ id: 'recent-unsure', ...recent }),
    feedback({ id: 'recent-middling', ...recent, tags: [tag('testing', 'suggested', 0.55)] }),
    feedback({ id: 'old-confident', ...old, tags: [tag('praise', 'suggested', 0.92)] }),
    feedback({ id: 'tagged', ...recent, tags: [tag('design')] }),
    feedback({ id: 'labelled', ...recent, tags: [tag('praise', 'conventional-comment')] }),
    feedback({ id: 'given', ...recent, author: 'carol', reviewer: 'alice' }),
  ];

  it('holds untagged items of one direction: current period first, then most uncertain first', () => {
    const q = reviewQueue(items, { login: 'alice', direction: 'received', now: NOW });
    assert.deepEqual(q.map((f) => f.id), ['recent-unsure', 'recent-middling', 'recent-confident', 'old-unsure', 'old-confident']);
    assert.equal(countToReview(items, 'alice', 'received'), 5);
    assert.deepEqual(reviewQueue(items, { login: 'alice', direction: 'given', now: NOW }).map((f) => f.id), ['given']);
  });

  it('puts skipped items last and breaks ties newest first', () => {
    const twins = [feedback({ id: 'a', ...at('2026-11-10T00:00:00Z') }), feedback({ id: 'b', ...at('2026-11-12T00:00:00Z') }), feedback({ id: 'c', ...at('2026-11-11T00:00:00Z') })];
    assert.deepEqual(reviewQueue(twins, { login: 'alice', direction: 'received', now: NOW }).map((f) => f.id), ['b', 'c', 'a']);
    assert.deepEqual(reviewQueue(twins, { login: 'alice', direction: 'received', now: NOW, skipped: new Set(['b']) }).map((f) => f.id), ['c', 'a', 'b']);
  });

  it('values "not sure" items most and confident suggestions least', () => {
    assert.equal(teachingValue(feedback()), 1);
    assert.ok(Math.abs(teachingValue(feedback({ tags: [tag('praise', 'suggested', 0.9)] })) - 0.1) < 1e-9);
  });

  it('offers a batch only of matching, confident, still untagged suggestions', () => {
    const q = reviewQueue(items, { login: 'alice', direction: 'received', now: NOW });
    assert.deepEqual(batchCandidates(q, 'praise', 0.9).map((f) => f.id).sort(), ['old-confident', 'recent-confident']);
    assert.deepEqual(batchCandidates(q, 'praise', 0.93).map((f) => f.id), ['recent-confident']);
    assert.deepEqual(batchCandidates(q, 'testing', 0.9), []);
  });

  it('defaults to received while any waits, else given', () => {
    assert.equal(defaultDirection(items, 'alice'), 'received');
    const mostlyGiven = [feedback({ author: 'x', reviewer: 'alice' }), feedback({ author: 'y', reviewer: 'alice' }), feedback()];
    assert.equal(defaultDirection(mostlyGiven, 'alice'), 'received', 'does not flip while received items wait');
    assert.equal(defaultDirection(mostlyGiven.slice(0, 2), 'alice'), 'given');
  });
});
