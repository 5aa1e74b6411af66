// The demo: the sandbox GitHub with its built-in team, and a real VS Code
// (code-server) with the packaged extension pointed at it, already signed in
// with the sandbox's demo token, journals synced for the whole team and a clone
// of one demo repository open so past feedback shows in the editor.
// Run through `npm run demo`; stop with Ctrl+C.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Harness, ensureCodeServer, freePort, REPO } from '../test/e2e/harness.mjs';
import { writeDemoClone } from '../test/e2e/sandbox.mjs';

const TOKEN = 'demo-token';
const VIEWER = 'priya-dev';
const CLI = join(REPO, 'dist/cli.js');

function say(line) {
  process.stdout.write(`[demo] ${line}\n`);
}

async function startSandbox() {
  const port = Number(process.env.DEMO_SANDBOX_PORT) || (await freePort());
  const proc = spawn(process.execPath, [join(REPO, 'dist/sandbox.js'), '--port', String(port), '--base-date', 'today'], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${url}/_sandbox/data`);
      if (r.ok) return { proc, url, dataset: await r.json() };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill();
  throw new Error('the sandbox GitHub did not start');
}

function syncJournal(login, url, journalDir) {
  const r = spawnSync(process.execPath, [CLI, 'sync', '--engineer', login, '--github-url', url, '--token-env', 'REVIEW_MENTOR_TOKEN', '--journal-dir', journalDir], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, REVIEW_MENTOR_TOKEN: TOKEN },
  });
  if (r.status !== 0) throw new Error(`sync of ${login} failed: ${r.stderr || r.stdout}`);
  say(`  ${login}: ${r.stdout.trim()}`);
}

async function main() {
  ensureCodeServer();
  const sandbox = await startSandbox();
  say(`sandbox GitHub at ${sandbox.url} (token "${TOKEN}", signed in as ${VIEWER})`);
  const team = sandbox.dataset.users.filter((u) => u.type === 'User').map((u) => u.login);
  const h = new Harness({
    name: 'demo',
    extension: 'none',
    env: { REVIEW_MENTOR_TOKEN: TOKEN },
    settings: {
      'reviewMentor.github.serverUrl': sandbox.url,
      'reviewMentor.trackedEngineers': team.filter((l) => l !== VIEWER),
      'workbench.colorTheme': 'Default Dark Modern',
    },
  });
  const journalDir = join(h.globalStorage, 'journals');
  say(`syncing journals for ${team.length} engineers…`);
  for (const login of team) syncJournal(login, sandbox.url, journalDir);
  const repo = sandbox.dataset.pullRequests.find((p) => p.author === VIEWER && p.threads.length > 0)?.repo ?? sandbox.dataset.repos[0].owner + '/' + sandbox.dataset.repos[0].name;
  await writeDemoClone(h.workspace, sandbox.dataset, repo, sandbox.url);
  say(`workspace: a clone of ${repo} at ${h.workspace}`);
  h.installVsix(join(REPO, 'review-mentor.vsix'));
  await h.startServer();
  say('');
  say(`Open ${h.origin}/?folder=${encodeURIComponent(h.workspace)}`);
  say('Then click "Review Mentor" in the activity bar. Press Ctrl+C to stop.');
  const stop = async () => {
    say('stopping…');
    sandbox.proc.kill();
    await h.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.env.DEMO_EXIT_AFTER_START) await stop();
}

main().catch((err) => {
  process.stderr.write(`[demo] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
