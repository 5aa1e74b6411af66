import assert from 'node:assert/strict';
import { generateDataset, startSandbox, type Sandbox } from '../../../sandbox';
import type { DatasetPullRequest } from '../../../src/demo/dataset';
import { gql, rest } from './helpers';

const EDIT_RC = `mutation Edit($id: ID!, $body: String!) {
  updatePullRequestReviewComment(input: { pullRequestReviewCommentId: $id, body: $body }) { pullRequestReviewComment { id body updatedAt } }
}`;

describe('sandbox: edits', () => {
  let sb: Sandbox;
  let clock = Date.parse('2026-11-20T10:00:00Z');
  before(async () => {
    sb = await startSandbox({ data: generateDataset({ seed: 9, prs: 60 }), now: () => new Date(clock) });
  });
  after(() => sb.close());

  /** A PR with an inline comment by `login`, and the comment. */
  function inlineBy(login: string) {
    for (const pr of sb.dataset.pullRequests) for (const t of pr.threads) for (const c of t.comments) if (c.author === login && pr.author !== login) return { pr, c };
    throw new Error(`no inline comment by ${login}`);
  }

  it('lets the author edit a review comment; comment and PR become updated', async () => {
    const { pr, c } = inlineBy('priya-dev');
    clock += 60_000;
    const body = `${c.body}\n\n<!-- review-mentor: technical/testing -->`;
    const r = await gql(sb, EDIT_RC, { id: c.id, body });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.equal(r.data.updatePullRequestReviewComment.pullRequestReviewComment.body, body);
    assert.equal(c.body, body);
    assert.equal(c.updatedAt, new Date(clock).toISOString());
    assert.equal(pr.updatedAt, new Date(clock).toISOString());
    const found = await gql(sb, `{ search(query: "is:pr updated:>=${new Date(clock).toISOString()}", type: ISSUE, first: 10) { nodes { ... on PullRequest { id } } } }`);
    assert.deepEqual(found.data.search.nodes, [{ id: pr.id }], 'incremental sync sees the edit');
  });

  it('refuses an edit by someone else with FORBIDDEN, and a missing id with NOT_FOUND', async () => {
    const { c } = inlineBy('sam-lee');
    const before = c.body;
    const r = await gql(sb, EDIT_RC, { id: c.id, body: 'hijacked' });
    assert.equal(r.errors![0]!.type, 'FORBIDDEN');
    assert.deepEqual(r.errors![0]!.path, ['updatePullRequestReviewComment']);
    assert.equal(c.body, before);
    const missing = await gql(sb, EDIT_RC, { id: 'PRRC_nope', body: 'x' });
    assert.equal(missing.errors![0]!.type, 'NOT_FOUND');
  });

  it('edits issue comments and review bodies with their own mutations', async () => {
    let pr: DatasetPullRequest | undefined;
    for (const p of sb.dataset.pullRequests) if (p.comments.some((c) => c.author === 'sam-lee') && p.reviews.some((r) => r.author === 'sam-lee')) pr = p;
    assert.ok(pr);
    const ic = pr.comments.find((c) => c.author === 'sam-lee')!;
    const rv = pr.reviews.find((r) => r.author === 'sam-lee')!;
    const token = 'sandbox-token-sam-lee';
    const a = await gql(sb, 'mutation($id: ID!) { updateIssueComment(input: { id: $id, body: "edited" }) { issueComment { body } } }', { id: ic.id }, token);
    assert.equal(a.data.updateIssueComment.issueComment.body, 'edited');
    const b = await gql(sb, 'mutation($id: ID!) { updatePullRequestReview(input: { pullRequestReviewId: $id, body: "edited review" }) { pullRequestReview { body state } } }', { id: rv.id }, token);
    assert.deepEqual(b.data.updatePullRequestReview.pullRequestReview, { body: 'edited review', state: rv.state });
    const c = await gql(sb, 'mutation($id: ID!) { updateIssueComment(input: { id: $id, body: "x" }) { issueComment { body } } }', { id: ic.id });
    assert.equal(c.errors![0]!.type, 'FORBIDDEN');
  });

  it('REST PATCH of a review comment: 200 for the author, 403 for others, 404 when missing', async () => {
    const { pr, c } = inlineBy('priya-dev');
    const path = `/repos/${pr.repo}/pulls/comments/${c.databaseId}`;
    const ok = await rest(sb, 'PATCH', path, { body: 'via rest' });
    assert.equal(ok.status, 200);
    assert.equal(ok.json.body, 'via rest');
    assert.equal(ok.json.node_id, c.id);
    assert.equal(c.body, 'via rest');
    const other = inlineBy('marco-rossi');
    assert.equal((await rest(sb, 'PATCH', `/repos/${other.pr.repo}/pulls/comments/${other.c.databaseId}`, { body: 'x' })).status, 403);
    assert.equal((await rest(sb, 'PATCH', `/repos/${pr.repo}/pulls/comments/1`, { body: 'x' })).status, 404);
  });

  it('test helpers add and edit comments, visible to the next query', async () => {
    const pr = sb.dataset.pullRequests[0]!;
    clock += 3_600_000;
    const added = sb.addComment({ pr: `${pr.repo}#${pr.number}`, author: 'lena-ortiz', body: 'question: why not a map here?' });
    sb.editComment(added.id, 'question: why not a Map here?');
    const r = await gql(sb, 'query($id: ID!) { node(id: $id) { ... on PullRequestReviewComment { body author { login } url } } }', { id: added.id });
    assert.equal(r.data.node.body, 'question: why not a Map here?');
    assert.equal(r.data.node.author.login, 'lena-ortiz');
    assert.equal(pr.updatedAt, new Date(clock).toISOString());
    clock += 1000;
    const other = sb.dataset.pullRequests[1]!;
    sb.touch(other.id);
    assert.equal(other.updatedAt, new Date(clock).toISOString());
  });
});
