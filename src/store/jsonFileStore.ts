// A small JSON file with the journal's guarantees: writes under the lock from
// the latest data, atomic replace, and a damaged file set aside (and reported)
// before defaults take its place. For settings-sized data such as the
// classifier's corrections or the tracked-engineers list.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { Low } from 'lowdb';
import { AtomicJsonAdapter, CorruptFileError, moveAside } from './atomicFile';
import { withFileLock } from './lock';
import { silentLogger, type LockOptions, type StoreLogger, type StoreProblem } from './types';

export interface JsonFileStoreOptions {
  logger?: StoreLogger;
  onProblem?: (p: StoreProblem) => void;
  lock?: LockOptions;
  /** Indented output for files people may read; default true. */
  pretty?: boolean;
}

export class JsonFileStore<T> {
  private readonly logger: StoreLogger;

  constructor(
    readonly file: string,
    private readonly defaults: () => T,
    private readonly opts: JsonFileStoreOptions = {},
  ) {
    this.logger = opts.logger ?? silentLogger;
  }

  /** The latest data on disk, or the defaults when there is no file yet. */
  async read(): Promise<T> {
    try {
      return await this.readOnce();
    } catch (err) {
      if (!(err instanceof CorruptFileError)) throw err;
      // Setting aside renames the file, so it happens under the lock.
      return this.locked(() => this.readRepairing());
    }
  }

  /** Applies `fn` to the latest data under the lock and saves; returns what was saved. */
  async update(fn: (data: T) => void): Promise<T> {
    return this.locked(async () => {
      const db = new Low<T>(this.adapter(), this.defaults());
      db.data = await this.readRepairing();
      await db.update(fn);
      return db.data;
    });
  }

  private adapter(): AtomicJsonAdapter<T> {
    return new AtomicJsonAdapter<T>(this.file, { pretty: this.opts.pretty ?? true });
  }

  private async readOnce(): Promise<T> {
    const db = new Low<T>(this.adapter(), this.defaults());
    await db.read();
    return db.data;
  }

  private async readRepairing(): Promise<T> {
    try {
      return await this.readOnce();
    } catch (err) {
      if (!(err instanceof CorruptFileError)) throw err;
      const movedTo = await moveAside(this.file);
      const message = `Review Mentor could not read ${path.basename(this.file)} because ${err.reason}. It was moved to ${movedTo} and the defaults are used from now on; nothing was deleted.`;
      this.logger.error(message);
      try {
        this.opts.onProblem?.({ kind: 'corrupt', file: this.file, movedTo, message });
      } catch (cbErr) {
        this.logger.error(`The store's problem callback failed: ${cbErr instanceof Error ? cbErr.message : String(cbErr)}`);
      }
      return this.defaults();
    }
  }

  private async locked<R>(fn: () => Promise<R>): Promise<R> {
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    return withFileLock(this.file, { ...this.opts.lock, logger: this.logger }, fn);
  }
}
