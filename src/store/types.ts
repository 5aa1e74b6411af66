// Public types of the store: what callers pass in and what they are told.
import type { EngineerRef, Entry, SyncState } from '../core/model';

export interface StoreLogger {
  info(m: string): void;
  warn(m: string): void;
  error(m: string): void;
}

/** Something the user should hear about: a file set aside, or a journal opened read-only. */
export interface StoreProblem {
  kind: 'corrupt' | 'future-version';
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

export class StoreLockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreLockError';
  }
}

export const silentLogger: StoreLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
