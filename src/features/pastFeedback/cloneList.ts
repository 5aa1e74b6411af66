// Which folders are clones of which repositories, from what the git extension
// reports and the `.git/config` files, without `vscode` (tested in Node). At
// start-up the git extension may report a repository before it has read its
// remotes: such a repository's remotes are read from its `.git/config` too.
export interface CloneInfo {
  /** Folder path or URI string, as given. */
  root: string;
  remotes: string[];
}

export async function listClones(gitRepositories: readonly CloneInfo[], workspaceFolders: readonly string[], readRemotes: (root: string) => Promise<string[]>): Promise<CloneInfo[]> {
  const clones: CloneInfo[] = [];
  for (const repo of gitRepositories) {
    const remotes = repo.remotes.length > 0 ? repo.remotes : await readRemotes(repo.root);
    clones.push({ root: repo.root, remotes });
  }
  for (const folder of workspaceFolders) {
    if (clones.some((c) => c.root === folder)) continue;
    const remotes = await readRemotes(folder);
    if (remotes.length) clones.push({ root: folder, remotes });
  }
  return clones;
}

/** Remote URLs in a `.git/config` text. */
export function remotesInGitConfig(text: string): string[] {
  return [...text.matchAll(/^\s*url\s*=\s*(.+?)\s*$/gm)].map((m) => m[1]!);
}

/** The clone list, computed on first use and again after any change event. */
export class CloneCache<T> {
  private value: Promise<T> | undefined;
  constructor(private readonly compute: () => Promise<T>) {}

  get(): Promise<T> {
    this.value ??= this.compute();
    return this.value;
  }

  invalidate(): void {
    this.value = undefined;
  }
}
