// The journal's files as seen by a writer holding the lock: read the main file
// (creating, setting aside or migrating it as needed) and read or write one
// shard. Everything here that changes the disk assumes the lock is held.
import * as l10n from '@vscode/l10n';
import { promises as fsp } from 'node:fs';
import { CURRENT_SCHEMA_VERSION, type EngineerRef, type Feedback } from '../core/model';
import { Low } from 'lowdb';
import { AtomicJsonAdapter, CorruptFileError, moveAside, readJsonFile } from './atomicFile';
import { shardOf, type JournalPaths } from './layout';
import { migrate, versionOf, type RawJournal } from './migrations';
import { mainShape, shardShape } from './shape';
import { JournalReadOnlyError, type JournalMeta, type LockOptions, type StoreLogger, type StoreProblem } from './types';

export interface StoreContext {
  logger: StoreLogger;
  onProblem: (p: StoreProblem) => void;
  lock: LockOptions;
  /** Shards for new journals; existing journals keep the count in their main file. */
  shardCount: number;
  watchDebounceMs: number;
}

export interface MainFile extends JournalMeta {
  shardCount: number;
  [unknown: string]: unknown;
}

export interface ShardFile {
  shard: number;
  of: number;
  feedback: Record<string, Feedback>;
  [unknown: string]: unknown;
}

export class JournalFiles {
  /** (dev, ino, size, mtime) of each file this process wrote last, so the watcher can tell our writes from others'. */
  readonly ownWrites = new Map<string, string>();
  /** Set when a shard was set aside in this write cycle: every main file written carries the full re-sync request. */
  private lostShard: string | undefined;
  /** Shards set aside so far (a load that saw one re-reads the main file for the request). */
  shardsSetAside = 0;

  constructor(
    readonly engineer: EngineerRef,
    readonly paths: JournalPaths,
    private readonly ctx: StoreContext,
    private readonly onFutureVersion: (version: number) => string,
  ) {}

  /** The current main file, under the lock. Throws JournalReadOnlyError for a newer schema. */
  async readMainLocked(): Promise<MainFile> {
    // A new write cycle: the request is on disk by now (see readShardLocked).
    this.lostShard = undefined;
    const r = await readJsonFile<RawJournal>(this.paths.main, mainShape);
    if (r.kind === 'missing') return this.createMain();
    if (r.kind === 'corrupt') {
      await this.setAside(this.paths.main, r.reason, 'main');
      return this.createMain();
    }
    const version = versionOf(r.data);
    if (version > CURRENT_SCHEMA_VERSION) throw new JournalReadOnlyError(this.onFutureVersion(version));
    if (version < CURRENT_SCHEMA_VERSION || 'feedback' in r.data) return this.upgrade(r.data, version);
    return r.data as MainFile;
  }

  async writeMainLocked(main: MainFile): Promise<void> {
    if (this.lostShard && !main.sync?.fullResync) main.sync = { ...main.sync, fullResync: this.lostShard };
    await new Low(new AtomicJsonAdapter<MainFile>(this.paths.main, { pretty: true }), main).write();
    await this.noteOwnWrite(this.paths.main);
  }

  private async noteOwnWrite(file: string): Promise<void> {
    const key = await fileKey(file);
    if (key) this.ownWrites.set(file, key);
  }

  async readShardLocked(index: number, of: number): Promise<ShardFile> {
    const file = this.paths.shard(index);
    const db = new Low<ShardFile>(new AtomicJsonAdapter<ShardFile>(file, { check: shardShape }), { shard: index, of, feedback: {} });
    try {
      await db.read();
    } catch (err) {
      if (!(err instanceof CorruptFileError)) throw err;
      await this.setAside(file, err.reason, 'shard');
      await this.requestFullResync(`part of the journal (${file}) could not be read and was set aside`);
    }
    if (!db.data.feedback || typeof db.data.feedback !== 'object') db.data.feedback = {};
    return db.data;
  }

  async writeShardLocked(shard: ShardFile): Promise<void> {
    // Compact JSON: shards are big and read by code, not people.
    await new Low(new AtomicJsonAdapter<ShardFile>(this.paths.shard(shard.shard)), shard).write();
    await this.noteOwnWrite(this.paths.shard(shard.shard));
  }

