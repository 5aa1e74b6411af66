// Sync truth journey: comments deleted on GitHub and a comment edited there,
// all without the PR's updatedAt moving (the sandbox's quiet mode: GitHub does
// not promise that it moves). After the next sync, once the reconcile pass is
// due by GitHub's clock, the Feedback view and an exported summary no longer
// count the deleted comments and show the edited text; the one a goal links to
// stays in the journal as a marked stub, and the goal says it was deleted.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pickInQuickPick } from '../quickPick.mjs';
import { receivedCount, signInToSandbox } from '../sandbox.mjs';

export const name = 'sync-truth';
export const timeoutMs = 360_000;

const ME = 'priya-dev';
const GOAL = 'Ask for tests before review';
const EDITED = 'Edited on GitHub without moving the PR: please add a regression test (quietedit).';
const DAY = 86_400_000;

async function setSelect(locator, value) {
  await locator.evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** Every received comment of ME on human reviewers' part, with its PR. */
function received(dataset) {
  const bots = new Set(dataset.users.filter((u) => u.type === 'Bot').map((u) => u.login));
  const out = [];
  for (const pr of dataset.pullRequests) {
    if (pr.author !== ME) continue;
    const keep = (c) => c.author !== ME && !bots.has(c.author);
    for (const t of pr.threads) for (const c of t.comments) if (keep(c)) out.push({ pr, c });
    for (const c of pr.comments) if (keep(c)) out.push({ pr, c });
  }
  return out;
}

/** The engineer's journal as stored: main file and every shard's items. */
function journalOnDisk(h) {
  const files = h.globalStorageFiles();
  const main = files.find((f) => new RegExp(`^journals/[^/]+/${ME}\\.json$`).test(f));
  assert.ok(main, `a journal main file for ${ME}: ${files.join(', ')}`);
  const feedback = {};
  for (const f of files.filter((x) => x.startsWith(main.replace(/\.json$/, '.shards/')))) Object.assign(feedback, h.readGlobalStorage(f).feedback);
  return { main: h.readGlobalStorage(main), feedback };
}

/** Reviewer name -> count, from the Feedback view grouped by reviewer (the rows' accessible labels). */
async function reviewerCounts(h) {
  const labels = await h.view('Feedback').locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  const out = {};
  for (const l of labels) {
    // "aisha-k: 79 comments", possibly followed by " (12 confirmed comments, ...)".
    const m = /^(.+?): (\d+) comments?(?: \(|$)/.exec(l);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

async function exportJson(h, file) {
  const page = h.page;
  await h.runCommand('Review Mentor: Export summary...', { opensInput: true });
  await pickInQuickPick(page, 'Last 30 days');
  await pickInQuickPick(page, 'JSON');
  await page.locator('.quick-input-widget', { hasText: 'What to include' }).waitFor();
  await page.keyboard.press('Enter');
  // code-server's save dialog is a quick input holding a path; it may still be listing the folder
  // when the path is typed, and then ignores Enter: press it until the dialog takes the path.
  await page.waitForFunction(() => /review-summary-/.test(document.querySelector('.quick-input-widget input.input')?.value ?? ''));
  const input = page.locator('.quick-input-widget input.input');
  await input.fill(file);
  for (let i = 0; i < 8 && (await page.locator('.quick-input-widget').isVisible()); i++) {
    if ((await input.inputValue()) !== file) await input.fill(file);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(750);
  }
  await h.waitForNotification(/Summary saved to/, 30_000);
  for (let i = 0; i < 40 && !existsSync(file); i++) await page.waitForTimeout(250);
  return JSON.parse(readFileSync(file, 'utf8'));
}

export default async function (h) {
  const { sandbox, page } = await signInToSandbox(h, { login: ME, periodicSync: false });

  // A goal, and the newest comment linked to it (journal panel).
  await h.runCommand('Review Mentor: Open journal');
  const web = h.webviewFrame();
  await web.locator('[data-testid=total-count]').waitFor({ timeout: 30_000 });
  await web.locator('[data-tab=goals]').click();
  await web.locator('#new-text input').fill(GOAL);
  await web.locator('#add-entry').click();
  await web.locator('.entry', { hasText: GOAL }).waitFor();
  await web.locator('[data-tab=timeline]').click();
  const row = web.locator('.row').first();
  await row.waitFor();
  await row.getByRole('button', { name: 'Link to…' }).click();
  const value = await row.locator('select').evaluate((el, goal) => [...el.options].find((o) => o.textContent.includes(goal))?.value, GOAL);
  await row.locator('select').selectOption(value);
  await row.getByRole('button', { name: 'Link', exact: true }).click();
  await web.locator('[data-tab=goals]').click();
  await web.locator('.entry', { hasText: GOAL }).locator('[aria-label="Linked feedback"] li').first().waitFor({ timeout: 10_000 });
  const linkedId = journalOnDisk(h).main.entries.find((e) => e.text === GOAL)?.links[0];
  assert.ok(linkedId, 'the goal links a comment on disk');

  // What changes on GitHub: the linked comment and another one are deleted, a third is edited.
  const data = await sandbox.data();
  const all = received(data);
  const linked = all.find((x) => x.c.id === linkedId);
  assert.ok(linked, `the linked item ${linkedId} is a received comment in the dataset`);
  const now = Date.now();
  // In the last 30 days (so the summary would count them) and on PRs the reconcile pass re-fetches.
  const fits = (x) => x.c.id !== linkedId && Date.parse(x.c.createdAt) > now - 25 * DAY && (x.pr.state === 'OPEN' || Date.parse(x.pr.updatedAt) > now - 10 * DAY);
  const [gone, edited] = all.filter(fits);
  assert.ok(gone && edited, 'the dataset has two recent received comments besides the linked one');

  // Grouped by reviewer, before.
  await h.runCommand('Review Mentor: Group by...', { opensInput: true });
  await pickInQuickPick(page, 'Reviewer');
  const tree = h.view('Feedback').locator('.monaco-list-row');
  await tree.filter({ hasText: gone.c.author }).first().waitFor({ timeout: 15_000 });
  const before = await reviewerCounts(h);

  // Quiet changes: the PRs' updatedAt stays, so the search from the cursor cannot find them.
  await sandbox.behave({ editsBumpPr: false });
  await sandbox.change([
    { op: 'delete', id: linked.c.id },
    { op: 'delete', id: gone.c.id },
    { op: 'edit', id: edited.c.id, body: EDITED },
  ]);
  for (const x of [linked, gone, edited]) assert.equal((await sandbox.data()).pullRequests.find((p) => p.id === x.pr.id).updatedAt, x.pr.updatedAt, 'the PR did not move');
  // An hour and a bit later by GitHub's clock: the reconcile pass is due.
  await sandbox.behave({ clockOffsetMs: 61 * 60_000 });
  await h.runCommand('Review Mentor: Sync');
  await h.waitForLog(/Synced priya-dev: .*\b2 deleted comments/, 60_000);

  // Feedback view: the deleted comments' reviewers count one less each, nobody else changed.
  const expected = { ...before };
  for (const x of [linked, gone]) expected[x.c.author] -= 1;
  for (const [k, v] of Object.entries(expected)) if (v === 0) delete expected[k];
  let after = {};
  for (let i = 0; i < 40; i++) {
    after = await reviewerCounts(h);
    if (JSON.stringify(Object.entries(after).sort()) === JSON.stringify(Object.entries(expected).sort())) break;
    await page.waitForTimeout(250);
  }
  assert.deepEqual(after, expected, 'the Feedback view counts neither deleted comment');
  await h.screenshot('tree-after');

  // On disk: the unlinked comment is gone, the linked one is a marked stub, the edit is in.
  const disk = journalOnDisk(h);
  assert.equal(disk.feedback[gone.c.id], undefined, 'the unlinked deleted comment left the journal');
  assert.match(disk.feedback[linked.c.id]?.deletedOnGitHubAt ?? '', /^\d{4}-\d{2}-\d{2}T/, 'the linked one stays as a stub marked deletedOnGitHubAt');
  assert.equal(disk.feedback[edited.c.id]?.body, EDITED, 'the quiet edit reached the journal');

  // The goal still shows its link, as deleted on GitHub.
  await web.locator('[data-tab=goals]').click();
  await web.locator('.entry', { hasText: GOAL }).locator('[aria-label="Linked feedback"] li', { hasText: /Deleted on GitHub on \w+ \d+, \d{4}; kept here because this goal links to it/ }).waitFor({ timeout: 15_000 });
  await h.screenshot('goal-stub');

  // The exported summary: totals equal the data now on GitHub, computed from the dataset alone.
  const summary = await exportJson(h, join(h.workspace, 'summary.json'));
  const [eng] = summary.engineers;
  const iso = (t) => new Date(t).toISOString();
  const total = receivedCount(await sandbox.data(), ME, iso(summary.period.from), iso(summary.period.to));
  assert.equal(eng.received.total.current, total, 'the summary counts what GitHub holds now');
  const items = eng.items.filter((r) => r.direction === 'received');
  assert.equal(items.length, total);
  for (const x of [linked, gone]) assert.ok(!items.some((r) => r.url.endsWith(String(x.c.databaseId))), `${x.c.id} is not in the summary`);
  assert.equal(items.find((r) => r.url.endsWith(String(edited.c.databaseId)))?.body, EDITED, 'the summary shows the edited text');
  const goal = eng.goals.find((g) => g.text === GOAL);
  assert.match(goal?.links[0]?.text ?? '', /^\(deleted on GitHub\)/, 'the summary marks the goal link as deleted on GitHub');
}
