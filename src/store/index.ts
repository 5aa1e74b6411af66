// The journal store's public surface.
export { JournalStore, type JournalStoreOptions } from './journalStore';
export type { JournalChange, JournalHandle, UpsertOptions } from './journalHandle';
export { JsonFileStore, type JsonFileStoreOptions } from './jsonFileStore';
export { mergeSynced, mergeWith, type MergeFeedback, type Retag } from './merge';
export { JournalReadOnlyError, JournalStorageError, StoreLockError, type JournalMeta, type StorageFault, type LockOptions, type StoreLogger, type StoreProblem } from './types';
export { DEFAULT_SHARD_COUNT, journalPaths, shardOf, type JournalPaths } from './layout';
export { CorruptFileError } from './atomicFile';
export { SyncLease, leaseFileOf, DEFAULT_LEASE_MS, type LeaseResult } from './lease';
