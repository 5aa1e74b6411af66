// Browse journey: feedback history in the sidebar and past feedback in the
// editor. Group by reviewer, filter to testing feedback in one repository,
// search for a word, open a comment at its line in a workspace clone, and see
// the comment thread, hover and status bar hint on that file.
import assert from 'node:assert/strict';
import { pickInQuickPick } from '../quickPick.mjs';
import { signInToSandbox, writeDemoClone } from '../sandbox.mjs';

export const name = 'browse';
export const timeoutMs = 300_000;

const ME = 'priya-dev';

/** A review comment someone left on one of my PRs, in a repository we clone. */
function pickComment(dataset) {
  // Prefer a file no language server analyses first (it slows the editor down on this machine).
  const prs = [...dataset.pullRequests].sort((a, b) => Number(/\.(tsx?|jsx?)$/.test(a.threads[0]?.path ?? '')) - Number(/\.(tsx?|jsx?)$/.test(b.threads[0]?.path ?? '')));
  for (const pr of prs) {
    if (pr.author !== ME) continue;
    for (const t of pr.threads) {
      const c = t.comments.find((x) => x.author !== ME && !x.author.endsWith('[bot]'));
      const word = c?.body.match(/\b[a-z][a-zA-Z]{9,}\b/)?.[0];
      if (c && word && !t.isOutdated && t.line && !/\.(tsx?|jsx?)$/.test(t.path)) return { pr, thread: t, comment: c, word };
    }
  }
  throw new Error('no suitable comment in the dataset');
}


export default async function (h) {
  let target;
  const { page } = await signInToSandbox(h, {
    login: ME,
    settings: { 'editor.stickyScroll.enabled': false },
    waitForRows: true,
    // A clone of the commented repository in the workspace, its remote on the sandbox.
    beforeOpen: async (sandbox) => {
      const dataset = await sandbox.data();
      target = pickComment(dataset);
      await writeDemoClone(h.workspace, dataset, target.pr.repo, sandbox.url);
    },
  });
  const feedback = h.view('Feedback');
  const rows = feedback.locator('.monaco-list-row');

  // The view shows feedback received by default, and says so in its title.
  await feedback.locator('.pane-header', { hasText: /Feedback received/i }).waitFor({ timeout: 15_000 });
  // Items: a short label, then reviewer · repository · date.
  await rows.first().click();
  await page.keyboard.press('ArrowRight');
  const item = feedback.locator('.monaco-list-row[aria-level="2"]').first();
  await item.waitFor({ timeout: 15_000 });
  const label = (await item.locator('.label-name').innerText()).trim();
  const description = (await item.locator('.label-description').innerText()).trim();
  assert.ok(label.length <= 32, `the label is short: "${label}"`);
  assert.match(description, /^[\w-]+ · [\w-]+\/[\w.-]+#\d+ · (just now|\d+ (min|h|days|weeks|months|years?) ago|yesterday|1 year ago)/, `reviewer · repository · date: "${description}"`);
  await page.keyboard.press('ArrowLeft');

  // Group by reviewer: groups are now people, and never the engineer.
  await h.runCommand('Review Mentor: Group by...', { opensInput: true });
  await pickInQuickPick(page, 'Reviewer');
  await rows.filter({ hasText: target.comment.author }).first().waitFor({ timeout: 15_000 });
  const people = (await rows.locator('.label-name').allInnerTexts()).map((t) => t.trim());
  assert.ok(!people.includes(ME), `${ME} is not her own reviewer: ${people.join(', ')}`);
  await h.screenshot('by-reviewer');

  // Filter: testing feedback in one repository; the view says so.
  await h.runCommand('Review Mentor: Filter...', { opensInput: true });
  await pickInQuickPick(page, 'Category or group');
  await pickInQuickPick(page, 'Testing', { checkbox: true });
  await h.runCommand('Review Mentor: Filter...', { opensInput: true });
  await pickInQuickPick(page, 'Repository');
  await pickInQuickPick(page, target.pr.repo, { checkbox: true });
  const message = page.locator('.part.sidebar .message');
  const repoName = target.pr.repo.split('/')[1];
  await message.filter({ hasText: new RegExp(`Filtered: .*Testing.*${repoName}|No feedback matches`) }).first().waitFor({ timeout: 15_000 });
  assert.match(await message.first().innerText(), new RegExp(`Filtered: .*Testing.* in acme/${repoName} \\(\\d+ of \\d+\\)`));
  await rows.first().click();
  await page.keyboard.press('ArrowRight');
  await page.mouse.move(700, 450);
  await h.screenshot('filtered');
  await h.runCommand('Review Mentor: Clear filter');
  await message.filter({ hasText: /Filtered/ }).waitFor({ state: 'hidden', timeout: 15_000 });

  // Search for a word from the comment and open it: the clone's file at its line.
  await h.runCommand('Review Mentor: Search feedback', { opensInput: true });
  const input = page.locator('.quick-input-widget input.input');
  const fileName = target.thread.path.split('/').pop();
  // A word of the comment and its file name: all words must match, which narrows it to that file.
  await input.fill(`${target.word} ${fileName}`);
  const hit = page.locator('.quick-input-list .monaco-list-row', { hasText: target.thread.path }).first();
  await hit.waitFor({ timeout: 15_000 });
  await h.screenshot('search');
  await hit.click();
  await page.locator('.tabs-container .tab', { hasText: fileName }).first().waitFor({ timeout: 15_000 });
  await page.locator('.part.statusbar', { hasText: `Ln ${target.thread.line},` }).waitFor({ timeout: 15_000 });

  // Past feedback on the file: a comment thread in the gutter, a hover, a status bar hint.
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.locator('.comment-range-glyph, .comment-thread').first().waitFor({ timeout: 20_000 });
  // Hover on the commented line, where the cursor already is (Ctrl+K Ctrl+I shows the hover).
  await editor.locator('textarea').first().focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.getByText(`${target.comment.author} on ${target.pr.repo}#${target.pr.number}`).first().waitFor({ timeout: 15_000 });
  await h.screenshot('hover');
  await page.keyboard.press('Escape');
  // The status bar counts the past comments on the active file.
  const hint = h.statusBarItem('reviewMentor.pastFeedback');
  await hint.filter({ hasText: /\d+ past review comments?/ }).waitFor({ timeout: 20_000 });
  await h.screenshot('past-feedback');

  // The switch in the view title: feedback given, marked as given, grouped by the author of each PR.
  await h.runCommand('Review Mentor: Show feedback given');
  await feedback.locator('.pane-header', { hasText: /Feedback given/i }).waitFor({ timeout: 15_000 });
  await rows.first().waitFor({ timeout: 15_000 });
  const authors = (await rows.locator('.label-name').allInnerTexts()).map((t) => t.trim());
  assert.ok(authors.length > 0 && !authors.includes(ME), `given feedback grouped by author, never ${ME}: ${authors.join(', ')}`);
  await rows.first().click();
  await page.keyboard.press('ArrowRight');
  const given = feedback.locator('.monaco-list-row[aria-level="2"]').first();
  await given.waitFor({ timeout: 15_000 });
  assert.match(await given.locator('.label-description').innerText(), /^to [\w-]+ · /, 'an item given says to whom');
  assert.match((await given.getAttribute('aria-label')) ?? '', /Given by you to /);
  await h.runCommand('Review Mentor: Show feedback received');
  await feedback.locator('.pane-header', { hasText: /Feedback received/i }).waitFor({ timeout: 15_000 });
}
