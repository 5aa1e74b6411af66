// Hostile comment bodies: nothing may run, load, cover the page or break it.
import assert from 'node:assert/strict';
import { postHost, posted, waitForPosted } from './harness/browser';
import { feedback, snapshot } from './harness/fixtures';
import { useSuite } from './harness/suite';

type Win = { __pwned?: unknown; __cspViolations: unknown[] };

function payloads(origin: string): [string, string][] {
  const ping = (what: string) => `window.__pwned=1;new Image().src='${origin}/pwned?${what}'`;
  return [
    ['script', `<script>${ping('script')}</script> after script`],
    ['img-onerror', `<img src=x onerror="${ping('img')}">`],
    ['js-link', '[click me js](javascript:window.__pwned=1)'],
    ['data-link', '[click me data](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19wd25lZD0xPC9zY3JpcHQ+)'],
    ['svg-script', `<svg><script>${ping('svgscript')}</script></svg>`],
    ['svg-onload', `<svg onload="${ping('svgonload')}"><circle r="5"/></svg>`],
    ['style', '<style>body{display:none}</style>styled text'],
    ['overlay', '<div style="position:fixed;inset:0;z-index:9999;background:red" id="overlay">OVERLAY</div>'],
    ['overlay-p', '<p style="position:fixed;inset:0;z-index:9999;background:red" class="toast" id="overlay">OVERLAY</p>'],
    ['iframe', `<iframe src="${origin}/pwned?iframe"></iframe><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`],
    ['form', `<form action="${origin}/pwned?form"><input name="q" value="x"><button>Submit</button></form>`],
    ['misc', `<object data="${origin}/pwned?object"></object><embed src="${origin}/pwned?embed"><meta http-equiv="refresh" content="0;url=${origin}/pwned?meta"><base href="${origin}/pwned/"><link rel="stylesheet" href="${origin}/pwned?link"><img src="${origin}/pwned?httpimg"><a href="/pwned?relative">relative</a>`],
    ['marker', 'Good catch <!-- review-mentor: technical/testing --> here'],
  ];
}

