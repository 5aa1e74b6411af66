// Sync journey: sign in against the sandbox GitHub with a personal access token
// (the same GHE URL setting a real user sets), sync, see the Feedback view fill,
// then hit a rate limit and watch sync say when it resumes and resume by itself.
import assert from 'node:assert/strict';
import { startSandbox } from '../sandbox.mjs';

export const name = 'sync';
export const timeoutMs = 240_000;

export default async function (h) {
  const sandbox = await startSandbox();
  try {
    h.settings({ 'reviewMentor.github.serverUrl': sandbox.url, 'reviewMentor.sync.intervalMinutes': 0 });
    const page = await h.openWorkbench();
    await h.openViewContainer('Review Mentor');

    await h.runCommand('Review Mentor: Sign in with a personal access token', { opensInput: true });
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible' });
    assert.equal(await input.getAttribute('type'), 'password', 'the token box hides what is typed');
    await input.fill('sandbox-token-priya-dev');
    await page.keyboard.press('Enter');
    await h.waitForNotification(/signed in as priya-dev/, 30_000);

    // The first sync fills the view: category groups with counts.
    const tree = h.view('Feedback').locator('.monaco-list-row');
    await tree.first().waitFor({ state: 'visible', timeout: 60_000 });
    await h.waitForLog(/Synced priya-dev: \d+ PRs, \d+ new/, 60_000);
    const rows = await tree.allInnerTexts();
    assert.ok(rows.some((r) => /Testing/.test(r)), `expected a Testing group, saw: ${rows.join(' | ')}`);
    const status = h.statusBarItem('reviewMentor.status');
    await status.filter({ hasText: /Synced/ }).waitFor({ timeout: 30_000 });
    await page.mouse.move(700, 450);
    await h.screenshot('filled');

    // Journal on disk under the sandbox's host, one shard folder per engineer.
    assert.ok(h.globalStorageFiles().some((f) => /^journals\/127\.0\.0\.1[^/]*\/priya-dev/.test(f)), h.globalStorageFiles().join('\n'));

    // Rate limit: the next GraphQL request is refused with a reset 4 s away.
    await sandbox.fault({ kind: 'rate-limit', resetSeconds: 4, times: 1 });
    const before = (await sandbox.requests()).length;
    await h.runCommand('Review Mentor: Sync');
    await h.waitForNotification(/rate limit was reached\. Sync resumes by itself at/, 20_000);
    await status.filter({ hasText: /resumes/ }).waitFor({ timeout: 10_000 });
    await h.screenshot('rate-limited');
    // ...and it resumes on its own: a later request succeeds and the status says Synced.
    await status.filter({ hasText: /Synced/ }).waitFor({ timeout: 60_000 });
    const log = (await sandbox.requests()).slice(before);
    assert.ok(log.some((r) => r.status === 403), 'the sandbox refused one request');
    assert.ok(log.some((r) => r.status === 200 && r.kind === 'graphql'), 'a request after the reset succeeded');
    await h.screenshot('resumed');
  } finally {
    sandbox.close();
  }
}
