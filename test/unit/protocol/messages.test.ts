import assert from 'node:assert/strict';
import { acceptSnapshot, applyDelta, parseHostMessage, parseWebviewMessage, LIMITS, parseViewState } from '../../../src/protocol';
import { entry, feedback, snapshot } from '../../webview/harness/fixtures';

describe('protocol: webview -> host', () => {
  it('accepts every well-formed message', () => {
    const valid: unknown[] = [
      { type: 'ready' },
      { type: 'view/stateChanged', state: { tab: 'timeline', period: '90d' } },
      { type: 'entry/create', requestId: 1, entry: { kind: 'goal', text: 'Write tests first', targetDate: '2026-12-31' } },
      { type: 'entry/update', requestId: 2, id: 'E1', patch: { status: 'done' } },
      { type: 'entry/update', requestId: 3, id: 'E1', patch: { targetDate: null } },
      { type: 'entry/delete', requestId: 4, id: 'E1' },
      { type: 'entry/undo', requestId: 5 },
      { type: 'feedback/link', requestId: 6, feedbackId: 'C1', entryId: 'E1' },
      { type: 'feedback/unlink', requestId: 7, feedbackId: 'C1', entryId: 'E1' },
      { type: 'feedback/openOnGitHub', requestId: 8, feedbackId: 'C1' },
      { type: 'feedback/tag', requestId: 9, feedbackId: 'C1', category: 'testing', action: 'add' },
      { type: 'suggestion/accept', requestId: 10, feedbackId: 'C1', category: 'testing' },
      { type: 'suggestion/reject', requestId: 11, feedbackId: 'C1', category: 'testing' },
      { type: 'link/open', requestId: 12, url: 'https://example.com' },
      { type: 'export/open', requestId: 13, period: '30d' },
    ];
    for (const m of valid) {
      const r = parseWebviewMessage(m);
      assert.ok(r.ok, `${JSON.stringify(m)}: ${r.ok ? '' : r.error}`);
    }
  });

  it('fills view state defaults', () => {
    const r = parseWebviewMessage({ type: 'view/stateChanged', state: {} });
    assert.ok(r.ok && r.message.type === 'view/stateChanged');
    assert.equal(r.message.state.tab, 'overview');
    assert.equal(r.message.state.filters.direction, 'received');
  });

  it('rejects unknown types and non-objects', () => {
    for (const m of [{ type: 'entry/explode', requestId: 1 }, { type: 'READY' }, {}, null, undefined, 'ready', 42, [], [{ type: 'ready' }]]) {
      assert.equal(parseWebviewMessage(m).ok, false, JSON.stringify(m));
    }
  });

  it('rejects malformed requests', () => {
    const bad: unknown[] = [
      { type: 'entry/delete', id: 'E1' }, // no requestId
      { type: 'entry/delete', requestId: -1, id: 'E1' },
      { type: 'entry/delete', requestId: 1.5, id: 'E1' },
      { type: 'entry/delete', requestId: '1', id: 'E1' },
      { type: 'entry/delete', requestId: 1, id: '' },
      { type: 'entry/delete', requestId: 1, id: 'E1', extra: true }, // strict: no smuggled fields
      { type: 'entry/create', requestId: 1, entry: { kind: 'wish', text: 'x' } },
      { type: 'entry/create', requestId: 1, entry: { kind: 'goal', text: '   ' } },
      { type: 'entry/create', requestId: 1, entry: { kind: 'goal', text: 'x', targetDate: 'next week' } },
      { type: 'entry/create', requestId: 1, entry: { kind: 'goal', text: 'x', id: 'forged' } },
      { type: 'entry/update', requestId: 1, id: 'E1', patch: {} },
      { type: 'entry/update', requestId: 1, id: 'E1', patch: { status: 'finished' } },
      { type: 'entry/update', requestId: 1, id: 'E1', patch: { links: ['C1'] } },
      { type: 'feedback/tag', requestId: 1, feedbackId: 'C1', category: 'testing', action: 'publish' },
      { type: 'ready', requestId: 1 },
    ];
    for (const m of bad) assert.equal(parseWebviewMessage(m).ok, false, JSON.stringify(m));
  });

  it('rejects extra-large inputs without echoing them', () => {
    const huge = 'A'.repeat(1_000_000);
    const r = parseWebviewMessage({ type: 'entry/create', requestId: 1, entry: { kind: 'note', text: huge } });
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.error.length < 400 && !r.error.includes('AAAA'), 'error is short and does not contain the payload');
    assert.equal(parseWebviewMessage({ type: 'link/open', requestId: 1, url: `https://x/${huge}` }).ok, false);
    assert.equal(parseWebviewMessage({ type: 'entry/delete', requestId: 1, id: 'x'.repeat(LIMITS.id + 1) }).ok, false);
    assert.equal(parseWebviewMessage({ type: 'view/stateChanged', state: { expanded: Array(201).fill('C1') } }).ok, false);
    assert.equal(parseWebviewMessage({ type: 'entry/delete', requestId: Number.MAX_SAFE_INTEGER + 2, id: 'E1' }).ok, false);
  });
});

