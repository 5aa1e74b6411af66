// One window syncs an engineer at a time. The window that syncs holds a lease
// in a small file next to the journal (`<login>.sync-lease.json`), taken and
// renewed under the journal store's file lock; other windows skip that
// engineer and refresh from the journal's file watcher when the writes land.
// A lease not renewed for `ttlMs` (its window closed or crashed) is taken over.
import { promises as fsp } from 'node:fs';
import { dirname } from 'node:path';
import { readJsonFile, writeJsonAtomic } from './atomicFile';
import type { JournalPaths } from './layout';
import { withFileLock } from './lock';
import type { LockOptions, StoreLogger } from './types';

export const DEFAULT_LEASE_MS = 120_000;

interface LeaseFile {
  owner: string;
  /** What the user sees when someone else holds it, e.g. "VS Code window (pid 123)". */
  holder: string;
  expiresAt: string;
}

export type LeaseResult = { ok: true } | { ok: false; holder: string; expiresAt: string };

export function leaseFileOf(paths: JournalPaths): string {
  return paths.main.replace(/\.json$/, '.sync-lease.json');
}

export class SyncLease {
  constructor(
    readonly file: string,
    /** Unique per window. */
    private readonly owner: string,
    private readonly holder: string,
    private readonly opts: { ttlMs?: number; lock?: LockOptions; logger?: StoreLogger; now?: () => number } = {},
  ) {}

  /** Takes the lease, or renews it when this owner holds it. */
  async acquire(): Promise<LeaseResult> {
    const now = this.opts.now ?? Date.now;
    await fsp.mkdir(dirname(this.file), { recursive: true });
    return withFileLock(this.file, { ...this.opts.lock, ...(this.opts.logger ? { logger: this.opts.logger } : {}) }, async () => {
      const r = await readJsonFile<LeaseFile>(this.file);
      if (r.kind === 'ok' && r.data.owner !== this.owner && Date.parse(r.data.expiresAt) > now()) {
        return { ok: false, holder: String(r.data.holder), expiresAt: String(r.data.expiresAt) };
      }
      const lease: LeaseFile = { owner: this.owner, holder: this.holder, expiresAt: new Date(now() + (this.opts.ttlMs ?? DEFAULT_LEASE_MS)).toISOString() };
      await writeJsonAtomic(this.file, lease);
      return { ok: true };
    });
  }

  /** Gives the lease up (only if this owner still holds it). */
  async release(): Promise<void> {
    await withFileLock(this.file, { ...this.opts.lock, ...(this.opts.logger ? { logger: this.opts.logger } : {}) }, async () => {
      const r = await readJsonFile<LeaseFile>(this.file);
      if (r.kind === 'ok' && r.data.owner === this.owner) await fsp.rm(this.file, { force: true });
    });
  }
}
