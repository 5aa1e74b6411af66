// The demo team's first engineer and the workspace file with the most past
// feedback for them, computed from the same generator "Open demo data" uses
// (history ending today), so a journey can open it.
export async function demoFileWithMostFeedback() {
  const { generateDataset } = await import('../../src/demo/generate.ts');
  const dataset = generateDataset({ baseDate: `${new Date().toISOString().slice(0, 10)}T00:00:00Z` });
  const login = dataset.users.find((u) => u.type === 'User').login;
  const counts = new Map();
  const lines = new Map();
  for (const pr of dataset.pullRequests) {
    if (!involved(pr, login)) continue;
    for (const t of pr.threads) {
      if (!t.line || !t.path) continue;
      const key = `${pr.repo}\u0000${t.path}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      lines.set(key, [...(lines.get(key) ?? []), t.line]);
    }
  }
  const [best, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const [repo, path] = best.split('\u0000');
  // Where the extension shows each thread: relocated through its diff hunk, as in the editor.
  const { demoClone } = await import('../../src/demo/workspace.ts');
  const { relocateLine } = await import('../../src/core/relocate.ts');
  const text = demoClone(dataset, repo).get(path).split(/\r?\n/);
  const shown = [];
  for (const pr of dataset.pullRequests) {
    if (pr.repo !== repo || !involved(pr, login)) continue;
    for (const t of pr.threads) if (t.path === path && t.line) shown.push(relocateLine(text, t.line, t.diffHunk));
  }
  return { dataset, login, repo, path, threads: n, lines: [...new Set(shown.filter(Boolean))].sort((a, b) => a - b) };
}

function involved(pr, login) {
  return pr.author === login || pr.threads.some((t) => t.comments.some((c) => c.author === login));
}
