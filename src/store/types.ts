// Public types of the store: what callers pass in and what they are told.
import type { EngineerRef, Entry, SyncState } from '../core/model';

export interface StoreLogger {
  info(m: string): void;
  warn(m: string): void;
  error(m: string): void;
}

/**
 * Something the user should hear about, told once:
 * - `corrupt`: a damaged file was moved aside by a write (`movedTo` says where);
 * - `damaged`: a read found a damaged file and left it as it is (reads never
 *   change files); the next write sets it aside;
 * - `future-version`: a journal from a newer version, opened read-only.
 */
export interface StoreProblem {
  kind: 'corrupt' | 'damaged' | 'future-version';
  file: string;
  /** Where the unreadable original was moved (corrupt only). */
  movedTo?: string;
  /** Plain words, ready to show to the user. */
  message: string;
}

/** The journal's main file: everything except the feedback items. */
export interface JournalMeta {
  schemaVersion: number;
  engineer: EngineerRef;
  syncedUntil: string | null;
  sync?: SyncState;
  entries: Entry[];
}

/** Lock timing; tests shorten these, the extension keeps the defaults. */
export interface LockOptions {
  /** A lock whose holder stopped refreshing it for this long is taken over (min 2000). */
  staleMs?: number;
  /** Give up waiting for the lock after this long. */
  timeoutMs?: number;
}

export class JournalReadOnlyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JournalReadOnlyError';
  }
}

/** What went wrong with the journal folder on this machine. */
export type StorageFault = 'permission' | 'read-only-disk' | 'disk-full' | 'too-many-files' | 'locked';

/**
 * A local problem with the journal folder (permissions, a read-only or full
 * disk, too many open files, a lock held by another process), as one plain
 * line that names the folder and what to do. Files are left as they were.
 */
export class JournalStorageError extends Error {
  constructor(
    message: string,
    readonly fault: StorageFault,
    /** The folder to open to fix it. */
    readonly folder: string,
    /** The underlying error code (EACCES, ENOSPC, ...), if any. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'JournalStorageError';
  }
}

/** The journal's lock: held by another live process for too long, or lost while writing. */
export class StoreLockError extends JournalStorageError {
  constructor(message: string, folder: string) {
    super(message, 'locked', folder);
    this.name = 'StoreLockError';
  }
}

export const silentLogger: StoreLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
