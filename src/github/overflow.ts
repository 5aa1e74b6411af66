// Completes PRs whose nested connections overflowed their first page:
// follow-up pages by node id, batched OVERFLOW_BATCH to a request, until every
// connection is whole. A PR is "gone" only when GitHub says its node no longer
// exists; a failed follow-up (404 for the request, a thread deleted meanwhile,
// an SSO refusal) leaves it "unfetched", for the caller to fetch again by id.
import * as l10n from '@vscode/l10n';
import type { GitHubClient } from './client';
import { ForbiddenError, NotFoundError } from './errors';
import type { GraphQLErrorShape } from './httpErrors';
import { OVERFLOW_BATCH, overflowQuery, type OverflowKind, type OverflowRequest } from './queries';
import { overflowSchemas, parseResponse, type PullRequestNode, type ThreadNode } from './schemas';

interface Pending extends OverflowRequest {
  pr: PullRequestNode;
  thread?: ThreadNode;
}

export interface OverflowOutcome {
  /** PR ids GitHub says no longer exist (or this account can no longer see). */
  gone: Set<string>;
  /** PR ids that could not be completed this time, with the reason in plain words. */
  unfetched: Map<string, string>;
  /** GraphQL errors that came with the follow-ups (shown to the user when they are not NOT_FOUND). */
  errors: GraphQLErrorShape[];
  /** X-GitHub-SSO headers seen. */
  sso: string[];
}

function pendingOf(pr: PullRequestNode): Pending[] {
  const out: Pending[] = [];
  const add = (kind: OverflowKind, id: string, page: { pageInfo: { hasNextPage: boolean; endCursor: string | null } }, thread?: ThreadNode) => {
    if (page.pageInfo.hasNextPage && page.pageInfo.endCursor) out.push({ kind, id, after: page.pageInfo.endCursor, pr, ...(thread ? { thread } : {}) });
  };
  add('reviewThreads', pr.id, pr.reviewThreads);
  add('reviews', pr.id, pr.reviews);
  add('comments', pr.id, pr.comments);
  for (const t of pr.reviewThreads.nodes) add('threadComments', t.id, t.comments, t);
  return out;
}

/** Mutates the PR nodes in place, appending the missing pages. */
export async function completePullRequests(client: GitHubClient, prs: PullRequestNode[], signal?: AbortSignal): Promise<OverflowOutcome> {
  const out: OverflowOutcome = { gone: new Set(), unfetched: new Map(), errors: [], sso: [] };
  const failed = (id: string) => out.gone.has(id) || out.unfetched.has(id);
  let queue = prs.flatMap(pendingOf);
  while (queue.length > 0) {
    const batch = queue.filter((b) => !failed(b.pr.id)).slice(0, OVERFLOW_BATCH);
    queue = queue.filter((b) => !batch.includes(b) && !failed(b.pr.id));
    if (batch.length === 0) break;
    const { query, variables } = overflowQuery(batch);
    let data: Record<string, unknown>;
    let errors: GraphQLErrorShape[];
    try {
      const r = await client.graphql<Record<string, unknown>>('ReviewMentorOverflow', query, variables, signal);
      ({ data, errors } = r);
      if (r.sso) out.sso.push(r.sso);
    } catch (err) {
      // The request failed as a whole: nothing says these PRs are gone.
      if (!(err instanceof NotFoundError || err instanceof ForbiddenError)) throw err;
      batch.forEach((b) => out.unfetched.set(b.pr.id, `a follow-up request failed (${err.message})`));
      continue;
    }
    out.errors.push(...errors);
    batch.forEach((item, n) => {
      const node = data[`o${n}`];
      if (node == null) {
        const error = errors.find((e) => e.path?.[0] === `o${n}`);
        if (error && error.type !== 'NOT_FOUND') out.unfetched.set(item.pr.id, error.message);
        // The PR itself is gone; a thread gone meanwhile (deleted) means the PR changed: fetch it again.
        else if (item.kind === 'threadComments') out.unfetched.set(item.pr.id, 'a review thread was deleted while it was read');
        else out.gone.add(item.pr.id);
        return;
      }
      // Named in "GitHub sent an unexpected response to …": the query's name, then in words what it read.
      const op = `ReviewMentorOverflow (${l10n.t('{0} of {1}', item.kind, item.id)})`;
      switch (item.kind) {
        case 'reviewThreads': {
          const page = parseResponse(op, overflowSchemas.reviewThreads, node).reviewThreads;
          item.pr.reviewThreads.nodes.push(...page.nodes);
          item.pr.reviewThreads.pageInfo = page.pageInfo;
          // New threads may overflow too, and the connection may go on.
          for (const t of page.nodes) {
            const c = t.comments.pageInfo;
            if (c.hasNextPage && c.endCursor) queue.push({ kind: 'threadComments', id: t.id, after: c.endCursor, pr: item.pr, thread: t });
          }
          if (page.pageInfo.hasNextPage && page.pageInfo.endCursor) queue.push({ ...item, after: page.pageInfo.endCursor });
          break;
        }
        case 'reviews':
        case 'comments': {
          const parsed = parseResponse(op, overflowSchemas[item.kind], node) as Record<string, { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>;
          const page = parsed[item.kind]!;
          const target = item.pr[item.kind] as { nodes: unknown[]; pageInfo: unknown };
          target.nodes.push(...page.nodes);
          target.pageInfo = page.pageInfo;
          if (page.pageInfo.hasNextPage && page.pageInfo.endCursor) queue.push({ ...item, after: page.pageInfo.endCursor });
          break;
        }
        case 'threadComments': {
          const page = parseResponse(op, overflowSchemas.threadComments, node).comments;
          item.thread!.comments.nodes.push(...page.nodes);
          item.thread!.comments.pageInfo = page.pageInfo;
          if (page.pageInfo.hasNextPage && page.pageInfo.endCursor) queue.push({ ...item, after: page.pageInfo.endCursor });
          break;
        }
      }
    });
  }
  return out;
}
