// Local faults with the journal folder (permissions, a read-only or full disk,
// too many open files, a lock held by another window), shown the same way
// everywhere in the editor: the store's one plain line, with "Open folder"
// and, when the action can be repeated, "Retry".
import * as vscode from 'vscode';
import { JournalStorageError } from '../store/types';

/** Messages on screen now: the same fault is not stacked up while its notification is open. */
const showing = new Set<string>();

export function isStorageError(err: unknown): err is JournalStorageError {
  return err instanceof JournalStorageError;
}

export function showStorageError(err: JournalStorageError, retry?: () => unknown): void {
  if (showing.has(err.message)) return;
  showing.add(err.message);
  const open = vscode.l10n.t('Open folder');
  const again = vscode.l10n.t('Retry');
  const actions = retry ? [open, again] : [open];
  void vscode.window.showErrorMessage(vscode.l10n.t('Review Mentor: {0}', err.message), ...actions).then(async (choice) => {
    showing.delete(err.message);
    if (choice === open) await openFolder(err.folder);
    if (choice === again) await retry?.();
  });
}

async function openFolder(folder: string): Promise<void> {
  const uri = vscode.Uri.file(folder);
  try {
    await vscode.commands.executeCommand('revealFileInOS', uri);
  } catch {
    // Remote windows have no OS file manager here; the system's handler may still open it.
    await vscode.env.openExternal(uri);
  }
}
