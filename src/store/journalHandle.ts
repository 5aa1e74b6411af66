// One engineer's journal. Reads need no lock (every file is replaced
// atomically) and never change a file: a damaged or old file is reported and
// read as well as it can be. Every write takes the journal's lock, reads the
// latest files, sets damaged ones aside, migrates, applies the change and
// writes the touched shards and then the main file.
import * as l10n from '@vscode/l10n';
import { mkdirSync, promises as fsp } from 'node:fs';
import { CURRENT_SCHEMA_VERSION, type EngineerRef, type Feedback, type Journal } from '../core/model';
import { readJsonFile } from './atomicFile';
import { plainStorageError } from './faults';
import { JournalFiles, fileKey, groupByShard, report, type MainFile, type ShardFile, type StoreContext } from './journalFiles';
import type { JournalPaths } from './layout';
import { withFileLock } from './lock';
import { groupUrlsByShard } from './layout';
import { mergeWith, type MergeFeedback, type Retag } from './merge';
import { ShardCache } from './shardCache';
import { migrate, versionOf, type RawJournal } from './migrations';
import { mainShape } from './shape';
import { watchJournal, type ChangedFiles } from './watch';
import { JournalReadOnlyError, type JournalMeta } from './types';

export interface UpsertOptions {
  /** Written to the main file after every shard, so a crash never claims more than was saved. */
  syncedUntil?: string;
  /** How a fresh copy meets the stored item; default mergeSynced with `retag`. */
  merge?: MergeFeedback;
  /** Computes the automatic tags on each merged item (see merge.ts). */
  retag?: Retag;
  /**
   * PR URLs whose items in `items` are ALL of their items on GitHub (the PR
   * was fetched whole). Stored items of those PRs that are not in `items`
   * were deleted on GitHub: they are removed, except those a journal entry
   * links to, which stay as stubs marked `deletedOnGitHubAt`.
   */
  wholePrs?: string[];
  /** Time to put in `deletedOnGitHubAt` (GitHub's clock); default now. */
  now?: string;
}

/** What a write changed, so views refresh only that (and reload once, not twice). */
export interface JournalChange {
  /** Ids of feedback added, updated or removed; 'all' when the store cannot tell. */
  feedback: string[] | 'all';
  /** The main file changed: entries, syncedUntil, or anything else outside feedback. */
  meta: boolean;
  /** Written through this handle, or found on disk (another window, the CLI). */
  origin: 'self' | 'disk';
}

export interface JournalHandle {
  readonly engineer: EngineerRef;
  readonly readOnly: boolean;
  readonly readOnlyReason?: string;
  load(): Promise<Journal>;
  upsertFeedback(items: Feedback[], opts?: UpsertOptions): Promise<void>;
  updateFeedback(ids: string[], fn: (item: Feedback) => void): Promise<{ missing: string[] }>;
  updateMeta(fn: (meta: JournalMeta) => void): Promise<void>;
  /** Changes made through this handle and, debounced, changes other processes made on disk. */
  watch(onChange: (change: JournalChange) => void): { dispose(): void };
}

export class ShardedJournalHandle implements JournalHandle {
  readOnly = false;
  readOnlyReason?: string;
  private readonly files: JournalFiles;
  /** id -> shard, filled by load and by writes; rebuilt when an id is not found. */
  private readonly index = new Map<string, number>();
  /** Parsed shards reused by the next load() while unchanged on disk. */
  readonly cache = new ShardCache();
  private cachedCount?: number;
  private readonly listeners = new Set<(change: JournalChange) => void>();
  private watcher: { dispose(): void } | undefined;
  /** Set by a write method for the change event `write` fires; 'all' when a method does not say. */
  private pendingChange: Omit<JournalChange, 'origin'> | undefined;
  /** Writes of this handle still running: their files are noted as our own only when they end. */
  private readonly writing = new Set<Promise<unknown>>();
  /** Shards a read found damaged: the next write sets them aside (reads change nothing). */
  private readonly damaged = new Set<number>();
  /** Damaged files already reported by a read, so each is told once, not on every load. */
  private readonly reported = new Set<string>();

  constructor(
    readonly engineer: EngineerRef,
    readonly paths: JournalPaths,
    private readonly ctx: StoreContext,
  ) {
    this.files = new JournalFiles(engineer, paths, ctx, (v) => this.markReadOnly(v));
  }

