// The REST list routes a plain REST client syncs with: issue search (pull
// requests only, through the GraphQL search's matcher) and a PR's review
// comments, reviews and conversation comments. Paginated as GitHub does:
// `per_page` (default 30, at most 100), `page` (from 1) and a `Link` header
// with rel="prev"/"next"/"last"/"first".
import type { DatasetPullRequest } from '../src/demo/dataset';
import type { Ctx } from './objects';
import type { RestResult } from './rest';
import { restIssueComment, restReview, restReviewComment, restSearchItem } from './restShapes';
import { searchPullRequests, SEARCH_RESULT_LIMIT } from './search';

const SEARCH_DOCS = 'https://docs.github.com/v3/search/';

/**
 * Answers a list route, or undefined when `p` (the path below /api/v3) is
 * none of them. `fullPath` and `query` are the request's, for Link URLs.
 */
export function handleRestList(ctx: Ctx, p: string, fullPath: string, query: URLSearchParams, notFound: RestResult): RestResult | undefined {
  const page = pageArgs(query);
  const paged = (all: unknown[], wrap?: (items: unknown[]) => unknown): RestResult => {
    const items = all.slice((page.page - 1) * page.perPage, page.page * page.perPage);
    const link = linkHeader(`${ctx.baseUrl}${fullPath}`, query, page, all.length);
    return { status: 200, body: wrap ? wrap(items) : items, ...(link ? { headers: { link } } : {}) };
  };

  if (p === '/search/issues') {
    const q = query.get('q')?.trim();
    if (!q) return { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Search', field: 'q', code: 'missing' }], documentation_url: SEARCH_DOCS, status: '422' } };
    if ((page.page - 1) * page.perPage >= SEARCH_RESULT_LIMIT) {
      return { status: 422, body: { message: `Only the first ${SEARCH_RESULT_LIMIT} search results are available`, documentation_url: SEARCH_DOCS, status: '422' } };
    }
    // REST takes sort/order as parameters; the matcher reads them as a qualifier.
    const sort = query.get('sort');
    const full = sort ? `${q} sort:${sort}-${query.get('order') === 'asc' ? 'asc' : 'desc'}` : q;
    const found = searchPullRequests(ctx.index.dataset.pullRequests, full, 'ISSUE', (repo) => ctx.index.canRead(ctx.viewer, repo));
    return paged(
      found.items.map((pr) => restSearchItem(ctx, pr)),
      (items) => ({ total_count: found.issueCount, incomplete_results: false, items }),
    );
  }

  const m = /^\/repos\/([^/]+)\/([^/]+)\/(pulls|issues)\/(\d+)\/(comments|reviews)$/.exec(p);
  if (!m || (m[3] === 'issues' && m[5] === 'reviews')) return undefined;
  const pr = ctx.index.pullRequest(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), Number(m[4]));
  if (!pr || !ctx.index.canRead(ctx.viewer, pr.repo)) return notFound;
  const since = sinceOf(query);
  if (m[5] === 'reviews') return paged(reviewsOf(pr).map((r) => restReview(ctx, pr, r)));
  if (m[3] === 'pulls') {
    // "By default, review comments are in ascending order by ID."
    const all = pr.threads.flatMap((t) => t.comments.map((c) => ({ t, c }))).filter(({ c }) => Date.parse(c.updatedAt) >= since);
    all.sort((a, b) => a.c.databaseId - b.c.databaseId);
    return paged(all.map(({ t, c }) => restReviewComment(ctx, pr, t, c)));
  }
  const comments = pr.comments.filter((c) => Date.parse(c.updatedAt) >= since).sort((a, b) => a.databaseId - b.databaseId);
  return paged(comments.map((c) => restIssueComment(ctx, pr, c)));
}

/** Reviews "in chronological order". */
function reviewsOf(pr: DatasetPullRequest) {
  return [...pr.reviews].sort((a, b) => Date.parse(a.submittedAt) - Date.parse(b.submittedAt) || a.databaseId - b.databaseId);
}

/** `since` (ISO 8601): only items updated at or after it. */
function sinceOf(query: URLSearchParams): number {
  const t = Date.parse(query.get('since') ?? '');
  return Number.isNaN(t) ? -Infinity : t;
}

export interface PageParams {
  page: number;
  perPage: number;
}

/** GitHub ignores invalid values and clamps `per_page` to 100. */
export function pageArgs(query: URLSearchParams): PageParams {
  const int = (name: string) => {
    const n = Number.parseInt(query.get(name) ?? '', 10);
    return Number.isFinite(n) && n >= 1 ? n : undefined;
  };
  return { page: int('page') ?? 1, perPage: Math.min(int('per_page') ?? 30, 100) };
}

/**
 * `<…&page=2>; rel="next", <…&page=5>; rel="last"`, plus rel="prev" and
 * rel="first" after the first page. Undefined when everything fits on one page.
 * For a search, `total` is the reachable count (at most 1,000).
 */
export function linkHeader(base: string, query: URLSearchParams, { page, perPage }: PageParams, total: number): string | undefined {
  const last = Math.max(1, Math.ceil(total / perPage));
  if (page === 1 && last === 1) return undefined;
  const to = (n: number) => {
    const q = new URLSearchParams(query);
    q.set('page', String(n));
    return `<${base}?${q}>`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`${to(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) parts.push(`${to(page + 1)}; rel="next"`, `${to(last)}; rel="last"`);
  if (page > 1) parts.push(`${to(1)}; rel="first"`);
  return parts.join(', ');
}