describe('webview security: hostile comment bodies', () => {
  const suite = useSuite();

  it('runs no script, loads nothing, draws no overlay, and keeps working', async () => {
    const { harness } = suite;
    const { page, errors } = await suite.open({ height: 2400 });
    const items = payloads(harness.origin).map(([name, body], i) =>
      feedback({ id: `evil-${name}`, body, createdAt: new Date(Date.UTC(2026, 10, 19, 23 - i)).toISOString() }),
    );
    // Hostile metadata too: Lit must escape it and the PR link must not become a javascript: URL.
    // Oldest, so it renders last: expanded it is taller than the window.
    items.push(feedback({ id: 'evil-big', body: `start of a big body ${'x'.repeat(1_048_576)}`, createdAt: '2026-10-01T00:00:00Z' }));
    items.push(feedback({ id: 'evil-meta', reviewer: '<img src=x onerror=window.__pwned=1>', prTitle: '<script>window.__pwned=1</script>', prUrl: 'javascript:window.__pwned=1', createdAt: '2026-11-01T00:00:00Z' }));
    await postHost(page, { type: 'journal/didChange', snapshot: snapshot({ feedback: items }) });
    await page.click('[data-tab=timeline]');
    await page.waitForSelector('.row[data-id="evil-meta"]');
    // Expand every row so each full body is rendered, not only the clipped preview.
    for (const it of items) await page.click(`.row[data-id="${it.id}"] .row-head button`);
    assert.equal(await page.locator('.row.expanded').count(), items.length);
    await page.waitForTimeout(500); // give onerror/onload handlers a chance to fire
    for (const text of ['click me js', 'click me data', 'relative']) await page.getByText(text, { exact: true }).click();
    await page.waitForTimeout(300);

    assert.equal(await page.evaluate(() => (globalThis as unknown as Win).__pwned), undefined, 'no payload ran');
    assert.deepEqual(harness.requests.filter((r) => r.includes('pwned')), [], 'no payload reached the server');
    // DOMPurify parses the dirty HTML in an inert DOMParser document, which
    // inherits the CSP and reports inline attributes there. Nothing in the
    // live page may have tried to load or execute anything.
    const violations = (await page.evaluate(() => (globalThis as unknown as Win).__cspViolations)) as { directive: string }[];
    const inertParse = new Set(['script-src-attr', 'style-src-attr', 'style-src-elem', 'base-uri']);
    assert.deepEqual(violations.filter((v) => !inertParse.has(v.directive)), [], 'no blocked script, frame, image, object or form load');
    assert.ok(page.url().endsWith('/index.html?theme=dark'), 'the page did not navigate');
    assert.deepEqual((await posted(page, 'link/open')).map((m) => m.url), [], 'unsafe links send nothing to the host');

    const dom = await page.evaluate(() => {
      const bodies = [...document.querySelectorAll('.row .body')];
      const all = bodies.flatMap((b) => [...b.querySelectorAll('*')]);
      return {
        rows: document.querySelectorAll('.row').length,
        forbidden: all.filter((e) => /^(script|style|iframe|object|embed|svg|form|input|button|meta|base|link)$/i.test(e.tagName)).map((e) => e.tagName),
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'style').map((a) => `${e.tagName}.${a.name}`)),
        hrefs: all.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href')),
        srcs: all.filter((e) => e.hasAttribute('src')).map((e) => e.getAttribute('src')),
        fixed: all.filter((e) => ['fixed', 'absolute'].includes(getComputedStyle(e).position)).length,
        markerShown: bodies.some((b) => b.textContent?.includes('review-mentor:')),
        bodyDisplay: getComputedStyle(document.body).display,
        prLink: document.querySelector('.row[data-id="evil-meta"] .pr-link')?.getAttribute('href'),
        metaText: document.querySelector('.row[data-id="evil-meta"] .row-title')?.textContent,
        bigShortened: document.querySelector('.row[data-id="evil-big"]')?.textContent?.includes('Long comment shortened'),
        center: (() => {
          const el = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
          return { inApp: !!el?.closest('#app'), overlay: !!el?.closest('#overlay') || el?.textContent === 'OVERLAY' };
        })(),
      };
    });
    assert.equal(dom.rows, items.length, 'every row rendered');
    assert.deepEqual(dom.forbidden, []);
    assert.deepEqual(dom.handlers, []);
    assert.deepEqual(dom.hrefs, [], 'javascript:, data: and relative links lost their href');
    assert.deepEqual(dom.srcs, [], 'only https images keep a src');
    assert.equal(dom.fixed, 0);
    assert.equal(dom.markerShown, false, 'tag markers are stripped');
    assert.notEqual(dom.bodyDisplay, 'none');
    assert.equal(dom.prLink, '#');
    assert.ok(dom.metaText?.includes('<img src=x onerror=window.__pwned=1>'), 'hostile reviewer name shown as text');
    assert.equal(dom.bigShortened, true);
    assert.deepEqual(dom.center, { inApp: true, overlay: false });

    // Still works: tabs switch and buttons post messages.
    await page.click('[data-tab=overview]');
    await page.waitForSelector('[data-testid=total-count]');
    await page.click('[data-tab=timeline]');
    await page.locator('.row[data-id="evil-script"] .row-actions button', { hasText: 'Open on GitHub' }).click();
    const [open] = await waitForPosted(page, 'feedback/openOnGitHub');
    assert.equal(open?.feedbackId, 'evil-script');
    assert.deepEqual(errors, []);
  });

  it('has the CSP block inline handlers even if markup got past the sanitiser', async () => {
    const { page } = await suite.open();
    await page.evaluate(() => {
      const d = document.createElement('div');
      d.innerHTML = '<img src="x" onerror="window.__pwned=1">';
      document.body.append(d);
    });
    await page.waitForFunction(() => (globalThis as unknown as Win).__cspViolations.length > 0);
    assert.equal(await page.evaluate(() => (globalThis as unknown as Win).__pwned), undefined);
  });
});
