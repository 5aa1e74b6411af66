// A small JSON file with the journal's guarantees: writes under the lock from
// the latest data, atomic replace, and a damaged file set aside (and reported)
// before defaults take its place. For settings-sized data such as the
// classifier's corrections or the tracked-engineers list.
import * as l10n from '@vscode/l10n';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { Low } from 'lowdb';
import { AtomicJsonAdapter, CorruptFileError, moveAside } from './atomicFile';
import { withFileLock } from './lock';
import { plainStorageError } from './faults';
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

  /**
   * The latest data on disk, or the defaults when there is no file yet. Reads
   * change nothing: a damaged file is reported once and the defaults are
   * returned; the next update() sets it aside.
   */
  async read(): Promise<T> {
    try {
      return await this.readOnce();
    } catch (err) {
      if (!(err instanceof CorruptFileError)) throw plainStorageError(err, path.dirname(this.file), 'read');
      if (!this.toldDamaged) {
        this.toldDamaged = true;
        this.tell({
          kind: 'damaged',
          file: this.file,
          message: l10n.t('Review Mentor could not read {0} because {1}. It was left as it is and the defaults are used; the next change sets it aside.', path.basename(this.file), err.reason),
        });
      }
      return this.defaults();
    }
  }

  /** Applies `fn` to the latest data under the lock and saves; returns what was saved. */
  async update(fn: (data: T) => void): Promise<T> {
    try {
      return await this.locked(async () => {
        const db = new Low<T>(this.adapter(), this.defaults());
        db.data = await this.readRepairing();
        await db.update(fn);
        return db.data;
      });
    } catch (err) {
      throw plainStorageError(err, path.dirname(this.file), 'save');
    }
  }

  private toldDamaged = false;

  /** Once, through the caller's callback when there is one, else the log. */
  private tell(p: StoreProblem): void {
    if (!this.opts.onProblem) {
      if (p.kind === 'damaged') this.logger.warn(p.message);
      else this.logger.error(p.message);
      return;
    }
    try {
      this.opts.onProblem(p);
    } catch (cbErr) {
      this.logger.error(`The store's problem callback failed: ${cbErr instanceof Error ? cbErr.message : String(cbErr)}`);
    }
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
      this.tell({
        kind: 'corrupt',
        file: this.file,
        movedTo,
        message: l10n.t('Review Mentor could not read {0} because {1}. It was moved to {2} and the defaults are used from now on; nothing was deleted.', path.basename(this.file), err.reason, movedTo),
      });
      this.toldDamaged = false;
      return this.defaults();
    }
  }

  private async locked<R>(fn: () => Promise<R>): Promise<R> {
    await fsp.mkdir(path.dirname(this.file), { recursive: true });
    return withFileLock(this.file, { ...this.opts.lock, logger: this.logger }, fn);
  }
}
