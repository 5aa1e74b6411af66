// The baseline sync/bench compares against: what a straightforward REST
// client does. List the engineer's PRs with the search API (paginated), then
// per PR fetch review comments, reviews and conversation comments (each
// paginated), one request after another.
//
// The sandbox GitHub does not (yet) answer these REST routes and has no hook
// to add routes, so `startNaiveRestStandIn` serves them from the same dataset
// with the same latency. The client takes any REST base URL, so it runs
// unchanged against the sandbox (or GitHub) once those routes exist.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dataset, DatasetPullRequest } from '../src/demo/dataset';
import { searchPullRequests } from '../test/sandbox-github/search';

export interface NaiveResult {
  prs: number;
  comments: number;
  requests: number;
}

export async function naiveRestSync(apiUrl: string, token: string, login: string): Promise<NaiveResult> {
  let requests = 0;
  const getAll = async (path: string): Promise<unknown[]> => {
    const out: unknown[] = [];
    let url: string | undefined = `${apiUrl}${path}${path.includes('?') ? '&' : '?'}per_page=100`;
    while (url) {
      requests++;
      const res = await fetch(url, { headers: { authorization: `token ${token}`, accept: 'application/vnd.github+json' } });
      if (!res.ok) throw new Error(`naive REST: ${res.status} for ${url}`);
      const body = (await res.json()) as unknown;
      out.push(...(Array.isArray(body) ? body : ((body as { items: unknown[] }).items ?? [])));
      url = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
    }
    return out;
  };
  const prs = new Map<string, { repo: string; number: number }>();
  for (const q of [`is:pr author:${login}`, `is:pr reviewed-by:${login} -author:${login}`, `is:pr commenter:${login} -author:${login}`]) {
    for (const item of (await getAll(`/search/issues?q=${encodeURIComponent(q)}`)) as { number: number; repository_url: string }[]) {
      const repo = item.repository_url.split('/repos/')[1]!;
      prs.set(`${repo}#${item.number}`, { repo, number: item.number });
    }
  }
  let comments = 0;
  for (const { repo, number } of prs.values()) {
    comments += (await getAll(`/repos/${repo}/pulls/${number}/comments`)).length;
    comments += (await getAll(`/repos/${repo}/pulls/${number}/reviews`)).length;
    comments += (await getAll(`/repos/${repo}/issues/${number}/comments`)).length;
  }
  return { prs: prs.size, comments, requests };
}

/** GitHub-shaped REST answers for the routes above, from a dataset. */
export async function startNaiveRestStandIn(data: Dataset, latencyMs: number): Promise<{ apiUrl: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      await new Promise((r) => setTimeout(r, latencyMs));
      const url = new URL(req.url ?? '/', 'http://x');
      const p = url.pathname.replace(/^\/api\/v3/, '');
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const send = (all: unknown[], wrap: boolean) => {
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (page * perPage < all.length) {
          url.searchParams.set('page', String(page + 1));
          headers['link'] = `<http://${req.headers.host}${url.pathname}?${url.searchParams}>; rel="next"`;
        }
        res.writeHead(200, headers);
        res.end(JSON.stringify(wrap ? { total_count: all.length, incomplete_results: false, items: slice } : slice));
      };
      if (p === '/search/issues') {
        const found = searchPullRequests(data.pullRequests, url.searchParams.get('q') ?? '', 'ISSUE', () => true).items;
        return send(found.map((pr) => ({ number: pr.number, title: pr.title, repository_url: `http://${req.headers.host}/api/v3/repos/${pr.repo}`, user: { login: pr.author }, updated_at: pr.updatedAt, pull_request: {} })), true);
      }
      const m = /^\/repos\/([^/]+\/[^/]+)\/(pulls|issues)\/(\d+)\/(comments|reviews)$/.exec(p);
      const pr: DatasetPullRequest | undefined = m ? data.pullRequests.find((x) => x.repo === m[1] && x.number === Number(m[3])) : undefined;
      if (!m || !pr) {
        res.writeHead(404, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ message: 'Not Found' }));
      }
      if (m[2] === 'pulls' && m[4] === 'comments') return send(pr.threads.flatMap((t) => t.comments.map((c) => ({ id: c.databaseId, node_id: c.id, body: c.body, user: { login: c.author }, path: t.path, line: t.line, diff_hunk: t.diffHunk }))), false);
      if (m[4] === 'reviews') return send(pr.reviews.map((r) => ({ id: r.databaseId, node_id: r.id, body: r.body, state: r.state, user: { login: r.author } })), false);
      return send(pr.comments.map((c) => ({ id: c.databaseId, node_id: c.id, body: c.body, user: { login: c.author } })), false);
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3`, close: () => new Promise((r) => server.close(() => r())) };
}
