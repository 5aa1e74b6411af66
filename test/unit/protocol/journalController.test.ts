import assert from 'node:assert/strict';
import { CURRENT_SCHEMA_VERSION, type Journal } from '../../../src/core/model';
import type { HostMessage } from '../../../src/protocol';
import { JournalController } from '../../../src/features/journal/journalController';
import { entry, feedback, LOGIN } from '../../webview/harness/fixtures';
import { FakeBackend } from './fakeBackend';

const ENGINEER = { login: LOGIN, host: 'github.com' };

function setup() {
  const f = feedback({ id: 'C1', url: 'https://github.com/acme/widgets/pull/1#discussion_r1' });
  const journal: Journal = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    engineer: ENGINEER,
    syncedUntil: null,
    feedback: { C1: f, C2: feedback({ id: 'C2', url: 'javascript:alert(1)' }) },
    entries: [entry({ id: 'E0', kind: 'goal', text: 'Ship tests', targetDate: '2026-12-01' })],
  };
  const backend = new FakeBackend(journal);
  const sent: HostMessage[] = [];
  let listener: (m: unknown) => void = () => {};
  let subscribed = true;
  const port = {
    postMessage: async (m: HostMessage) => {
      sent.push(m);
      return true;
    },
    onDidReceiveMessage: (l: (m: unknown) => void) => {
      listener = l;
      return { dispose: () => (subscribed = false) };
    },
  };
  const logs: string[] = [];
  const log = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
  const c = new JournalController(ENGINEER, port, backend, log, () => new Date('2026-11-20T12:00:00Z'));
  const send = async (m: unknown) => {
    listener(m);
    await new Promise((r) => setTimeout(r, 5));
  };
  const responses = () => sent.filter((m): m is Extract<HostMessage, { type: 'response' }> => m.type === 'response');
  return { c, backend, sent, send, logs, responses, isSubscribed: () => subscribed };
}