  /** Moves an unreadable file aside and tells the caller before anything new is written. */
  async setAside(file: string, reason: string, part: 'main' | 'shard' | 'file'): Promise<string> {
    const movedTo = await moveAside(file);
    const { login, host } = this.engineer;
    const message =
      part === 'main'
        ? l10n.t('The Review Mentor journal of {0} ({1}) could not be read because {2}. The file {3} was moved to {4} and a new journal was started; nothing was deleted.', login, host, reason, file, movedTo)
        : l10n.t('Part of the Review Mentor journal of {0} ({1}) could not be read because {2}. The file {3} was moved to {4}; the rest of the journal is intact, and the comments it held return with the next sync (tags set by hand on them are only in the moved file).', login, host, reason, file, movedTo);
    // Said once: the problem callback is where it is logged or shown (its default logs it).
    report(this.ctx, { kind: 'corrupt', file, movedTo, message });
    return movedTo;
  }

  /** The comments of a set-aside shard come back through a full re-sync, asked for in the main file. */
  private async requestFullResync(reason: string): Promise<void> {
    this.lostShard = reason;
    this.shardsSetAside++;
    const r = await readJsonFile<MainFile>(this.paths.main);
    if (r.kind === 'ok' && versionOf(r.data) === CURRENT_SCHEMA_VERSION && !('feedback' in r.data)) await this.writeMainLocked(r.data);
  }

  private async createMain(): Promise<MainFile> {
    const main: MainFile = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      engineer: { login: this.engineer.login, host: this.engineer.host },
      syncedUntil: null,
      entries: [],
      shardCount: (await this.existingShardCount()) ?? this.ctx.shardCount,
    };
    await this.writeMainLocked(main);
    return main;
  }

  /** A main file lost or set aside leaves its shards; their own header says how many there are. */
  async existingShardCount(): Promise<number | undefined> {
    let names: string[];
    try {
      names = (await fsp.readdir(this.paths.shardDir)).filter((n) => /^\d{3}\.json$/.test(n));
    } catch {
      return undefined;
    }
    for (const name of names) {
      const r = await readJsonFile<ShardFile>(`${this.paths.shardDir}/${name}`);
      if (r.kind === 'ok' && Number.isInteger(r.data.of) && r.data.of > 0) return r.data.of;
    }
    return undefined;
  }

  /** Migrates an older journal and moves feedback held inline in the main file into shards. */
  private async upgrade(raw: RawJournal, from: number): Promise<MainFile> {
    if (from < CURRENT_SCHEMA_VERSION) {
      const backup = this.paths.main.replace(/\.json$/, `.v${from}-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
      await fsp.copyFile(this.paths.main, backup);
      migrate(raw);
      this.ctx.logger.info(`Migrated the journal of ${this.engineer.login} from schema version ${from} to ${CURRENT_SCHEMA_VERSION}; the original is kept as ${backup}.`);
    }
    const inline = (raw['feedback'] ?? {}) as Record<string, Feedback>;
    delete raw['feedback'];
    const main = raw as MainFile;
    if (!Number.isInteger(main.shardCount) || main.shardCount <= 0) main.shardCount = (await this.existingShardCount()) ?? this.ctx.shardCount;
    if (!Array.isArray(main.entries)) main.entries = [];
    if (main.syncedUntil === undefined) main.syncedUntil = null;
    const items = Object.entries(inline).map(([id, item]) => (item.id ? item : { ...item, id }));
    const groups = groupByShard(items, main.shardCount);
    for (const [index, items] of groups) {
      const shard = await this.readShardLocked(index, main.shardCount);
      for (const item of items) shard.feedback[item.id] = item;
      await this.writeShardLocked(shard);
    }
    // The main file goes last: until it is renamed in, the old file is still the journal.
    await this.writeMainLocked(main);
    return main;
  }
}

export function groupByShard(items: Feedback[], shardCount: number): Map<number, Feedback[]> {
  const groups = new Map<number, Feedback[]>();
  for (const item of items) {
    const i = shardOf(item.prUrl, shardCount);
    let g = groups.get(i);
    if (!g) groups.set(i, (g = []));
    g.push(item);
  }
  return groups;
}

export function report(ctx: StoreContext, p: StoreProblem): void {
  try {
    ctx.onProblem(p);
  } catch (err) {
    ctx.logger.error(`The store's problem callback failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Identity of a file's current content as the file system sees it; undefined when it is gone. */
export async function fileKey(file: string): Promise<string | undefined> {
  try {
    const st = await fsp.stat(file, { bigint: true });
    return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}`;
  } catch {
    return undefined;
  }
}
