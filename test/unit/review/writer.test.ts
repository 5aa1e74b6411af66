// Review decisions against the real store: one write per request, undo in one
// write, corrections as the single-item commands record them.
import assert from 'node:assert/strict';
import { JournalStore, type JournalHandle } from '../../../src/store';
import { decide, ReviewDecisionError } from '../../../src/core/review';
import { withoutCorrections } from '../../../src/store/classifierService';
import { applyDecisions, undoDecisions } from '../../../src/features/review/reviewWriter';
import { ada, feedback, tempDir } from '../store/helpers';
import type { Feedback, Tag } from '../../../src/core/model';

const AT = '2026-11-20T12:00:00.000Z';
const suggested = (category: string, confidence: number): Tag => ({ category, source: 'suggested', confidence, at: AT, by: 'review-mentor' });

/** Counts updateFeedback calls: each is one locked store write. */
function counting(h: JournalHandle) {
  const w = { writes: 0, updateFeedback: (ids: string[], fn: (f: Feedback) => void) => (w.writes++, h.updateFeedback(ids, fn)) };
  return w;
}

describe('review decisions', () => {
  it('accept turns the suggestion into a manual tag and records it as a correction', () => {
    const f = feedback('c1', 1, { tags: [suggested('praise', 0.9)] });
    const { item, correction } = decide(f, { kind: 'accept' }, 'ada', AT);
    assert.deepEqual(item.tags.map((t) => [t.category, t.source]), [['praise', 'manual']]);
    assert.deepEqual(correction, { body: f.body, category: 'praise', at: AT });
    assert.equal(f.tags[0]!.source, 'suggested', 'the input is not changed');
  });

  it('picking another category rejects the suggestion and records the correction with what was rejected', () => {
    const f = feedback('c1', 1, { tags: [suggested('praise', 0.6)] });
    const { item, correction } = decide(f, { kind: 'pick', category: 'testing' }, 'ada', AT);
    assert.deepEqual(item.tags.map((t) => [t.category, t.source]), [['testing', 'manual']]);
    assert.deepEqual(item.rejectedSuggestions, ['praise']);
    assert.deepEqual(correction, { body: f.body, category: 'testing', rejected: 'praise', at: AT });
  });

  it('picking on a "not sure" item labels it; accepting it is refused', () => {
    const f = feedback('c1');
    assert.deepEqual(decide(f, { kind: 'pick', category: 'design' }, 'ada', AT).correction, { body: f.body, category: 'design', at: AT });
    assert.throws(() => decide(f, { kind: 'accept' }, 'ada', AT), ReviewDecisionError);
  });

  it('a batch is one store write, skips what changed meanwhile, and undoes in one write', async () => {
    const tmp = tempDir({ inMemory: true });
    try {
      const store = new JournalStore({ rootDir: tmp.dir });
      const h = await store.open(ada);
      const items = Array.from({ length: 40 }, (_, i) => feedback(`c${i}`, i, { tags: [suggested('praise', i < 30 ? 0.95 : 0.5)] }));
      items.push(feedback('tagged-meanwhile', 99, { tags: [{ category: 'design', source: 'manual', at: AT, by: 'bob' }, suggested('praise', 0.99)] }));
      await h.upsertFeedback(items);
      const w = counting(h);
      const ids = [...items.map((f) => f.id)];
      const { receipt, skipped } = await applyDecisions(w, ids.map((feedbackId) => ({ feedbackId, action: { kind: 'accept' } })), { by: 'ada', at: AT, batch: { category: 'praise', minConfidence: 0.9 } });
      assert.equal(w.writes, 1, 'one store write for the whole batch');
      assert.equal(receipt.ids.length, 30);
      assert.equal(receipt.corrections.length, 30);
      assert.equal(skipped.length, 11, 'low confidence and already tagged items are left alone');
      let j = await h.load();
      assert.equal(Object.values(j.feedback).filter((f) => f.tags.some((t) => t.source === 'manual' && t.category === 'praise')).length, 30);
      assert.deepEqual(j.feedback['tagged-meanwhile']!.tags.map((t) => t.source), ['manual', 'suggested']);

      await undoDecisions(w, receipt);
      assert.equal(w.writes, 2, 'undo is one more write');
      j = await h.load();
      for (const f of items) assert.deepEqual(j.feedback[f.id]!.tags, f.tags, `${f.id} is back as it was`);
      assert.equal(j.feedback.c0!.rejectedSuggestions, undefined);
    } finally {
      tmp.cleanup();
    }
  });

  it('a single stale decision is an error and changes nothing', async () => {
    const tmp = tempDir({ inMemory: true });
    try {
      const h = await new JournalStore({ rootDir: tmp.dir }).open(ada);
      await h.upsertFeedback([feedback('c1', 1, { tags: [{ category: 'design', source: 'manual', at: AT, by: 'bob' }] })]);
      await assert.rejects(applyDecisions(h, [{ feedbackId: 'c1', action: { kind: 'pick', category: 'testing' } }], { by: 'ada', at: AT }), /tagged meanwhile/);
      await assert.rejects(applyDecisions(h, [{ feedbackId: 'gone', action: { kind: 'accept' } }], { by: 'ada', at: AT }), /no longer in the journal/);
      assert.deepEqual((await h.load()).feedback.c1!.tags.map((t) => t.category), ['design']);
    } finally {
      tmp.cleanup();
    }
  });

  it('undo withdraws exactly the corrections it recorded', () => {
    const a = { body: 'x', category: 'praise', at: AT };
    const b = { body: 'y', category: 'testing', rejected: 'praise', at: AT };
    const older = { body: 'x', category: 'praise', at: '2026-01-01T00:00:00.000Z' };
    assert.deepEqual(withoutCorrections([older, a, b, { ...a }], [a, b]), [older, a]);
  });
});
