import { strict as assert } from 'node:assert';
import { firstLine, relativeAge, searchFeedback } from '../../../src/core/browse/text';
import { fb } from './fixtures';

describe('browse/text', () => {
  it('firstLine strips markdown, markers, HTML and quotes', () => {
    assert.equal(firstLine('## **Nice** work on [the cache](https://x.y)!'), 'Nice work on the cache!');
    assert.equal(firstLine('> you said this\n\nI disagree: use `Map`.'), 'I disagree: use Map.');
    assert.equal(firstLine('> only a quote'), 'only a quote');
    assert.equal(firstLine('\n\n- [ ] add tests\n'), 'add tests');
    assert.equal(firstLine('```suggestion\nconst x = 1;\n```'), 'Suggested change');
    assert.equal(firstLine('```ts\ncode()\n```\nExplain why'), 'Explain why');
    assert.equal(firstLine('Looks good <img src=x onerror=alert(1)>\n\n<!-- review-mentor: interpersonal/praise -->'), 'Looks good');
    assert.equal(firstLine('![diagram](a.png) _see_ this'), 'diagram see this');
    assert.equal(firstLine(''), '');
    const long = firstLine('word '.repeat(100));
    assert.ok(long.length <= 200 && long.endsWith('…'));
  });

  it('relativeAge reads naturally', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const ago = (ms: number) => relativeAge(new Date(now.getTime() - ms), now);
    assert.equal(ago(-5000), 'just now');
    assert.equal(ago(30_000), 'just now');
    assert.equal(ago(5 * 60_000), '5 min ago');
    assert.equal(ago(3 * 3_600_000), '3 h ago');
    assert.equal(ago(30 * 3_600_000), 'yesterday');
    assert.equal(ago(4 * 86_400_000), '4 days ago');
    assert.equal(ago(21 * 86_400_000), '3 weeks ago');
    assert.equal(ago(65 * 86_400_000), '2 months ago');
    assert.equal(ago(400 * 86_400_000), '1 year ago');
    assert.equal(ago(800 * 86_400_000), '2 years ago');
    assert.equal(relativeAge('not a date', now), '');
  });

  it('searchFeedback needs all words and ranks whole-word and metadata hits first', () => {
    const a = fb({ body: 'The retrying logic is odd', createdAt: '2026-03-02T00:00:00Z' });
    const b = fb({ body: 'Add a retry here', createdAt: '2026-03-01T00:00:00Z' });
    const c = fb({ body: 'unrelated', path: 'src/retry/policy.ts', createdAt: '2026-03-03T00:00:00Z' });
    const d = fb({ body: 'retry', reviewer: 'zed', createdAt: '2026-03-04T00:00:00Z' });
    const items = [a, b, c, d].map((i) => ({ ...i, path: i === c ? i.path : 'src/x.ts' }));
    const res = searchFeedback(items, 'RETRY');
    assert.deepEqual(res.map((r) => r.body), ['unrelated', 'retry', 'Add a retry here', 'The retrying logic is odd']);
    assert.deepEqual(searchFeedback(items, 'retry zed').map((r) => r.body), ['retry']);
    assert.deepEqual(searchFeedback(items, 'retry nope'), []);
    assert.deepEqual(searchFeedback(items, '  ').map((r) => r.body), ['retry', 'unrelated', 'The retrying logic is odd', 'Add a retry here']);
  });
});
