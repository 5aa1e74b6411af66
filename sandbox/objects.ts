// Dataset records as GraphQL source objects. graphql-js's default resolver
// reads a property or calls a method (args, context), so each object lists
// its scalar fields and defines connections as methods that build the page
// on demand. `__typename` lets interfaces and unions (Actor, Node,
// SearchResultItem) resolve.
import type { DatasetComment, DatasetPullRequest, DatasetReview, DatasetThread } from '../src/demo/dataset';
import { sameLogin } from '../src/core/model';
import { hashString } from '../src/demo/prng';
import { connection, type PageArgs } from './connection';
import type { Index } from './store';

export interface Ctx {
  /** Login of the authenticated user. */
  viewer: string;
  /** The sandbox root, e.g. http://127.0.0.1:1234 (what github.com is on the web). */
  baseUrl: string;
  index: Index;
  /** False: edits and resolution leave the PR's updatedAt alone (see Sandbox.editsBumpPr). */
  editsBumpPr?: boolean;
  /** Organisations with SAML SSO that the viewer's token is not authorised for. */
  ssoOrgs?: ReadonlySet<string>;
}

export const SAML_MESSAGE = 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.';

/** The organisation's REST/GraphQL integer id, derived from its login. */
export const orgDatabaseId = (login: string): number => hashString(`org:${login.toLowerCase()}`) % 100_000_000;

export function ssoBlocked(ctx: Ctx, repo: string): boolean {
  const org = repo.split('/')[0]!.toLowerCase();
  return !!ctx.ssoOrgs && [...ctx.ssoOrgs].some((o) => o.toLowerCase() === org);
}

/**
 * What GitHub gives for an object of an SSO-protected organisation when the
 * token is not authorised: null, with a FORBIDDEN error (saml_failure) at its
 * path. Any field read throws, so graphql-js nulls the object; graphql.ts trims
 * the error's path back to the object, as GitHub reports it.
 */
export function samlBlockedObject(org: string): Source {
  return new Proxy({ __typename: 'PullRequest' } as Source, {
    get(target, key) {
      if (key === '__typename' || key === 'then' || typeof key === 'symbol') return target[key as string];
      return () => {
        throw Object.assign(new Error(SAML_MESSAGE), { githubType: 'FORBIDDEN', samlOrg: org, trimPath: 1 });
      };
    },
  });
}

type Source = Record<string, unknown>;

export function prUrl(ctx: Ctx, pr: DatasetPullRequest): string {
  return `${ctx.baseUrl}/${pr.repo}/pull/${pr.number}`;
}

/**
 * Users are `User`; bots are `Bot`, whose login on GitHub's GraphQL API has
 * no "[bot]" suffix ("dependabot[bot]" in the dataset is `dependabot` here).
 */
export function actor(ctx: Ctx, login: string): Source {
  const key = `actor:${login}`;
  const hit = ctx.index.memo.get(key) as Source | undefined;
  if (hit) return hit;
  const made = makeActor(ctx, login);
  ctx.index.memo.set(key, made);
  return made;
}

function makeActor(ctx: Ctx, login: string): Source {
  const user = ctx.index.user(login);
  const isBot = user?.type === 'Bot' || login.endsWith('[bot]');
  const plain = login.replace(/\[bot\]$/, '');
  const id = `${isBot ? 'BOT' : 'U'}_kgDO${hashString(login.toLowerCase()).toString(36).toUpperCase()}`;
  return {
    __typename: isBot ? 'Bot' : 'User',
    id,
    databaseId: hashString(login.toLowerCase()) % 100_000_000,
    login: plain,
    name: user?.name ?? null,
    url: isBot ? `${ctx.baseUrl}/apps/${plain}` : `${ctx.baseUrl}/${plain}`,
    resourcePath: isBot ? `/apps/${plain}` : `/${plain}`,
    avatarUrl: () => `${ctx.baseUrl}/avatars/${plain}.png`,
    isViewer: sameLogin(plain, ctx.viewer),
    email: '',
  };
}

export function repository(ctx: Ctx, nameWithOwner: string): Source {
  const key = `repo:${nameWithOwner}`;
  const hit = ctx.index.memo.get(key) as Source | undefined;
  if (hit) return hit;
  const made = makeRepository(ctx, nameWithOwner);
  ctx.index.memo.set(key, made);
  return made;
}

