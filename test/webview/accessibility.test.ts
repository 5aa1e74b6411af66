// axe-core on the journal panel, every tab and state a user reaches, in the
// four kinds of theme VS Code has: no serious or critical violations.
// The page runs with its real CSP and the theme variables of test/webview/harness/theme.css.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, formatViolations } from './harness/axe';
import { postHost, THEMES, waitForPosted } from './harness/browser';
import { demoSnapshot, snapshot } from './harness/fixtures';
import { useSuite } from './harness/suite';

async function expectAccessible(page: Page, label: string): Promise<void> {
  const found = await axeViolations(page);
  assert.deepEqual(found, [], formatViolations(found, label));
}

describe('journal panel accessibility (axe-core)', () => {
  const suite = useSuite();

  for (const theme of THEMES) {
    it(`has no serious or critical violations in the ${theme} theme`, async () => {
      const { page, errors } = await suite.open({ theme });
      await expectAccessible(page, `${theme}: loading`);
      await postHost(page, { type: 'journal/didChange', snapshot: demoSnapshot() });
      await page.waitForSelector('#trend-chart');
      await expectAccessible(page, `${theme}: overview`);

      await page.click('[data-tab=timeline]');
      const row = page.locator('.row[data-id=d2]');
      await row.locator('.row-head button').click(); // expanded row with a suggestion, code and a link
      await page.waitForSelector('.row.expanded');
      await row.getByRole('button', { name: 'Link to…' }).click();
      await row.locator('select').waitFor();
      await expectAccessible(page, `${theme}: timeline, a row expanded with its link picker open`);

      await page.click('[data-tab=goals]');
      await page.waitForSelector('.new-entry');
      await expectAccessible(page, `${theme}: goals`);
      await page.getByRole('button', { name: /^Edit Goal/ }).first().click();
      await page.waitForSelector('.edit-text');
      await expectAccessible(page, `${theme}: goals, editing an entry`);
      await page.getByRole('button', { name: /^Delete Action/ }).first().click();
      const [del] = await waitForPosted(page, 'entry/delete');
      await postHost(page, { type: 'response', requestId: del!.requestId, ok: true, undo: { label: 'Action deleted' } });
      await page.waitForSelector('[data-testid=toast]');
      await expectAccessible(page, `${theme}: goals, with the Undo toast`);
      assert.deepEqual(errors, []);
    });
  }

  it('has no serious or critical violations for an empty or read-only journal', async () => {
    const { page } = await suite.open({ theme: 'high-contrast' });
    await postHost(page, { type: 'journal/didChange', snapshot: snapshot() });
    await page.waitForSelector('.empty');
    await expectAccessible(page, 'empty journal');
    await postHost(page, { type: 'journal/didChange', snapshot: { ...demoSnapshot(), readOnly: true, readOnlyReason: 'Written by a newer Review Mentor' } });
    await page.waitForSelector('#trend-chart');
    await expectAccessible(page, 'read-only journal');
  });
});
