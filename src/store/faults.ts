// Local file-system faults in plain words. The store turns EACCES, EROFS,
// ENOSPC, EMFILE (and their cousins) into a JournalStorageError: one line that
// names the folder and says what to do, instead of a stack trace. Anything
// else is passed through unchanged.
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { JournalStorageError, type StorageFault } from './types';

const FAULTS: Record<string, StorageFault> = {
  EACCES: 'permission',
  EPERM: 'permission',
  EROFS: 'read-only-disk',
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EMFILE: 'too-many-files',
  ENFILE: 'too-many-files',
};

const elsewhereFolder = () => l10n.t('or choose another journal folder (setting reviewMentor.journal.folder; --journal-dir for the command line)');

/**
 * The JournalStorageError for a local fault, or `err` itself when it is not
 * one. `elsewhere` is the other way out offered for permission and read-only
 * problems (by default: choose another journal folder).
 */
export function plainStorageError(err: unknown, journalFolder: string, doing: 'read' | 'save', elsewhere = elsewhereFolder()): unknown {
  if (err instanceof JournalStorageError) return err;
  const e = err as NodeJS.ErrnoException | undefined;
  const fault = typeof e?.code === 'string' ? FAULTS[e.code] : undefined;
  if (!e || !fault) return err;
  // The folder the failing call was working in: a listed folder itself, else the file's folder.
  const folder = typeof e.path === 'string' ? (e.syscall === 'scandir' || e.syscall === 'opendir' ? e.path : path.dirname(e.path)) : journalFolder;
  return new JournalStorageError(messageFor(fault, folder, doing, elsewhere), fault, folder, e.code);
}

function messageFor(fault: StorageFault, folder: string, doing: 'read' | 'save', elsewhere: string): string {
  switch (fault) {
    case 'permission':
      return doing === 'save'
        ? l10n.t('Review Mentor cannot save in {0}: permission denied. Make the folder writable for your user account, {1}.', folder, elsewhere)
        : l10n.t('Review Mentor cannot read {0}: permission denied. Give your user account access to the folder, {1}.', folder, elsewhere);
    case 'read-only-disk':
      return l10n.t('Review Mentor cannot save in {0}: it is on a read-only disk. Remount the disk writable, {1}.', folder, elsewhere);
    case 'disk-full':
      return l10n.t('Review Mentor could not save in {0}: the disk is full. Free some space and try again; nothing was half-written.', folder);
    case 'too-many-files':
      return l10n.t('Review Mentor could not open the files in {0}: too many files are open on this machine. Close some programs (or raise the open-file limit, e.g. ulimit -n) and try again.', folder);
    case 'locked':
      return l10n.t('Another Review Mentor window or process is writing the journal in {0}. Try again when it has finished.', folder);
  }
}
