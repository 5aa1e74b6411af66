// Starts the sandbox GitHub (the bundled CLI) for a journey, and talks to its
// admin endpoints: faults, request log, dataset.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO, freePort } from './harness.mjs';

/** `port`: start on this port again (a journey that takes GitHub away and brings it back). */
export async function startSandbox(extraArgs = ['--base-date', 'today'], port = undefined) {
  port ??= await freePort();
  const proc = spawn(process.execPath, [join(REPO, 'dist/sandbox.js'), '--port', String(port), ...extraArgs], {
    cwd: REPO,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/_sandbox/data`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) {
      proc.kill();
      throw new Error('sandbox GitHub did not start');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const admin = async (path, init) => {
    const r = await fetch(`${url}${path}`, init);
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
    const text = await r.text();
    return text ? JSON.parse(text) : undefined;
  };
  return {
    url,
    data: () => admin('/_sandbox/data'),
    requests: () => admin('/_sandbox/requests'),
    fault: (f) => admin('/_sandbox/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(f) }),
    /** Changes on "GitHub": `{ op: 'edit', id, body }`, `{ op: 'delete', id }`, `{ op: 'resolve', threadId }`, `{ op: 'touch', pr }`, `{ op: 'add', pr, author, body, kind? }`, or a list; answers `{ added: [ids] }`. */
    change: (c) => admin('/_sandbox/changes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c) }),
    /** How "GitHub" behaves: `{ editsBumpPr?, clockOffsetMs?, ssoOrgs? }`; returns all three. */
    behave: (b) => admin('/_sandbox/behaviour', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) }),
    close: () => proc.kill(),
  };
}

/**
 * The start most journeys share: the sandbox GitHub, `login`'s token for the
 * extension (REVIEW_MENTOR_TOKEN, as a user who stored it), the GitHub
 * Enterprise URL setting pointing at the sandbox, the workbench, the Review
 * Mentor view container, and `login`'s first sync. The sandbox closes with the
 * harness, so a journey needs no try/finally of its own.
 * @param {import('./harness.mjs').Harness} h
 * @param {object} [o]
 * @param {string} [o.login] who signs in (default priya-dev)
 * @param {boolean} [o.periodicSync] false: `sync.intervalMinutes` 0, no sync but the first and those the journey asks for (default: the product's interval)
 * @param {Record<string, unknown>} [o.settings] more User settings
 * @param {(sandbox: Awaited<ReturnType<typeof startSandbox>>) => unknown} [o.beforeOpen] runs once the sandbox is up, before the workbench opens (write a workspace clone, set a fault)
 * @param {boolean} [o.waitForRows] also wait for the Feedback view's first row (the tree painted the sync)
 */
export async function signInToSandbox(h, { login = 'priya-dev', periodicSync = true, settings = {}, beforeOpen, waitForRows = false } = {}) {
  const sandbox = await startSandbox();
  h.onClose(() => sandbox.close());
  await beforeOpen?.(sandbox);
  h.env.REVIEW_MENTOR_TOKEN = `sandbox-token-${login}`;
  await h.settings({
    'reviewMentor.github.serverUrl': sandbox.url,
    ...(periodicSync ? {} : { 'reviewMentor.sync.intervalMinutes': 0 }),
    ...settings,
  });
  const page = await h.openWorkbench();
  await h.openViewContainer('Review Mentor');
  if (waitForRows) await h.view('Feedback').locator('.monaco-list-row').first().waitFor({ timeout: 90_000 });
  await h.waitForLog(new RegExp(`Synced ${login}\\b`), 90_000);
  return { sandbox, page };
}

/** Writes files of a demo clone of `repo` into `dir`, remote pointing at the sandbox. */
export async function writeDemoClone(dir, dataset, repo, url) {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { dirname } = await import('node:path');
  const { demoClone } = await import('../../src/demo/workspace.ts');
  for (const [path, text] of demoClone(dataset, repo)) {
    const file = join(dir, ...path.split('/'));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  mkdirSync(join(dir, '.git'), { recursive: true });
  writeFileSync(join(dir, '.git/HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(dir, '.git/config'), `[core]\n\trepositoryformatversion = 0\n[remote "origin"]\n\turl = ${url}/${repo}.git\n`);
}

/** Feedback `login` received in [from, to) by sync's rules: others' comments on their PRs, non-empty reviews, no bots. */
export function receivedCount(dataset, login, from = '0000', to = '9999') {
  const bots = new Set(dataset.users.filter((u) => u.type === 'Bot').map((u) => u.login));
  const counts = (author, at) => author !== login && !bots.has(author) && at >= from && at < to;
  let n = 0;
  for (const pr of dataset.pullRequests) {
    if (pr.author !== login) continue;
    for (const t of pr.threads) for (const c of t.comments) if (counts(c.author, c.createdAt)) n++;
    for (const r of pr.reviews) if (r.body.trim() && counts(r.author, r.submittedAt)) n++;
    for (const c of pr.comments) if (counts(c.author, c.createdAt)) n++;
  }
  return n;
}
