// Export journey: a manager exports the Markdown summary of an engineer for the
// last 30 days; the file's counts must match the sandbox's data for the period
// it names. Then the HTML export, rendered in Chromium, is saved as a screenshot.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { receivedCount, signInToSandbox } from '../sandbox.mjs';
import { RESULTS_DIR } from '../harness.mjs';

export const name = 'export';
export const timeoutMs = 300_000;

const ME = 'priya-dev';

async function choose(page, text) {
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().click();
}

/** Exports through the command; returns the file's text and the path the save dialog proposed. */
async function exportSummary(h, format, file) {
  const page = h.page;
  await h.runCommand('Review Mentor: Export summary...', { opensInput: true });
  await choose(page, 'Last 30 days');
  await choose(page, format);
  // What to include: both options are ticked; accept as they are.
  await page.locator('.quick-input-widget', { hasText: 'What to include' }).waitFor();
  await page.keyboard.press('Enter');
  // code-server's save dialog is a quick input holding a path.
  await page.waitForFunction(() => /review-summary-/.test(document.querySelector('.quick-input-widget input.input')?.value ?? ''));
  const proposed = await h.saveDialog(file);
  const toast = await h.waitForNotification(/Summary saved to/, 30_000);
  for (let i = 0; i < 40 && !existsSync(file); i++) await page.waitForTimeout(250);
  assert.ok(existsSync(file), `${file} was written`);
  return { text: readFileSync(file, 'utf8'), proposed, toast };
}

/** Today as yyyy-mm-dd on this machine (the extension host's zone). */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export default async function (h) {
  const { sandbox } = await signInToSandbox(h, { login: ME });
  // VS Code's "open walkthroughs on install" is off here (the harness): the extension respects it.
  assert.match(h.extensionLog(), /not opening the getting-started walkthrough \(.*"openOnInstall":false/);

  const first = await exportSummary(h, 'Markdown', join(h.workspace, 'summary.md'));
  const md = first.text;
  // The proposed file: named for the export date, outside the workspace (a git work tree in real life).
  assert.ok(first.proposed.endsWith(`review-summary-${ME}-${today()}.md`), `proposed ${first.proposed}`);
  assert.ok(!first.proposed.startsWith(h.workspace), `the default location is not the workspace: ${first.proposed}`);
  const period = /^Period: (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2}) \((\d+) days/m.exec(md);
  assert.ok(period, `the summary names its period:\n${md.slice(0, 400)}`);
  assert.equal(period[3], '30');
  const from = `${period[1]}T00:00:00Z`;
  const end = new Date(`${period[2]}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const expected = receivedCount(await sandbox.data(), ME, from, end.toISOString().replace('.000', ''));
  const total = /## Feedback received[\s\S]*?\| Total \| (\d+) \|/.exec(md);
  assert.ok(total, 'the summary has a total of feedback received');
  assert.equal(Number(total[1]), expected, 'total received in the summary equals the sandbox data for the period');
  assert.ok(expected > 0, 'the period holds feedback (the demo data covers it)');

  const htmlFile = join(h.workspace, 'summary.html');
  const second = await exportSummary(h, 'HTML', htmlFile);
  const html = second.text;
  assert.ok(second.proposed.startsWith(h.workspace), `the folder saved to last is remembered: ${second.proposed}`);
  // In the web workbench "Open in browser" would do nothing: a preview is offered instead, and works.
  const buttons = await second.toast.locator('.monaco-button').allInnerTexts();
  assert.ok(!buttons.some((b) => /browser/i.test(b)), `no "Open in browser" in the web workbench: ${buttons.join(', ')}`);
  await second.toast.locator('.monaco-button', { hasText: 'Open preview' }).click();
  await h.webviewFrame().locator('h1', { hasText: `Review summary: ${ME}` }).waitFor({ timeout: 30_000 });
  await h.screenshot('preview');
  assert.match(html, /<!DOCTYPE html>/i);
  assert.doesNotMatch(html, /<script/i, 'the HTML export carries no script');
  const viewer = await h.context.newPage();
  await viewer.goto(pathToFileURL(htmlFile).href);
  await viewer.screenshot({ path: join(RESULTS_DIR, 'export-html.png'), fullPage: false });
  await viewer.close();
}
