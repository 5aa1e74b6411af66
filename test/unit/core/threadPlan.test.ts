import * as assert from 'node:assert/strict';
import { diffThreads, opensExpanded, planThreads, type Shown } from '../../../src/core/pastFeedback/threadPlan';
import { fb, tag } from '../browse/fixtures';

const shownOf = (specs: ReturnType<typeof planThreads>) => new Map<string, Shown>(specs.map((s) => [s.key, { line: s.line, signature: s.signature }]));

describe('past feedback thread plan', () => {
  it('groups feedback by line, oldest first, keyed by the feedback ids', () => {
    const a = fb({ id: 'a', createdAt: '2026-01-02T00:00:00Z' });
    const b = fb({ id: 'b', createdAt: '2026-01-01T00:00:00Z' });
    const c = fb({ id: 'c' });
    const plan = planThreads([{ line: 5, item: a }, { line: 9, item: c }, { line: 5, item: b }]);
    assert.deepEqual(plan.map((s) => [s.key, s.line]), [['b,a', 5], ['c', 9]]);
  });

  it('a second refresh of unchanged feedback changes nothing (no recreate, no update)', () => {
    const items = [fb({ id: 'x' }), fb({ id: 'y' })];
    const first = planThreads(items.map((item, i) => ({ line: i + 1, item })));
    const again = planThreads(items.map((item, i) => ({ line: i + 1, item })));
    const changes = diffThreads(shownOf(first), again);
    assert.equal(changes.create.length, 0);
    assert.equal(changes.remove.length, 0);
    assert.ok(changes.keep.every((k) => !k.moved && !k.changed));
  });

  it('moves a thread whose code moved, updates one whose tags changed, and removes deleted feedback', () => {
    const x = fb({ id: 'x' });
    const y = fb({ id: 'y' });
    const z = fb({ id: 'z' });
    const before = planThreads([{ line: 1, item: x }, { line: 2, item: y }, { line: 3, item: z }]);
    const yTagged = { ...y, tags: [tag('testing')] };
    const after = planThreads([{ line: 4, item: x }, { line: 2, item: yTagged }]);
    const changes = diffThreads(shownOf(before), after);
    assert.deepEqual(changes.remove, ['z']);
    assert.deepEqual(changes.create, []);
    const byKey = new Map(changes.keep.map((k) => [k.spec.key, k]));
    assert.deepEqual([byKey.get('x')!.moved, byKey.get('x')!.changed], [true, false]);
    assert.deepEqual([byKey.get('y')!.moved, byKey.get('y')!.changed], [false, true]);
  });

  it('a new comment on a line makes a new thread', () => {
    const x = fb({ id: 'x' });
    const before = planThreads([{ line: 1, item: x }]);
    const after = planThreads([{ line: 1, item: x }, { line: 1, item: fb({ id: 'n', createdAt: '2027-01-01T00:00:00Z' }) }]);
    const changes = diffThreads(shownOf(before), after);
    assert.deepEqual(changes.create.map((s) => s.key), ['x,n']);
    assert.deepEqual(changes.remove, ['x']);
  });

  it('opens threads with unresolved feedback by default, all or none when asked', () => {
    const resolved = fb({ id: 'r', isResolved: true });
    const open = fb({ id: 'o', isResolved: false });
    assert.equal(opensExpanded('unresolved', [resolved]), false);
    assert.equal(opensExpanded('unresolved', [resolved, open]), true);
    assert.equal(opensExpanded('all', [resolved]), true);
    assert.equal(opensExpanded('none', [open]), false);
  });
});
