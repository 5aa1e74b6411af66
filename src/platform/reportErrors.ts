// Wraps a command handler so a failure is logged and shown in plain words
// instead of surfacing as VS Code's generic "command failed".
import * as vscode from 'vscode';
import { errorText } from './errors';

export function reportErrors<A extends unknown[]>(log: vscode.LogOutputChannel, fn: (...args: A) => Promise<unknown>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      log.error(errorText(err));
      void vscode.window.showErrorMessage(`Review Mentor: ${errorText(err)}`);
    }
  };
}
