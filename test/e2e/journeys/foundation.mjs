// Foundation journey: the extension loads in a real VS Code and a person can
// find it: the activity bar container, the Feedback view with its welcome
// buttons, the log channel from the command palette, the status bar item.
import assert from 'node:assert/strict';

export const name = 'foundation';

export default async function (h) {
  const page = await h.openWorkbench();

  // Activity bar: the Review Mentor container opens the sidebar with the Feedback view.
  const sidebar = await h.openViewContainer('Review Mentor');
  const feedback = h.view('Feedback');
  await feedback.waitFor({ state: 'visible' });
  const welcome = feedback.locator('.welcome-view-content');
  await welcome.waitFor({ state: 'visible', timeout: 15_000 });
  assert.match(await welcome.innerText(), /collects the review feedback you received and gave on GitHub/);
  for (const label of ['Sign in to GitHub', 'Open demo data']) {
    const button = welcome.getByRole('button', { name: label, exact: true });
    await button.waitFor({ state: 'visible', timeout: 5_000 });
    assert.ok(await button.isEnabled(), `${label} is disabled`);
  }
  // One view in the container: the sidebar title reads "REVIEW MENTOR: FEEDBACK".
  assert.match(await sidebar.locator('.composite.title h2').first().innerText(), /^REVIEW MENTOR\b/i);
  await h.screenshot('feedback-view');

  // Status bar item.
  const status = h.statusBarItem('reviewMentor.status');
  await status.waitFor({ state: 'visible', timeout: 15_000 });
  const statusText = await status.innerText();
  assert.match(statusText + ' ' + ((await status.getAttribute('aria-label')) ?? ''), /Review Mentor/);

  // Command palette: "Review Mentor: Show log" opens the Output panel on our channel.
  await h.runCommand('Review Mentor: Show log');
  const panel = page.locator('.part.panel');
  await panel.waitFor({ state: 'visible', timeout: 10_000 });
  const output = panel.locator('.pane-body.output-view, .output-view').first();
  await output.waitFor({ state: 'visible', timeout: 10_000 });
  const lines = panel.locator('.view-lines');
  // Monaco renders spaces as U+00A0, which \s matches.
  await panel.locator('.view-line', { hasText: /Activated\s+in\s+[\d.]+\s+ms/ }).first().waitFor({ timeout: 15_000 });
  assert.match(await lines.first().innerText(), /\[info\]\s+Activated\s+in\s+[\d.]+\s+ms/);
  // The channel picker in the panel's title bar names our channel.
  const picker = panel.locator('select.monaco-select-box, .monaco-select-box').first();
  const selected = await picker.evaluate((el) => (el instanceof HTMLSelectElement ? el.selectedOptions[0]?.textContent : el.textContent) ?? '').catch(() => '');
  assert.match(selected, /Review Mentor/, `Output channel picker shows "${selected}"`);
  await h.screenshot('show-log');

  // The log file the channel writes agrees with what the panel shows.
  assert.match(h.extensionLog(), /Activated in [\d.]+ ms/);
}
