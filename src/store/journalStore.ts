// Entry point of the store: opens one journal per engineer under a root folder
// (`<root>/<host>/<login>.json` plus its shards) and lists the journals there.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { EngineerRef } from '../core/model';
import { readJsonFile, TEMP_MARKER } from './atomicFile';
import { ShardedJournalHandle, type JournalHandle } from './journalHandle';
import type { StoreContext } from './journalFiles';
import { DEFAULT_SHARD_COUNT, fromSafeName, journalPaths } from './layout';
import { isAlive } from './lock';
import { leaseFileOf, SyncLease } from './lease';
import { silentLogger, type LockOptions, type StoreLogger, type StoreProblem } from './types';

export interface JournalStoreOptions {
  rootDir: string;
  logger?: StoreLogger;
  /** Told, in plain words, about files set aside and journals opened read-only. */
  onProblem?: (p: StoreProblem) => void;
  lock?: LockOptions;
  /** Shards for journals created from now on (tests use fewer). */
  shardCount?: number;
  /** Quiet period before watch() reports a change. */
  watchDebounceMs?: number;
}

export class JournalStore {
  readonly rootDir: string;
  private readonly ctx: StoreContext;
  private readonly handles = new Map<string, Promise<JournalHandle>>();

  constructor(opts: JournalStoreOptions) {
    this.rootDir = opts.rootDir;
    const logger = opts.logger ?? silentLogger;
    this.ctx = {
      logger,
      onProblem: opts.onProblem ?? ((p) => (p.kind === 'damaged' ? logger.warn(p.message) : logger.error(p.message))),
      lock: opts.lock ?? {},
      shardCount: opts.shardCount ?? DEFAULT_SHARD_COUNT,
      watchDebounceMs: opts.watchDebounceMs ?? 150,
    };
  }

  /**
   * The handle for the journal of `engineer`, one per journal. Opening reads
   * only: no journal file is created, moved or rewritten until the first
   * write (a missing journal loads as empty, an old one is migrated by the
   * first write). It does sweep temp files left by writers that died (best
   * effort: a read-only folder still opens).
   */
  open(engineer: EngineerRef): Promise<JournalHandle> {
    const paths = journalPaths(this.rootDir, engineer);
    let handle = this.handles.get(paths.main);
    if (!handle) {
      handle = (async () => {
        await removeOrphanTempFiles([paths.dir, paths.shardDir], this.ctx.logger);
        const h = new ShardedJournalHandle(engineer, paths, this.ctx);
        await h.init();
        return h;
      })();
      handle.catch(() => this.handles.delete(paths.main));
      this.handles.set(paths.main, handle);
    }
    return handle;
  }

  /** The lease that lets one window at a time sync `engineer` (see lease.ts). */
  syncLease(engineer: EngineerRef, owner: string, holder: string, ttlMs?: number): SyncLease {
    const file = leaseFileOf(journalPaths(this.rootDir, engineer));
    return new SyncLease(file, owner, holder, { ...(ttlMs ? { ttlMs } : {}), lock: this.ctx.lock, logger: this.ctx.logger });
  }

  /** Engineers that have a journal under the root folder. */
  async list(): Promise<EngineerRef[]> {
    const out: EngineerRef[] = [];
    for (const hostDir of await readdirOrEmpty(this.rootDir)) {
      const dir = path.join(this.rootDir, hostDir);
      for (const name of await readdirOrEmpty(dir)) {
        const base = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
        // Main files only: backups, set-aside and temp files all carry a dot before ".json".
        if (!base || base.includes('.')) continue;
        const r = await readJsonFile<{ engineer?: EngineerRef }>(path.join(dir, name));
        const e = r.kind === 'ok' ? r.data.engineer : undefined;
        out.push(e && typeof e.login === 'string' && typeof e.host === 'string' ? { login: e.login, host: e.host } : { login: fromSafeName(base), host: fromSafeName(hostDir) });
      }
    }
    return out;
  }
}

async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await fsp.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw err;
  }
}

/** Temp files of writers that died mid-write; a live writer's are left alone. Best effort. */
async function removeOrphanTempFiles(dirs: string[], logger: StoreLogger): Promise<void> {
  for (const dir of dirs) {
    try {
      for (const name of await readdirOrEmpty(dir)) {
        const at = name.indexOf(TEMP_MARKER);
        if (at < 0) continue;
        const pid = Number(name.slice(at + TEMP_MARKER.length).split('-')[0]);
        if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) await fsp.rm(path.join(dir, name), { force: true });
      }
    } catch (err) {
      logger.info(`Left temp files in ${dir} alone: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}
