// Completes PRs whose nested connections overflowed the search page: follow-up
// pages by node id, batched OVERFLOW_BATCH to a request, until every
// connection is whole. A PR whose node vanished (NOT_FOUND, no access) is
// reported so the caller skips it instead of storing half of it.
import type { GitHubClient } from './client';
import { NotFoundError } from './errors';
import { OVERFLOW_BATCH, overflowQuery, type OverflowKind, type OverflowRequest } from './queries';
import { overflowSchemas, parseResponse, type PullRequestNode, type ThreadNode } from './schemas';

interface Pending extends OverflowRequest {
  pr: PullRequestNode;
  thread?: ThreadNode;
}

export interface OverflowOutcome {
  /** PR ids that could not be completed (their node is gone or unreadable). */
  lost: Set<string>;
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
  const lost = new Set<string>();
  let queue = prs.flatMap(pendingOf);
  while (queue.length > 0) {
    const batch = queue.slice(0, OVERFLOW_BATCH);
    queue = queue.slice(OVERFLOW_BATCH);
    const { query, variables } = overflowQuery(batch);
    let data: Record<string, unknown>;
    try {
      ({ data } = await client.graphql<Record<string, unknown>>('ReviewMentorOverflow', query, variables, signal));
    } catch (err) {
      // A 404 for the whole batch: those PRs cannot be completed, the rest can.
      if (!(err instanceof NotFoundError)) throw err;
      batch.forEach((b) => lost.add(b.pr.id));
      continue;
    }
    batch.forEach((item, n) => {
      const node = data[`o${n}`];
      if (node == null) {
        lost.add(item.pr.id);
        return;
      }
      const op = `ReviewMentorOverflow (${item.kind} of ${item.id})`;
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
  return { lost };
}
