// `review-mentor sync` in-process against the sandbox: one-line summary,
// exit codes and messages for a missing token and a refused one.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import command from '../../../src/cli/sync';
import { CliError } from '../../../src/cli/command';
import { startSandbox, generateDataset, DEMO_VIEWER, type Sandbox } from '../../../sandbox';
import { journalPaths } from '../../../src/store';

describe('cli: review-mentor sync', () => {
  let sandbox: Sandbox;
  let dir: string;
  before(async () => {
    sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 40 }) });
    dir = mkdtempSync(join(tmpdir(), 'rm-cli-'));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await sandbox.close();
  });

  async function run(args: string[], env: Record<string, string | undefined>): Promise<{ code?: number; out: string; error?: unknown }> {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, env);
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
    const write = process.stdout.write;
    let out = '';
    process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
    try {
      return { code: await command.run(args), out };
    } catch (error) {
      return { out, error };
    } finally {
      process.stdout.write = write;
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }

  it('syncs and prints a one-line summary; a second run uses one request', async () => {
    const args = ['--engineer', DEMO_VIEWER, '--github-url', sandbox.url, '--journal-dir', dir, '--token-env', 'RM_TEST_TOKEN'];
    const first = await run(args, { RM_TEST_TOKEN: sandbox.tokenFor(DEMO_VIEWER) });
    assert.equal(first.code, 0, String(first.error));
    assert.match(first.out, /^Synced priya-dev@127\.0\.0\.1:\d+: \d+ PRs, [1-9]\d* comments added, 0 updated, 0 deleted, \d+ requests, GraphQL cost \d+\n$/);
    const second = await run(args, { RM_TEST_TOKEN: sandbox.tokenFor(DEMO_VIEWER) });
    assert.match(second.out, /0 comments added, 0 updated, 0 deleted, 1 requests/);
  });

  it('--full fetches everything again and restores what the journal lost', async () => {
    const args = ['--engineer', DEMO_VIEWER, '--github-url', sandbox.url, '--journal-dir', dir, '--token-env', 'RM_TEST_TOKEN'];
    const env = { RM_TEST_TOKEN: sandbox.tokenFor(DEMO_VIEWER) };
    await run(args, env);
    const shards = join(dir, '127.0.0.1%3A' + new URL(sandbox.url).port, `${DEMO_VIEWER}.shards`);
    for (const f of readdirSync(shards)) rmSync(join(shards, f));
    const warm = await run(args, env);
    assert.match(warm.out, / 0 comments added/);
    const full = await run([...args, '--full'], env);
    assert.equal(full.code, 0, String(full.error));
    const added = Number(/(\d+) comments added/.exec(full.out)![1]);
    assert.ok(added > 0, full.out);
    assert.match(full.out, /0 updated, 0 deleted/);
  });

  it('missing token -> exit 2 naming the variable; refused token -> exit 3', async () => {
    const args = ['--engineer', DEMO_VIEWER, '--github-url', sandbox.url, '--journal-dir', dir, '--token-env', 'RM_TEST_TOKEN'];
    const missing = await run(args, { RM_TEST_TOKEN: undefined });
    assert.ok(missing.error instanceof CliError && missing.error.exitCode === 2 && /RM_TEST_TOKEN/.test(missing.error.message));
    const refused = await run(args, { RM_TEST_TOKEN: 'not-a-token' });
    assert.ok(refused.error instanceof CliError && refused.error.exitCode === 3, String(refused.error));
    assert.ok(!(refused.error as Error).message.includes('not-a-token'));
  });

  it('syncs a team one engineer after another; one journal it cannot write does not stop the others (exit 1)', async () => {
    const team = mkdtempSync(join(tmpdir(), 'rm-cli-team-'));
    try {
      // sam-lee's journal was written by a newer Review Mentor: read-only here.
      const samFile = journalPaths(team, { login: 'sam-lee', host: new URL(sandbox.url).host }).main;
      mkdirSync(dirname(samFile), { recursive: true });
      writeFileSync(samFile, JSON.stringify({ schemaVersion: 999, engineer: { login: 'sam-lee', host: new URL(sandbox.url).host } }));
      const args = ['--engineer', `sam-lee,${DEMO_VIEWER}`, '--github-url', sandbox.url, '--journal-dir', team, '--token-env', 'RM_TEST_TOKEN'];
      const r = await run(args, { RM_TEST_TOKEN: sandbox.tokenFor(DEMO_VIEWER) });
      assert.equal(r.code, 1, String(r.error));
      assert.match(r.out, /^Synced priya-dev@\S+: \d+ PRs, [1-9]\d* comments added/);
      assert.doesNotMatch(r.out, /sam-lee/);
      const bad = await run(['--engineer', 'priya-dev,not a login', '--token-env', 'RM_TEST_TOKEN'], { RM_TEST_TOKEN: 'x' });
      assert.ok(bad.error instanceof CliError && bad.error.exitCode === 2 && /not a GitHub login/.test(bad.error.message));
    } finally {
      rmSync(team, { recursive: true, force: true });
    }
  });
});
