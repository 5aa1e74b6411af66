// Root Query and Mutation fields. Everything below the root is plain objects
// from objects.ts. Mutations enforce GitHub's rule that only a comment's
// author may edit it, with GitHub's error types (FORBIDDEN, NOT_FOUND).
import { sameLogin } from '../src/core/model';
import { connection, type PageArgs } from './connection';
import { actor, nodeById, repository, pullRequest, review, reviewComment, issueComment, samlBlockedObject, ssoBlocked, type Ctx } from './objects';
import { searchPullRequests } from './search';
import { applyEdit, editable, type Editable } from './store';

export interface RateInfo {
  cost: number;
  nodeCount: number;
  limit: number;
  remaining: number;
  used: number;
  resetAt: string;
}

export interface RequestCtx extends Ctx {
  rate: RateInfo;
  now: () => Date;
}

/** An error GitHub reports with a top-level `type`. */
export class GitHubError extends Error {
  constructor(
    readonly githubType: string,
    message: string,
  ) {
    super(message);
  }
}

type Args<T> = T & Record<string, unknown>;

export const rootValue = {
  viewer: (_: unknown, ctx: RequestCtx) => actor(ctx, ctx.viewer),
  rateLimit: (_: unknown, ctx: RequestCtx) => ({ __typename: 'RateLimit', ...ctx.rate }),
  node: ({ id }: Args<{ id: string }>, ctx: RequestCtx) => nodeById(ctx, id),
  nodes: ({ ids }: Args<{ ids: string[] }>, ctx: RequestCtx) => {
    if (ids.length > 100) throw new GitHubError('EXCESSIVE_PAGINATION', `You may not request more than 100 ids at once; you requested ${ids.length}.`);
    return ids.map((id) => nodeById(ctx, id));
  },
  user: ({ login }: Args<{ login: string }>, ctx: RequestCtx) => {
    const u = ctx.index.user(login);
    if (!u) throw new GitHubError('NOT_FOUND', `Could not resolve to a User with the login of '${login}'.`);
    return actor(ctx, u.login);
  },
  repository: ({ owner, name }: Args<{ owner: string; name: string }>, ctx: RequestCtx) => {
    const r = ctx.index.dataset.repos.find((x) => sameLogin(x.owner, owner) && sameLogin(x.name, name));
    if (!r || !ctx.index.canRead(ctx.viewer, `${r.owner}/${r.name}`)) {
      throw new GitHubError('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`);
    }
    return repository(ctx, `${r.owner}/${r.name}`);
  },
  search: (args: Args<PageArgs & { query: string; type: string }>, ctx: RequestCtx) => {
    const result = searchPullRequests(ctx.index.dataset.pullRequests, args.query, args.type, (repo) => ctx.index.canRead(ctx.viewer, repo));
    const page = connection(result.items, args, (pr) => (ssoBlocked(ctx, pr.repo) ? samlBlockedObject(pr.repo.split('/')[0]!) : pullRequest(ctx, pr)), { issueCount: result.issueCount, codeCount: 0, repositoryCount: 0, userCount: 0, wikiCount: 0, discussionCount: 0 });
    return { ...page, edges: page.edges.map((e) => ({ ...e, textMatches: [] })) };
  },

  updatePullRequestReviewComment: ({ input }: Args<{ input: { pullRequestReviewCommentId: string; body: string; clientMutationId?: string } }>, ctx: RequestCtx) => {
    const target = editTarget(ctx, input.pullRequestReviewCommentId, 'review-comment', 'UpdatePullRequestReviewComment');
    applyEdit(target, input.body, ctx.now(), ctx.editsBumpPr !== false);
    const found = ctx.index.byId.get(input.pullRequestReviewCommentId);
    const comment = found?.kind === 'review-comment' ? reviewComment(ctx, found.pr, found.thread, found.comment) : null;
    return { clientMutationId: input.clientMutationId ?? null, pullRequestReviewComment: comment };
  },
  updateIssueComment: ({ input }: Args<{ input: { id: string; body: string; clientMutationId?: string } }>, ctx: RequestCtx) => {
    const target = editTarget(ctx, input.id, 'issue-comment', 'UpdateIssueComment');
    applyEdit(target, input.body, ctx.now(), ctx.editsBumpPr !== false);
    return { clientMutationId: input.clientMutationId ?? null, issueComment: target.kind === 'issue-comment' ? issueComment(ctx, target.pr, target.item) : null };
  },
  updatePullRequestReview: ({ input }: Args<{ input: { pullRequestReviewId: string; body: string; clientMutationId?: string } }>, ctx: RequestCtx) => {
    const target = editTarget(ctx, input.pullRequestReviewId, 'review', 'UpdatePullRequestReview');
    applyEdit(target, input.body, ctx.now(), ctx.editsBumpPr !== false);
    return { clientMutationId: input.clientMutationId ?? null, pullRequestReview: target.kind === 'review' ? review(ctx, target.pr, target.item) : null };
  },
};

function editTarget(ctx: RequestCtx, id: string, kind: Editable['kind'], mutation: string): Editable {
  const found = ctx.index.byId.get(id);
  const target = editable(found);
  if (!target || target.kind !== kind || !ctx.index.canRead(ctx.viewer, target.pr.repo)) {
    throw new GitHubError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'.`);
  }
  if (!sameLogin(target.item.author, ctx.viewer)) {
    throw new GitHubError('FORBIDDEN', `${ctx.viewer} does not have the correct permissions to execute \`${mutation}\``);
  }
  return target;
}
