// "Deleted on GitHub" stubs in the journal panel's messages: the host sends
// the linked stubs (and only those) with a snapshot and with a delta when an
// item becomes one; the panel keeps them until the item is live again.
import assert from 'node:assert/strict';
import { CURRENT_SCHEMA_VERSION, type Journal } from '../../../src/core/model';
import { deletedStubs, deletedStubText } from '../../../src/core/deletedStubs';
import { applyDelta, parseHostMessage, type HostMessage } from '../../../src/protocol';
import { JournalController } from '../../../src/features/journal/journalController';
import { entry, feedback, LOGIN, snapshot } from '../../webview/harness/fixtures';
import { FakeBackend } from './fakeBackend';

const ENGINEER = { login: LOGIN, host: 'github.com' };
const GONE_AT = '2026-11-14T08:30:00Z';

function journal(): Journal {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    engineer: ENGINEER,
    syncedUntil: null,
    feedback: {
      L1: feedback({ id: 'L1' }),
      S1: feedback({ id: 'S1', reviewer: 'bob', body: 'Please split this **function**: it does three things.', deletedOnGitHubAt: GONE_AT }),
      // A stub nothing links to any more (unlinked after the sync kept it): not shown anywhere.
      S2: feedback({ id: 'S2', deletedOnGitHubAt: GONE_AT }),
    },
    entries: [entry({ id: 'G1', kind: 'goal', text: 'Smaller functions', links: ['L1', 'S1'] })],
  };
}

function controller(j: Journal) {
  const backend = new FakeBackend(j);
  const sent: HostMessage[] = [];
  let listener: (m: unknown) => void = () => {};
  const port = { postMessage: async (m: HostMessage) => (sent.push(m), true), onDidReceiveMessage: (l: (m: unknown) => void) => ((listener = l), { dispose: () => {} }) };
  const log = { info: () => {}, warn: () => {}, error: () => {} };
  const c = new JournalController(ENGINEER, port, backend, log, () => new Date('2026-11-20T12:00:00Z'));
  const ready = async () => {
    listener({ type: 'ready' });
    await new Promise((r) => setTimeout(r, 5));
  };
  return { c, backend, sent, ready };
}

describe('journal panel: deleted-on-GitHub stubs', () => {
  it('a snapshot carries the linked stubs, apart from the feedback it counts', async () => {
    const t = controller(journal());
    await t.ready();
    const m = t.sent[0]!;
    assert.ok(m.type === 'journal/didChange');
    assert.deepEqual((m.snapshot.feedback as { id: string }[]).map((f) => f.id), ['L1']);
    assert.deepEqual(m.snapshot.deleted, [{ id: 'S1', reviewer: 'bob', excerpt: 'Please split this function: it does three things.', deletedOnGitHubAt: GONE_AT }]);
    assert.ok(parseHostMessage(JSON.parse(JSON.stringify(m))).ok, 'the message passes the panel’s validation');
  });

  it('a delta names an item that became a stub as removed, with its stub', async () => {
    const t = controller(journal());
    await t.ready();
    t.backend.journal.feedback['L1'] = { ...t.backend.journal.feedback['L1']!, deletedOnGitHubAt: GONE_AT };
    t.backend.fire(ENGINEER, { feedback: ['L1'], meta: false });
    await new Promise((r) => setTimeout(r, 100));
    const d = t.sent[1]!;
    assert.ok(d.type === 'journal/didChangeItems', d.type);
    assert.deepEqual(d.delta.removed, ['L1']);
    assert.deepEqual(d.delta.deleted?.map((s) => s.id), ['L1']);
  });

  it('the panel keeps stubs across deltas, and drops one that is live again', () => {
    const base = snapshot({ feedback: [feedback({ id: 'L1' })], deleted: [{ id: 'S1', reviewer: 'bob', excerpt: 'x', deletedOnGitHubAt: GONE_AT }] });
    const now = '2026-11-20T12:00:00.000Z';
    const d1 = applyDelta(base, { engineer: ENGINEER, upsert: [], removed: ['L1'], deleted: [{ id: 'L1', reviewer: 'carol', excerpt: 'y', deletedOnGitHubAt: GONE_AT }], now, readOnly: false }).snapshot;
    assert.deepEqual(d1.feedback, []);
    assert.deepEqual(d1.deleted?.map((s) => s.id).sort(), ['L1', 'S1']);
    const d2 = applyDelta(d1, { engineer: ENGINEER, upsert: [feedback({ id: 'S1' })], removed: [], now, readOnly: false }).snapshot;
    assert.deepEqual(d2.deleted?.map((s) => s.id), ['L1'], 'S1 came back from GitHub');
  });

  it('only linked stubs are listed; the text names the date and the kind of entry', () => {
    assert.deepEqual(deletedStubs(journal()).map((s) => s.id), ['S1']);
    assert.deepEqual(deletedStubs(journal(), ['S2', 'L1']), []);
    const fmt = (d: Date) => d.toISOString().slice(0, 10);
    assert.equal(deletedStubText({ deletedOnGitHubAt: GONE_AT }, 'goal', fmt), 'Deleted on GitHub on 2026-11-14; kept here because this goal links to it.');
    assert.equal(deletedStubText({ deletedOnGitHubAt: GONE_AT }, 'action', fmt), 'Deleted on GitHub on 2026-11-14; kept here because this action item links to it.');
    assert.equal(deletedStubText({ deletedOnGitHubAt: 'garbled' }, 'note', fmt), 'Deleted on GitHub; kept here because this note links to it.');
  });
});
