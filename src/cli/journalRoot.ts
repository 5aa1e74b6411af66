// Where the CLI finds journals: the same folder the editor uses, so that
// `review-mentor sync` and the extension share one journal by default.
// Order: --journal-dir, then $REVIEW_MENTOR_JOURNAL_DIR, then VS Code's global
// storage folder for this extension on this OS (what `context.globalStorageUri`
// points at for VS Code stable), plus "journals".
import * as path from 'node:path';

export const EXTENSION_ID = 'review-mentor.review-mentor';

export interface JournalRoot {
  dir: string;
  /** Why this folder: shown to the user, so a wrong guess is easy to spot. */
  source: '--journal-dir' | 'REVIEW_MENTOR_JOURNAL_DIR' | "VS Code's storage for Review Mentor";
}

export interface Host {
  platform: NodeJS.Platform;
  home: string;
  env: NodeJS.ProcessEnv;
}

/** VS Code's user data folder for its stable build on this OS. */
export function vscodeUserDir(host: Host): string {
  const p = host.platform === 'win32' ? path.win32 : path.posix;
  if (host.platform === 'win32') return p.join(host.env['APPDATA'] ?? p.join(host.home, 'AppData', 'Roaming'), 'Code', 'User');
  if (host.platform === 'darwin') return p.join(host.home, 'Library', 'Application Support', 'Code', 'User');
  return p.join(host.env['XDG_CONFIG_HOME'] || p.join(host.home, '.config'), 'Code', 'User');
}

export function resolveJournalRoot(option: string | undefined, host: Host): JournalRoot {
  if (option) return { dir: path.resolve(option), source: '--journal-dir' };
  const fromEnv = host.env['REVIEW_MENTOR_JOURNAL_DIR'];
  if (fromEnv) return { dir: path.resolve(fromEnv), source: 'REVIEW_MENTOR_JOURNAL_DIR' };
  const p = host.platform === 'win32' ? path.win32 : path.posix;
  return { dir: p.join(vscodeUserDir(host), 'globalStorage', EXTENSION_ID, 'journals'), source: "VS Code's storage for Review Mentor" };
}
