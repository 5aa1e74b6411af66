// `review-mentor sync` and VS Code windows share the sync lease next to the
// journal: the CLI waits while a window syncs, and a window steps aside while
// the CLI syncs. Without it both would sync the same engineer at once.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import command from '../../../src/cli/sync';
import { takeLease } from '../../../src/cli/syncLease';
import { startSandbox, generateDataset, DEMO_VIEWER, type Sandbox } from '../../../sandbox';
import { JournalStore } from '../../../src/store';

const writes = { out: process.stdout.write, err: process.stderr.write };

describe('cli: review-mentor sync shares the sync lease with the windows', () => {
  let sandbox: Sandbox;
  let dir: string;
  let pending: Promise<unknown> | undefined;
  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 30 }) });
    dir = mkdtempSync(join(tmpdir(), 'rm-cli-lease-'));
  });
  afterEach(async () => {
    // A failed assertion must not leave the CLI writing into the capture (mocha's report would vanish).
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    await pending;
    sandbox.clearFaults();
    rmSync(dir, { recursive: true, force: true });
    await sandbox.close();
  });

  const engineer = () => ({ login: DEMO_VIEWER, host: `127.0.0.1:${new URL(sandbox.url).port}` });
  const windowLease = () => new JournalStore({ rootDir: dir }).syncLease(engineer(), 'window-1', 'another VS Code window (process 1)');
  const searches = () => sandbox.requests().filter((r) => r.operationName === 'ReviewMentorFeedback').length;

  /** Runs the CLI in-process, capturing stdout and stderr. */
  function start(): { done: Promise<{ code?: number; error?: unknown }>; out: () => string } {
    const saved = process.env.RM_LEASE_TOKEN;
    process.env.RM_LEASE_TOKEN = sandbox.tokenFor(DEMO_VIEWER);
    let out = '';
    const capture = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
    process.stdout.write = capture;
    process.stderr.write = capture;
    const done = command.run(['--engineer', DEMO_VIEWER, '--github-url', sandbox.url, '--journal-dir', dir, '--token-env', 'RM_LEASE_TOKEN']).then(
      (code) => ({ code }),
      (error: unknown) => ({ error }),
    );
    pending = done.finally(() => {
      process.stdout.write = writes.out;
      process.stderr.write = writes.err;
      if (saved === undefined) delete process.env.RM_LEASE_TOKEN;
      else process.env.RM_LEASE_TOKEN = saved;
    });
    return { done, out: () => out };
  }

  it('waits while a window syncs the engineer, then syncs', async () => {
    const lease = windowLease();
    assert.deepEqual(await lease.acquire(), { ok: true });
    const run = start();
    await new Promise((r) => setTimeout(r, 1_500));
    assert.equal(searches(), 0, 'no sync while the window holds the lease');
    assert.match(run.out(), /priya-dev is being synced by another VS Code window \(process 1\); waiting for it to finish/);
    await lease.release();
    const r = await run.done;
    assert.equal(r.code, 0, `${String(r.error)}\n${run.out()}`);
    assert.ok(searches() >= 1, 'synced once the window let go');
    assert.match(run.out(), /Synced priya-dev@/);
  });

  it('holds the lease while it syncs, so a window steps aside, and lets go at the end', async () => {
    sandbox.injectFault({ kind: 'slow', delayMs: 1_500, match: 'ReviewMentorFeedback' });
    const run = start();
    for (let i = 0; i < 40 && searches() === 0; i++) await new Promise((r) => setTimeout(r, 50));
    const during = await windowLease().acquire();
    assert.equal(during.ok, false, 'the window cannot take the lease during the CLI sync');
    assert.match(during.ok ? '' : during.holder, /^review-mentor sync \(process \d+\)$/);
    const r = await run.done;
    assert.equal(r.code, 0, `${String(r.error)}\n${run.out()}`);
    assert.deepEqual(await windowLease().acquire(), { ok: true }, 'released when the CLI is done');
  });

  it('gives up after the longest wait, naming who holds the lease', async () => {
    let t = 0;
    const held = { acquire: async () => ({ ok: false as const, holder: 'another VS Code window (process 7)', expiresAt: '' }), release: async () => undefined };
    const said: string[] = [];
    const r = await takeLease(held, 'ada', { say: (m) => said.push(m), maxWaitMs: 5_000, pollMs: 1_000, now: () => t, sleep: async (ms) => void (t += ms) });
    assert.deepEqual(r, { ok: false, holder: 'another VS Code window (process 7)' });
    assert.equal(t, 5_000);
    assert.deepEqual(said, ['ada is being synced by another VS Code window (process 7); waiting for it to finish…'], 'said once');
  });
});