describe('protocol: host -> webview', () => {
  it('accepts a snapshot and both response shapes', () => {
    const s = snapshot({ feedback: [feedback()], entries: [entry()] });
    assert.ok(parseHostMessage({ type: 'journal/didChange', snapshot: s }).ok);
    assert.ok(parseHostMessage({ type: 'response', requestId: 1, ok: true }).ok);
    assert.ok(parseHostMessage({ type: 'response', requestId: 1, ok: true, undo: { label: 'Goal deleted' } }).ok);
    assert.ok(parseHostMessage({ type: 'response', requestId: 1, ok: false, error: 'read-only' }).ok);
  });

  it('rejects malformed host messages', () => {
    const bad: unknown[] = [
      { type: 'journal/didChange' },
      { type: 'journal/didChange', snapshot: { ...snapshot(), now: undefined } },
      { type: 'journal/didChange', snapshot: { ...snapshot(), feedback: { not: 'a list' } } },
      { type: 'response', requestId: 1, ok: false }, // error message missing
      { type: 'response', requestId: 1, ok: 'yes' },
      { type: 'response', requestId: 1 },
      { type: 'journal/didDelete' },
      null,
    ];
    for (const m of bad) assert.equal(parseHostMessage(m).ok, false, JSON.stringify(m)?.slice(0, 120));
  });

  it('accepts a 1 MB body; one beyond the limit (or any malformed item) is set apart, not the whole snapshot', () => {
    const ok = snapshot({ feedback: [feedback({ body: 'x'.repeat(1_048_576) })] });
    const parsed = parseHostMessage({ type: 'journal/didChange', snapshot: ok });
    assert.ok(parsed.ok && parsed.message.type === 'journal/didChange' && acceptSnapshot(parsed.message.snapshot).unshown.length === 0);
    const bad = snapshot({ feedback: [feedback({ body: 'x'.repeat(LIMITS.body + 1) }), { ...feedback(), body: 42 } as never, { ...feedback(), tags: [{ category: 'x', source: 'oracle', at: '', by: 'b' }] } as never, feedback({ id: 'fine' })] });
    const r = parseHostMessage({ type: 'journal/didChange', snapshot: bad });
    assert.ok(r.ok && r.message.type === 'journal/didChange');
    if (!r.ok || r.message.type !== 'journal/didChange') return;
    const accepted = acceptSnapshot(r.message.snapshot);
    assert.deepEqual(accepted.snapshot.feedback.map((f) => f.id), ['fine']);
    assert.deepEqual(accepted.unshown.map((u) => u.reason), ['too large', 'malformed', 'malformed']);
  });

  it('parses 10,000 items', () => {
    const items = Array.from({ length: 10_000 }, (_, i) => feedback({ id: `C_big_${i}` }));
    const r = parseHostMessage({ type: 'journal/didChange', snapshot: snapshot({ feedback: items }) });
    assert.ok(r.ok && r.message.type === 'journal/didChange' && r.message.snapshot.feedback.length === 10_000);
  });
});

describe('protocol: saved view state', () => {
  it('falls back to defaults for garbage and keeps valid state', () => {
    assert.equal(parseViewState('nonsense').tab, 'overview');
    assert.equal(parseViewState({ tab: 'bogus' }).tab, 'overview');
    const s = parseViewState({ login: 'alice', host: 'github.com', tab: 'goals', scrollTop: 480 });
    assert.deepEqual([s.login, s.host, s.tab, s.scrollTop], ['alice', 'github.com', 'goals', 480]);
  });
});

describe('applyDelta', () => {
  it('replaces, appends and removes items by id, and takes entries only when sent', () => {
    const base = {
      engineer: { login: 'alice', host: 'github.com' },
      feedback: [feedback({ id: 'A' }), feedback({ id: 'B' })],
      clipped: ['B'],
      entries: [entry({ id: 'E1' })],
      categories: [],
      now: '2026-11-20T12:00:00Z',
      readOnly: false,
    };
    const r = applyDelta(base, {
      engineer: base.engineer,
      upsert: [feedback({ id: 'B', body: 'edited' }), feedback({ id: 'C' }), { id: 'D', body: 42 }],
      removed: ['A'],
      now: '2026-11-20T12:01:00Z',
      readOnly: false,
    });
    assert.deepEqual(r.snapshot.feedback.map((f) => f.id), ['B', 'C']);
    assert.equal(r.snapshot.feedback[0]!.body, 'edited');
    assert.equal(r.snapshot.clipped, undefined, 'B came back whole');
    assert.deepEqual(r.snapshot.entries.map((e) => e.id), ['E1']);
    assert.deepEqual(r.unshown.map((u) => [u.id, u.reason]), [['D', 'malformed']]);
    assert.equal(r.snapshot.now, '2026-11-20T12:01:00Z');
  });
});
