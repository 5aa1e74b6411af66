import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { StoreLockError } from '../../../src/store';
import { backoffMs, withFileLock } from '../../../src/store/lock';
import { writeFileAtomic } from '../../../src/store/atomicFile';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tempDir } from './helpers';

describe('store: file lock', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('keeps a lock held longer than its refresh interval (the owner note does not count as someone else touching it)', async () => {
    // Found by the E2E health check: writing the owner note changed the lock
    // folder's mtime, so proper-lockfile's first refresh (after stale / 2)
    // thought another process had touched it and logged "Lost the lock".
    const file = path.join(t.dir, 'j.json');
    const errors: string[] = [];
    const logger = { info() {}, warn() {}, error: (m: string) => errors.push(m) };
    await withFileLock(file, { staleMs: 2_000, timeoutMs: 5_000, logger }, () => new Promise((r) => setTimeout(r, 2_600)));
    assert.deepEqual(errors, []);
  });

  it('takes over at once a lock whose owner process is gone', async () => {
    const file = path.join(t.dir, 'j.json');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    mkdirSync(`${file}.lock`);
    writeFileSync(path.join(`${file}.lock`, 'owner'), `${hostname()}\n${dead.stdout}\n`);
    const t0 = Date.now();
    const ran = await withFileLock(file, { staleMs: 10_000, timeoutMs: 5_000 }, async () => true);
    assert.equal(ran, true);
    assert.ok(Date.now() - t0 < 1000, `took ${Date.now() - t0} ms`);
    assert.equal(existsSync(`${file}.lock`), false, 'released afterwards');
  });

  it('waits for a live owner, and gives up with a clear error', async () => {
    const file = path.join(t.dir, 'j.json');
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      mkdirSync(`${file}.lock`);
      writeFileSync(path.join(`${file}.lock`, 'owner'), `${hostname()}\n${live.pid}\n`);
      await assert.rejects(
        withFileLock(file, { staleMs: 10_000, timeoutMs: 300 }, async () => true),
        (err: Error) =>
          err instanceof StoreLockError &&
          err.message === `Another Review Mentor window or process (process ${live.pid}) has been writing the journal in ${t.dir} for over 1 s. Try again when it has finished, or close it if it is stuck.` &&
          err.folder === t.dir,
      );
      assert.ok(existsSync(`${file}.lock`), 'a live lock is left alone');
    } finally {
      live.kill();
    }
  });

  it('a lock without an owner note is taken over only once it is stale', async () => {
    const file = path.join(t.dir, 'j.json');
    mkdirSync(`${file}.lock`);
    await assert.rejects(withFileLock(file, { staleMs: 2000, timeoutMs: 300 }, async () => true), StoreLockError);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    assert.equal(await withFileLock(file, { staleMs: 2000, timeoutMs: 300 }, async () => true), true);
  });

  it('a lock from another machine is never judged by pid', async () => {
    const file = path.join(t.dir, 'j.json');
    mkdirSync(`${file}.lock`);
    writeFileSync(path.join(`${file}.lock`, 'owner'), `some-other-host\n999999\n`);
    await assert.rejects(withFileLock(file, { timeoutMs: 200 }, async () => true), StoreLockError);
  });

  it('runs critical sections of one process one at a time', async () => {
    const file = path.join(t.dir, 'j.json');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        withFileLock(file, {}, async () => {
          most = Math.max(most, ++inside);
          await new Promise((r) => setTimeout(r, 2));
          inside--;
        }),
      ),
    );
    assert.equal(most, 1);
  });

  it('stops a write whose lock was lost while held, leaving the file and no temp file', async () => {
    const file = path.join(t.dir, 'j.json');
    writeFileSync(file, 'before');
    const errors: string[] = [];
    const logger = { info: () => undefined, warn: () => undefined, error: (m: string) => errors.push(m) };
    await assert.rejects(
      withFileLock(file, { staleMs: 2_000, timeoutMs: 5_000, logger }, async () => {
        // Another process removed our lock (it judged it stale): the next refresh finds it gone.
        rmSync(`${file}.lock`, { recursive: true, force: true });
        await new Promise((r) => setTimeout(r, 1_600));
        await writeFileAtomic(file, 'after');
      }),
      (err: Error) => err instanceof StoreLockError && /Lost the lock/.test(err.message),
    );
    assert.equal(readFileSync(file, 'utf8'), 'before');
    assert.deepEqual(readdirSync(t.dir).filter((n) => n.includes('.tmp-')), []);
    assert.ok(errors.some((m) => /Lost the lock/.test(m)), 'the loss is logged too');
  });

  it('backs off exponentially with jitter instead of polling every few ms', () => {
    assert.equal(backoffMs(0, () => 0), 5);
    assert.ok(backoffMs(0, () => 1) <= 15);
    assert.ok(backoffMs(3, () => 1) >= 80);
    assert.equal(backoffMs(20, () => 1), 405, 'capped');
  });
});
