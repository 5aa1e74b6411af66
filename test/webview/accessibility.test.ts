// axe-core on the journal panel (every tab and state a user reaches, the
// review-suggestions flow included) and the My reviews panel, in the four
// kinds of theme VS Code has: no serious or critical violations.
// The page runs with its real CSP and the theme variables of test/webview/harness/theme.css.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, formatViolations } from './harness/axe';
import { postHost, THEMES, waitForPosted } from './harness/browser';
import { demoSnapshot, feedback, snapshot, tag } from './harness/fixtures';
import { collectGiven } from '../../src/core/mirror';
import { DEFAULT_CATEGORIES } from '../../src/core/taxonomy';
import type { MirrorSnapshot } from '../../src/protocol/mirror';
import { journals, REVIEWER } from '../unit/mirror/fixture';
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

  // Suggestions waiting for a decision, one without a suggestion, one with a diff hunk.
  const at = { createdAt: '2026-11-15T09:00:00.000Z', updatedAt: '2026-11-15T09:00:00.000Z' };
  const TO_REVIEW = snapshot({
    feedback: [
      feedback({ id: 'r1', ...at, tags: [tag('tone', 'suggested', 0.5)], body: 'Why would anyone do this?', diffHunk: '@@ -1,2 +1,2 @@\n-old line\n+new line' }),
      feedback({ id: 'r2', ...at, body: 'Please rename `x` to something that says what it holds.' }),
      feedback({ id: 'r3', ...at, tags: [tag('praise', 'suggested', 0.95)], body: 'Great work on this!' }),
      feedback({ id: 'r4', ...at, tags: [tag('praise', 'suggested', 0.92)], body: 'Lovely, thanks!' }),
      feedback({ id: 'r5', ...at, tags: [tag('design')] }),
    ],
  });

  for (const theme of THEMES) {
    it(`review suggestions flow: no serious or critical violations in the ${theme} theme`, async () => {
      const { page, errors } = await suite.open({ theme });
      await postHost(page, { type: 'journal/didChange', snapshot: TO_REVIEW });
      await page.locator('[data-testid=to-review]').waitFor();
      await expectAccessible(page, `${theme}: overview with suggestions to review`);
      await page.locator('[data-testid=to-review]').click();
      await page.locator('[data-testid=review-item]').waitFor();
      await expectAccessible(page, `${theme}: reviewing one suggestion`);
      await page.keyboard.press('y');
      await page.locator('[data-testid=review-live]').waitFor();
      await expectAccessible(page, `${theme}: after accepting, with the live message`);
      await page.locator('#batch-category').selectOption('praise');
      await page.locator('#batch-preview').click();
      await page.locator('[data-testid=batch-preview]').waitFor();
      await expectAccessible(page, `${theme}: batch preview`);
      assert.deepEqual(errors, []);
    });
  }

  const mirrorSnapshot = (): MirrorSnapshot => ({
    reviewer: { login: REVIEWER, host: 'github.com' },
    items: collectGiven(REVIEWER, journals()).items,
    categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })),
    now: '2026-03-29T00:00:00.000Z',
    sources: { journals: ['rita', 'sam-lee'], onlyInOthers: 1 },
  });

  for (const theme of THEMES) {
    it(`My reviews panel: no serious or critical violations in the ${theme} theme`, async () => {
      const { page, errors } = await suite.open({ theme, page: 'mirror' });
      await postHost(page, { type: 'mirror/didChange', snapshot: mirrorSnapshot() });
      await page.waitForSelector('[data-testid=mirror-total]');
      await expectAccessible(page, `${theme}: My reviews`);
      // The last 30 days of the fixture hold the prompts.
      await page.evaluate(() => {
        const s = document.querySelector<HTMLSelectElement>('#period')!;
        s.value = '30d';
        s.dispatchEvent(new Event('change'));
      });
      const prompt = page.locator('.prompt[data-key="no-praise-for-person:sam-lee"]');
      await prompt.getByRole('button', { name: /Show the 6 comments/ }).click();
      await prompt.locator('.linked-comment').first().waitFor();
      await expectAccessible(page, `${theme}: My reviews, a prompt with its comments`);
      assert.deepEqual(errors, []);
    });
  }
});
