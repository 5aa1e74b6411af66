// Which workspace folders are clones of which GitHub repositories, read from
// git remotes: through the built-in git extension when it is there, otherwise
// (and for repositories whose remotes it has not read yet) from each folder's
// .git/config. `watchWorkspaceClones` reports every change that can alter the
// answer: repositories opened or closed, remotes changed, .git/config edited,
// workspace folders added or removed.
import * as vscode from 'vscode';
import { remoteMatches } from '../../core/remotes';
import { listClones, remotesInGitConfig } from './cloneList';

interface GitRemote { fetchUrl?: string; pushUrl?: string }
interface GitRepository { rootUri: vscode.Uri; state: { remotes: GitRemote[]; onDidChange?: vscode.Event<void> } }
interface GitApi {
  repositories: GitRepository[];
  onDidOpenRepository?: vscode.Event<GitRepository>;
  onDidCloseRepository?: vscode.Event<GitRepository>;
}

export interface WorkspaceClone {
  root: vscode.Uri;
  remotes: string[];
}

export async function workspaceClones(): Promise<WorkspaceClone[]> {
  const git = await gitApi();
  const repos = (git?.repositories ?? []).map((r) => ({ root: r.rootUri.toString(), remotes: r.state.remotes.flatMap((x) => [x.fetchUrl, x.pushUrl]).filter((u): u is string => !!u) }));
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
  const clones = await listClones(repos, folders, (root) => remotesFromConfig(vscode.Uri.parse(root)));
  return clones.map((c) => ({ root: vscode.Uri.parse(c.root), remotes: c.remotes }));
}

export async function findClone(host: string, repo: string): Promise<vscode.Uri | undefined> {
  const clones = await workspaceClones();
  return clones.find((c) => c.remotes.some((r) => remoteMatches(r, host, repo)))?.root;
}

/** Calls `onChange` whenever the list of clones or their remotes may have changed. */
export function watchWorkspaceClones(onChange: () => void): vscode.Disposable {
  const subscriptions: vscode.Disposable[] = [];
  const perRepo = new Map<string, vscode.Disposable>();
  // A repository's state changes on every status refresh: react only when its remotes do.
  const remotesOf = (repo: GitRepository) => JSON.stringify(repo.state.remotes.map((r) => [r.fetchUrl, r.pushUrl]));
  const follow = (repo: GitRepository) => {
    const key = repo.rootUri.toString();
    if (perRepo.has(key) || !repo.state.onDidChange) return;
    let last = remotesOf(repo);
    perRepo.set(
      key,
      repo.state.onDidChange(() => {
        const now = remotesOf(repo);
        if (now === last) return;
        last = now;
        onChange();
      }),
    );
  };
  void gitApi().then((git) => {
    if (!git) return;
    git.repositories.forEach(follow);
    if (git.onDidOpenRepository)
      subscriptions.push(
        git.onDidOpenRepository((repo) => {
          follow(repo);
          onChange();
        }),
      );
    if (git.onDidCloseRepository)
      subscriptions.push(
        git.onDidCloseRepository((repo) => {
          perRepo.get(repo.rootUri.toString())?.dispose();
          perRepo.delete(repo.rootUri.toString());
          onChange();
        }),
      );
  });
  const config = vscode.workspace.createFileSystemWatcher('**/.git/config');
  subscriptions.push(config, config.onDidChange(onChange), config.onDidCreate(onChange), config.onDidDelete(onChange), vscode.workspace.onDidChangeWorkspaceFolders(onChange));
  return new vscode.Disposable(() => {
    subscriptions.forEach((d) => d.dispose());
    perRepo.forEach((d) => d.dispose());
  });
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
    return remotesInGitConfig(new TextDecoder().decode(bytes));
  } catch {
    return [];
  }
}
