// Screenshots of every tab in light and dark themes (test-results/webview/,
// git-ignored) for people to look at; the test itself checks layout basics.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { postHost } from './harness/browser';
import { entry, feedback, manyFeedback, snapshot, tag } from './harness/fixtures';
import { useSuite } from './harness/suite';

const OUT = resolve(__dirname, '../../test-results/webview');

const DEMO = snapshot({
  feedback: [
    feedback({ id: 'd1', reviewer: 'carol', prTitle: 'Add retry to the payment client', body: '**issue (testing):** this retry path has no test. Could you add one for the `503` case?\n\n```ts\nawait client.charge(order);\n```', tags: [tag('testing')], createdAt: '2026-11-19T10:00:00Z' }),
    feedback({ id: 'd2', reviewer: 'dave', prTitle: 'Speed up the search index', body: 'This loop is O(n²); a `Map` keyed by id would make it linear. See [the guide](https://example.com/perf).', tags: [tag('performance', 'suggested', 0.82)], createdAt: '2026-11-17T10:00:00Z' }),
    feedback({ id: 'd3', reviewer: 'erin', prTitle: 'Refactor the order form', body: 'praise: really clear naming here, and splitting the form into steps made this easy to review. Thank you!', tags: [tag('praise')], conventional: { label: 'praise', decorations: [] }, createdAt: '2026-11-12T10:00:00Z' }),
    ...manyFeedback(240),
  ],
  entries: [
    entry({ id: 'g1', kind: 'goal', text: 'Write the test before asking for review', targetDate: '2026-12-31', links: ['d1'] }),
    entry({ id: 'g2', kind: 'goal', text: 'Explain design choices in the PR description', status: 'done' }),
    entry({ id: 'a1', kind: 'action', text: 'Read the team testing guide' }),
    entry({ id: 'a2', kind: 'action', text: 'Pair with Dave on profiling', status: 'done' }),
    entry({ id: 'n1', kind: 'note', text: 'Reviewers ask for tests on error paths most often.' }),
  ],
});

describe('webview screenshots', () => {
  const suite = useSuite();
  before(() => mkdirSync(OUT, { recursive: true }));

  for (const theme of ['light', 'dark'] as const) {
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
