// The few REST endpoints the extension and Octokit touch, under /api/v3 as on
// GitHub Enterprise Server. Editing follows the GraphQL rules: author only.
import type { DatasetComment } from '../../src/demo/dataset';
import { sameLogin } from '../../src/core/model';
import { actor, prUrl, type Ctx } from './objects';
import { applyEdit, editable, type Located } from './store';

export interface RestResult {
  status: number;
  body: unknown;
}

const DOCS = 'https://docs.github.com/rest';
const notFound: RestResult = { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };

export function handleRest(ctx: Ctx, method: string, path: string, body: unknown, now: Date, rate: Record<string, unknown>): RestResult {
  const p = path.replace(/^\/api\/v3/, '').replace(/\/+$/, '') || '/';
  if (method === 'GET' && p === '/user') return { status: 200, body: restUser(ctx, ctx.viewer) };
  if (method === 'GET' && p === '/rate_limit') return { status: 200, body: { resources: rate, rate: rate['core'] } };
  let m = /^\/users\/([^/]+)$/.exec(p);
  if (method === 'GET' && m) return ctx.index.user(decodeURIComponent(m[1]!)) ? { status: 200, body: restUser(ctx, decodeURIComponent(m[1]!)) } : notFound;

  m = /^\/repos\/([^/]+)\/([^/]+)\/(pulls|issues)\/comments\/(\d+)$/.exec(p);
  if (m) {
    const kind = m[3] === 'pulls' ? 'review-comment' : 'issue-comment';
    const found = ctx.index.byDatabaseId.get(`${kind}:${m[4]}`);
    if (!found || found.pr.repo.toLowerCase() !== `${m[1]}/${m[2]}`.toLowerCase() || !ctx.index.canRead(ctx.viewer, found.pr.repo)) return notFound;
    if (method === 'GET') return { status: 200, body: restComment(ctx, found) };
    if (method !== 'PATCH') return { status: 405, body: { message: 'Method Not Allowed' } };
    const text = (body as { body?: unknown } | undefined)?.body;
    if (typeof text !== 'string') {
      return { status: 422, body: { message: 'Invalid request.\n\n"body" wasn\'t supplied.', documentation_url: DOCS, status: '422' } };
    }
    const target = editable(found)!;
    if (!sameLogin(target.item.author, ctx.viewer)) {
      return { status: 403, body: { message: 'Resource not accessible by personal access token', documentation_url: DOCS, status: '403' } };
    }
    applyEdit(target, text, now);
    return { status: 200, body: restComment(ctx, found) };
  }

  m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/.exec(p);
  if (method === 'GET' && m) {
    const pr = ctx.index.pullRequest(m[1]!, m[2]!, Number(m[3]));
    if (!pr || !ctx.index.canRead(ctx.viewer, pr.repo)) return notFound;
    return { status: 200, body: { node_id: pr.id, number: pr.number, title: pr.title, state: pr.state === 'OPEN' ? 'open' : 'closed', merged: pr.state === 'MERGED', html_url: prUrl(ctx, pr), user: restUser(ctx, pr.author), created_at: pr.createdAt, updated_at: pr.updatedAt } };
  }
  return notFound;
}

function restUser(ctx: Ctx, login: string): Record<string, unknown> {
  const a = actor(ctx, login);
  const u = ctx.index.user(login);
  return { login: u?.login ?? login, id: a['databaseId'], node_id: a['id'], type: u?.type ?? 'User', name: u?.name ?? null, site_admin: false, html_url: a['url'] };
}

function restComment(ctx: Ctx, found: Located): Record<string, unknown> {
  const c = (found.kind === 'review-comment' || found.kind === 'issue-comment' ? found.comment : undefined) as DatasetComment;
  const [owner, repo] = found.pr.repo.split('/');
  const api = `${ctx.baseUrl}/api/v3/repos/${owner}/${repo}`;
  const common = { id: c.databaseId, node_id: c.id, body: c.body, user: restUser(ctx, c.author), created_at: c.createdAt, updated_at: c.updatedAt };
  if (found.kind === 'review-comment') {
    const t = found.thread;
    return { ...common, url: `${api}/pulls/comments/${c.databaseId}`, html_url: `${prUrl(ctx, found.pr)}#discussion_r${c.databaseId}`, pull_request_url: `${api}/pulls/${found.pr.number}`, path: t.path, line: t.line, original_line: t.originalLine, side: 'RIGHT', diff_hunk: t.diffHunk, ...(t.comments[0] !== c ? { in_reply_to_id: t.comments[0]!.databaseId } : {}) };
  }
  return { ...common, url: `${api}/issues/comments/${c.databaseId}`, html_url: `${prUrl(ctx, found.pr)}#issuecomment-${c.databaseId}`, issue_url: `${api}/issues/${found.pr.number}` };
}
