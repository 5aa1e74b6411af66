// One LogOutputChannel for the extension; each component logs through a view
// of it that prefixes its tag ("[sync] ..."), so a user's log can be read by
// component. Tokens never reach it: callers log messages, not requests.
import type * as vscode from 'vscode';

export type Logger = Pick<vscode.LogOutputChannel, 'trace' | 'debug' | 'info' | 'warn' | 'error'>;

export function componentLogger(channel: Logger, component: string): Logger {
  const tag = `[${component}]`;
  return {
    trace: (message, ...args) => channel.trace(`${tag} ${message}`, ...args),
    debug: (message, ...args) => channel.debug(`${tag} ${message}`, ...args),
    info: (message, ...args) => channel.info(`${tag} ${message}`, ...args),
    warn: (message, ...args) => channel.warn(`${tag} ${message}`, ...args),
    error: (error, ...args) => channel.error(typeof error === 'string' ? `${tag} ${error}` : error, ...args),
  };
}
