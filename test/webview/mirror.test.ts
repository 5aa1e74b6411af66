// The My reviews panel in Chromium behind the real CSP: the mix, the prompts
// and the comments behind them, requests to the host, state after a reload,
// hostile comment bodies, and screenshots (test-results/webview/mirror-*.png).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { collectGiven } from '../../src/core/mirror';
import { DEFAULT_CATEGORIES } from '../../src/core/taxonomy';
import type { Feedback } from '../../src/core/model';
import type { MirrorSnapshot } from '../../src/protocol/mirror';
import { journals, REVIEWER } from '../unit/mirror/fixture';
import { postHost, posted, waitForPosted } from './harness/browser';
import { useSuite } from './harness/suite';

const OUT = resolve(__dirname, '../../test-results/webview');
type Win = { __pwned?: unknown; __cspViolations: { directive: string }[] };

function snapshot(items: Feedback[] = collectGiven(REVIEWER, journals()).items): MirrorSnapshot {
  return {
    reviewer: { login: REVIEWER, host: 'github.com' },
    items,
    categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })),
    // 30 days back from here covers March 1-28 and leaves out February.
    now: '2026-03-29T00:00:00.000Z',
    sources: { journals: ['rita', 'sam-lee'], onlyInOthers: 1 },
  };
}

async function choose(page: Page, selector: string, value: string): Promise<void> {
  await page.evaluate(([sel, v]) => {
    const s = document.querySelector<HTMLSelectElement>(sel!)!;
    s.value = v!;
    s.dispatchEvent(new Event('change'));
  }, [selector, value]);
}

async function show(page: Page, s: MirrorSnapshot = snapshot()): Promise<void> {
  await postHost(page, { type: 'mirror/didChange', snapshot: s });
  await page.waitForSelector('[data-testid=mirror-total]');
  await choose(page, '#period', '30d');
  await page.waitForFunction(() => document.querySelector('[data-testid=mirror-total]')?.textContent === '23');
}