function makeRepository(ctx: Ctx, nameWithOwner: string): Source {
  const [owner = '', name = ''] = nameWithOwner.split('/');
  return {
    __typename: 'Repository',
    id: `R_kgDO${hashString(nameWithOwner.toLowerCase()).toString(36).toUpperCase()}`,
    name,
    nameWithOwner,
    url: `${ctx.baseUrl}/${nameWithOwner}`,
    isPrivate: true,
    isArchived: false,
    owner: { __typename: 'Organization', id: `O_kgDO${hashString(owner).toString(36).toUpperCase()}`, login: owner, url: `${ctx.baseUrl}/${owner}`, avatarUrl: () => `${ctx.baseUrl}/avatars/${owner}.png` },
    pullRequest: ({ number }: { number: number }) => {
      const pr = ctx.index.pullRequest(owner, name, number);
      return pr ? pullRequest(ctx, pr) : null;
    },
    pullRequests: (args: PageArgs & { states?: string[] }) => {
      const prs = ctx.index.dataset.pullRequests.filter((p) => p.repo.toLowerCase() === nameWithOwner.toLowerCase() && (!args.states || args.states.includes(p.state)));
      return connection(prs, args, (p) => pullRequest(ctx, p));
    },
  };
}

/** The PR's REST/GraphQL integer id (the dataset has none, so derived from the node id). */
export const prDatabaseId = (pr: DatasetPullRequest): number => 900_000_000 + (hashString(pr.id) % 100_000_000);

export function pullRequest(ctx: Ctx, pr: DatasetPullRequest): Source {
  const url = prUrl(ctx, pr);
  const closed = pr.state !== 'OPEN';
  return {
    __typename: 'PullRequest',
    id: pr.id,
    databaseId: prDatabaseId(pr),
    number: pr.number,
    title: pr.title,
    body: '',
    bodyText: '',
    url,
    resourcePath: url.slice(ctx.baseUrl.length),
    permalink: url,
    state: pr.state,
    closed,
    merged: pr.state === 'MERGED',
    isDraft: false,
    locked: false,
    createdAt: pr.createdAt,
    updatedAt: pr.updatedAt,
    lastEditedAt: null,
    publishedAt: pr.createdAt,
    closedAt: closed ? pr.updatedAt : null,
    mergedAt: pr.state === 'MERGED' ? pr.updatedAt : null,
    baseRefName: 'main',
    headRefName: `feature/pr-${pr.number}`,
    author: () => actor(ctx, pr.author),
    viewerDidAuthor: sameLogin(pr.author, ctx.viewer),
    repository: () => repository(ctx, pr.repo),
    reviewThreads: (args: PageArgs) => connection(pr.threads, args, (t) => thread(ctx, pr, t)),
    reviews: (args: PageArgs & { author?: string; states?: string[] }) => {
      const list = pr.reviews.filter((r) => (!args.author || sameLogin(r.author, args.author)) && (!args.states || args.states.includes(r.state)));
      return connection(list, args, (r) => review(ctx, pr, r));
    },
    comments: (args: PageArgs) => connection(pr.comments, args, (c) => issueComment(ctx, pr, c)),
    participants: (args: PageArgs) => {
      const logins = [...new Set([pr.author, ...pr.reviews.map((r) => r.author), ...pr.comments.map((c) => c.author), ...pr.threads.flatMap((t) => t.comments.map((c) => c.author))])];
      return connection(logins, args, (l) => actor(ctx, l));
    },
  };
}

export function thread(ctx: Ctx, pr: DatasetPullRequest, t: DatasetThread): Source {
  return {
    __typename: 'PullRequestReviewThread',
    id: t.id,
    path: t.path,
    line: t.line,
    originalLine: t.originalLine,
    startLine: null,
    originalStartLine: null,
    diffSide: 'RIGHT',
    startDiffSide: null,
    subjectType: 'LINE',
    isResolved: t.isResolved,
    isOutdated: t.isOutdated,
    isCollapsed: t.isResolved,
    resolvedBy: null,
    viewerCanResolve: true,
    viewerCanUnresolve: true,
    viewerCanReply: true,
    pullRequest: () => pullRequest(ctx, pr),
    repository: () => repository(ctx, pr.repo),
    comments: (args: PageArgs & { skip?: number }) => connection(t.comments.slice(args.skip ?? 0), args, (c) => reviewComment(ctx, pr, t, c)),
  };
}

