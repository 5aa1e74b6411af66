// Cross-process file lock: proper-lockfile (an atomic mkdir of `<file>.lock`,
// refreshed while held) plus these additions:
// - an in-process queue, so writers in one process wait their turn instead of
//   polling the lock directory;
// - an owner note (host + pid) inside the lock directory, so a lock left by a
//   crashed process on this machine is taken over at once instead of after
//   the stale timeout. A lock without a note falls back to the timeout;
// - stale takeover done here under a guard (see takeOver);
// - contenders back off exponentially with jitter, and use only asynchronous
//   file calls, so a waiting window never spins the extension host;
// - a lock lost while held (its refresh failed: another process removed it)
//   stops the write: writeFileAtomic checks assertLockHeld() before renaming.
import * as l10n from '@vscode/l10n';
import { AsyncLocalStorage } from 'node:async_hooks';
import * as fs from 'node:fs';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import lockfile from 'proper-lockfile';
import { StoreLockError, type LockOptions, type StoreLogger } from './types';

const DEFAULT_STALE_MS = 10_000;
const DEFAULT_TIMEOUT_MS = 30_000;
const OWNER_FILE = 'owner';

// proper-lockfile removes locks with rmdir; ours hold the owner note, so remove recursively.
const lockFs = { ...fs, rmdir: (p: string, cb: (err: NodeJS.ErrnoException | null) => void) => fs.rm(p, { recursive: true, force: true }, cb) };

const queues = new Map<string, Promise<void>>();

interface HeldLock {
  file: string;
  compromised?: Error;
}
const held = new AsyncLocalStorage<HeldLock>();

/**
 * Throws when the lock this write runs under was lost; called just before a
 * rename. proper-lockfile also reports a refresh that came late (a busy event
 * loop or disk) as a compromise; the lock is still ours when its folder still
 * holds our owner note, because a takeover removes the folder first.
 */
export async function assertLockHeld(): Promise<void> {
  const lock = held.getStore();
  if (!lock?.compromised) return;
  if (await stillOurs(lockPathFor(lock.file))) {
    lock.compromised = undefined;
    return;
  }
  throw new StoreLockError(
    l10n.t("Lost the lock on {0} ({1}); the write was stopped so it cannot overwrite another writer's change. Try again.", lock.file, lock.compromised.message),
    path.dirname(lock.file),
  );
}

async function stillOurs(lockDir: string): Promise<boolean> {
  try {
    return (await fsp.readFile(path.join(lockDir, OWNER_FILE), 'utf8')) === ownerNote();
  } catch {
    return false;
  }
}

export function lockPathFor(file: string): string {
  return `${file}.lock`;
}

function ownerNote(): string {
  return `${os.hostname()}\n${process.pid}\n`;
}

/** Runs `fn` while holding the lock on `file` (the file itself need not exist). */
export async function withFileLock<T>(file: string, opts: LockOptions & { logger?: StoreLogger }, fn: () => Promise<T>): Promise<T> {
  const key = path.resolve(file);
  const previous = queues.get(key) ?? Promise.resolve();
  let done!: () => void;
  const turn = previous.then(() => new Promise<void>((r) => (done = r)));
  queues.set(key, turn);
  await previous;
  try {
    const lock: HeldLock = { file: key };
    const release = await acquire(key, opts, lock);
    try {
      const result = await held.run(lock, fn);
      await held.run(lock, assertLockHeld);
      return result;
    } finally {
      await release();
    }
  } finally {
    done();
    if (queues.get(key) === turn) queues.delete(key);
  }
}

