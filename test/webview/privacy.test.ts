// Reading feedback must not tell an image server when or where it was read:
// images in bodies make no request unless the user turned remote images on.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { postHost } from './harness/browser';
import { feedback, snapshot } from './harness/fixtures';
import { useSuite } from './harness/suite';

const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** Every request the page makes to the tracker hosts, answered locally so no DNS or network is needed. */
async function trackerLog(page: Page): Promise<string[]> {
  const log: string[] = [];
  page.on('request', (r) => {
    if (/tracker\.example/.test(r.url())) log.push(r.url());
  });
  await page.route(/tracker\.example/, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }));
  return log;
}

const BODIES = [
  'Markdown image ![pixel](https://tracker.example/md.png) here',
  'Reference image ![ref][p]\n\n[p]: https://tracker.example/ref.png',
  'HTML image <img src="https://a.tracker.example/html.png" alt="chart">',
  'Linked badge [![badge](https://b.tracker.example/badge.svg)](https://example.com)',
];

async function show(page: Page): Promise<void> {
  await postHost(page, { type: 'journal/didChange', snapshot: snapshot({ feedback: BODIES.map((body, i) => feedback({ id: `img-${i}`, body })) }) });
  await page.click('[data-tab=timeline]');
  await page.waitForSelector('.row[data-id="img-3"]');
  for (let i = 0; i < BODIES.length; i++) await page.click(`.row[data-id="img-${i}"] .row-head button`);
  await page.waitForTimeout(500);
}

describe('webview privacy: remote images', () => {
  const suite = useSuite();

  it('loads no remote image by default: images become links', async () => {
    const { page, errors } = await suite.open();
    const requests = await trackerLog(page);
    await show(page);
    assert.deepEqual(requests, [], 'no request reached any image host');
    const dom = await page.evaluate(() => ({
      imgs: document.querySelectorAll('.row .body img').length,
      links: [...document.querySelectorAll('.row .body a')].map((a) => `${a.textContent} -> ${a.getAttribute('href')}`),
    }));
    assert.equal(dom.imgs, 0);
    assert.ok(dom.links.includes('image: pixel -> https://tracker.example/md.png'), dom.links.join('\n'));
    assert.ok(dom.links.includes('image: chart -> https://a.tracker.example/html.png'), dom.links.join('\n'));
    assert.deepEqual(errors, []);
  });

  it('loads https images once the user turns reviewMentor.render.remoteImages on', async () => {
    const { page } = await suite.open({ query: '&remoteImages=1' });
    const requests = await trackerLog(page);
    await show(page);
    assert.ok(requests.some((u) => u.endsWith('/md.png')), `the request log sees image loads: ${requests.join(', ')}`);
    assert.ok(await page.locator('.row .body img').count() >= 3);
  });
});