describe('My reviews panel', () => {
  const suite = useSuite();

  it('shows the mix, the people and prompts that open the comments behind them', async () => {
    const { page, errors } = await suite.open({ page: 'mirror' });
    await show(page);
    assert.equal(await page.locator('[data-testid=mirror-praise]').innerText(), '22%');
    assert.equal(await page.locator('[data-testid=mirror-blocking]').innerText(), '39%');
    assert.match(await page.locator('[data-testid=mirror-sources]').innerText(), /23 comments you gave in the last 30 days, from your journal and 1 other journal \(1 found only there\)/);
    assert.match(await page.locator('tr[data-axis=kind]').innerText(), /Praise\s+5\s+22%/);
    assert.match(await page.locator('tr[data-axis=kind]').innerText(), /Not confirmed, likely: 1 praise, 1 issue/);
    assert.match(await page.locator('tr[data-person=eli]').innerText(), /more blocking \(100% against 22%\)/);
    const svgLabel = await page.locator('tr[data-axis=blocking] svg').getAttribute('aria-label');
    assert.equal(svgLabel, 'Blocking: blocking 9 (39%), not blocking 14 (61%)');

    const prompts = page.locator('.prompt');
    assert.equal(await prompts.count(), 7);
    const samPrompt = page.locator('.prompt[data-key="no-praise-for-person:sam-lee"]');
    assert.match(await samPrompt.innerText(), /You left 6 issues and no praise for sam-lee in the last 30 days/);
    await samPrompt.getByRole('button', { name: /Show the 6 comments/ }).click();
    const linked = samPrompt.locator('.linked-comment');
    await linked.first().waitFor();
    assert.deepEqual((await linked.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id))).sort(), ['s1', 's2', 's3', 's4', 's5', 's6']);
    await samPrompt.locator('.linked-comment[data-id=s1] [data-action=open]').click();
    const [open] = await waitForPosted(page, 'mirror/openComment');
    assert.deepEqual({ id: open!.feedbackId, where: open!.where }, { id: 's1', where: 'editor' });
    await samPrompt.locator('.linked-comment[data-id=s2] [data-action=github]').click();
    const [, gh] = await waitForPosted(page, 'mirror/openComment', 2);
    assert.deepEqual({ id: gh!.feedbackId, where: gh!.where }, { id: 's2', where: 'github' });
    await postHost(page, { type: 'response', requestId: open!.requestId, ok: false, error: 'That comment is no longer in the journals.' });
    await page.locator('[data-testid=toast]', { hasText: 'no longer in the journals' }).waitFor();

    await page.click('#export');
    const [exp] = await waitForPosted(page, 'export/open');
    assert.equal(exp!.period, '30d');
    assert.deepEqual(errors, []);
  });

  it('compares one person with everyone else, and keeps the view after a reload', async () => {
    const { page } = await suite.open({ page: 'mirror' });
    await show(page);
    await page.locator('tr[data-person=eli] button').click();
    await page.waitForSelector('#mix-h:has-text("eli and everyone else")');
    assert.match(await page.locator('.mix-table thead').innerText(), /To eli \(5\)\s+Everyone else \(18\)/);
    await page.locator('.prompt[data-key="blocking-theme:"] .prompt-toggle').click();
    await page.locator('.prompt[data-key="blocking-theme:"] .linked-comment').first().waitFor();
    await page.waitForTimeout(600); // the state is reported to the host after 500 ms
    const [state] = (await posted(page, 'view/stateChanged')).slice(-1);
    assert.deepEqual((state as { state: unknown }).state, { login: 'rita', host: 'github.com', period: '30d', person: 'eli', open: ['blocking-theme:'] });

    await page.reload();
    await waitForPosted(page, 'ready');
    await postHost(page, { type: 'mirror/didChange', snapshot: snapshot() });
    await page.locator('.prompt[data-key="blocking-theme:"] .linked-comment').first().waitFor();
    assert.equal(await page.locator('[data-testid=mirror-total]').innerText(), '23', 'the period survived the reload');
    assert.match(await page.locator('#mix-h').innerText(), /eli and everyone else/);
  });

  it('runs nothing from hostile comment bodies and names', async () => {
    const { page, errors } = await suite.open({ page: 'mirror' });
    const origin = suite.harness.origin;
    const ping = (what: string) => `window.__pwned=1;new Image().src='${origin}/pwned?${what}'`;
    const bodies = [
      `issue (blocking): <script>${ping('script')}</script> after script`,
      `issue (blocking): <img src=x onerror="${ping('img')}">`,
      'issue (blocking): [click me js](javascript:window.__pwned=1)',
      `issue (blocking): <svg onload="${ping('svg')}"><circle r="5"/></svg>`,
      `issue (blocking): <iframe src="${origin}/pwned?iframe"></iframe><form action="${origin}/pwned?form"><button>Go</button></form>`,
      'issue (blocking): <div style="position:fixed;inset:0;z-index:9999;background:red" id="overlay">OVERLAY</div>',
    ];
    const items: Feedback[] = bodies.map((body, i) => ({
      id: `evil-${i}`, kind: 'review-comment', prUrl: 'javascript:window.__pwned=1', prTitle: `<img src=x onerror="${ping('title')}">`, repo: 'acme/api', prNumber: i + 1,
      author: '<b>mallory</b>', reviewer: REVIEWER, body, url: 'javascript:window.__pwned=1', createdAt: `2026-03-1${i}T10:00:00Z`, updatedAt: `2026-03-1${i}T10:00:00Z`,
      isResolved: false, tags: [], conventional: { label: 'issue', decorations: ['blocking'], blocking: true },
    }));
    await postHost(page, { type: 'mirror/didChange', snapshot: snapshot(items) });
    await page.waitForSelector('[data-testid=mirror-total]');
    await choose(page, '#period', '30d');
    const prompt = page.locator('.prompt[data-rule=mostly-blocking-for-person]');
    await prompt.locator('.prompt-toggle').click();
    await prompt.locator('.linked-comment').nth(5).waitFor();
    await page.waitForTimeout(500);
    await page.getByText('click me js', { exact: true }).click();
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (globalThis as unknown as Win).__pwned), undefined, 'no payload ran');
    assert.deepEqual(suite.harness.requests.filter((r) => r.includes('pwned')), [], 'no payload reached the server');
    const violations = await page.evaluate(() => (globalThis as unknown as Win).__cspViolations);
    assert.deepEqual(violations.filter((v) => !['script-src-attr', 'style-src-attr', 'style-src-elem', 'base-uri'].includes(v.directive)), []);
    const dom = await page.evaluate(() => {
      const all = [...document.querySelectorAll('.linked-comment .body *')];
      return {
        forbidden: all.filter((e) => /^(script|style|iframe|object|embed|svg|form|button|input)$/i.test(e.tagName)).map((e) => e.tagName),
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'style').map((a) => a.name)),
        hrefs: all.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href')),
        overlay: !!document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.closest('#overlay'),
        names: document.querySelector('.linked-comment .row-title')?.textContent ?? '',
      };
    });
    assert.deepEqual(dom.forbidden, []);
    assert.deepEqual(dom.handlers, []);
    assert.deepEqual(dom.hrefs, []);
    assert.equal(dom.overlay, false);
    assert.match(dom.names, /To <b>mallory<\/b> on acme\/api#\d <img src=x onerror=/, 'hostile names and titles are shown as text');
    assert.deepEqual((await posted(page, 'link/open')).map((m) => m.url), []);
    assert.deepEqual(errors, []);
  });

  it('drops malformed host messages and keeps working', async () => {
    const { page, console: lines } = await suite.open({ page: 'mirror' });
    await postHost(page, { type: 'mirror/didChange', snapshot: { ...snapshot(), items: [{ id: 'x' }] } });
    await postHost(page, { type: 'journal/didChange', snapshot: {} });
    await page.waitForFunction(() => document.querySelector('.loading') !== null);
    assert.ok(lines.some((l) => /\[my reviews\] rejected message "mirror\/didChange": snapshot\.items\.0/.test(l)), lines.join('\n'));
    await show(page);
  });

  it('screenshots in light and dark, and fits a narrow panel', async () => {
    mkdirSync(OUT, { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      const { page, errors } = await suite.open({ page: 'mirror', theme, width: 1100, height: 900 });
      await show(page);
      await page.locator('.prompt[data-key="no-praise-for-person:sam-lee"] .prompt-toggle').click();
      await page.locator('.linked-comment').first().waitFor();
      await page.screenshot({ path: join(OUT, `mirror-${theme}.png`), fullPage: true });
      assert.deepEqual(errors, []);
    }
    const { page } = await suite.open({ page: 'mirror', width: 420, height: 800 });
    await show(page);
    await page.screenshot({ path: join(OUT, 'mirror-narrow.png'), fullPage: true });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'no horizontal scrolling');
  });
});