function commentCommon(ctx: Ctx, c: { id: string; databaseId: number; author: string; body: string; updatedAt: string }, createdAt: string): Source {
  const mine = sameLogin(c.author, ctx.viewer);
  return {
    id: c.id,
    databaseId: c.databaseId,
    fullDatabaseId: String(c.databaseId),
    body: c.body,
    bodyText: c.body,
    bodyHTML: `<p>${escapeHtml(c.body)}</p>`,
    createdAt,
    updatedAt: c.updatedAt,
    publishedAt: createdAt,
    lastEditedAt: c.updatedAt !== createdAt ? c.updatedAt : null,
    includesCreatedEdit: false,
    author: () => actor(ctx, c.author),
    authorAssociation: ctx.index.user(c.author)?.type === 'Bot' ? 'NONE' : 'MEMBER',
    viewerDidAuthor: mine,
    viewerCanUpdate: mine,
    viewerCanDelete: mine,
    isMinimized: false,
    minimizedReason: null,
  };
}

export function reviewComment(ctx: Ctx, pr: DatasetPullRequest, t: DatasetThread, c: DatasetComment): Source {
  const url = `${prUrl(ctx, pr)}#discussion_r${c.databaseId}`;
  const first = t.comments[0];
  return {
    __typename: 'PullRequestReviewComment',
    ...commentCommon(ctx, c, c.createdAt),
    url,
    resourcePath: url.slice(ctx.baseUrl.length),
    diffHunk: t.diffHunk,
    path: t.path,
    line: t.line,
    originalLine: t.originalLine,
    startLine: null,
    originalStartLine: null,
    outdated: t.isOutdated,
    state: 'SUBMITTED',
    subjectType: 'LINE',
    replyTo: first && first !== c ? () => reviewComment(ctx, pr, t, first) : null,
    pullRequest: () => pullRequest(ctx, pr),
    pullRequestReview: null,
    repository: () => repository(ctx, pr.repo),
  };
}

export function review(ctx: Ctx, pr: DatasetPullRequest, r: DatasetReview): Source {
  const url = `${prUrl(ctx, pr)}#pullrequestreview-${r.databaseId}`;
  return {
    __typename: 'PullRequestReview',
    ...commentCommon(ctx, r, r.submittedAt),
    url,
    resourcePath: url.slice(ctx.baseUrl.length),
    state: r.state,
    submittedAt: r.submittedAt,
    pullRequest: () => pullRequest(ctx, pr),
    repository: () => repository(ctx, pr.repo),
    // The dataset does not tie inline comments to reviews; threads carry them.
    comments: (args: PageArgs) => connection([], args, (x: never) => x),
  };
}

export function issueComment(ctx: Ctx, pr: DatasetPullRequest, c: DatasetComment): Source {
  const url = `${prUrl(ctx, pr)}#issuecomment-${c.databaseId}`;
  return {
    __typename: 'IssueComment',
    ...commentCommon(ctx, c, c.createdAt),
    url,
    resourcePath: url.slice(ctx.baseUrl.length),
    pullRequest: () => pullRequest(ctx, pr),
    repository: () => repository(ctx, pr.repo),
  };
}

/** Any node by id, or null when missing or not readable by the viewer. */
export function nodeById(ctx: Ctx, id: string): Source | null {
  const found = ctx.index.byId.get(id);
  if (!found || !ctx.index.canRead(ctx.viewer, found.pr.repo)) return null;
  if (ssoBlocked(ctx, found.pr.repo)) return samlBlockedObject(found.pr.repo.split('/')[0]!);
  switch (found.kind) {
    case 'pr':
      return pullRequest(ctx, found.pr);
    case 'thread':
      return thread(ctx, found.pr, found.thread);
    case 'review-comment':
      return reviewComment(ctx, found.pr, found.thread, found.comment);
    case 'review':
      return review(ctx, found.pr, found.review);
    case 'issue-comment':
      return issueComment(ctx, found.pr, found.comment);
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
