// The CLI as a package of its own: the tarball `npm run package:cli` makes is
// installed with npm into a temporary prefix (offline: it has no
// dependencies) and run as a user would, with only Node on the PATH, from an
// empty folder: --version, --help, sync of a team against the sandbox GitHub,
// export of the result, classify, progress on a terminal, exit codes.
import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DEMO_TOKEN, generateDataset, startSandbox, type Sandbox } from '../../sandbox';
import { cliTarball, ROOT } from './build';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('the review-mentor CLI package, installed with npm', () => {
  let tmp: string;
  let bin: string;
  let work: string;
  let sandbox: Sandbox;
  let env: NodeJS.ProcessEnv;
  const team = ['priya-dev', 'sam-lee'];

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'rm-cli-pkg-'));
    const tarball = cliTarball();
    const prefix = join(tmp, 'prefix');
    execFileSync('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { stdio: ['ignore', 'pipe', 'pipe'] });
    bin = join(prefix, 'bin', 'review-mentor');
    work = join(tmp, 'work');
    mkdirSync(join(tmp, 'home'), { recursive: true });
    mkdirSync(work);
    // Only Node: the node binary's folder on the PATH, no NODE_PATH, a fresh HOME.
    env = { PATH: dirname(process.execPath), HOME: join(tmp, 'home'), LANG: 'C.UTF-8' };
    sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 60 }) });
  });
  after(async () => {
    await sandbox?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  function run(args: string[], o: { env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<Run> {
    return new Promise((resolve, reject) => {
      const child = spawn(bin, args, { cwd: work, env: { ...env, ...o.env }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (b) => (stdout += b));
      child.stderr.on('data', (b) => (stderr += b));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(o.input ?? '');
    });
  }

  const syncArgs = (journals: string, logins = team) => ['sync', '--engineer', logins.join(','), '--github-url', sandbox.url, '--journal-dir', journals, '--token-env', 'RM_TOKEN'];

  it('installs only the bundle, the classifier model, the README and the license', () => {
    const installed = join(dirname(dirname(bin)), 'lib', 'node_modules', 'review-mentor-cli');
    assert.deepEqual(readdirSync(installed).sort(), ['LICENSE', 'README.md', 'dist', 'package.json']);
    assert.deepEqual(readdirSync(join(installed, 'dist')).sort(), ['classifier-model.json', 'cli.js', 'cli.js.LEGAL.txt']);
  });

  it('prints its version and its help; a usage error exits 2', async () => {
    const version = await run(['--version']);
    assert.equal(version.code, 0);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    for (const c of ['sync', 'export', 'classify', 'Exit codes']) assert.ok(help.stdout.includes(c), `--help mentions ${c}`);
    const syncHelp = await run(['sync', '--help']);
    assert.match(syncHelp.stdout, /--engineer LOGIN\[,LOGIN\.\.\.\]/);
    assert.equal((await run([])).code, 2);
    assert.equal((await run(['frobnicate'])).code, 2);
    assert.equal((await run(['sync', '--engineer', 'a', '--nope'])).code, 2);
  });

  it('syncs a team against the sandbox quietly when not on a terminal, then exports Markdown and HTML from the journals', async () => {
    const journals = join(tmp, 'journals');
    const sync = await run(syncArgs(journals), { env: { RM_TOKEN: DEMO_TOKEN } });
    assert.equal(sync.code, 0, sync.stderr);
    const lines = sync.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    for (const [i, login] of team.entries()) assert.match(lines[i]!, new RegExp(`^Synced ${login}@127\\.0\\.0\\.1:\\d+: \\d+ PRs, [1-9]\\d* comments added`));
    assert.doesNotMatch(sync.stderr, /\r|\x1b/, 'no progress line without a terminal');
    assert.deepEqual(sync.stderr.trim().split('\n'), [`review-mentor: journals in ${journals} (--journal-dir)`]);

    const host = new URL(sandbox.url).host;
    const period = ['--from', '2025-11-01', '--to', '2026-11-01'];
    const md = await run(['export', '--engineer', 'priya-dev', '--format', 'md', '--journal-dir', journals, '--host', host, ...period]);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^# Review summary: priya-dev\n/);
    const total = Number(/\| Total \| (\d+) \|/.exec(md.stdout)?.[1]);
    assert.ok(total > 0, `the summary counts the synced feedback: ${md.stdout.slice(0, 400)}`);
    const out = join(work, 'team.html');
    const html = await run(['export', '--engineer', team.join(','), '--journal-dir', journals, '--host', host, '--out', out, ...period]);
    assert.equal(html.code, 0, html.stderr);
    const page = readFileSync(out, 'utf8');
    assert.match(page, /^<!doctype html>/i);
    for (const login of team) assert.ok(page.includes(login), `the team summary names ${login}`);
  });

  it('classifies JSON lines with the model it carries', async () => {
    const input = [{ id: 1, body: 'Could you add a unit test for the empty list case?' }, { id: 'b', body: 'Great work, thank you for the clear write-up!' }].map((o) => JSON.stringify(o)).join('\n');
    const r = await run(['classify'], { input });
    assert.equal(r.code, 0, r.stderr);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(out.map((o) => [o.id, o.category]), [[1, 'testing'], ['b', 'praise']]);
    assert.equal((await run(['classify'], { input: 'not json' })).code, 1);
  });

  it('shows progress on a terminal', async () => {
    // util-linux `script` gives the command a pseudo-terminal; the transcript holds what it drew.
    const journals = join(tmp, 'journals-tty');
    const cmd = [bin, ...syncArgs(journals, ['priya-dev'])].map((a) => `'${a}'`).join(' ');
    const r = await new Promise<Run>((resolve) => {
      const child = spawn('script', ['-qefc', cmd, '/dev/null'], { cwd: work, env: { ...env, PATH: `${env.PATH}:/usr/bin:/bin`, RM_TOKEN: DEMO_TOKEN, TERM: 'dumb' } });
      let stdout = '';
      child.stdout.on('data', (b) => (stdout += b));
      child.on('close', (code) => resolve({ code, stdout, stderr: '' }));
    });
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /\rpriya-dev: (starting…|\d+ of about \d+ pull requests)\x1b\[K/, JSON.stringify(r.stdout.slice(0, 300)));
    assert.match(r.stdout, /Synced priya-dev@/);
  });

  it('exits 2 without a token, 3 when GitHub refuses it and 4 when GitHub is unreachable', async () => {
    const journals = join(tmp, 'journals-errors');
    const missing = await run(syncArgs(journals));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /RM_TOKEN/);
    const refused = await run(syncArgs(journals), { env: { RM_TOKEN: 'not-a-token' } });
    assert.equal(refused.code, 3, refused.stderr);
    assert.ok(!refused.stderr.includes('not-a-token'), 'the token is never printed');
    const closed = await startSandbox({ port: 0 });
    const url = closed.url;
    await closed.close();
    const down = await run(['sync', '--engineer', 'priya-dev', '--github-url', url, '--journal-dir', journals, '--token-env', 'RM_TOKEN'], { env: { RM_TOKEN: DEMO_TOKEN } });
    assert.equal(down.code, 4, down.stderr);
    assert.ok(!existsSync(join(work, 'node_modules')));
  });
});