  /** Learns whether the journal is from a newer version (then it is read-only). Changes nothing. */
  async init(): Promise<void> {
    try {
      const r = await readJsonFile<RawJournal>(this.paths.main, mainShape);
      if (r.kind === 'ok' && versionOf(r.data) > CURRENT_SCHEMA_VERSION) this.markReadOnly(versionOf(r.data));
    } catch (err) {
      throw plainStorageError(err, this.paths.dir, 'read');
    }
  }

  /** The journal as it is on disk. Never moves, renames or rewrites a file. */
  async load(): Promise<Journal> {
    try {
      return await this.read();
    } catch (err) {
      throw plainStorageError(err, this.paths.dir, 'read');
    }
  }

  private async read(): Promise<Journal> {
    const { main, inline } = await this.mainForReading();
    const feedback: Record<string, Feedback> = {};
    // A newer layout (read-only) or an older one not migrated yet: what the main file holds itself.
    if (inline) Object.assign(feedback, inline);
    const count = main.shardCount;
    if (count !== this.cachedCount) this.cache.forget();
    this.cachedCount = count;
    if (Number.isInteger(count) && count > 0) {
      const shards = await Promise.all(Array.from({ length: count }, (_, i) => this.readShard(i, count)));
      this.index.clear();
      // One pass fills both; measurably faster than Object.assign plus a second loop at 50,000 items.
      shards.forEach((s, i) => {
        const items = s.feedback;
        for (const id in items) {
          feedback[id] = items[id]!;
          this.index.set(id, i);
        }
      });
    }
    const { shardCount: _omit, ...rest } = main;
    // A damaged shard's comments come back through a full re-sync. The write that sets it aside
    // records the request on disk with this same reason, so the sync that clears it matches it.
    const first = Math.min(...this.damaged);
    if (this.damaged.size > 0 && !this.readOnly && !main.sync?.fullResync) {
      return { ...rest, sync: { ...main.sync, fullResync: `part of the journal (${this.paths.shard(first)}) could not be read and was set aside` }, feedback } as Journal;
    }
    return { ...rest, feedback } as Journal;
  }

  async upsertFeedback(items: Feedback[], opts: UpsertOptions = {}): Promise<void> {
    const merge = opts.merge ?? mergeWith(opts.retag);
    await this.write(async (main) => {
      const changed = items.map((f) => f.id);
      this.pendingChange = { feedback: changed, meta: opts.syncedUntil !== undefined };
      const groups = groupByShard(items, main.shardCount);
      const whole = groupUrlsByShard(opts.wholePrs ?? [], main.shardCount);
      const linked = new Set(main.entries.flatMap((e) => e.links));
      const deletedAt = opts.now ?? new Date().toISOString();
      for (const i of new Set([...groups.keys(), ...whole.keys()])) {
        const shard = await this.files.readShardLocked(i, main.shardCount);
        for (const item of groups.get(i) ?? []) {
          shard.feedback[item.id] = merge(shard.feedback[item.id], item);
          this.index.set(item.id, i);
        }
        const prs = whole.get(i);
        if (prs) {
          const fresh = new Set((groups.get(i) ?? []).map((f) => f.id));
          for (const [id, f] of Object.entries(shard.feedback)) {
            if (fresh.has(id) || !prs.has(f.prUrl.toLowerCase())) continue;
            changed.push(id);
            if (linked.has(id)) shard.feedback[id] = { ...f, deletedOnGitHubAt: f.deletedOnGitHubAt ?? deletedAt };
            else {
              delete shard.feedback[id];
              this.index.delete(id);
            }
          }
        }
        await this.files.writeShardLocked(shard);
      }
      if (opts.syncedUntil !== undefined) {
        main.syncedUntil = opts.syncedUntil;
        await this.files.writeMainLocked(main);
      }
    });
  }

  async updateFeedback(ids: string[], fn: (item: Feedback) => void): Promise<{ missing: string[] }> {
    const wanted = [...new Set(ids)];
    return this.write(async (main) => {
      // Another process may have added items since this index was built.
      if (wanted.some((id) => !this.index.has(id))) await this.rebuildIndex(main.shardCount);
      const missing = wanted.filter((id) => !this.index.has(id));
      this.pendingChange = { feedback: wanted.filter((id) => this.index.has(id)), meta: false };
      const byShard = new Map<number, string[]>();
      for (const id of wanted) {
        const i = this.index.get(id);
        if (i !== undefined) byShard.set(i, [...(byShard.get(i) ?? []), id]);
      }
      for (const [i, group] of byShard) {
        const shard = await this.files.readShardLocked(i, main.shardCount);
        let changed = false;
        for (const id of group) {
          const item = shard.feedback[id];
          if (!item) {
            missing.push(id);
            this.index.delete(id);
            continue;
          }
          fn(item);
          changed = true;
        }
        if (changed) await this.files.writeShardLocked(shard);
      }
      return { missing };
    });
  }

