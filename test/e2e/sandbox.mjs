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
