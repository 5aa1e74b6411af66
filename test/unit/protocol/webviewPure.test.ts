// Pure parts of the webview (no DOM): virtual list geometry, filtering, the panel HTML.
import assert from 'node:assert/strict';
import type { TimelineFilters } from '../../../src/protocol';
import { journalCsp, journalHtml } from '../../../src/features/journal/html';
import { facetValues, filterFeedback } from '../../../webview-ui/src/filter';
import { RowGeometry } from '../../../webview-ui/src/virtualRange';
import { feedback, LOGIN, tag } from '../../webview/harness/fixtures';

describe('RowGeometry', () => {
  it('renders only the rows in view plus overscan', () => {
    const g = new RowGeometry(10_000, 100);
    assert.equal(g.totalHeight, 1_000_000);
    assert.deepEqual(g.visibleRange(0, 500, 3), { start: 0, end: 8 });
    assert.deepEqual(g.visibleRange(50_000, 500, 3), { start: 497, end: 508 });
    assert.deepEqual(g.visibleRange(999_950, 500, 3), { start: 9_996, end: 10_000 });
  });

  it('uses measured heights for expanded rows', () => {
    const g = new RowGeometry(5, 100, (i) => (i === 1 ? 400 : undefined));
    assert.equal(g.offsetOf(2), 500);
    assert.equal(g.heightOf(1), 400);
    assert.equal(g.indexAt(499), 1);
    assert.equal(g.indexAt(500), 2);
    assert.equal(g.totalHeight, 800);
  });

  it('handles an empty list', () => {
    assert.deepEqual(new RowGeometry(0, 100).visibleRange(0, 500, 3), { start: 0, end: 0 });
  });
});

describe('filterFeedback', () => {
  const items = [
    feedback({ id: 'a', createdAt: '2026-11-01T00:00:00Z', tags: [tag('testing')], reviewer: 'Bob', body: 'Add a TEST please' }),
    feedback({ id: 'b', createdAt: '2026-11-03T00:00:00Z', tags: [tag('design', 'suggested')], reviewer: 'carol', repo: 'acme/api' }),
    feedback({ id: 'c', createdAt: '2026-11-02T00:00:00Z', author: 'dave', reviewer: LOGIN, tags: [tag('testing')] }),
  ];
  const none: TimelineFilters = { category: '', reviewer: '', repo: '', text: '', direction: 'received' };

  it('shows received feedback newest first by default', () => {
    assert.deepEqual(filterFeedback(items, none, LOGIN, new WeakMap()).map((f) => f.id), ['b', 'a']);
  });

  it('filters by direction, category (suggestions do not count), reviewer, repo and text', () => {
    const f = (p: Partial<TimelineFilters>) => filterFeedback(items, { ...none, ...p }, LOGIN, new WeakMap()).map((x) => x.id);
    assert.deepEqual(f({ direction: 'given' }), ['c']);
    assert.deepEqual(f({ direction: 'all', category: 'testing' }), ['c', 'a']);
    assert.deepEqual(f({ category: 'untagged' }), ['b']);
    assert.deepEqual(f({ reviewer: 'bob' }), ['a']);
    assert.deepEqual(f({ repo: 'acme/api' }), ['b']);
    assert.deepEqual(f({ text: 'test p' }), ['a']);
  });

  it('lists facet values by frequency', () => {
    assert.deepEqual(facetValues([...items, feedback({ reviewer: 'carol' })], 'reviewer'), ['carol', 'alice', 'Bob']);
  });
});

describe('journal panel HTML', () => {
  const page = journalHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc+/=', scriptUri: 'https://x.vscode-cdn.net/journal.js', styleUris: ['https://x.vscode-cdn.net/journal.css'], title: 'Journal — <alice>' });

  it('has a strict CSP with the nonce', () => {
    const csp = journalCsp('https://x.vscode-cdn.net', 'abc');
    assert.match(csp, /^default-src 'none'; img-src https:\/\/x\.vscode-cdn\.net data:; style-src https:\/\/x\.vscode-cdn\.net; font-src https:\/\/x\.vscode-cdn\.net; script-src 'nonce-abc'/);
    assert.ok(!csp.includes('unsafe'));
    assert.ok(!/img-src[^;]*https:(?!\/\/)/.test(csp), 'no remote images by default');
    assert.match(journalCsp('https://x.vscode-cdn.net', 'abc', true), /img-src https:\/\/x\.vscode-cdn\.net data: https:;/, 'remote images only when turned on');
    assert.match(page, /<body data-remote-images="off">/);
  });

  it('carries the display language and its string bundle as data, escaped, and nothing for English', () => {
    const de = journalHtml({ cspSource: 'x', nonce: 'n', scriptUri: 's', styleUris: [], title: 't', language: 'de', l10n: { Overview: 'Übersicht "<x>"' } });
    assert.match(de, /<html lang="de">/);
    assert.match(de, /<meta name="l10n-bundle" content="\{&quot;Overview&quot;:&quot;Übersicht \\&quot;&lt;x&gt;\\&quot;&quot;\}">/);
    assert.equal(de.match(/<script/g)?.length, 1, 'the bundle is not a script');
    assert.match(page, /<html lang="en">/);
    assert.ok(!page.includes('l10n-bundle'));
  });

  it('has one script tag, carrying the nonce, and no inline script or style', () => {
    assert.equal(page.match(/<script/g)?.length, 1);
    assert.match(page, /<script type="module" nonce="abc\+\/=" src="https:\/\/x\.vscode-cdn\.net\/journal\.js"><\/script>/);
    assert.ok(!/<style|style=/.test(page));
    assert.ok(page.includes('Journal — &lt;alice&gt;'), 'title is escaped');
  });
});
