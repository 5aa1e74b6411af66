import assert from 'node:assert/strict';
import type { Dataset } from '../../../src/demo/dataset';
import { generateDataset } from '../../../src/demo/generate';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { searchPullRequests } from '../../../sandbox/search';
import { gql, rest } from './helpers';

/** rel → URL from a Link header. */
function links(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (header ?? '').matchAll(/<([^>]+)>;\s*rel="(\w+)"/g)) out[m[2]!] = m[1]!;
  return out;
}

async function getUrl(url: string, token = 'demo-token'): Promise<{ status: number; headers: Headers; json: any }> {
  const res = await fetch(url, { headers: { authorization: `token ${token}` } });
  return { status: res.status, headers: res.headers, json: await res.json() };
}

describe('sandbox: REST lists', () => {
  let sb: Sandbox;
  const data = generateDataset({ seed: 5, prs: 80 });
  // Hidden from everyone but sam-lee.
  data.repos[1]!.collaborators = ['sam-lee'];
  const hiddenRepo = `${data.repos[1]!.owner}/${data.repos[1]!.name}`;
  const visible = (repo: string) => repo !== hiddenRepo;
  before(async () => {
    sb = await startSandbox({ data });
  });
  after(() => sb.close());

  const withThreadReplies = () => sb.dataset.pullRequests.find((p) => visible(p.repo) && p.threads.some((t) => t.comments.length > 1) && p.reviews.length > 0 && p.comments.length > 0)!;

  it('GET /search/issues: GitHub item shape, same matches and count as the GraphQL search', async () => {
    const q = 'is:pr reviewed-by:aisha-k -author:aisha-k';
    const r = await rest(sb, 'GET', `/search/issues?q=${encodeURIComponent(q)}&per_page=100`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('x-ratelimit-resource') ?? '', /core/);
    assert.ok(r.headers.get('x-ratelimit-remaining'));
    const expected = searchPullRequests(sb.dataset.pullRequests, q, 'ISSUE', visible);
    assert.ok(expected.issueCount > 0);
    assert.equal(r.json.total_count, expected.issueCount);
    assert.equal(r.json.incomplete_results, false);
    assert.deepEqual(r.json.items.map((i: any) => i.node_id), expected.items.map((p) => p.id));
    const g = await gql(sb, 'query($q: String!) { search(query: $q, type: ISSUE, first: 1) { issueCount } }', { q });
    assert.equal(g.data.search.issueCount, r.json.total_count);

    const item = r.json.items[0];
    const pr = expected.items[0]!;
    assert.equal(item.number, pr.number);
    assert.equal(item.title, pr.title);
    assert.equal(item.html_url, `${sb.url}/${pr.repo}/pull/${pr.number}`);
    assert.deepEqual([item.pull_request.url, item.pull_request.html_url], [`${sb.apiUrl}/repos/${pr.repo}/pulls/${pr.number}`, item.html_url]);
    assert.equal(item.repository_url, `${sb.apiUrl}/repos/${pr.repo}`);
    assert.equal(item.user.login, pr.author);
    assert.ok(['User', 'Bot'].includes(item.user.type));
    assert.deepEqual([item.created_at, item.updated_at, item.state], [pr.createdAt, pr.updatedAt, pr.state === 'OPEN' ? 'open' : 'closed']);
    assert.ok(r.json.items.every((i: any) => visible(i.repository_url.split('/repos/')[1])), 'hidden repositories left out');
  });

  it('search qualifiers: author:, commenter:, involves:, updated:>=, repo:', async () => {
    const cut = sb.dataset.pullRequests[40]!.updatedAt.slice(0, 10);
    const repo = sb.dataset.pullRequests.find((p) => visible(p.repo))!.repo;
    for (const q of ['is:pr author:sam-lee', 'is:pr commenter:ci-helper[bot]', 'is:pr involves:jonas-berg', `is:pr updated:>=${cut}`, `is:pr repo:${repo} author:priya-dev`]) {
      const r = await rest(sb, 'GET', `/search/issues?q=${encodeURIComponent(q)}&per_page=100`);
      const expected = searchPullRequests(sb.dataset.pullRequests, q, 'ISSUE', visible);
      assert.equal(r.json.total_count, expected.issueCount, q);
      assert.deepEqual(r.json.items.map((i: any) => i.number), expected.items.map((p) => p.number), q);
    }
    const updated = (await rest(sb, 'GET', `/search/issues?q=${encodeURIComponent(`is:pr updated:>=${cut}`)}&per_page=100`)).json.items;
    assert.ok(updated.length > 0 && updated.every((i: any) => i.updated_at >= `${cut}T00:00:00`));
    assert.equal((await rest(sb, 'GET', '/search/issues?q=is:pr+frobnicate:yes')).json.total_count, 0);
    const hidden = await rest(sb, 'GET', `/search/issues?q=is:pr+repo:${hiddenRepo}`, undefined, 'sandbox-token-sam-lee');
    assert.ok(hidden.json.total_count > 0, 'a collaborator finds the hidden repository');
    const missing = await rest(sb, 'GET', '/search/issues');
    assert.equal(missing.status, 422);
    assert.deepEqual(missing.json.errors, [{ resource: 'Search', field: 'q', code: 'missing' }]);
  });

  it('pagination: per_page, page and a Link header with next/last (prev/first after page 1)', async () => {
    const q = 'is:pr sort:updated-asc';
    const first = await rest(sb, 'GET', `/search/issues?q=${encodeURIComponent(q)}&per_page=7`);
    const total = first.json.total_count as number;
    const lastPage = Math.ceil(total / 7);
    assert.equal(first.json.items.length, 7);
    const l1 = links(first.headers.get('link'));
    assert.deepEqual(Object.keys(l1).sort(), ['last', 'next']);
    assert.equal(new URL(l1['next']!).searchParams.get('page'), '2');
    assert.equal(new URL(l1['next']!).searchParams.get('per_page'), '7');
    assert.equal(new URL(l1['last']!).searchParams.get('page'), String(lastPage));

    const seen: number[] = [];
    let url: string | undefined = `${sb.apiUrl}/search/issues?q=${encodeURIComponent(q)}&per_page=7`;
    let pages = 0;
    while (url) {
      const r = await getUrl(url);
      seen.push(...r.json.items.map((i: any) => i.number));
      if (++pages === 2) assert.deepEqual(Object.keys(links(r.headers.get('link'))).sort(), ['first', 'last', 'next', 'prev']);
      url = links(r.headers.get('link'))['next'];
      if (!url) assert.deepEqual(Object.keys(links(r.headers.get('link'))).sort(), ['first', 'prev']);
    }
    assert.equal(pages, lastPage);
    assert.equal(seen.length, total);
    assert.deepEqual(seen, searchPullRequests(sb.dataset.pullRequests, q, 'ISSUE', visible).items.map((p) => p.number));

    const clamped = await rest(sb, 'GET', `/search/issues?q=is:pr&per_page=500`);
    assert.equal(clamped.json.items.length, Math.min(100, total), 'per_page is capped at 100');
    const byDefault = await rest(sb, 'GET', `/search/issues?q=is:pr`);
    assert.equal(byDefault.json.items.length, Math.min(30, total), 'per_page defaults to 30');
    const pr = withThreadReplies();
    const single = await rest(sb, 'GET', `/repos/${pr.repo}/issues/${pr.number}/comments?per_page=100`);
    assert.equal(single.headers.get('link'), null, 'no Link when it all fits on one page');
    const paged = await rest(sb, 'GET', `/repos/${pr.repo}/pulls/${pr.number}/comments?per_page=1&page=2`);
    assert.equal(paged.json.length, 1);
    assert.ok(links(paged.headers.get('link'))['prev']);
  });

  it('GET pulls/{n}/comments: review comments by id, replies with in_reply_to_id, same as the single-comment route', async () => {
    const pr = withThreadReplies();
    const r = await rest(sb, 'GET', `/repos/${pr.repo}/pulls/${pr.number}/comments?per_page=100`);
    assert.equal(r.status, 200);
    const all = pr.threads.flatMap((t) => t.comments.map((c) => ({ t, c })));
    assert.deepEqual(r.json.map((c: any) => c.id), all.map(({ c }) => c.databaseId).sort((a, b) => a - b));
    const thread = pr.threads.find((t) => t.comments.length > 1)!;
    const [top, reply] = thread.comments;
    const byId = new Map<number, any>(r.json.map((c: any) => [c.id, c]));
    const a = byId.get(top!.databaseId);
    assert.deepEqual(
      [a.node_id, a.body, a.user.login, a.path, a.line, a.original_line, a.diff_hunk, a.created_at, a.updated_at, a.pull_request_review_id, 'in_reply_to_id' in a],
      [top!.id, top!.body, top!.author, thread.path, thread.line, thread.originalLine, thread.diffHunk, top!.createdAt, top!.updatedAt, null, false],
    );
    assert.equal(a.html_url, `${sb.url}/${pr.repo}/pull/${pr.number}#discussion_r${top!.databaseId}`);
    assert.equal(byId.get(reply!.databaseId).in_reply_to_id, top!.databaseId);
    const one = await rest(sb, 'GET', `/repos/${pr.repo}/pulls/comments/${reply!.databaseId}`);
    assert.deepEqual(one.json, byId.get(reply!.databaseId));
  });

  it('GET pulls/{n}/reviews and issues/{n}/comments', async () => {
    const pr = withThreadReplies();
    const reviews = await rest(sb, 'GET', `/repos/${pr.repo}/pulls/${pr.number}/reviews`);
    assert.equal(reviews.status, 200);
    assert.equal(reviews.json.length, pr.reviews.length);
    const rv = pr.reviews[0]!;
    const got = reviews.json.find((x: any) => x.id === rv.databaseId);
    assert.deepEqual(
      [got.node_id, got.user.login, got.body, got.state, got.submitted_at, got.html_url],
      [rv.id, rv.author, rv.body, rv.state, rv.submittedAt, `${sb.url}/${pr.repo}/pull/${pr.number}#pullrequestreview-${rv.databaseId}`],
    );
    const times = reviews.json.map((x: any) => x.submitted_at);
    assert.deepEqual(times, [...times].sort(), 'chronological');

    const comments = await rest(sb, 'GET', `/repos/${pr.repo}/issues/${pr.number}/comments`);
    assert.equal(comments.json.length, pr.comments.length);
    const c = pr.comments[0]!;
    const ic = comments.json.find((x: any) => x.id === c.databaseId);
    assert.deepEqual(
      [ic.node_id, ic.user.login, ic.body, ic.created_at, ic.updated_at, ic.html_url],
      [c.id, c.author, c.body, c.createdAt, c.updatedAt, `${sb.url}/${pr.repo}/pull/${pr.number}#issuecomment-${c.databaseId}`],
    );
  });

  it('404 with GitHub\'s body for a missing repo, PR or hidden repo; faults and the request log apply', async () => {
    const pr = withThreadReplies();
    const hiddenPr = sb.dataset.pullRequests.find((p) => p.repo === hiddenRepo)!;
    for (const path of [`/repos/acme/nope/pulls/1/comments`, `/repos/${pr.repo}/pulls/99999/reviews`, `/repos/${pr.repo}/issues/99999/comments`, `/repos/${hiddenPr.repo}/pulls/${hiddenPr.number}/comments`]) {
      const r = await rest(sb, 'GET', path);
      assert.equal(r.status, 404, path);
      assert.deepEqual(r.json, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' });
    }
    assert.equal((await rest(sb, 'GET', `/repos/${hiddenPr.repo}/pulls/${hiddenPr.number}/comments`, undefined, 'sandbox-token-sam-lee')).status, 200);
    assert.equal((await rest(sb, 'GET', `/repos/${pr.repo}/pulls/${pr.number}/reviews`, undefined, 'nope')).status, 401);

    sb.resetRequests();
    sb.injectFault({ kind: 'server-error', match: '/reviews' });
    assert.equal((await rest(sb, 'GET', `/repos/${pr.repo}/pulls/${pr.number}/comments`)).status, 200);
    assert.equal((await rest(sb, 'GET', `/repos/${pr.repo}/pulls/${pr.number}/reviews`)).status, 502);
    assert.equal((await rest(sb, 'GET', `/repos/${pr.repo}/pulls/${pr.number}/reviews`)).status, 200);
    assert.deepEqual(
      sb.requests().map((e) => [e.kind, e.path, e.status, e.fault]),
      [
        ['rest', `/api/v3/repos/${pr.repo}/pulls/${pr.number}/comments`, 200, undefined],
        ['rest', `/api/v3/repos/${pr.repo}/pulls/${pr.number}/reviews`, 502, 'server-error'],
        ['rest', `/api/v3/repos/${pr.repo}/pulls/${pr.number}/reviews`, 200, undefined],
      ],
    );
  });
});

describe('sandbox: REST search caps results at 1,000', () => {
  let sb: Sandbox;
  before(async () => {
    const base = generateDataset({ seed: 8, prs: 120 });
    const pullRequests = Array.from({ length: 10 }, (_, k) => base.pullRequests.map((p) => ({ ...p, id: `${p.id}-${k}`, number: p.number + 1000 * k, threads: [], reviews: [], comments: [] }))).flat();
    const data: Dataset = { ...base, pullRequests };
    sb = await startSandbox({ data });
  });
  after(() => sb.close());

  it('total_count counts every match; the last page is 10 at 100 per page; page 11 is a 422', async () => {
    const r = await rest(sb, 'GET', '/search/issues?q=is:pr&per_page=100');
    assert.equal(r.json.total_count, 1200);
    assert.equal(new URL(links(r.headers.get('link'))['last']!).searchParams.get('page'), '10');
    const p10 = await rest(sb, 'GET', '/search/issues?q=is:pr&per_page=100&page=10');
    assert.equal(p10.json.items.length, 100);
    assert.equal(links(p10.headers.get('link'))['next'], undefined);
    const p11 = await rest(sb, 'GET', '/search/issues?q=is:pr&per_page=100&page=11');
    assert.equal(p11.status, 422);
    assert.equal(p11.json.message, 'Only the first 1000 search results are available');
  });
});
