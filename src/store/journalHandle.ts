// One engineer's journal. Reads need no lock (every file is replaced
// atomically); every write takes the journal's lock, reads the latest files,
// applies the change and writes the touched shards and then the main file.
import { CURRENT_SCHEMA_VERSION, type EngineerRef, type Feedback, type Journal } from '../core/model';
import { readJsonFile } from './atomicFile';
import { JournalFiles, groupByShard, report, type MainFile, type ShardFile, type StoreContext } from './journalFiles';
import type { JournalPaths } from './layout';
import { withFileLock } from './lock';
import { mergeSynced, type MergeFeedback } from './merge';
import { ShardCache } from './shardCache';
import { versionOf, type RawJournal } from './migrations';
import { watchJournal } from './watch';
import { JournalReadOnlyError, type JournalMeta } from './types';

export interface UpsertOptions {
  /** Written to the main file after every shard, so a crash never claims more than was saved. */
  syncedUntil?: string;
  /** How a fresh copy meets the stored item; default keeps local tags and state (mergeSynced). */
  merge?: MergeFeedback;
}

export interface JournalHandle {
  readonly engineer: EngineerRef;
  readonly readOnly: boolean;
  readonly readOnlyReason?: string;
  load(): Promise<Journal>;
  upsertFeedback(items: Feedback[], opts?: UpsertOptions): Promise<void>;
  updateFeedback(ids: string[], fn: (item: Feedback) => void): Promise<{ missing: string[] }>;
  updateMeta(fn: (meta: JournalMeta) => void): Promise<void>;
  watch(onChange: () => void): { dispose(): void };
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

  constructor(
    readonly engineer: EngineerRef,
    readonly paths: JournalPaths,
    private readonly ctx: StoreContext,
  ) {
    this.files = new JournalFiles(engineer, paths, ctx, (v) => this.markReadOnly(v));
  }

  /** Creates, repairs or migrates the journal once, so later reads find a current main file. */
  async init(): Promise<void> {
    const r = await readJsonFile<RawJournal>(this.paths.main);
    if (r.kind === 'ok') {
      const v = versionOf(r.data);
      if (v > CURRENT_SCHEMA_VERSION) return void this.markReadOnly(v);
      if (v === CURRENT_SCHEMA_VERSION && !('feedback' in r.data)) return;
    }
    await this.locked(() => this.files.readMainLocked());
  }

  async load(): Promise<Journal> {
    const main = await this.currentMain();
    const feedback: Record<string, Feedback> = {};
    if (this.readOnly) {
      // Newer layout: show what this version can understand, change nothing.
      Object.assign(feedback, (main as RawJournal)['feedback'] ?? {});
    }
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
    return { ...rest, feedback } as Journal;
  }

  async upsertFeedback(items: Feedback[], opts: UpsertOptions = {}): Promise<void> {
    const merge = opts.merge ?? mergeSynced;
    await this.write(async (main) => {
      for (const [i, group] of groupByShard(items, main.shardCount)) {
        const shard = await this.files.readShardLocked(i, main.shardCount);
        for (const item of group) {
          shard.feedback[item.id] = merge(shard.feedback[item.id], item);
          this.index.set(item.id, i);
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
      const { schemaVersion, engineer, shardCount } = main;
      fn(main);
      // The layout is the store's business, not the caller's.
      Object.assign(main, { schemaVersion, engineer, shardCount });
      await this.files.writeMainLocked(main);
    });
  }

  watch(onChange: () => void): { dispose(): void } {
    return watchJournal(this.paths, onChange, { debounceMs: this.ctx.watchDebounceMs, logger: this.ctx.logger });
  }

  private async write<T>(fn: (main: MainFile) => Promise<T>): Promise<T> {
    if (this.readOnly) throw new JournalReadOnlyError(this.readOnlyReason ?? 'This journal is read-only.');
    return this.locked(async () => fn(await this.files.readMainLocked()));
  }

  private locked<T>(fn: () => Promise<T>): Promise<T> {
    return withFileLock(this.paths.main, { ...this.ctx.lock, logger: this.ctx.logger }, fn);
  }

  /** Main file without the lock when it is healthy and current; otherwise repaired under the lock. */
  private async currentMain(): Promise<MainFile> {
    const r = await readJsonFile<RawJournal>(this.paths.main);
    if (r.kind === 'ok') {
      const v = versionOf(r.data);
      if (v > CURRENT_SCHEMA_VERSION) {
        this.markReadOnly(v);
        return r.data as MainFile;
      }
      if (v === CURRENT_SCHEMA_VERSION && !('feedback' in r.data)) return r.data as MainFile;
    }
    return this.locked(() => this.files.readMainLocked());
  }

  /** Read through the cache; a damaged shard is re-read and set aside under the lock. */
  private async readShard(i: number, of: number, haveLock = false): Promise<ShardFile> {
    const r = await this.cache.read(i, this.paths.shard(i));
    if (r.kind === 'ok' && r.data.feedback && typeof r.data.feedback === 'object') return r.data;
    if (r.kind === 'missing') return { shard: i, of, feedback: {} };
    if (this.readOnly) return { shard: i, of, feedback: {} };
    return haveLock ? this.files.readShardLocked(i, of) : this.locked(() => this.files.readShardLocked(i, of));
  }

  private async rebuildIndex(count: number): Promise<void> {
    const shards = await Promise.all(Array.from({ length: count }, (_, i) => this.readShard(i, count, true)));
    this.index.clear();
    shards.forEach((s, i) => {
      for (const id in s.feedback) this.index.set(id, i);
    });
  }

  private markReadOnly(version: number): string {
    const reason = `The journal of ${this.engineer.login} (${this.engineer.host}) was written by a newer version of Review Mentor (schema version ${version}; this version knows up to ${CURRENT_SCHEMA_VERSION}). It is open read-only so nothing in it is lost; update Review Mentor to change it.`;
    if (!this.readOnly) {
      this.readOnly = true;
      this.readOnlyReason = reason;
      this.ctx.logger.warn(reason);
      report(this.ctx, { kind: 'future-version', file: this.paths.main, message: reason });
    }
    return reason;
  }
}
