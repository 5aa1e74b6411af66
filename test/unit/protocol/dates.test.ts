// Dates in the panels follow VS Code's display language: the host sends
// vscode.env.language in the snapshot (validated like the rest of the
// protocol) and the page formats in it, English for a tag it cannot use.
import assert from 'node:assert/strict';
import { JournalController } from '../../../src/features/journal/journalController';
import { hostMessageSchema } from '../../../src/protocol';
import { mirrorSnapshotSchema } from '../../../src/protocol/mirror';
import { dateLocale, formatDate, formatMonth, setDateLanguage } from '../../../webview-ui/src/dates';
import { LOGIN } from '../../webview/harness/fixtures';
import { FakeBackend } from './fakeBackend';
import { CURRENT_SCHEMA_VERSION } from '../../../src/core/model';

const MARCH_2 = new Date('2026-03-02T00:00:00Z');
const DECEMBER = new Date('2026-12-01T00:00:00Z');

describe('panel dates in the display language', () => {
  afterEach(() => setDateLanguage(undefined));

  it('formats in German for "de": German month names', () => {
    assert.equal(setDateLanguage('de'), 'de');
    assert.match(formatDate(MARCH_2), /März/);
    assert.match(formatMonth(DECEMBER), /^Dez\.? 2026$/);
  });

  it('stays English without a language, and falls back to English for a tag it cannot use', () => {
    assert.equal(formatDate(MARCH_2), 'Mar 2, 2026');
    for (const bad of ['not a tag!', 'de_DE@@', '', 'x'.repeat(64)]) {
      assert.equal(setDateLanguage(bad), 'en', bad);
      assert.equal(formatDate(MARCH_2), 'Mar 2, 2026', bad);
    }
    assert.equal(dateLocale('zz-Latn-QQ'), Intl.DateTimeFormat.supportedLocalesOf(['zz-Latn-QQ'])[0] ?? 'en', 'a well-formed tag Intl does not know');
  });

  it('takes a regional tag as given (pt-BR, zh-cn)', () => {
    assert.equal(setDateLanguage('pt-BR'), 'pt-BR');
    assert.match(formatDate(MARCH_2), /mar/i);
    assert.equal(dateLocale('zh-cn').toLowerCase(), 'zh-cn');
  });

  it('sends vscode.env.language in the journal snapshot, checked by the protocol schema', async () => {
    const backend = Object.assign(new FakeBackend({ schemaVersion: CURRENT_SCHEMA_VERSION, engineer: { login: LOGIN, host: 'github.com' }, syncedUntil: null, feedback: {}, entries: [] } as never), { language: () => 'de' });
    const port = { postMessage: async () => true, onDidReceiveMessage: () => ({ dispose() {} }) };
    const c = new JournalController({ login: LOGIN, host: 'github.com' }, port as never, backend, { info() {}, warn() {}, error() {} });
    const snapshot = await c.snapshot();
    c.dispose();
    assert.equal(snapshot.language, 'de');
    assert.ok(hostMessageSchema.safeParse({ type: 'journal/didChange', snapshot }).success);
    assert.ok(!hostMessageSchema.safeParse({ type: 'journal/didChange', snapshot: { ...snapshot, language: 'x'.repeat(65) } }).success, 'an overlong tag is refused');
    assert.ok(!hostMessageSchema.safeParse({ type: 'journal/didChange', snapshot: { ...snapshot, language: 7 } }).success, 'a tag is a string');
    const mirror = { reviewer: { login: LOGIN, host: 'github.com' }, items: [], categories: [], now: '2026-03-02T00:00:00Z', language: 'de', sources: { journals: [], onlyInOthers: 0 } };
    assert.ok(mirrorSnapshotSchema.safeParse(mirror).success);
    assert.ok(!mirrorSnapshotSchema.safeParse({ ...mirror, language: 'x'.repeat(65) }).success);
  });
});
