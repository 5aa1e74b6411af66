// Two windows on one journal folder: two browser windows on one code-server
// (each window has its own extension host process), then the CLI as a third
// process. A sync in one window lands in the other without a sync or a reload
// there; syncs asked for in both windows at once run once (the lease next to
// the journal); a goal written in one window while the other syncs is kept;
// a `review-mentor sync` run from a terminal holds the same lease (a window's
// Sync steps aside) and shows in both windows.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pickInQuickPick } from '../quickPick.mjs';
import { signInToSandbox } from '../sandbox.mjs';
import { REPO } from '../harness.mjs';

export const name = 'two-windows';
export const timeoutMs = 420_000;

const ME = 'priya-dev';
const REVIEWER = 'aisha-k';
const GOAL = 'Reply to every blocking comment the same day';

/** Every "Review Mentor" log file of this code-server (one per extension host: one per window). */
function logFiles(h) {
  const out = [];
  const walk = (dir) => {
    let entries = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'Review Mentor.log') out.push(p);
    }
  };
  walk(join(h.userDataDir, 'logs'));
  return out.sort();
}

async function waitFor(what, check, timeout = 30_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const count = (text, re) => (text.match(new RegExp(re, 'g')) ?? []).length;

/** Runs `fn` with the harness's helpers pointed at `page` (one of the two windows). */
async function inWindow(h, page, fn) {
  const prev = h.page;
  h.page = page;
  try {
    return await fn();
  } finally {
    h.page = prev;
  }
}

/** REVIEWER's count in the window's Feedback view, grouped by reviewer (the row's accessible label). */
async function reviewerCount(h) {
  const labels = await h.view('Feedback').locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  const m = labels.map((l) => new RegExp(`^${REVIEWER}: (\\d+) comments?(?: \\(|$)`).exec(l)).find(Boolean);
  return m ? Number(m[1]) : undefined;
}

async function groupByReviewer(h) {
  await h.runCommand('Review Mentor: Group by...', { opensInput: true });
  await pickInQuickPick(h.page, 'Reviewer');
  await waitFor('the reviewer groups', () => reviewerCount(h));
}

function cliSync(sandbox, journalDir) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [join(REPO, 'dist/cli.js'), 'sync', '--engineer', ME, '--github-url', sandbox.url, '--token-env', 'RM_TWO_WINDOWS_TOKEN', '--journal-dir', journalDir], {
      env: { ...process.env, RM_TWO_WINDOWS_TOKEN: `sandbox-token-${ME}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, out }));
  });
}

export default async function (h) {
  // Window A: signed in by the token, syncs at start.
  const { sandbox, page: a } = await signInToSandbox(h, { login: ME, periodicSync: false });
  const [logA] = logFiles(h);
  assert.ok(logA, 'window A has a log');

  // Window B: same folder, same profile, a second extension host.
  const b = await h.context.newPage();
  await b.goto(a.url(), { timeout: 120_000 });
  await b.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const logB = await waitFor('a second extension host', () => logFiles(h).find((f) => f !== logA && /Activated in/.test(readFileSync(f, 'utf8'))), 60_000);
  // B reads the journal A wrote (no sync of its own at start: the automatic interval is off).
  await inWindow(h, b, async () => {
    await h.openViewContainer('Review Mentor');
    await groupByReviewer(h);
  });
  await groupByReviewer(h);
  const start = await reviewerCount(h);
  assert.equal(await inWindow(h, b, () => reviewerCount(h)), start, 'both windows show the same journal');

  // B's journal panel is open, ready for a goal.
  await inWindow(h, b, async () => {
    await h.runCommand('Review Mentor: Open journal');
    await h.webviewFrame().locator('[data-tab=goals]').click();
  });

  // A new comment on GitHub; a slow GitHub keeps A's sync (and its lease) going for a while.
  const pr = (await sandbox.data()).pullRequests.find((p) => p.author === ME && p.state === 'OPEN');
  await sandbox.change({ op: 'add', pr: pr.id, author: REVIEWER, body: 'question: could this retry loop spin forever when the server keeps answering 503?', kind: 'issue-comment' });
  await sandbox.fault({ kind: 'slow', delayMs: 8000, match: 'ReviewMentorFeedback', times: 1 });
  const requestsBefore = (await sandbox.requests()).length;
  const syncedA = count(readFileSync(logA, 'utf8'), 'Synced priya-dev');
  const syncedB = count(readFileSync(logB, 'utf8'), 'Synced priya-dev');

  await h.runCommand('Review Mentor: Sync');
  await waitFor('A to ask GitHub', async () => (await sandbox.requests()).slice(requestsBefore).some((r) => r.operationName === 'ReviewMentorFeedback'), 20_000);
  // Meanwhile in B: Sync (must not run a second sync) and a goal (must not be lost).
  await inWindow(h, b, async () => {
    await h.runCommand('Review Mentor: Sync');
    const web = h.webviewFrame();
    await web.locator('#new-text input').fill(GOAL);
    await web.locator('#add-entry').click();
    await web.locator('.entry', { hasText: GOAL }).waitFor({ timeout: 15_000 });
  });
  await waitFor('B to step aside', () => /priya-dev is being synced by another VS Code window/.test(readFileSync(logB, 'utf8')), 20_000);
  await waitFor('A to finish', () => count(readFileSync(logA, 'utf8'), 'Synced priya-dev') > syncedA, 60_000);

  // One sync ran: one search request, from A; B made no sync of its own.
  const searches = (await sandbox.requests()).slice(requestsBefore).filter((r) => r.operationName === 'ReviewMentorFeedback');
  assert.equal(searches.length, 1, `one search, not two: ${JSON.stringify(searches)}`);
  assert.equal(count(readFileSync(logB, 'utf8'), 'Synced priya-dev'), syncedB, 'B did not sync');

  // B shows A's sync without syncing or reloading; A shows B's goal.
  await inWindow(h, b, () => waitFor('B to show the new comment', async () => (await reviewerCount(h)) === start + 1, 30_000));
  assert.equal(await reviewerCount(h), start + 1, 'A shows the new comment');
  const journal = JSON.parse(readFileSync(join(h.globalStorage, 'journals', readdirSync(join(h.globalStorage, 'journals'))[0], `${ME}.json`), 'utf8'));
  assert.ok(journal.entries.some((e) => e.text === GOAL), 'the goal written during the sync is on disk');
  await h.runCommand('Review Mentor: Open journal');
  await h.webviewFrame().locator('[data-tab=goals]').click();
  await h.webviewFrame().locator('.entry', { hasText: GOAL }).waitFor({ timeout: 15_000 });
  await h.screenshot('window-a');
  await inWindow(h, b, () => h.screenshot('window-b'));

  // A third process: the CLI syncs the same journal folder while both windows are open,
  // slowly; a Sync asked for in A meanwhile steps aside for it (the CLI holds the lease).
  await sandbox.change({ op: 'add', pr: pr.id, author: REVIEWER, body: 'nit: the log line could name the request id.', kind: 'issue-comment' });
  await sandbox.fault({ kind: 'slow', delayMs: 8000, match: 'ReviewMentorFeedback', times: 1 });
  const beforeCli = (await sandbox.requests()).length;
  const running = cliSync(sandbox, join(h.globalStorage, 'journals'));
  await waitFor('the CLI to ask GitHub', async () => (await sandbox.requests()).slice(beforeCli).some((r) => r.operationName === 'ReviewMentorFeedback'), 20_000);
  await h.runCommand('Review Mentor: Sync');
  await waitFor('A to step aside for the CLI', () => /priya-dev is being synced by review-mentor sync \(process \d+\)/.test(readFileSync(logA, 'utf8')), 20_000);
  const cli = await running;
  assert.equal(cli.code, 0, cli.out);
  assert.equal((await sandbox.requests()).slice(beforeCli).filter((r) => r.operationName === 'ReviewMentorFeedback').length, 1, 'only the CLI searched');
  assert.match(cli.out, /Synced priya-dev@127\.0\.0\.1:\d+: \d+ PRs, 1 comments added/);
  await waitFor('A to show the CLI sync', async () => (await reviewerCount(h)) === start + 2, 30_000);
  await inWindow(h, b, () => waitFor('B to show the CLI sync', async () => (await reviewerCount(h)) === start + 2, 30_000));
  assert.equal(count(readFileSync(logA, 'utf8'), 'Synced priya-dev'), syncedA + 1, 'A did not sync for it');
  assert.equal(count(readFileSync(logB, 'utf8'), 'Synced priya-dev'), syncedB, 'nor did B');
  const after = JSON.parse(readFileSync(join(h.globalStorage, 'journals', readdirSync(join(h.globalStorage, 'journals'))[0], `${ME}.json`), 'utf8'));
  assert.ok(after.entries.some((e) => e.text === GOAL), 'the CLI kept the goal');
}
