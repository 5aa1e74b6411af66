// The getting-started walkthrough in a real VS Code: it opens by itself on the
// first start after install, its steps complete as the user does them (the
// demo completes "sign in" and "first sync"), it does not open again on the
// next start, and the welcome view's "Get started" link opens it.
import assert from 'node:assert/strict';

export const name = 'walkthrough';
// The harness turns VS Code's "open walkthroughs on install" off for the other journeys.
export const settings = { 'workbench.welcomePage.walkthroughs.openOnInstall': true };
export const timeoutMs = 300_000;

export default async function (h) {
  const page = await h.openWorkbench();
  const step = (id) => page.locator(`button.getting-started-step[data-step-id$="${id}"]`);
  const done = (id) => page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-checked') === 'true', `button.getting-started-step[data-step-id$="${id}"]`, { timeout: 60_000 });

  // First start: open by itself, six steps, none done.
  await step('signIn').waitFor({ timeout: 60_000 });
  await page.getByText('Get started with Review Mentor').first().waitFor();
  assert.equal(await page.locator('button.getting-started-step').count(), 6);
  assert.equal(await step('signIn').getAttribute('aria-checked'), 'false');
  // The step's image (media/walkthrough/sign-in.svg) is drawn, in a webview frame of its own.
  await imageShows(page, 'Open demo data');
  await h.screenshot('opened-on-install');

  // The Feedback view's welcome links to it.
  await h.runCommand('View: Close All Editors');
  await step('signIn').waitFor({ state: 'detached', timeout: 15_000 });
  await h.openViewContainer('Review Mentor');
  await h.view('Feedback').getByText('Get started', { exact: true }).click();
  await step('signIn').waitFor({ timeout: 30_000 });

  // The demo completes "sign in (or open the demo)" and "first sync".
  await step('signIn').click();
  await page.getByRole('button', { name: 'Open demo data' }).first().click();
  await h.waitForNotification(/showing demo data for priya-dev/, 90_000);
  await done('signIn');
  await done('sync');
  await h.screenshot('demo-done');

  // Closed and restarted: it does not open again. "Developer: Reload Window"
  // shuts the workbench down properly, so it saves that no editor is open
  // (a browser reload may not, and VS Code would restore the walkthrough).
  await h.runCommand('View: Close All Editors');
  await step('signIn').waitFor({ state: 'detached', timeout: 15_000 });
  const logBefore = h.extensionLogFile();
  await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), h.runCommand('Developer: Reload Window')]);
  await page.locator('.activitybar').waitFor({ timeout: 60_000 });
  for (const until = Date.now() + 60_000; !(h.extensionLogFile() !== logBefore && /Activated in/.test(h.extensionLog())); ) {
    if (Date.now() > until) throw new Error('the extension did not activate after the reload');
    await page.waitForTimeout(250);
  }
  await page.waitForTimeout(5_000);
  assert.equal(await step('signIn').count(), 0, 'the walkthrough opened again on the second start');

  // "Review Mentor: Get started" (also in the view's ⋯ menu) opens it again, progress kept.
  await h.runCommand('Review Mentor: Get started');
  await step('signIn').waitFor({ timeout: 30_000 });
  assert.equal(await step('signIn').getAttribute('aria-checked'), 'true');
  await h.screenshot('from-command');
}

/** Waits until some frame draws an SVG with this text. */
async function imageShows(page, text) {
  const until = Date.now() + 30_000;
  for (;;) {
    for (const frame of page.frames()) {
      const n = await frame.locator('svg text', { hasText: text }).count().catch(() => 0);
      if (n > 0) {
        // Themed: the background takes --vscode-editor-background (a style the webview's CSP dropped would leave it black).
        const [fill, background] = await frame.evaluate(() => [getComputedStyle(document.querySelector('svg rect')).fill, getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-background')]);
        assert.notEqual(fill, 'rgb(0, 0, 0)', `the image is drawn in the theme's colours (background ${background})`);
        return;
      }
    }
    if (Date.now() > until) throw new Error(`no walkthrough image with "${text}" was drawn; frames: ${page.frames().map((f) => f.url()).join(', ')}`);
    await page.waitForTimeout(500);
  }
}
