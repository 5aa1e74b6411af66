// The REST endpoints the extension, Octokit and the naive bench client touch,
// under /api/v3 as on GitHub Enterprise Server. Editing follows the GraphQL
// rules: author only. The list routes (search, a PR's comments) are in restList.ts.
import { sameLogin } from '../src/core/model';
import { orgDatabaseId, prUrl, type Ctx } from './objects';
import { handleRestList } from './restList';
import { restIssueComment, restReviewComment, restUser } from './restShapes';
import { applyEdit, editable, type Located } from './store';

export interface RestResult {
  status: number;
  body: unknown;
  /** Extra response headers, e.g. `link` on paginated lists. */
  headers?: Record<string, string>;
}

const DOCS = 'https://docs.github.com/rest';
const notFound: RestResult = { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };

export function handleRest(ctx: Ctx, method: string, path: string, body: unknown, now: Date, rate: Record<string, unknown>, query = new URLSearchParams()): RestResult {
  const p = path.replace(/^\/api\/v3/, '').replace(/\/+$/, '') || '/';
  if (method === 'GET' && p === '/user') return { status: 200, body: restUser(ctx, ctx.viewer) };
  if (method === 'GET' && p === '/rate_limit') return { status: 200, body: { resources: rate, rate: rate['core'] } };
  let m = /^\/organizations\/(\d+)$/.exec(p);
  if (method === 'GET' && m) {
    // GitHub's lookup of an organisation by id (what X-GitHub-SSO names).
    const org = [...new Set(ctx.index.dataset.repos.map((r) => r.owner))].find((o) => orgDatabaseId(o) === Number(m![1]));
    return org ? { status: 200, body: { login: org, id: orgDatabaseId(org), url: `${ctx.baseUrl}/api/v3/orgs/${org}` } } : notFound;
  }
  m = /^\/users\/([^/]+)$/.exec(p);
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
    applyEdit(target, text, now, ctx.editsBumpPr !== false);
    return { status: 200, body: restComment(ctx, found) };
  }

  if (method === 'GET') {
    const list = handleRestList(ctx, p, path, query, notFound);
    if (list) return list;
  }

  m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/.exec(p);
  if (method === 'GET' && m) {
    const pr = ctx.index.pullRequest(m[1]!, m[2]!, Number(m[3]));
    if (!pr || !ctx.index.canRead(ctx.viewer, pr.repo)) return notFound;
    return { status: 200, body: { node_id: pr.id, number: pr.number, title: pr.title, state: pr.state === 'OPEN' ? 'open' : 'closed', merged: pr.state === 'MERGED', html_url: prUrl(ctx, pr), user: restUser(ctx, pr.author), created_at: pr.createdAt, updated_at: pr.updatedAt } };
  }
  return notFound;
}

function restComment(ctx: Ctx, found: Located): Record<string, unknown> {
  if (found.kind === 'review-comment') return restReviewComment(ctx, found.pr, found.thread, found.comment);
  if (found.kind === 'issue-comment') return restIssueComment(ctx, found.pr, found.comment);
  throw new Error(`not a comment: ${found.kind}`);
}
