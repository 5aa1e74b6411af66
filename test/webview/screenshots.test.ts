// Screenshots of every tab in the four themes (test-results/webview/,
// git-ignored) for people to look at; the test itself checks layout basics.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { postHost, THEMES } from './harness/browser';
import { demoSnapshot } from './harness/fixtures';
import { useSuite } from './harness/suite';

const OUT = resolve(__dirname, '../../test-results/webview');
const DEMO = demoSnapshot();

describe('webview screenshots', () => {
  const suite = useSuite();
  before(() => mkdirSync(OUT, { recursive: true }));

  for (const theme of THEMES) {
    it(`renders every tab in the ${theme} theme`, async () => {
      const { page, errors } = await suite.open({ theme, width: 1100, height: 900 });
      await postHost(page, { type: 'journal/didChange', snapshot: DEMO });
      await page.waitForSelector('#trend-chart');
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(OUT, `overview-${theme}.png`), fullPage: true });
      await page.click('[data-tab=timeline]');
      await page.locator('.row[data-id=d2] .row-head button').click();
      await page.waitForTimeout(200);
      await page.screenshot({ path: join(OUT, `timeline-${theme}.png`) });
      await page.click('[data-tab=goals]');
      await page.waitForSelector('.new-entry');
      await page.waitForTimeout(200);
      await page.screenshot({ path: join(OUT, `goals-${theme}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'no horizontal scrolling');
      assert.deepEqual(errors, []);
    });
  }

  it('fits a narrow panel (400 px) without horizontal scrolling', async () => {
    const { page } = await suite.open({ theme: 'dark', width: 400, height: 800 });
    await postHost(page, { type: 'journal/didChange', snapshot: DEMO });
    await page.waitForSelector('#trend-chart');
    await page.screenshot({ path: join(OUT, 'overview-narrow.png'), fullPage: true });
    await page.click('[data-tab=timeline]');
    await page.waitForSelector('.row');
    await page.screenshot({ path: join(OUT, 'timeline-narrow.png') });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
  });
});
