// Which workspace folders are clones of which GitHub repositories, read from
// git remotes: through the built-in git extension when it is there, otherwise
// from each folder's .git/config.
import * as vscode from 'vscode';
import { remoteMatches } from '../../core/remotes';

interface GitRemote { fetchUrl?: string; pushUrl?: string }
interface GitRepository { rootUri: vscode.Uri; state: { remotes: GitRemote[] } }
interface GitApi { repositories: GitRepository[] }

export interface WorkspaceClone {
  root: vscode.Uri;
  remotes: string[];
}

export async function workspaceClones(): Promise<WorkspaceClone[]> {
  const clones: WorkspaceClone[] = [];
  const git = await gitApi();
  for (const repo of git?.repositories ?? []) {
    const remotes = repo.state.remotes.flatMap((r) => [r.fetchUrl, r.pushUrl]).filter((u): u is string => !!u);
    clones.push({ root: repo.rootUri, remotes });
  }
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (clones.some((c) => c.root.toString() === folder.uri.toString())) continue;
    const remotes = await remotesFromConfig(folder.uri);
    if (remotes.length) clones.push({ root: folder.uri, remotes });
  }
  return clones;
}

export async function findClone(host: string, repo: string): Promise<vscode.Uri | undefined> {
  const clones = await workspaceClones();
  return clones.find((c) => c.remotes.some((r) => remoteMatches(r, host, repo)))?.root;
}

async function gitApi(): Promise<GitApi | undefined> {
  try {
    const ext = vscode.extensions.getExtension<{ getAPI(v: 1): GitApi }>('vscode.git');
    if (!ext) return undefined;
    const exports = ext.isActive ? ext.exports : await ext.activate();
    return exports.getAPI(1);
  } catch {
    return undefined;
  }
}

async function remotesFromConfig(root: vscode.Uri): Promise<string[]> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, '.git', 'config'));
    const text = new TextDecoder().decode(bytes);
    return [...text.matchAll(/^\s*url\s*=\s*(.+?)\s*$/gm)].map((m) => m[1]!);
  } catch {
    return [];
  }
}