async function acquire(file: string, opts: LockOptions & { logger?: StoreLogger }, lock: HeldLock): Promise<() => Promise<void>> {
  const stale = Math.max(opts.staleMs ?? DEFAULT_STALE_MS, 2000);
  const deadline = Date.now() + (opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const lockDir = lockPathFor(file);
  for (let attempt = 0; ; attempt++) {
    try {
      const release = await lockfile.lock(file, {
        realpath: false,
        // Stale locks are judged by takeOver() below, one contender at a time; proper-lockfile's
        // own stale removal lets two contenders each remove a lock, the second one a fresh lock.
        stale: Number.POSITIVE_INFINITY,
        update: stale / 2,
        retries: 0,
        fs: lockFs,
        // The default throws from a timer and would crash the host; the write in progress is stopped instead.
        onCompromised: (err) => {
          lock.compromised = err;
          opts.logger?.error(`Lost the lock on ${file}: ${err.message}`);
        },
      });
      await writeOwner(lockDir);
      return async () => {
        try {
          await release();
        } catch (err) {
          opts.logger?.warn(`Releasing the lock on ${file} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
      if (await takeOver(lockDir, stale, opts.logger)) continue;
      if (Date.now() > deadline) {
        const owner = await ownerPid(lockDir);
        throw new StoreLockError(
          (owner
            ? l10n.t('Another Review Mentor window or process (process {0}) has been writing the journal in {1} for over {2} s. Try again when it has finished, or close it if it is stuck.', owner, path.dirname(file), Math.max(1, Math.round((opts.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)))
            : l10n.t('Another Review Mentor window or process has been writing the journal in {0} for over {1} s. Try again when it has finished, or close it if it is stuck.', path.dirname(file), Math.max(1, Math.round((opts.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)))),
          path.dirname(file),
        );
      }
      await sleep(backoffMs(attempt));
    }
  }
}

/** Exponential backoff with full jitter: 5 ms, then up to 10, 20, ... 400 ms. */
export function backoffMs(attempt: number, random = Math.random): number {
  return 5 + random() * Math.min(400, 10 * 2 ** Math.min(attempt, 6));
}

async function writeOwner(lockDir: string): Promise<void> {
  try {
    // proper-lockfile refreshes the lock by its folder's mtime and takes any
    // other mtime as a sign someone else touched it ("Lost the lock"); adding
    // the note changes the folder's mtime, so it is put back afterwards.
    const { atime, mtime } = await fsp.stat(lockDir);
    await fsp.writeFile(path.join(lockDir, OWNER_FILE), ownerNote());
    await fsp.utimes(lockDir, atime, mtime);
  } catch {
    // Without the note the lock is still valid; only crash recovery is slower.
  }
}

/**
 * Removes the lock when its owner on this machine is gone, or when it has not
 * been refreshed for `stale` ms. Runs under `<lock>.takeover` (an exclusive
 * mkdir), so that two contenders cannot both judge the same dead lock and the
 * second remove the fresh lock the first has just made. Under it the lock can
 * only change by its owner's hand, and a lock whose note is not written yet is
 * never judged by pid. True when the lock was removed.
 */
async function takeOver(lockDir: string, stale: number, logger?: StoreLogger): Promise<boolean> {
  const guard = `${lockDir}.takeover`;
  try {
    await fsp.mkdir(guard);
  } catch {
    // Someone else is judging; a guard left by a killed process expires quickly.
    await removeIfOlder(guard, 2000);
    return false;
  }
  try {
    const why = (await deadOwner(lockDir)) ?? ((await isOlder(lockDir, stale)) ? `was not refreshed for ${stale} ms` : undefined);
    if (!why) return false;
    await fsp.rm(lockDir, { recursive: true, force: true });
    logger?.warn(`Took over the lock ${lockDir}: it ${why}.`);
    return true;
  } catch {
    return false;
  } finally {
    await fsp.rm(guard, { recursive: true, force: true });
  }
}

/** The pid in the lock's owner note, if the note is there and names this machine. */
async function ownerPid(lockDir: string): Promise<number | undefined> {
  try {
    const [host, pidText] = (await fsp.readFile(path.join(lockDir, OWNER_FILE), 'utf8')).split('\n');
    const pid = Number(pidText);
    return host === os.hostname() && Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function deadOwner(lockDir: string): Promise<string | undefined> {
  let note: string;
  try {
    note = await fsp.readFile(path.join(lockDir, OWNER_FILE), 'utf8');
  } catch {
    return undefined;
  }
  const [host, pidText] = note.split('\n');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid || isAlive(pid)) return undefined;
  return `belonged to process ${pid}, which is no longer running`;
}

async function isOlder(p: string, ms: number): Promise<boolean> {
  try {
    return (await fsp.stat(p)).mtimeMs < Date.now() - ms;
  } catch {
    return false;
  }
}

async function removeIfOlder(p: string, ms: number): Promise<void> {
  if (await isOlder(p, ms)) await fsp.rm(p, { recursive: true, force: true });
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
