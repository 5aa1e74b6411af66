// Local faults in plain words: a full disk, a read-only disk, too many open
// files, a lock held by a live process. Each gives one line naming the folder
// and what to do, leaves every journal file as it was, and leaves no temp
// file. Real faults where the machine allows (a tiny tmpfs), injected ones
// otherwise; the test title says which ran.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { JournalStorageError, JournalStore, StoreLockError, journalPaths, shardOf } from '../../../src/store';
import { ada, feedback, tempDir } from './helpers';
import { injectFault, injectFullDiskOnWrite, snapshotTree, tempFiles, tinyTmpfs } from './faultsHelpers';

const items = [1, 2, 3].map((pr) => feedback(`c${pr}`, pr));

async function seed(root: string): Promise<void> {
  const h = await new JournalStore({ rootDir: root, shardCount: 4 }).open(ada);
  await h.upsertFeedback(items, { syncedUntil: '2026-01-01T00:00:00.000Z' });
}

/** Writes until the disk says ENOSPC. */
function fill(dir: string): void {
  const chunk = Buffer.alloc(16 * 1024, 1);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(path.join(dir, `filler-${i}`), chunk);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOSPC') return;
      throw err;
    }
  }
}

describe('store: local faults in plain words', () => {
  const disk = tinyTmpfs(512);
  after(() => disk?.cleanup());
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it(`a full disk (${disk ? 'a real 512 KiB tmpfs' : 'injected ENOSPC'}): one plain line, files as they were, no temp file`, async () => {
    const root = disk ? path.join(disk.dir, 'full') : t.dir;
    mkdirSync(root, { recursive: true });
    await seed(root);
    const before = await snapshotTree(root);
    const shardDir = journalPaths(root, ada).shardDir;
    let restore = () => {};
    if (disk) {
      // Full, but for a few pages: the lock can be taken, the shard's temp file made, and its write fails.
      fill(disk.dir);
      rmSync(path.join(disk.dir, 'filler-0'));
    } else restore = injectFullDiskOnWrite((f) => f.includes('.tmp-'));
    try {
      const h = await new JournalStore({ rootDir: root }).open(ada);
      const big = feedback('c1', 1, { body: 'x'.repeat(400_000) });
      const err = await h.upsertFeedback([big]).then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof JournalStorageError, String(err));
      assert.equal(err.fault, 'disk-full');
      assert.equal(err.folder, shardDir);
      assert.equal(err.message, `Review Mentor could not save in ${err.folder}: the disk is full. Free some space and try again; nothing was half-written.`);
      assert.deepEqual(await snapshotTree(root), before, 'every journal file as it was, and no temp file');
      assert.deepEqual((await h.load()).feedback['c1']!.body, items[0]!.body, 'still readable');
    } finally {
      restore();
      if (disk) for (let i = 1; ; i++) {
        try {
          rmSync(path.join(disk.dir, `filler-${i}`));
        } catch {
          break;
        }
      }
    }
  });

  it(`a read-only disk (${disk ? 'the tmpfs remounted read-only' : 'injected EROFS'}): it opens and reads; a write is one plain line and changes nothing`, async function () {
    // Runs after the full-disk test: the tmpfs is remounted read-only here, for good.
    const root = disk ? path.join(disk.dir, 'ro') : t.dir;
    mkdirSync(root, { recursive: true });
    await seed(root);
    // A temp file left by a writer that died: swept at start when the folder allows it, ignored when not.
    writeFileSync(journalPaths(root, ada).main + '.tmp-999999999-dead', '{}');
    const before = await snapshotTree(root);
    let restore = () => {};
    if (disk) disk.readOnly();
    else restore = injectFault('mkdir', 'EROFS', (f) => f.startsWith(root));
    try {
      const h = await new JournalStore({ rootDir: root }).open(ada);
      assert.equal(Object.keys((await h.load()).feedback).length, 3, 'reading needs no write access');
      const err = await h.updateMeta((m) => (m.syncedUntil = 'x')).then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof JournalStorageError, String(err));
      assert.equal(err.fault, 'read-only-disk');
      assert.equal(err.folder, journalPaths(root, ada).dir);
      assert.match(err.message, new RegExp(`^Review Mentor cannot save in ${journalPaths(root, ada).dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: it is on a read-only disk\\. Remount the disk writable, or choose another journal folder \\(setting reviewMentor\\.journal\\.folder; --journal-dir for the command line\\)\\.$`));
      assert.doesNotMatch(err.message, /\n/);
      const after = await snapshotTree(root);
      if (disk) assert.deepEqual(after, before, 'nothing changed');
      else assert.deepEqual(tempFiles(after), [], 'a writable folder was swept of the dead writer\'s temp file');
    } finally {
      restore();
    }
  });

  it('too many open files (injected EMFILE): one plain line naming the folder', async () => {
    await seed(t.dir);
    const restore = injectFault('readFile', 'EMFILE', (f) => f.startsWith(t.dir));
    try {
      const h = await new JournalStore({ rootDir: t.dir }).open(ada).catch((e: unknown) => e);
      const err = h instanceof Error ? h : await (h as Awaited<ReturnType<JournalStore['open']>>).load().then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof JournalStorageError, String(err));
      assert.equal(err.fault, 'too-many-files');
      assert.equal(err.message, `Review Mentor could not open the files in ${journalPaths(t.dir, ada).dir}: too many files are open on this machine. Close some programs (or raise the open-file limit, e.g. ulimit -n) and try again.`);
    } finally {
      restore();
    }
  });

  it('a lock held by a live process (a real one): one plain line with its pid and the folder, files as they were', async () => {
    await seed(t.dir);
    const p = journalPaths(t.dir, ada);
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      mkdirSync(`${p.main}.lock`);
      writeFileSync(path.join(`${p.main}.lock`, 'owner'), `${hostname()}\n${live.pid}\n`);
      const before = await snapshotTree(t.dir);
      const h = await new JournalStore({ rootDir: t.dir, lock: { timeoutMs: 300 } }).open(ada);
      const err = await h.updateFeedback(['c1'], (f) => (f.learnedAt = 'now')).then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof StoreLockError && err instanceof JournalStorageError, String(err));
      assert.equal(err.fault, 'locked');
      assert.equal(err.folder, p.dir);
      assert.equal(err.message, `Another Review Mentor window or process (process ${live.pid}) has been writing the journal in ${p.dir} for over 1 s. Try again when it has finished, or close it if it is stuck.`);
      assert.deepEqual(await snapshotTree(t.dir), before);
    } finally {
      live.kill();
    }
  });

  it('a write that fails after its temp file was made (injected) removes the temp file', async () => {
    await seed(t.dir);
    const shard = journalPaths(t.dir, ada).shard(shardOf(items[0]!.prUrl, 4));
    const restore = injectFault('rename', 'EACCES', (f) => f.includes('.tmp-'));
    try {
      const h = await new JournalStore({ rootDir: t.dir }).open(ada);
      const before = await snapshotTree(t.dir);
      const err = await h.updateFeedback(['c1'], (f) => (f.learnedAt = 'now')).then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof JournalStorageError && err.fault === 'permission', String(err));
      assert.equal(err.folder, path.dirname(shard));
      assert.deepEqual(await snapshotTree(t.dir), before);
    } finally {
      restore();
    }
  });

  it('temp files of writers that died are swept when a journal opens; a live writer\'s are kept', async () => {
    await seed(t.dir);
    const p = journalPaths(t.dir, ada);
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(`${p.main}.tmp-999999999-dead`, '{"half":');
      writeFileSync(`${p.shard(0)}.tmp-999999998-dead`, '');
      writeFileSync(`${p.shard(1)}.tmp-${live.pid}-live`, '{}');
      await new JournalStore({ rootDir: t.dir }).open(ada);
      assert.deepEqual(tempFiles(await snapshotTree(t.dir)), [`github.com/ada.shards/001.json.tmp-${live.pid}-live`]);
    } finally {
      live.kill();
    }
  });
});
