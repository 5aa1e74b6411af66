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
    const involved = pr.author === login || pr.threads.some((t) => t.comments.some((c) => c.author === login));
    if (!involved) continue;
    for (const t of pr.threads) {
      if (!t.line || !t.path) continue;
      const key = `${pr.repo}\u0000${t.path}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      lines.set(key, [...(lines.get(key) ?? []), t.line]);
    }
  }
  const [best, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const [repo, path] = best.split('\u0000');
  return { dataset, login, repo, path, threads: n, lines: [...new Set(lines.get(best))].sort((a, b) => a - b) };
}
