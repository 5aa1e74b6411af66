// The My reviews panel host without VS Code: its messages, what it sends, and
// that it opens only comments the journals hold, by the URL they hold.
import assert from 'node:assert/strict';
import type { EngineerRef, Feedback, Journal } from '../../../src/core/model';
import { DEFAULT_CATEGORIES } from '../../../src/core/taxonomy';
import { MirrorController } from '../../../src/features/mirror/mirrorController';
import type { MirrorBackend } from '../../../src/features/mirror/backend';
import { parseMirrorHostMessage, parseMirrorWebviewMessage, type MirrorHostMessage } from '../../../src/protocol/mirror';
import { journals, REVIEWER } from '../mirror/fixture';

const REVIEWER_REF = { login: REVIEWER, host: 'github.com' };

class FakeMirrorBackend implements MirrorBackend {
  calls: string[] = [];
  listeners = new Set<(e: EngineerRef) => void>();
  constructor(public data: Journal[]) {}
  async journals(): Promise<Journal[]> {
    return structuredClone(this.data);
  }
  categories() {
    return DEFAULT_CATEGORIES;
  }
  async openInEditor(_r: EngineerRef, item: Feedback): Promise<void> {
    this.calls.push(`editor:${item.id}:${item.isResolved}`);
  }
  async openExternal(url: string): Promise<boolean> {
    this.calls.push(`external:${url}`);
    return true;
  }
  async openExport(r: EngineerRef, period?: string): Promise<void> {
    this.calls.push(`export:${r.login}:${period}`);
  }
  onDidChange(l: (e: EngineerRef) => void) {
    this.listeners.add(l);
    return { dispose: () => this.listeners.delete(l) };
  }
  fire(e: EngineerRef): void {
    this.listeners.forEach((l) => l(e));
  }
}

function setup() {
  const data = journals();
  data[1]!.feedback['s1']!.url = 'javascript:alert(1)';
  const backend = new FakeMirrorBackend(data);
  const sent: MirrorHostMessage[] = [];
  let listener: (m: unknown) => void = () => {};
  const port = {
    postMessage: async (m: MirrorHostMessage) => {
      sent.push(m);
      return true;
    },
    onDidReceiveMessage: (l: (m: unknown) => void) => {
      listener = l;
      return { dispose: () => {} };
    },
  };
  const logs: string[] = [];
  const log = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
  const c = new MirrorController(REVIEWER_REF, port, backend, log, () => new Date('2026-04-01T00:00:00Z'));
  const send = async (m: unknown) => {
    listener(m);
    await new Promise((r) => setTimeout(r, 5));
  };
  const responses = () => sent.filter((m): m is Extract<MirrorHostMessage, { type: 'response' }> => m.type === 'response');
  return { c, backend, sent, send, logs, responses };
}

