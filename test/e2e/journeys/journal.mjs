// Journal journey: open the journal panel, change the period, see the chart and
// counts match the sandbox data, add a goal, link a feedback item to it, add an
// action and mark it done, reload the window and find everything in place.
import assert from 'node:assert/strict';
import { receivedCount, signInToSandbox } from '../sandbox.mjs';
import { pickInQuickPick } from '../quickPick.mjs';

export const name = 'journal';
export const timeoutMs = 300_000;

const ME = 'priya-dev';
const GOAL = 'Write the test before the fix';
const ACTION = 'Read the team testing guide';
const GOAL_ACTION = 'Pair on one test-first change';

async function setSelect(locator, value) {
  await locator.evaluate((el, v) => {
    el.value = v;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

export default async function (h) {
  const { sandbox, page } = await signInToSandbox(h, { login: ME });

  await h.runCommand('Review Mentor: Open journal');
  let web = h.webviewFrame();
  await web.locator('[data-testid=total-count]').waitFor({ timeout: 30_000 });
  // All time: the count equals what the sandbox holds for this engineer.
  await setSelect(web.locator('#period'), 'all');
  const expected = receivedCount(await sandbox.data(), ME);
  await web.locator('[data-testid=total-count]', { hasText: new RegExp(`^${expected}$`) }).waitFor({ timeout: 15_000 });
  const painted = await web.locator('#trend-chart').evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
  assert.ok(painted > 1000, `the chart drew something (${painted} pixels)`);
  await h.screenshot('overview');

  // A goal and an action.
  await web.locator('[data-tab=goals]').click();
  await web.locator('#new-text input').fill(GOAL);
  await web.locator('#add-entry').click();
  await web.locator('.entry', { hasText: GOAL }).waitFor();
  await setSelect(web.locator('#new-kind'), 'action');
  await web.locator('#new-text input').fill(ACTION);
  await web.locator('#add-entry').click();
  const action = web.locator('.entry', { hasText: ACTION });
  await action.waitFor();
  await action.locator('vscode-checkbox').click();
  await web.locator('.entry.status-done', { hasText: ACTION }).waitFor({ timeout: 10_000 });

  // An action item that belongs to the goal: listed under it.
  await setSelect(web.locator('#new-kind'), 'action');
  // (Action items show the goals in a picker, so find the goal by its own text element.)
  const goalId = await web.locator('.entry', { has: web.locator('.entry-text', { hasText: GOAL }) }).first().getAttribute('data-entry-id');
  await web.locator('#new-goal').selectOption(goalId);
  await web.locator('#new-text input').fill(GOAL_ACTION);
  await web.locator('#add-entry').click();
  await web.locator(`.entry[data-entry-id="${goalId}"] .goal-actions .entry`, { hasText: GOAL_ACTION }).waitFor({ timeout: 10_000 });

  // Link the newest feedback item to the goal.
  await web.locator('[data-tab=timeline]').click();
  const row = web.locator('.row').first();
  await row.waitFor();
  // Rows size to their content: more than the four fixed-height rows of before fit on a screen.
  const shown = await web.locator('.viewport').evaluate((vp) => {
    const box = vp.getBoundingClientRect();
    return [...vp.querySelectorAll('.row')].filter((r) => { const b = r.getBoundingClientRect(); return b.top >= box.top - 1 && b.bottom <= box.bottom + 1; }).length;
  });
  assert.ok(shown >= 5, `${shown} whole rows on screen`);

  // Tag from the Timeline, with the Feedback view's picker.
  await row.getByRole('button', { name: /^Tag comment by / }).click();
  await page.locator('.quick-input-widget', { hasText: 'Tag feedback' }).waitFor({ timeout: 15_000 });
  await pickInQuickPick(page, 'Design', { checkbox: true });
  await row.locator('.chip', { hasText: /^Design/ }).waitFor({ timeout: 15_000 });

  // Reject a suggestion: the same question as the tree, "Not X: what is it?".
  const likely = web.locator('.row', { has: web.locator('.chip.suggested') }).first();
  await likely.waitFor({ timeout: 15_000 });
  const likelyId = await likely.getAttribute('data-id');
  await likely.locator('.chip-btn.reject').click();
  await page.locator('.quick-input-widget', { hasText: /Not .*: what is it\?/ }).waitFor({ timeout: 15_000 });
  await pickInQuickPick(page, 'Tone');
  await web.locator(`.row[data-id="${likelyId}"] .chip`, { hasText: /^Tone/ }).waitFor({ timeout: 15_000 });
  await h.screenshot('timeline');
  await row.getByRole('button', { name: 'Link to…' }).click();
  const select = row.locator('select');
  const value = await select.evaluate((el, goal) => [...el.options].find((o) => o.textContent.includes(goal))?.value, GOAL);
  assert.ok(value, 'the goal is offered in the link picker');
  await select.selectOption(value);
  await row.getByRole('button', { name: 'Link', exact: true }).click();
  await web.locator('[data-tab=goals]').click();
  await web.locator(`.entry[data-entry-id="${goalId}"]`).locator('[aria-label="Linked feedback"] li').first().waitFor({ timeout: 10_000 });
  await h.screenshot('goals');

  // Reload the window: the panel comes back with everything in place.
  await h.runCommand('Developer: Reload Window');
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  web = h.webviewFrame();
  await web.locator('#app').waitFor({ timeout: 60_000 });
  await web.locator('[data-tab=goals]').click();
  const goal = web.locator(`.entry[data-entry-id="${goalId}"]`);
  await goal.waitFor({ timeout: 30_000 });
  assert.equal(await goal.locator('[aria-label="Linked feedback"] li').count(), 1, 'the link survived the reload');
  await web.locator('.entry.status-done', { hasText: ACTION }).waitFor({ timeout: 10_000 });
  await h.screenshot('after-reload');
}
