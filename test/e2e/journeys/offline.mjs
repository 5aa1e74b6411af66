// Offline start: signed in against the sandbox GitHub, the window starts again
// while GitHub is unreachable (VPN down). It stays signed in, the status bar
// says "offline", and when GitHub is back the check runs again by itself.
import assert from 'node:assert/strict';
import { startSandbox } from '../sandbox.mjs';

export const name = 'offline';
export const timeoutMs = 300_000;

export default async function (h) {
  let sandbox = await startSandbox();
  const port = new URL(sandbox.url).port;
  try {
    h.settings({ 'reviewMentor.github.serverUrl': sandbox.url, 'reviewMentor.sync.intervalMinutes': 0 });
    const page = await h.openWorkbench();
    await h.openViewContainer('Review Mentor');
    await h.runCommand('Review Mentor: Sign in with a personal access token', { opensInput: true });
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    await input.fill('sandbox-token-priya-dev');
    await page.keyboard.press('Enter');
    await h.waitForNotification(/signed in as priya-dev/, 30_000);
    const status = h.statusBarItem('reviewMentor.status');
    await status.filter({ hasText: /Synced/ }).waitFor({ timeout: 60_000 });

    // GitHub becomes unreachable, and the window starts again.
    sandbox.close();
    await h.reload();
    await status.filter({ hasText: /offline/ }).waitFor({ timeout: 90_000 });
    await h.screenshot('offline');
    assert.ok(!/sign in/i.test(await status.innerText()), 'still signed in while offline');
    await h.waitForLog(/Could not reach .* to check the sign-in .*still signed in as priya-dev; trying again in \d+ s/, 10_000);

    // GitHub is back: the retry finds it without any user action.
    sandbox = await startSandbox(['--base-date', 'today'], Number(port));
    await status.filter({ hasText: /Synced/ }).waitFor({ timeout: 120_000 });
    assert.ok(!/sign in|offline/i.test(await status.innerText()));
    await h.screenshot('back-online');
  } finally {
    sandbox.close();
  }
}
