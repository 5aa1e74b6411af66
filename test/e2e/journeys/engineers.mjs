// Engineers journey: a manager tracks a report, sees them in the Engineers view,
// opens their journal from its context menu, and stops tracking them.
import assert from 'node:assert/strict';
import { signInToSandbox } from '../sandbox.mjs';

export const name = 'engineers';
export const timeoutMs = 240_000;

export default async function (h) {
  const { page } = await signInToSandbox(h, { login: 'priya-dev' });

  await h.runCommand('Review Mentor: Track engineer...', { opensInput: true });
  // Type into the command's own input box, not the palette closing before it (a loaded machine is slow to swap them).
  await page.locator('.quick-input-widget', { hasText: 'Track an engineer' }).waitFor({ timeout: 10_000 });
  await page.locator('.quick-input-widget input.input').fill('sam-lee');
  await page.keyboard.press('Enter');

  const pane = h.view('Engineers');
  const header = pane.locator('.pane-header');
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  const sam = pane.locator('.monaco-list-row', { hasText: 'sam-lee' });
  await sam.waitFor({ timeout: 30_000 });
  assert.match(await sam.innerText(), /tracked/);
  assert.match(await pane.locator('.monaco-list-row', { hasText: 'priya-dev' }).innerText(), /you/);
  // Tracking selects the new engineer: the Feedback view shows sam-lee's feedback once synced.
  await h.waitForLog(/Synced sam-lee/, 60_000);
  await h.screenshot('tracked');

  await sam.click({ button: 'right' });
  await page.locator('.context-view .action-label', { hasText: 'Open journal' }).first().hover();
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: 'Journal — sam-lee' }).waitFor({ timeout: 30_000 });
  await h.webviewFrame().locator('[data-testid=total-count]').waitFor({ timeout: 30_000 });
  await h.screenshot('journal');

  await sam.click({ button: 'right' });
  await page.locator('.context-view .action-label', { hasText: 'Stop tracking' }).first().hover();
  await page.keyboard.press('Enter');
  await sam.waitFor({ state: 'detached', timeout: 15_000 });
}
