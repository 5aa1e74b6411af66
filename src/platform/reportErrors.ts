// Wraps a command handler so a failure is logged and shown in plain words
// instead of surfacing as VS Code's generic "command failed".
import * as vscode from 'vscode';
import { errorText } from './errors';
import { isStorageError, showStorageError } from './storageErrors';

export function reportErrors<A extends unknown[]>(log: vscode.LogOutputChannel, fn: (...args: A) => Promise<unknown>): (...args: A) => Promise<void> {
  const run = async (...args: A): Promise<void> => {
    try {
      await fn(...args);
    } catch (err) {
      log.error(errorText(err));
      // A local fault (permissions, disk, lock) can be fixed and the command run again.
      if (isStorageError(err)) showStorageError(err, () => run(...args));
      else void vscode.window.showErrorMessage(vscode.l10n.t('Review Mentor: {0}', errorText(err)));
    }
  };
  return run;
}
