// REST v3 JSON for dataset records, in the shapes GitHub documents: users,
// review comments, reviews, issue (conversation) comments and issue-search
// items. Shared by the single-item routes (rest.ts) and the lists (restList.ts).
import type { DatasetComment, DatasetPullRequest, DatasetReview, DatasetThread } from '../src/demo/dataset';
import { actor, prDatabaseId, prUrl, type Ctx } from './objects';

type Json = Record<string, unknown>;

export function restUser(ctx: Ctx, login: string): Json {
  const a = actor(ctx, login);
  const u = ctx.index.user(login);
  return { login: u?.login ?? login, id: a['databaseId'], node_id: a['id'], type: u?.type ?? 'User', name: u?.name ?? null, site_admin: false, html_url: a['url'] };
}

const apiRepo = (ctx: Ctx, pr: DatasetPullRequest) => `${ctx.baseUrl}/api/v3/repos/${pr.repo}`;
const association = (ctx: Ctx, login: string) => (ctx.index.user(login)?.type === 'Bot' ? 'NONE' : 'MEMBER');

function common(ctx: Ctx, c: DatasetComment): Json {
  return { id: c.databaseId, node_id: c.id, body: c.body, user: restUser(ctx, c.author), created_at: c.createdAt, updated_at: c.updatedAt, author_association: association(ctx, c.author) };
}

/** `GET /repos/{o}/{r}/pulls/comments/{id}` and the items of `pulls/{n}/comments`. */
export function restReviewComment(ctx: Ctx, pr: DatasetPullRequest, t: DatasetThread, c: DatasetComment): Json {
  const api = apiRepo(ctx, pr);
  const url = `${api}/pulls/comments/${c.databaseId}`;
  const html = `${prUrl(ctx, pr)}#discussion_r${c.databaseId}`;
  const first = t.comments[0]!;
  return {
    ...common(ctx, c),
    url,
    html_url: html,
    pull_request_url: `${api}/pulls/${pr.number}`,
    // The dataset keeps inline comments in threads, not under reviews.
    pull_request_review_id: null,
    path: t.path,
    line: t.line,
    original_line: t.originalLine,
    start_line: null,
    original_start_line: null,
    side: 'RIGHT',
    start_side: null,
    subject_type: 'line',
    diff_hunk: t.diffHunk,
    ...(first !== c ? { in_reply_to_id: first.databaseId } : {}),
    _links: { self: { href: url }, html: { href: html }, pull_request: { href: `${api}/pulls/${pr.number}` } },
  };
}

/** `GET /repos/{o}/{r}/issues/comments/{id}` and the items of `issues/{n}/comments`. */
export function restIssueComment(ctx: Ctx, pr: DatasetPullRequest, c: DatasetComment): Json {
  const api = apiRepo(ctx, pr);
  return { ...common(ctx, c), url: `${api}/issues/comments/${c.databaseId}`, html_url: `${prUrl(ctx, pr)}#issuecomment-${c.databaseId}`, issue_url: `${api}/issues/${pr.number}`, performed_via_github_app: null };
}

/** The items of `GET /repos/{o}/{r}/pulls/{n}/reviews`. */
export function restReview(ctx: Ctx, pr: DatasetPullRequest, r: DatasetReview): Json {
  const html = `${prUrl(ctx, pr)}#pullrequestreview-${r.databaseId}`;
  const prApi = `${apiRepo(ctx, pr)}/pulls/${pr.number}`;
  return {
    id: r.databaseId,
    node_id: r.id,
    user: restUser(ctx, r.author),
    body: r.body,
    state: r.state,
    html_url: html,
    pull_request_url: prApi,
    author_association: association(ctx, r.author),
    submitted_at: r.submittedAt,
    _links: { html: { href: html }, pull_request: { href: prApi } },
  };
}

/** One item of `GET /search/issues` for a pull request. */
export function restSearchItem(ctx: Ctx, pr: DatasetPullRequest): Json {
  const api = apiRepo(ctx, pr);
  const html = prUrl(ctx, pr);
  const issue = `${api}/issues/${pr.number}`;
  const closed = pr.state !== 'OPEN';
  return {
    url: issue,
    repository_url: api,
    labels_url: `${issue}/labels{/name}`,
    comments_url: `${issue}/comments`,
    events_url: `${issue}/events`,
    html_url: html,
    id: prDatabaseId(pr),
    node_id: pr.id,
    number: pr.number,
    title: pr.title,
    user: restUser(ctx, pr.author),
    labels: [],
    state: closed ? 'closed' : 'open',
    locked: false,
    assignee: null,
    assignees: [],
    milestone: null,
    comments: pr.comments.length,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: closed ? pr.updatedAt : null,
    author_association: association(ctx, pr.author),
    draft: false,
    pull_request: { url: `${api}/pulls/${pr.number}`, html_url: html, diff_url: `${html}.diff`, patch_url: `${html}.patch`, merged_at: pr.state === 'MERGED' ? pr.updatedAt : null },
    body: null,
    score: 1,
  };
}