  async updateMeta(fn: (meta: JournalMeta) => void): Promise<void> {
    await this.write(async (main) => {
      this.pendingChange = { feedback: [], meta: true };
      const { schemaVersion, engineer, shardCount } = main;
      fn(main);
      // The layout is the store's business, not the caller's.
      Object.assign(main, { schemaVersion, engineer, shardCount });
      await this.files.writeMainLocked(main);
    });
  }

  watch(onChange: (change: JournalChange) => void): { dispose(): void } {
    // A journal not written yet has no folders; make them (best effort) so this window sees the first write of another.
    try {
      mkdirSync(this.paths.shardDir, { recursive: true });
    } catch {
      // A read-only folder: nothing will change there from this machine anyway.
    }
    this.listeners.add(onChange);
    this.watcher ??= watchJournal(this.paths, (files) => void this.onDiskChange(files), { debounceMs: this.ctx.watchDebounceMs, logger: this.ctx.logger });
    return {
      dispose: () => {
        this.listeners.delete(onChange);
        if (this.listeners.size === 0) {
          this.watcher?.dispose();
          this.watcher = undefined;
        }
      },
    };
  }

  private emit(change: JournalChange): void {
    for (const l of [...this.listeners]) {
      try {
        l(change);
      } catch (err) {
        this.ctx.logger.error(`A journal change listener failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  /** Files changed on disk: our own writes are skipped (already announced); others' are read and diffed. */
  private async onDiskChange(files: ChangedFiles): Promise<void> {
    // The watcher can fire between our rename and noting the file as ours
    // (a loaded machine): wait for our writes to end before judging.
    while (this.writing.size > 0) await Promise.allSettled([...this.writing]);
    const foreign = async (file: string) => {
      const key = await fileKey(file);
      return key === undefined || key !== this.files.ownWrites.get(file);
    };
    const meta = files.main && (await foreign(this.paths.main));
    if (files.unknown) return this.emit({ feedback: 'all', meta: true, origin: 'disk' });
    const changedIds: string[] = [];
    let all = false;
    for (const name of files.shards) {
      const m = /^(\d{3})\.json$/.exec(name);
      const file = `${this.paths.shardDir}/${name}`;
      if (!m || !(await foreign(file))) continue;
      const ids = await this.diffShard(Number(m[1]), file);
      if (ids === 'all') all = true;
      else changedIds.push(...ids);
    }
    if (!meta && !all && changedIds.length === 0) return;
    this.emit({ feedback: all ? 'all' : changedIds, meta, origin: 'disk' });
  }

  /** Ids whose stored form differs between the cached shard and the one on disk now. */
  private async diffShard(index: number, file: string): Promise<string[] | 'all'> {
    const before = this.cache.peek(index);
    const r = await this.cache.read(index, file);
    if (!before) return 'all';
    const after = r.kind === 'ok' ? r.data.feedback : {};
    const ids = new Set([...Object.keys(before.feedback), ...Object.keys(after)]);
    return [...ids].filter((id) => JSON.stringify(before.feedback[id]) !== JSON.stringify(after[id]));
  }

  private write<T>(fn: (main: MainFile) => Promise<T>): Promise<T> {
    const run = this.writeNow(fn);
    this.writing.add(run);
    void run.then(
      () => this.writing.delete(run),
      () => this.writing.delete(run),
    );
    return run;
  }

  private async writeNow<T>(fn: (main: MainFile) => Promise<T>): Promise<T> {
    if (this.readOnly) throw new JournalReadOnlyError(this.readOnlyReason ?? l10n.t('This journal is read-only.'));
    this.pendingChange = undefined;
    try {
      await fsp.mkdir(this.paths.shardDir, { recursive: true });
      return await this.locked(async () => {
        // Only a write repairs: a damaged main file is set aside (and said so) here, an old one migrated.
        const main = await this.files.readMainLocked();
        await this.setAsideDamagedShards(main.shardCount);
        this.reported.clear();
        return fn(main);
      });
    } catch (err) {
      throw plainStorageError(err, this.paths.dir, 'save');
    } finally {
      // Announced even when the write failed part-way: some files may have changed.
      const change: Omit<JournalChange, 'origin'> = this.pendingChange ?? { feedback: 'all', meta: true };
      this.pendingChange = undefined;
      this.emit({ ...change, origin: 'self' });
    }
  }

  /** Shards a read found damaged are re-read under the lock, which sets them aside if they still are. */
  private async setAsideDamagedShards(of: number): Promise<void> {
    for (const i of [...this.damaged]) {
      this.damaged.delete(i);
      this.cache.forget(i);
      if (i < of) await this.files.readShardLocked(i, of);
    }
  }

  private locked<T>(fn: () => Promise<T>): Promise<T> {
    return withFileLock(this.paths.main, { ...this.ctx.lock, logger: this.ctx.logger }, fn);
  }

  /**
   * The main file as a reader sees it, changing nothing. A current one as it
   * is; a newer one read-only; an older or single-file one migrated in memory
   * (the next write migrates the file, keeping a backup); a missing one empty;
   * a damaged one reported once and read as empty, while its shards still count.
   */
  private async mainForReading(): Promise<{ main: MainFile; inline?: Record<string, Feedback> }> {
    const r = await readJsonFile<RawJournal>(this.paths.main, mainShape);
    if (r.kind === 'ok') {
      const v = versionOf(r.data);
      if (v > CURRENT_SCHEMA_VERSION) {
        this.markReadOnly(v);
        return { main: r.data as MainFile, inline: (r.data['feedback'] ?? {}) as Record<string, Feedback> };
      }
      if (v === CURRENT_SCHEMA_VERSION && !('feedback' in r.data)) return { main: r.data as MainFile };
      const raw = structuredClone(r.data);
      migrate(raw);
      const inline: Record<string, Feedback> = {};
      for (const [id, item] of Object.entries((raw['feedback'] ?? {}) as Record<string, Feedback>)) inline[id] = item.id ? item : { ...item, id };
      delete raw['feedback'];
      const main = raw as MainFile;
      if (!Number.isInteger(main.shardCount) || main.shardCount <= 0) main.shardCount = (await this.files.existingShardCount()) ?? this.ctx.shardCount;
      if (!Array.isArray(main.entries)) main.entries = [];
      if (main.syncedUntil === undefined) main.syncedUntil = null;
      return { main, inline };
    }
    if (r.kind === 'corrupt') this.reportDamaged(this.paths.main, r.reason, 'main');
    const main: MainFile = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      engineer: { login: this.engineer.login, host: this.engineer.host },
      syncedUntil: null,
      entries: [],
      shardCount: (await this.files.existingShardCount()) ?? this.ctx.shardCount,
    };
    return { main };
  }

  /** Read through the cache; a damaged shard is reported once, read as empty, and left for the next write to set aside. */
  private async readShard(i: number, of: number): Promise<ShardFile> {
    const file = this.paths.shard(i);
    const r = await this.cache.read(i, file);
    if (r.kind === 'ok') {
      this.damaged.delete(i);
      return r.data;
    }
    if (r.kind === 'corrupt' && !this.readOnly) {
      this.damaged.add(i);
      this.reportDamaged(file, r.reason, 'shard');
    }
    return { shard: i, of, feedback: {} };
  }

  private reportDamaged(file: string, reason: string, part: 'main' | 'shard'): void {
    const key = `${file}\n${reason}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const { login, host } = this.engineer;
    const message =
      part === 'main'
        ? l10n.t('The main file of the Review Mentor journal of {0} ({1}), {2}, could not be read because {3}. It was left as it is; notes, goals and the sync date are not shown until the next sync or change sets it aside and starts a fresh one (the comments are kept).', login, host, file, reason)
        : l10n.t('Part of the Review Mentor journal of {0} ({1}), {2}, could not be read because {3}. It was left as it is; its comments are not shown until the next sync or change sets it aside and fetches them again.', login, host, file, reason);
    report(this.ctx, { kind: 'damaged', file, message });
  }

  private async rebuildIndex(count: number): Promise<void> {
    const shards = await Promise.all(Array.from({ length: count }, (_, i) => this.readShard(i, count)));
    this.index.clear();
    shards.forEach((s, i) => {
      for (const id in s.feedback) this.index.set(id, i);
    });
  }

  private markReadOnly(version: number): string {
    const reason = l10n.t('The journal of {0} ({1}) was written by a newer version of Review Mentor (schema version {2}; this version knows up to {3}). It is open read-only so nothing in it is lost; update Review Mentor to change it.', this.engineer.login, this.engineer.host, version, CURRENT_SCHEMA_VERSION);
    if (!this.readOnly) {
      this.readOnly = true;
      this.readOnlyReason = reason;
      report(this.ctx, { kind: 'future-version', file: this.paths.main, message: reason });
    }
    return reason;
  }
}
