// The fast feedback check must accept exactly what the zod schema accepts.
import assert from 'node:assert/strict';
import { isFeedback } from '../../../src/protocol/feedbackCheck';
import { feedbackSchema } from '../../../src/protocol/schemas';
import { feedback, manyFeedback, tag } from '../../webview/harness/fixtures';

const BAD_VALUES: unknown[] = [undefined, null, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, '', 'x', 'x'.repeat(2_000_001), true, {}, [], ['x'], { a: 1 }];

function full() {
  return feedback({
    prTitle: 'T', path: 'a.ts', line: 3, originalLine: 2, diffHunk: '@@', reviewerIsBot: false, threadId: 'PRRT_1', isOutdated: true,
    rejectedSuggestions: ['tone'], conventional: { label: 'issue', decorations: ['blocking'], blocking: true }, learnedAt: '2026-11-01T00:00:00Z',
    tags: [tag('testing'), tag('design', 'suggested', 0.5)],
  });
}

describe('isFeedback agrees with feedbackSchema', () => {
  const agree = (x: unknown, what: string) => assert.equal(isFeedback(x), feedbackSchema.safeParse(x).success, what);

  it('on valid items', () => {
    for (const f of [...manyFeedback(50), full(), feedback()]) {
      assert.ok(isFeedback(f));
      agree(f, f.id);
    }
  });

  it('on every field set to every kind of wrong value', () => {
    const base = full() as unknown as Record<string, unknown>;
    let rejected = 0;
    for (const key of [...Object.keys(base), 'kind']) {
      for (const v of BAD_VALUES) {
        const x = { ...base, [key]: v };
        agree(x, `${key} = ${typeof v === 'string' ? `"${v.slice(0, 10)}"(${v.length})` : JSON.stringify(v)}`);
        if (!isFeedback(x)) rejected++;
      }
    }
    assert.ok(rejected > 200, `mutations rejected: ${rejected}`);
  });

  it('on wrong tags and nested values', () => {
    const base = full();
    const t = base.tags[0]! as unknown as Record<string, unknown>;
    for (const key of Object.keys(t)) for (const v of BAD_VALUES) agree({ ...base, tags: [{ ...t, [key]: v }] }, `tag.${key}`);
    agree({ ...base, tags: Array(101).fill(t) }, 'too many tags');
    agree({ ...base, tags: [{ ...t, source: 'oracle' }] }, 'unknown source');
    agree({ ...base, tags: [{ ...t, confidence: 1.5 }] }, 'confidence > 1');
    agree({ ...base, conventional: { label: 'x', decorations: Array(21).fill('d') } }, 'too many decorations');
    agree({ ...base, conventional: { label: 'x', decorations: [1] } }, 'numeric decoration');
    agree({ ...base, rejectedSuggestions: [1] }, 'numeric rejected suggestion');
    for (const v of BAD_VALUES) agree(v, `item ${JSON.stringify(v)?.slice(0, 20)}`);
  });
});
