// The admin endpoints that change data and behaviour from another process
// (the E2E journeys): each change must show in what the API serves next.
import assert from 'node:assert/strict';
import { generateDataset, startSandbox, type Sandbox } from '../../../sandbox';
import { gql } from './helpers';

const admin = (sb: Sandbox, method: string, path: string, body?: unknown) =>
  fetch(`${sb.url}/_sandbox/${path}`, { method, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });

describe('sandbox: admin changes and behaviour', () => {
  let sb: Sandbox;
  let clock = Date.parse('2026-11-20T10:00:00Z');
  beforeEach(async () => {
    sb = await startSandbox({ data: generateDataset({ seed: 11, prs: 30 }), now: () => new Date(clock) });
  });
  afterEach(() => sb.close());

  function someThread() {
    const pr = sb.dataset.pullRequests.find((p) => p.threads.some((t) => t.comments.length >= 2))!;
    return { pr, thread: pr.threads.find((t) => t.comments.length >= 2)! };
  }

  it('deletes and edits over HTTP; with editsBumpPr off the PR keeps its updatedAt', async () => {
    const { pr, thread } = someThread();
    const [first, second] = thread.comments;
    const prUpdated = pr.updatedAt;
    const off = await admin(sb, 'PATCH', 'behaviour', { editsBumpPr: false });
    assert.equal(off.status, 200);
    assert.deepEqual(await off.json(), { editsBumpPr: false, clockOffsetMs: 0, ssoOrgs: [] });
    clock += 60_000;
    const r = await admin(sb, 'POST', 'changes', [
      { op: 'delete', id: first!.id },
      { op: 'edit', id: second!.id, body: 'edited quietly' },
    ]);
    assert.equal(r.status, 200);
    const served = await gql(sb, 'query($id: ID!) { node(id: $id) { ... on PullRequest { updatedAt reviewThreads(first: 50) { nodes { id comments(first: 50) { nodes { id body } } } } } } }', { id: pr.id });
    const comments = served.data.node.reviewThreads.nodes.find((t: any) => t.id === thread.id).comments.nodes;
    assert.ok(!comments.some((c: any) => c.id === first!.id), 'the deleted comment is gone');
    assert.equal(comments.find((c: any) => c.id === second!.id).body, 'edited quietly');
    assert.equal(served.data.node.updatedAt, prUpdated, 'a quiet edit leaves the PR updatedAt alone');
  });

  it('with editsBumpPr on (the default), an edit over HTTP bumps the PR', async () => {
    const { pr, thread } = someThread();
    clock += 60_000;
    assert.equal((await admin(sb, 'POST', 'changes', { op: 'edit', id: thread.comments[0]!.id, body: 'loud edit' })).status, 200);
    assert.equal(pr.updatedAt, new Date(clock).toISOString());
  });

  it('adds a conversation comment over HTTP and answers its id', async () => {
    const { pr } = someThread();
    clock += 60_000;
    const r = await admin(sb, 'POST', 'changes', { op: 'add', pr: `${pr.repo}#${pr.number}`, author: 'aisha-k', body: 'new from another process', kind: 'issue-comment' });
    assert.equal(r.status, 200);
    const { added } = (await r.json()) as { added: string[] };
    assert.equal(added.length, 1);
    assert.equal(pr.comments.find((c) => c.id === added[0])?.body, 'new from another process');
    assert.equal(pr.updatedAt, new Date(clock).toISOString(), 'a new comment moves the PR');
  });

  it('sets the clock offset and SSO organisations, and reads them back', async () => {
    await admin(sb, 'PATCH', 'behaviour', { clockOffsetMs: 3_600_000, ssoOrgs: ['acme'] });
    assert.deepEqual(await (await admin(sb, 'GET', 'behaviour')).json(), { editsBumpPr: true, clockOffsetMs: 3_600_000, ssoOrgs: ['acme'] });
    const r = await gql(sb, '{ viewer { login } }');
    assert.equal(Date.parse(r.headers.get('date')!), Math.floor((clock + 3_600_000) / 1000) * 1000, 'the Date header runs an hour ahead');
  });

  it('refuses a bad change with 400 and an unknown id with 404, changing nothing', async () => {
    const before = JSON.stringify(sb.dataset);
    assert.equal((await admin(sb, 'POST', 'changes', { op: 'explode', id: 'x' })).status, 400);
    assert.equal((await admin(sb, 'POST', 'changes', 'not json')).status, 400);
    assert.equal((await admin(sb, 'PATCH', 'behaviour', { editsBumpPr: 'no' })).status, 400);
    const missing = await admin(sb, 'POST', 'changes', { op: 'delete', id: 'PRRC_nope' });
    assert.equal(missing.status, 404);
    assert.match(((await missing.json()) as { message: string }).message, /PRRC_nope/);
    assert.equal(JSON.stringify(sb.dataset), before);
  });
});
