// My reviews journey: with the demo data (offline), the senior of the demo
// team — the engineer who gave the most review comments — opens "My reviews"
// from the Engineers view, sees their mix and at least two prompts backed by
// linked comments, opens one of those comments in the editor, and exports the
// summary with "Feedback you gave". Counts are checked against the generator.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pickInQuickPick } from '../quickPick.mjs';

export const name = 'mirror';
export const timeoutMs = 300_000;

const DAY = 86_400_000;

/** The demo team as "Open demo data" builds it today, and each engineer's comments given. */
async function demoTeam() {
  const { generateDataset } = await import('../../../src/demo/generate.ts');
  const { feedbackForEngineer } = await import('../../../src/demo/toFeedback.ts');
  const { isGivenBy } = await import('../../../src/core/model.ts');
  const dataset = generateDataset({ baseDate: `${new Date().toISOString().slice(0, 10)}T00:00:00Z` });
  const team = dataset.users.filter((u) => u.type === 'User').map((u) => u.login);
  const given = new Map(team.map((login) => [login, feedbackForEngineer(dataset, login, { serverUrl: '', includeBots: false }).filter((f) => isGivenBy(f, login))]));
  const senior = [...given].sort((a, b) => b[1].length - a[1].length)[0][0];
  const between = (login, from, to) => given.get(login).filter((f) => Date.parse(f.createdAt) >= from && Date.parse(f.createdAt) < to).length;
  return { senior, between };
}

export default async function (h) {
  const { senior, between } = await demoTeam();
  const page = await h.openWorkbench();
  await h.openViewContainer('Review Mentor');
  await h.view('Feedback').getByRole('button', { name: 'Open demo data', exact: true }).click();
  await h.waitForNotification(/showing demo data/, 60_000);

  // From the Engineers view: right-click the senior, "My reviews".
  const pane = h.view('Engineers');
  const header = pane.locator('.pane-header');
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  const row = pane.locator('.monaco-list-row', { hasText: senior });
  await row.waitFor({ timeout: 30_000 });
  await row.click({ button: 'right' });
  await page.locator('.context-view .action-label', { hasText: 'My reviews' }).first().hover();
  await page.keyboard.press('Enter');
  const tab = page.locator('.tabs-container .tab', { hasText: `My reviews — ${senior}` });
  await tab.waitFor({ timeout: 30_000 });

  // The mix for the last 90 days (the panel's default) equals the generator's count.
  let web = h.webviewFrame();
  const total = web.locator('[data-testid=mirror-total]');
  await total.waitFor({ timeout: 30_000 });
  const now = Date.now();
  const expected = between(senior, now - 90 * DAY, now);
  assert.equal(Number(await total.innerText()), expected, 'comments given in the last 90 days, as generated');
  assert.ok(expected > 20, `${senior} gave ${expected} comments in 90 days`);
  for (const axis of ['kind', 'group', 'blocking', 'form', 'thread']) {
    assert.ok(await web.locator(`tr[data-axis=${axis}] svg[role=img]`).count() >= 1, `the ${axis} bar is drawn`);
  }
  assert.ok((await web.locator('.people-table tbody tr').count()) >= 2, 'the people reviewed are compared');

  // At least two prompts, each backed by linked comments.
  const prompts = web.locator('.prompt');
  const n = await prompts.count();
  assert.ok(n >= 2, `at least two prompts (${n}): ${(await prompts.allInnerTexts()).join(' | ')}`);
  for (let i = 0; i < n; i++) {
    const label = await prompts.nth(i).locator('.prompt-toggle').innerText();
    const backed = Number(/the (\d+) comments/.exec(label)?.[1] ?? 0);
    assert.ok(backed >= 5, `prompt ${i + 1} rests on ${backed} comments`);
  }
  await h.runCommand('Notifications: Clear All Notifications');
  await page.mouse.move(5, 5);
  await h.screenshot('my-reviews');
  const first = prompts.first();
  await first.locator('.prompt-toggle').click();
  const linked = first.locator('.linked-comment');
  await linked.first().waitFor({ timeout: 10_000 });
  assert.ok((await linked.count()) >= 5, 'the comments behind the prompt are listed');
  await h.screenshot('prompt-comments');

  // Open one linked comment: the editor shows it (a preview of its diff, no clone here).
  const openedId = await linked.first().getAttribute('data-id');
  await linked.first().locator('[data-action=open]').click();
  const editorTab = page.locator('.tabs-container .tab', { hasText: /\.diff/ });
  await editorTab.waitFor({ timeout: 20_000 });
  // Monaco renders spaces as no-break spaces.
  const text = () => page.evaluate(() => [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines')].map((e) => e.textContent ?? '').join('\n').replace(/\u00a0/g, ' '));
  await page.waitForFunction((who) => [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines')].some((e) => (e.textContent ?? '').replace(/\u00a0/g, ' ').includes(`# ${who} on`)), senior, { timeout: 20_000 });
  assert.match(await text(), new RegExp(`# ${senior} on acme/`), `comment ${openedId} is open in the editor`);
  await h.screenshot('opened-comment');

  // Back to My reviews (the page reloads with its state), then export with "Feedback you gave".
  await tab.click();
  web = h.webviewFrame();
  await web.locator('.prompt .linked-comment').first().waitFor({ timeout: 30_000 });
  await web.locator('#export').click();
  await pickInQuickPick(page, 'Last 30 days');
  await pickInQuickPick(page, 'Markdown');
  const include = page.locator('.quick-input-widget', { hasText: 'What to include' });
  await include.waitFor();
  const given = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Feedback you gave' });
  assert.equal(await given.getAttribute('aria-checked'), 'true', '"Feedback you gave" is ticked when the export starts from My reviews');
  await page.keyboard.press('Enter');
  const file = join(h.workspace, 'my-reviews.md');
  await page.waitForFunction(() => /review-summary-/.test(document.querySelector('.quick-input-widget input.input')?.value ?? ''));
  // The dialog proposes a folder outside the workspace (issue 11): saveDialog waits for it to take the path.
  await h.saveDialog(file);
  await h.waitForNotification(/Summary saved to/, 30_000);
  for (let i = 0; i < 40 && !existsSync(file); i++) await page.waitForTimeout(250);
  const md = readFileSync(file, 'utf8');
  const period = /^Period: (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2}) \((\d+) days, ([^)]+)\)/m.exec(md);
  assert.ok(period, md.slice(0, 300));
  assert.equal(period[4], 'UTC', 'the test machine runs in UTC, so the days below are UTC days');
  const from = Date.parse(`${period[1]}T00:00:00Z`);
  const to = Date.parse(`${period[2]}T00:00:00Z`) + DAY;
  const section = /## Feedback you gave\n\n(\d+) review comments? on other people's pull requests/.exec(md);
  assert.ok(section, 'the summary has the "Feedback you gave" section');
  assert.equal(Number(section[1]), between(senior, from, to), 'its total equals the comments given in the exported period');
  assert.match(md, /### By person\n/);
  assert.match(md, /### Prompts\n/);
}
