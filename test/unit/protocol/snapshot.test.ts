// Snapshot items are judged one at a time on the webview side, and cut for
// display on the host side; a bad item costs only itself.
import assert from 'node:assert/strict';
import { acceptSnapshot, LIMITS, parseHostMessage } from '../../../src/protocol';
import { forDisplay } from '../../../src/features/journal/journalController';
import { feedback, snapshot } from '../../webview/harness/fixtures';

describe('snapshot: one item at a time', () => {
  it('keeps the valid items and describes each bad one without echoing it', () => {
    const good = [feedback({ id: 'a' }), feedback({ id: 'b' })];
    const raw = { type: 'journal/didChange', snapshot: { ...snapshot(), feedback: [good[0], feedback({ id: 'big', body: 'x'.repeat(2_093_056) }), 'junk', { ...good[1], id: 'bad', kind: 'nope' }, good[1], { ...good[1], id: 'many', tags: Array.from({ length: 101 }, () => good[0]!.tags) }] } };
    const parsed = parseHostMessage(raw);
    assert.ok(parsed.ok, 'the message parses although items in it are bad');
    assert.equal(parsed.message.type, 'journal/didChange');
    if (parsed.message.type !== 'journal/didChange') return;
    const { snapshot: s, unshown } = acceptSnapshot(parsed.message.snapshot);
    assert.deepEqual(s.feedback.map((f) => f.id), ['a', 'b']);
    assert.deepEqual(
      unshown.map((u) => [u.index, u.id, u.reason]),
      [[1, 'big', 'too large'], [2, undefined, 'malformed'], [3, 'bad', 'malformed'], [5, 'many', 'too large']],
    );
    assert.match(unshown[0]!.detail, /^body: longer than 2000000 characters$/);
    assert.match(unshown[2]!.detail, /^kind: /);
    assert.ok(unshown.every((u) => u.detail.length < 200));
  });

  it('a snapshot whose feedback is not a list is still a bad message', () => {
    assert.equal(parseHostMessage({ type: 'journal/didChange', snapshot: { ...snapshot(), feedback: 'nope' } }).ok, false);
  });

  it('the host cuts long bodies for display, says which, and drops diff hunks the panel does not show', () => {
    const long = feedback({ id: 'long', body: 'y'.repeat(LIMITS.displayBody + 5), diffHunk: '@@ -1 +1 @@', tags: [{ category: 'design', source: 'manual', at: 'now', by: 'me' }] });
    const short = feedback({ id: 'short' });
    const { feedback: out, clipped } = forDisplay([long, short]);
    assert.deepEqual(clipped, ['long']);
    assert.equal(out[0]!.body.length, LIMITS.displayBody);
    assert.equal(out[0]!.diffHunk, undefined);
    assert.equal(long.body.length, LIMITS.displayBody + 5, 'the journal item itself is untouched');
    assert.equal(out[1], short, 'unchanged items are not copied');
  });

  it('keeps the tail of the diff hunk the review flow shows, for items without a confirmed tag', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `+line ${i}`);
    const untagged = feedback({ id: 'u', tags: [], diffHunk: ['@@ -1,40 +1,40 @@', ...lines].join('\n') });
    const [out] = forDisplay([untagged]).feedback;
    assert.deepEqual(out!.diffHunk!.split('\n'), lines.slice(-12));
  });
});
