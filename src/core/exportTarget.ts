// Where an exported summary goes by default and what can be done with it
// afterwards. Pure: the file system and the workbench kind are parameters.
//
// A review summary is about a colleague: it must not land in a git work tree
// by default, where a `git add .` would commit it. The default folder is the
// one the user saved to last (when it is outside any work tree), else their
// Documents folder, else their home folder.
import * as path from 'node:path';

export interface FolderProbe {
  /** True when `dir` exists and is a folder. */
  isFolder(dir: string): boolean;
  /** True when `file` exists (file or folder). */
  exists(file: string): boolean;
}

/** True when `dir` or one of its parents holds a `.git` (folder, or file for worktrees and submodules). */
export function insideGitWorkTree(dir: string, probe: FolderProbe): boolean {
  let d = path.resolve(dir);
  for (;;) {
    if (probe.exists(path.join(d, '.git'))) return true;
    const parent = path.dirname(d);
    if (parent === d) return false;
    d = parent;
  }
}

export function defaultExportFolder(o: { remembered?: string; home: string; documents?: string }, probe: FolderProbe): string {
  for (const dir of [o.remembered, o.documents ?? path.join(o.home, 'Documents')]) {
    if (dir && probe.isFolder(dir) && !insideGitWorkTree(dir, probe)) return dir;
  }
  return o.home;
}

/** "review-summary-priya-dev-2026-11-20.md": who, and the day it was exported (not the period's first day). */
export function exportFileName(engineers: readonly string[], exportDay: string, format: string): string {
  const who = engineers.length === 1 ? engineers[0]!.replace(/[^\w.-]/g, '_') : 'team';
  return `review-summary-${who}-${exportDay}.${format}`;
}

export type OpenAction = 'Open' | 'Open preview' | 'Open in browser' | 'Reveal';

/**
 * What the "saved" notification offers. `openExternal` on a file does nothing
 * in the web workbench, and there is no OS file manager there either: an HTML
 * summary opens in a preview panel instead.
 */
export function openActions(format: string, web: boolean): OpenAction[] {
  if (web) return format === 'html' ? ['Open', 'Open preview'] : ['Open'];
  return format === 'html' ? ['Open', 'Open preview', 'Open in browser'] : ['Open', 'Reveal'];
}
