import assert from 'node:assert/strict';
import { parse } from 'graphql';
import { analyze, githubSchema, startSandbox, type Sandbox } from '../../../sandbox';
import { gql } from './helpers';

const SYNC = `query Sync($q: String!, $after: String) {
  rateLimit { cost limit remaining resetAt used nodeCount }
  search(query: $q, type: ISSUE, first: 100, after: $after) {
    issueCount
    pageInfo { hasNextPage endCursor }
    nodes {
      ... on PullRequest {
        id number title url state updatedAt
        author { login __typename }
        repository { nameWithOwner owner { login } name }
        reviewThreads(first: 50) {
          totalCount
          nodes { id path line originalLine diffSide isResolved isOutdated
            comments(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { id databaseId body url diffHunk author { login __typename } } } }
        }
        reviews(first: 20) { totalCount nodes { id databaseId body state submittedAt author { login } } }
        comments(first: 20) { totalCount nodes { id databaseId body url author { login __typename } } }
      }
    }
  }
}`;

describe('sandbox: GraphQL', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox({ seed: 11 });
  });
  after(() => sb.close());

  it('answers viewer and a search with nested threads from the dataset', async () => {
    const viewer = await gql(sb, '{ viewer { login } }');
    assert.equal(viewer.data.viewer.login, 'priya-dev');

    const r = await gql(sb, SYNC, { q: 'is:pr author:sam-lee sort:updated-asc' });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const expected = sb.dataset.pullRequests.filter((p) => p.author === 'sam-lee').sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.number - b.number);
    assert.equal(r.data.search.issueCount, expected.length);
    const nodes = r.data.search.nodes;
    assert.deepEqual(nodes.map((n: any) => n.id), expected.slice(0, 100).map((p) => p.id));
    const withThreads = expected.find((p) => p.threads.length > 0)!;
    const node = nodes.find((n: any) => n.id === withThreads.id);
    assert.equal(node.url, `${sb.url}/${withThreads.repo}/pull/${withThreads.number}`);
    assert.equal(node.repository.nameWithOwner, withThreads.repo);
    assert.equal(node.reviewThreads.totalCount, withThreads.threads.length);
    const t0 = withThreads.threads[0]!;
    assert.equal(node.reviewThreads.nodes[0].path, t0.path);
    assert.equal(node.reviewThreads.nodes[0].line, t0.line);
    const c0 = node.reviewThreads.nodes[0].comments.nodes[0];
    assert.equal(c0.body, t0.comments[0]!.body);
    assert.equal(c0.diffHunk, t0.diffHunk);
    assert.equal(c0.url, `${sb.url}/${withThreads.repo}/pull/${withThreads.number}#discussion_r${t0.comments[0]!.databaseId}`);
    assert.equal(node.reviews.totalCount, withThreads.reviews.length);
  });

  it('types bots as Bot with the login GitHub uses (no [bot] suffix)', async () => {
    const r = await gql(sb, `{ search(query: "is:pr author:app/dependabot", type: ISSUE, first: 5) { issueCount nodes { ... on PullRequest { author { __typename login } } } } }`);
    assert.ok(r.data.search.issueCount > 0);
    assert.deepEqual(r.data.search.nodes[0].author, { __typename: 'Bot', login: 'dependabot' });
  });

  it('pages search results with cursors and filters by updated date', async () => {
    const since = '2026-06-01';
    const expected = sb.dataset.pullRequests.filter((p) => p.updatedAt >= `${since}T00:00:00Z`).length;
    const q = `query($after: String) { search(query: "is:pr updated:>=${since}", type: ISSUE, first: 40, after: $after) { issueCount pageInfo { hasNextPage endCursor } nodes { ... on PullRequest { id updatedAt } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await gql(sb, q, { after });
      assert.equal(r.data.search.issueCount, expected);
      for (const n of r.data.search.nodes) {
        assert.ok(n.updatedAt >= since);
        seen.push(n.id);
      }
      if (!r.data.search.pageInfo.hasNextPage) break;
      after = r.data.search.pageInfo.endCursor;
    }
    assert.equal(seen.length, expected);
    assert.equal(new Set(seen).size, expected);
  });

  it('finds nodes by id and pull requests by repository and number', async () => {
    const pr = sb.dataset.pullRequests[3]!;
    const [owner, name] = pr.repo.split('/');
    const r = await gql(sb, `query($id: ID!, $o: String!, $n: String!, $num: Int!) {
      node(id: $id) { __typename ... on PullRequest { number } }
      nodes(ids: [$id, "nope"]) { id }
      repository(owner: $o, name: $n) { pullRequest(number: $num) { id title } }
    }`, { id: pr.id, o: owner, n: name, num: pr.number });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.deepEqual(r.data.node, { __typename: 'PullRequest', number: pr.number });
    assert.deepEqual(r.data.nodes, [{ id: pr.id }, null]);
    assert.deepEqual(r.data.repository.pullRequest, { id: pr.id, title: pr.title });
  });

  it('rejects connections without first/last or above 100, in GitHub words', async () => {
    const missing = await gql(sb, `{ search(query: "is:pr", type: ISSUE, first: 5) { nodes { ... on PullRequest { reviewThreads { totalCount } } } } }`);
    assert.equal(missing.data, undefined);
    assert.equal(missing.errors![0]!.type, 'MISSING_PAGINATION_BOUNDARIES');
    assert.equal(missing.errors![0]!.message, 'You must provide a `first` or `last` value to properly paginate the `reviewThreads` connection.');
    const tooMany = await gql(sb, `{ search(query: "is:pr", type: ISSUE, first: 101) { issueCount } }`);
    assert.equal(tooMany.errors![0]!.type, 'EXCESSIVE_PAGINATION');
    assert.equal(tooMany.errors![0]!.message, 'Requesting 101 records on the `search` connection exceeds the `first` limit of 100 records.');
    const zero = await gql(sb, `{ search(query: "is:pr", type: ISSUE, first: 0) { issueCount } }`);
    assert.equal(zero.errors![0]!.type, 'EXCESSIVE_PAGINATION');
    const invalid = await gql(sb, '{ viewer { nosuchfield } }');
    assert.match(invalid.errors![0]!.message, /Cannot query field "nosuchfield" on type "User"/);
  });

  it('computes cost by GitHub\'s formula and charges it to the hourly budget', async () => {
    // The example from GitHub's docs: 1 + 100 + 100*50 requests = 5,101 -> 51 points; 305,100 nodes.
    const doc = parse(`{ viewer { login repositories(first: 100) { edges { node { id issues(first: 50) { edges { node { id labels(first: 60) { edges { node { id name } } } } } } } } } } }`);
    const report = analyze(githubSchema(), doc, undefined, {});
    assert.ok('cost' in report);
    assert.equal(report.cost, 51);
    assert.equal(report.nodeCount, 305_100);
    const tooBig = analyze(githubSchema(), parse(`{ viewer { repositories(first: 100) { nodes { issues(first: 100) { nodes { labels(first: 100) { nodes { id } } } } } } } }`), undefined, {});
    assert.ok('errors' in tooBig && tooBig.errors[0]!.type === 'MAX_NODE_LIMIT_EXCEEDED');

    const before = (await gql(sb, '{ rateLimit { remaining } }')).data.rateLimit.remaining;
    const r = await gql(sb, SYNC, { q: 'is:pr' });
    // search 1 + reviewThreads 100 + comments 100*50 + reviews 100 + comments 100 = 5,301 -> 53.
    assert.equal(r.data.rateLimit.cost, 53);
    assert.equal(r.data.rateLimit.nodeCount, 100 + 5000 + 250_000 + 2000 + 2000);
    // remaining is reported after this query's own cost.
    assert.equal(r.data.rateLimit.remaining, before - 53);
    assert.equal(r.headers.get('x-ratelimit-resource'), 'graphql');
    assert.equal(r.headers.get('x-ratelimit-remaining'), String(r.data.rateLimit.remaining));
  });

  it('refuses a query when the hourly budget is spent', async () => {
    const token = 'sandbox-token-sam-lee';
    sb.budgets.setUsed('sam-lee', 'graphql', 4990, Date.now());
    const r = await gql(sb, SYNC, { q: 'is:pr' }, token);
    assert.equal(r.errors![0]!.type, 'RATE_LIMITED');
    assert.equal(r.headers.get('x-ratelimit-remaining'), '0');
    const small = await gql(sb, '{ viewer { login } }', {}, token);
    assert.equal(small.data.viewer.login, 'sam-lee');
  });

  it('logs each request with its operation name and cost', async () => {
    await gql(sb, SYNC, { q: 'is:pr' });
    const logs = sb.requests();
    assert.equal(logs[logs.length - 1]!.operationName, 'Sync');
    assert.equal(logs[logs.length - 1]!.cost, 53);
  });
});

describe('sandbox: GraphQL cost with directives', () => {
  it('charges nothing for connections left out by @include/@skip', () => {
    const doc = parse(`query($on: Boolean!) {
      a: search(query: "is:pr", type: ISSUE, first: 100) @include(if: $on) { nodes { ... on PullRequest { reviewThreads(first: 50) { totalCount } } } }
      b: search(query: "is:pr", type: ISSUE, first: 100) { nodes { ... on PullRequest @skip(if: $on) { reviews(first: 50) { totalCount } } } }
    }`);
    const on = analyze(githubSchema(), doc, undefined, { on: true });
    const off = analyze(githubSchema(), doc, undefined, { on: false });
    assert.ok('cost' in on && 'cost' in off);
    // on: a (1 + 100) + b (1) = 102 -> 1;  off: b (1 + 100) = 101 -> 1; node counts tell them apart.
    assert.equal(on.nodeCount, 100 + 5000 + 100);
    assert.equal(off.nodeCount, 100 + 5000);
    const missing = analyze(githubSchema(), parse(`query($on: Boolean!) { search(query: "x", type: ISSUE, first: 1) @include(if: $on) { issueCount } viewer { repositories { totalCount } } }`), undefined, { on: false });
    assert.ok('errors' in missing && missing.errors[0]!.type === 'MISSING_PAGINATION_BOUNDARIES');
  });
});