describe('JournalController', () => {
  it('holds notifications until ready, then sends a snapshot', async () => {
    const t = setup();
    t.backend.fire(ENGINEER);
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(t.sent.length, 0, 'nothing before ready');
    await t.send({ type: 'ready' });
    assert.equal(t.sent.length, 1);
    const m = t.sent[0]!;
    assert.ok(m.type === 'journal/didChange');
    assert.equal(m.snapshot.feedback.length, 2);
    assert.equal(m.snapshot.now, '2026-11-20T12:00:00.000Z');
    assert.equal(m.snapshot.readOnly, false);
    assert.ok(m.snapshot.categories.length >= 14);
  });

  it('refreshes on changes to its own engineer only, coalescing bursts', async () => {
    const t = setup();
    await t.send({ type: 'ready' });
    t.backend.fire({ login: 'someone-else', host: 'github.com' });
    t.backend.fire({ login: 'ALICE', host: 'github.com' });
    t.backend.fire({ login: 'alice', host: 'github.com' });
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(t.sent.filter((m) => m.type === 'journal/didChange').length, 2);
  });

  it('after the first snapshot, sends only the items that changed (no diff hunks), and a full snapshot when it cannot tell', async () => {
    const t = setup();
    await t.send({ type: 'ready' });
    const snapshotBytes = JSON.stringify(t.sent[0]).length;
    const c1 = t.backend.journal.feedback['C1']!;
    t.backend.journal.feedback['C1'] = { ...c1, diffHunk: '@@ -1 +1 @@\n+x', tags: [{ category: 'testing', source: 'manual', at: 'now', by: 'me' }] };
    delete t.backend.journal.feedback['C2'];
    t.backend.fire(ENGINEER, { feedback: ['C1', 'C2'], meta: false });
    await new Promise((r) => setTimeout(r, 100));
    const delta = t.sent[1]!;
    assert.ok(delta.type === 'journal/didChangeItems', delta.type);
    assert.deepEqual((delta.delta.upsert as { id: string }[]).map((f) => f.id), ['C1']);
    assert.deepEqual(delta.delta.removed, ['C2']);
    assert.equal((delta.delta.upsert[0] as { diffHunk?: string }).diffHunk, undefined, 'no diff hunk travels');
    assert.equal(delta.delta.entries, undefined, 'entries only when the main file changed');
    assert.ok(JSON.stringify(delta).length < snapshotBytes);
    t.backend.fire(ENGINEER, { feedback: [], meta: true });
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(t.sent[2]!.type === 'journal/didChangeItems' && t.sent[2]!.delta.entries?.length === 1);
    t.backend.fire(ENGINEER, { feedback: 'all', meta: true });
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(t.sent[3]!.type, 'journal/didChange');
  });

  it('logs and ignores malformed messages', async () => {
    const t = setup();
    await t.send({ type: 'ready' });
    await t.send({ type: 'entry/delete', id: 'E0' }); // no requestId
    await t.send({ type: 'entry/wipe', requestId: 1 });
    await t.send('ready');
    assert.deepEqual(t.backend.calls, []);
    assert.equal(t.responses().length, 0);
    assert.equal(t.logs.filter((l) => l.includes('rejected message')).length, 3);
  });

  it('deletes with undo, and undo restores the entry', async () => {
    const t = setup();
    await t.send({ type: 'entry/delete', requestId: 1, id: 'E0' });
    assert.deepEqual(t.responses()[0], { type: 'response', requestId: 1, ok: true, undo: { label: 'Goal deleted' } });
    assert.equal(t.backend.journal.entries.length, 0);
    await t.send({ type: 'entry/undo', requestId: 2 });
    assert.ok(t.responses()[1]!.ok);
    assert.deepEqual(t.backend.journal.entries.map((e) => [e.id, e.text, e.targetDate]), [['E0', 'Ship tests', '2026-12-01']]);
    await t.send({ type: 'entry/undo', requestId: 3 });
    const third = t.responses()[2]!;
    assert.ok(!third.ok && third.error === 'Nothing to undo.');
  });

  it('undoes an edit by applying the inverse patch', async () => {
    const t = setup();
    await t.send({ type: 'entry/update', requestId: 1, id: 'E0', patch: { text: 'Ship more tests', targetDate: null } });
    assert.equal(t.backend.journal.entries[0]!.targetDate, undefined);
    await t.send({ type: 'entry/undo', requestId: 2 });
    assert.deepEqual([t.backend.journal.entries[0]!.text, t.backend.journal.entries[0]!.targetDate], ['Ship tests', '2026-12-01']);
  });

  it('refuses writes when read-only, but still opens links', async () => {
    const t = setup();
    t.backend.readOnly = 'This journal was written by a newer version.';
    await t.send({ type: 'entry/create', requestId: 1, entry: { kind: 'note', text: 'hi' } });
    await t.send({ type: 'feedback/openOnGitHub', requestId: 2, feedbackId: 'C1' });
    const [a, b] = t.responses();
    assert.ok(a && !a.ok && a.error.includes('newer version'));
    assert.ok(b?.ok);
    assert.deepEqual(t.backend.calls, []);
  });

  it('opens only the journal URL for feedback, and only safe schemes for links', async () => {
    const t = setup();
    await t.send({ type: 'feedback/openOnGitHub', requestId: 1, feedbackId: 'C1' });
    await t.send({ type: 'feedback/openOnGitHub', requestId: 2, feedbackId: 'C2' }); // journal holds a javascript: URL
    await t.send({ type: 'feedback/openOnGitHub', requestId: 3, feedbackId: 'nope' });
    await t.send({ type: 'link/open', requestId: 4, url: 'javascript:alert(1)' });
    await t.send({ type: 'link/open', requestId: 5, url: 'file:///etc/passwd' });
    await t.send({ type: 'link/open', requestId: 6, url: 'mailto:bob@example.com' });
    assert.deepEqual(t.backend.opened, ['https://github.com/acme/widgets/pull/1#discussion_r1', 'mailto:bob@example.com']);
    assert.deepEqual(t.responses().map((r) => r.ok), [true, false, false, false, false, true]);
  });

  it('links only existing feedback and entries, and routes tag operations', async () => {
    const t = setup();
    await t.send({ type: 'feedback/link', requestId: 1, feedbackId: 'C1', entryId: 'E0' });
    await t.send({ type: 'feedback/link', requestId: 2, feedbackId: 'C9', entryId: 'E0' });
    await t.send({ type: 'suggestion/accept', requestId: 3, feedbackId: 'C1', category: 'testing' });
    await t.send({ type: 'suggestion/reject', requestId: 4, feedbackId: 'C1', category: 'tone' });
    await t.send({ type: 'feedback/tag', requestId: 5, feedbackId: 'C1', category: 'design', action: 'remove' });
    await t.send({ type: 'feedback/tagPicker', requestId: 6, feedbackId: 'C1' });
    await t.send({ type: 'feedback/tagPicker', requestId: 7, feedbackId: 'C9' });
    // Rejecting asks "Not Tone: what is it?" with the Feedback view's picker, as the tree does.
    assert.deepEqual(t.backend.calls, ['link:E0:C1', 'tag:accept:C1:testing', 'pick:reject:C1', 'tag:remove:C1:design', 'pick:tag:C1']);
    assert.deepEqual(t.responses().map((r) => r.ok), [true, false, true, true, true, true, false]);
  });

  it('without the pickers, a rejection still rejects (and asks nothing)', async () => {
    const t = setup();
    t.backend.pickers = false;
    await t.send({ type: 'ready' });
    await t.send({ type: 'suggestion/reject', requestId: 1, feedbackId: 'C1', category: 'tone' });
    await t.send({ type: 'feedback/tagPicker', requestId: 2, feedbackId: 'C1' });
    assert.deepEqual(t.backend.calls, ['tag:reject:C1:']);
    assert.deepEqual(t.responses().map((r) => r.ok), [true, false]);
  });

  it('an action item belongs to a goal of the journal; nothing else does; undo puts the old goal back', async () => {
    const t = setup();
    await t.send({ type: 'entry/create', requestId: 1, entry: { kind: 'action', text: 'Read the testing guide', goalId: 'E0' } });
    await t.send({ type: 'entry/create', requestId: 2, entry: { kind: 'action', text: 'Orphan', goalId: 'nope' } });
    await t.send({ type: 'entry/create', requestId: 3, entry: { kind: 'note', text: 'A note', goalId: 'E0' } });
    assert.deepEqual(t.responses().map((r) => r.ok), [true, false, false]);
    const action = t.backend.journal.entries.find((e) => e.text === 'Read the testing guide')!;
    assert.equal(action.goalId, 'E0');
    await t.send({ type: 'entry/update', requestId: 4, id: action.id, patch: { goalId: null } });
    assert.equal(t.backend.journal.entries.find((e) => e.id === action.id)!.goalId, undefined);
    await t.send({ type: 'entry/undo', requestId: 5 });
    assert.equal(t.backend.journal.entries.find((e) => e.id === action.id)!.goalId, 'E0', 'undo restores the goal');
    await t.send({ type: 'entry/update', requestId: 6, id: 'E0', patch: { goalId: 'E0' } });
    assert.equal(t.responses().at(-1)!.ok, false, 'a goal does not belong to a goal');
  });

  it('answers export/open with an error when the backend has no export', async () => {
    const t = setup();
    await t.send({ type: 'export/open', requestId: 1 });
    assert.equal(t.responses()[0]!.ok, false);
  });

  it('waits for a new ready after the webview is torn down, and disposes its subscriptions', async () => {
    const t = setup();
    await t.send({ type: 'ready' });
    t.c.webviewGone();
    t.backend.fire(ENGINEER);
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(t.sent.length, 1);
    t.c.dispose();
    assert.equal(t.backend.listenerCount, 0);
    assert.equal(t.isSubscribed(), false);
  });

  it('keeps the reported view state', async () => {
    const t = setup();
    await t.send({ type: 'view/stateChanged', state: { tab: 'goals' } });
    assert.equal(t.c.lastViewState?.tab, 'goals');
  });

  it('review: one write per decision and per batch, undone newest first, corrections recorded and withdrawn', async () => {
    const t = setup();
    const sug = (category: string, confidence: number) => [{ category, source: 'suggested' as const, confidence, at: 't', by: 'review-mentor' }];
    Object.assign(t.backend.journal.feedback, {
      P1: feedback({ id: 'P1', tags: sug('praise', 0.95) }),
      P2: feedback({ id: 'P2', tags: sug('praise', 0.92) }),
      T1: feedback({ id: 'T1', tags: sug('tone', 0.4) }),
    });
    await t.send({ type: 'review/decide', requestId: 1, feedbackId: 'T1', decision: { kind: 'pick', category: 'testing' } });
    await t.send({ type: 'review/batch', requestId: 2, category: 'praise', minConfidence: 0.9, feedbackIds: ['P1', 'P2', 'T1'] });
    assert.deepEqual(t.responses().map((r) => r.ok && [r.applied, r.skipped]), [[1, 0], [2, 1]]);
    assert.equal(t.backend.writes, 2);
    assert.deepEqual(t.backend.corrections.map((c) => [c.category, c.rejected]), [['testing', 'tone'], ['praise', undefined], ['praise', undefined]]);
    // Undo must name what the last write changed.
    await t.send({ type: 'review/undo', requestId: 3, feedbackIds: ['T1'] });
    assert.equal(t.responses()[2]!.ok, false);
    await t.send({ type: 'review/undo', requestId: 4, feedbackIds: ['P2', 'P1'] });
    assert.equal(t.backend.writes, 3, 'the batch is undone in one write');
    assert.deepEqual(['P1', 'P2'].map((id) => t.backend.journal.feedback[id]!.tags[0]!.source), ['suggested', 'suggested']);
    assert.deepEqual(t.backend.corrections.map((c) => c.category), ['testing']);
    await t.send({ type: 'review/undo', requestId: 5, feedbackIds: ['T1'] });
    assert.equal(t.backend.journal.feedback.T1!.tags[0]!.category, 'tone');
    assert.deepEqual(t.backend.journal.feedback.T1!.rejectedSuggestions, undefined);
    await t.send({ type: 'review/undo', requestId: 6, feedbackIds: ['T1'] });
    const last = t.responses()[5]!;
    assert.ok(!last.ok && last.error === 'Nothing to undo.');
  });

  it('review: refuses a decision on a read-only journal and a pick without a category', async () => {
    const t = setup();
    await t.send({ type: 'review/decide', requestId: 1, feedbackId: 'C1', decision: { kind: 'pick' } });
    assert.equal(t.responses().length, 0, 'malformed: dropped');
    t.backend.readOnly = 'newer version';
    await t.send({ type: 'review/decide', requestId: 2, feedbackId: 'C1', decision: { kind: 'pick', category: 'testing' } });
    assert.equal(t.responses()[0]!.ok, false);
    assert.equal(t.backend.writes, 0);
  });

  it('opens a tab once the page is ready', async () => {
    const t = setup();
    await t.c.show('review');
    assert.equal(t.sent.length, 0);
    await t.send({ type: 'ready' });
    assert.deepEqual(t.sent.map((m) => m.type), ['journal/didChange', 'view/show']);
  });
});