describe('MirrorController', () => {
  it('sends nothing before ready, then the comments the reviewer gave, once each, that the webview accepts', async () => {
    const t = setup();
    t.backend.fire(REVIEWER_REF);
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(t.sent.length, 0);
    await t.send({ type: 'ready' });
    const m = t.sent[0]!;
    assert.ok(m.type === 'mirror/didChange');
    assert.equal(m.snapshot.items.length, 24);
    assert.deepEqual(m.snapshot.sources, { journals: ['rita', 'sam-lee'], onlyInOthers: 1 });
    assert.equal(m.snapshot.now, '2026-04-01T00:00:00.000Z');
    assert.ok(parseMirrorHostMessage(JSON.parse(JSON.stringify(m))).ok, 'the snapshot passes the webview\'s validation');
  });

  it('refreshes when any journal on its host changes, not another host', async () => {
    const t = setup();
    await t.send({ type: 'ready' });
    t.backend.fire({ login: 'sam-lee', host: 'other.example.com' });
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(t.sent.length, 1);
    t.backend.fire({ login: 'sam-lee', host: 'github.com' });
    t.backend.fire({ login: 'dana', host: 'github.com' });
    await new Promise((r) => setTimeout(r, 80));
    assert.equal(t.sent.length, 2, 'a burst becomes one snapshot');
  });

  it('opens a comment from the journals, merged, in the editor or by the URL the journal holds', async () => {
    const t = setup();
    await t.send({ type: 'mirror/openComment', requestId: 1, feedbackId: 's6', where: 'editor' });
    await t.send({ type: 'mirror/openComment', requestId: 2, feedbackId: 's2', where: 'github' });
    assert.deepEqual(t.backend.calls, ['editor:s6:true', 'external:https://github.com/acme/api/pull/1#discussion_s2']);
    assert.deepEqual(t.responses().map((r) => r.ok), [true, true]);
  });

  it('refuses unknown comments, non-web URLs and unsafe links, with a message', async () => {
    const t = setup();
    await t.send({ type: 'mirror/openComment', requestId: 1, feedbackId: 'nope', where: 'editor' });
    await t.send({ type: 'mirror/openComment', requestId: 2, feedbackId: 's1', where: 'github' });
    await t.send({ type: 'link/open', requestId: 3, url: 'javascript:alert(1)' });
    await t.send({ type: 'link/open', requestId: 4, url: 'https://example.com/x' });
    const r = t.responses();
    assert.deepEqual(r.map((x) => x.ok), [false, false, false, true]);
    assert.match((r[0] as { error: string }).error, /no longer in the journals/);
    assert.match((r[1] as { error: string }).error, /no web address/);
    assert.deepEqual(t.backend.calls, ['external:https://example.com/x']);
  });

  it('opens the export for the reviewer and period', async () => {
    const t = setup();
    await t.send({ type: 'export/open', requestId: 9, period: '90d' });
    assert.deepEqual(t.backend.calls, ['export:rita:90d']);
  });

  it('drops and logs malformed messages, never echoing them', async () => {
    const t = setup();
    await t.send({ type: 'mirror/openComment', requestId: 1, feedbackId: 's1', where: 'shell', extra: '<script>' });
    await t.send({ type: 'entry/create', requestId: 2, entry: {} });
    await t.send('<img src=x>');
    assert.equal(t.sent.length, 0);
    assert.equal(t.logs.length, 3);
    assert.ok(t.logs.every((l) => !l.includes('<script>') && !l.includes('<img')));
  });
});

describe('My reviews messages', () => {
  it('accept what the panel sends and reject anything else', () => {
    assert.ok(parseMirrorWebviewMessage({ type: 'ready' }).ok);
    assert.ok(parseMirrorWebviewMessage({ type: 'view/stateChanged', state: { period: '30d', person: 'sam-lee', open: ['a:'] } }).ok);
    assert.ok(parseMirrorWebviewMessage({ type: 'export/open', requestId: 0 }).ok);
    assert.ok(!parseMirrorWebviewMessage({ type: 'export/open', requestId: 0, period: 'forever' }).ok);
    assert.ok(!parseMirrorWebviewMessage({ type: 'mirror/openComment', requestId: -1, feedbackId: 'a', where: 'editor' }).ok);
    assert.ok(!parseMirrorWebviewMessage({ type: 'mirror/openComment', requestId: 1, feedbackId: '', where: 'editor' }).ok);
    assert.ok(!parseMirrorWebviewMessage({ type: 'link/open', requestId: 1, url: 'x'.repeat(3_000) }).ok);
    assert.ok(!parseMirrorWebviewMessage({ type: 'view/stateChanged', state: { open: Array(51).fill('a') } }).ok);
  });

  it('reject a snapshot with a malformed comment', () => {
    const bad = { type: 'mirror/didChange', snapshot: { reviewer: { login: 'r', host: 'h' }, items: [{ id: 'x' }], categories: [], now: 'n', sources: { journals: [], onlyInOthers: 0 } } };
    const r = parseMirrorHostMessage(bad);
    assert.ok(!r.ok && /snapshot\.items\.0/.test(r.error));
  });
});
