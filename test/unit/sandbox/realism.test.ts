// Behaviour of the real API that sync must survive, modelled by the sandbox:
// edits and resolution that leave the PR's updatedAt alone, deletions, SSO
// hiding search results, data changing between two requests, a server clock
// that differs from the client's.
import assert from 'node:assert/strict';
import { generateDataset, startSandbox, type Sandbox } from '../../../sandbox';
import { gql, rest } from './helpers';

const SEARCH = `query S($q: String!) { search(query: $q, type: ISSUE, first: 100) { issueCount nodes { ... on PullRequest { id number repository { nameWithOwner } } } } }`;

describe('sandbox: what GitHub may do', () => {
  let sb: Sandbox;
  let clock = Date.parse('2026-11-20T10:00:00Z');
  before(async () => {
    sb = await startSandbox({ data: generateDataset({ seed: 3, prs: 40 }), now: () => new Date(clock) });
  });
  afterEach(() => {
    sb.editsBumpPr = true;
    sb.ssoOrgs.clear();
    sb.clockOffsetMs = 0;
    sb.beforeRequest(undefined);
  });
  after(() => sb.close());

  const withThread = () => sb.dataset.pullRequests.find((p) => p.threads.some((t) => t.comments.length >= 2 && !t.isResolved))!;

  it('quiet mode: an edit, a resolution and a deletion change the data but not the PR updatedAt', async () => {
    sb.editsBumpPr = false;
    const pr = withThread();
    const thread = pr.threads.find((t) => t.comments.length >= 2 && !t.isResolved)!;
    const before = pr.updatedAt;
    clock += 60_000;
    sb.editComment(thread.comments[0]!.id, 'edited quietly');
    sb.resolveThread(thread.id);
    const gone = thread.comments[1]!.id;
    sb.deleteComment(gone);
    assert.equal(pr.updatedAt, before);
    assert.equal(thread.comments[0]!.updatedAt, new Date(clock).toISOString(), 'the comment itself is updated');
    const r = await gql(sb, `query($id: ID!) { node(id: $id) { ... on PullRequest { updatedAt reviewThreads(first: 100) { nodes { id isResolved comments(first: 100) { nodes { id body } } } } } } }`, { id: pr.id });
    const t = r.data.node.reviewThreads.nodes.find((x: { id: string }) => x.id === thread.id);
    assert.equal(r.data.node.updatedAt, before);
    assert.equal(t.isResolved, true);
    assert.equal(t.comments.nodes[0].body, 'edited quietly');
    assert.ok(!t.comments.nodes.some((c: { id: string }) => c.id === gone));
    const since = await gql(sb, SEARCH, { q: `is:pr updated:>=${new Date(clock).toISOString()}` });
    assert.equal(since.data.search.issueCount, 0, 'an incremental search does not see quiet changes');
  });

  it('default mode: a deletion bumps the PR; deleting the last comment of a thread removes the thread', async () => {
    const pr = sb.dataset.pullRequests.find((p) => p.threads.some((t) => t.comments.length === 1))!;
    const thread = pr.threads.find((t) => t.comments.length === 1)!;
    clock += 60_000;
    sb.deleteComment(thread.comments[0]!.id);
    assert.equal(pr.updatedAt, new Date(clock).toISOString());
    assert.ok(!pr.threads.includes(thread));
    const review = pr.reviews[0] ?? sb.dataset.pullRequests.find((p) => p.reviews.length > 0)!.reviews[0]!;
    sb.deleteComment(review.id);
    assert.ok(!sb.dataset.pullRequests.some((p) => p.reviews.some((r) => r.id === review.id)));
    assert.throws(() => sb.deleteComment('PRRC_nope'), /no comment or review/);
  });

  it('an SSO-protected organisation: search results are null with a saml_failure error, and X-GitHub-SSO names its id', async () => {
    const org = sb.dataset.repos[0]!.owner;
    const all = await gql(sb, SEARCH, { q: 'is:pr sort:updated-asc' });
    sb.ssoOrgs.add(org);
    const r = await gql(sb, SEARCH, { q: 'is:pr sort:updated-asc' });
    assert.equal(r.data.search.issueCount, all.data.search.issueCount);
    const nulls = r.data.search.nodes.map((n: unknown, i: number) => (n === null ? i : -1)).filter((i: number) => i >= 0);
    assert.ok(nulls.length > 0);
    assert.equal(r.errors!.length, nulls.length, 'one error per hidden result');
    assert.deepEqual(r.errors![0]!.path, ['search', 'nodes', nulls[0]]);
    assert.equal(r.errors![0]!.type, 'FORBIDDEN');
    assert.deepEqual(r.json.errors[0].extensions, { saml_failure: true });
    assert.match(r.errors![0]!.message, /SAML enforcement/);
    const header = r.headers.get('x-github-sso')!;
    const m = /^partial-results; organizations=(\d+)$/.exec(header);
    assert.ok(m, header);
    const named = await rest(sb, 'GET', `/organizations/${m[1]}`);
    assert.equal(named.json.login, org);
    const hidden = all.data.search.nodes.find((n: { repository: { nameWithOwner: string } }) => n.repository.nameWithOwner.startsWith(`${org}/`));
    const node = await gql(sb, `query($id: ID!) { node(id: $id) { ... on PullRequest { id } } }`, { id: hidden.id });
    assert.equal(node.data.node, null);
    assert.equal(node.errors![0]!.type, 'FORBIDDEN');
  });

  it('beforeRequest runs before each request is answered, so data can change between two pages', async () => {
    const seen: string[] = [];
    sb.beforeRequest((req) => {
      seen.push(req.path);
      clock += 1000;
      sb.touch(sb.dataset.pullRequests[0]!.id);
    });
    const r = await gql(sb, `query($id: ID!) { node(id: $id) { ... on PullRequest { updatedAt } } }`, { id: sb.dataset.pullRequests[0]!.id });
    assert.deepEqual(seen, ['/api/graphql']);
    assert.equal(r.data.node.updatedAt, new Date(clock).toISOString());
  });

  it('a server clock ahead of the client: the Date header and edit times use the server clock', async () => {
    sb.clockOffsetMs = 90_000;
    const r = await rest(sb, 'GET', '/user');
    const date = Date.parse(r.headers.get('date')!);
    assert.equal(date, Math.floor((clock + 90_000) / 1000) * 1000);
    const pr = withThread();
    sb.editComment(pr.threads[0]!.comments[0]!.id, 'later');
    assert.equal(pr.threads[0]!.comments[0]!.updatedAt, new Date(clock + 90_000).toISOString());
    sb.clockOffsetMs = -90_000;
    const behind = await rest(sb, 'GET', '/user');
    assert.equal(Date.parse(behind.headers.get('date')!), Math.floor((clock - 90_000) / 1000) * 1000);
  });
});
