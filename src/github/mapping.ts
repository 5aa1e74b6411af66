// GitHub nodes (already validated by schemas.ts) to Feedback items. Received
// feedback: others' comments on the engineer's PR. Given: the engineer's
// comments on others' PRs. Everything else on a PR is not this journal's.
import { GITHUB_FIELDS, sameLogin, type Feedback } from '../core/model';
import type { PullRequestNode } from './schemas';

type Actor = { login: string; __typename: string } | null;

export function isBot(a: Actor): boolean {
  return !!a && (a.__typename === 'Bot' || a.login.endsWith('[bot]'));
}

/** GraphQL gives bots without the "[bot]" suffix; REST and the web UI show it. */
export function loginOf(a: Actor): string {
  if (!a) return 'ghost';
  return a.__typename === 'Bot' && !a.login.endsWith('[bot]') ? `${a.login}[bot]` : a.login;
}

export interface MapOptions {
  engineer: string;
  includeBots?: boolean;
}

/** All feedback of one complete PR (its connections fully fetched) for this engineer. */
export function feedbackOfPullRequest(pr: PullRequestNode, opts: MapOptions): Feedback[] {
  const author = loginOf(pr.author);
  const received = sameLogin(author, opts.engineer);
  const keep = (a: Actor): boolean => {
    if (isBot(a) && !opts.includeBots) return false;
    const login = loginOf(a);
    return received ? !sameLogin(login, opts.engineer) : sameLogin(login, opts.engineer);
  };
  const common = (a: Actor) => ({
    prUrl: pr.url,
    prTitle: pr.title,
    repo: pr.repository.nameWithOwner,
    prNumber: pr.number,
    author,
    reviewer: loginOf(a),
    ...(isBot(a) ? { reviewerIsBot: true } : {}),
    tags: [],
  });
  const out: Feedback[] = [];
  for (const t of pr.reviewThreads.nodes) {
    for (const c of t.comments.nodes) {
      if (!keep(c.author)) continue;
      out.push(
        clean({
          id: c.id,
          kind: 'review-comment',
          ...common(c.author),
          path: t.path,
          line: t.line ?? undefined,
          originalLine: t.originalLine ?? undefined,
          diffHunk: c.diffHunk,
          body: c.body,
          url: c.url,
          createdAt: c.createdAt,
          updatedAt: c.updatedAt,
          threadId: t.id,
          isResolved: t.isResolved,
          isOutdated: t.isOutdated,
        }),
      );
    }
  }
  for (const r of pr.reviews.nodes) {
    if (!r.body.trim() || !keep(r.author)) continue;
    out.push({ id: r.id, kind: 'review-summary', ...common(r.author), body: r.body, url: r.url, createdAt: r.createdAt, updatedAt: r.updatedAt, isResolved: false });
  }
  for (const c of pr.comments.nodes) {
    if (!keep(c.author)) continue;
    out.push({ id: c.id, kind: 'conversation', ...common(c.author), body: c.body, url: c.url, createdAt: c.createdAt, updatedAt: c.updatedAt, isResolved: false });
  }
  return out;
}

/** Drops undefined fields so items compare equal after a JSON round trip. */
function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** True when no field GitHub owns differs (and the stored item is not a "deleted" stub): no write needed. */
export function sameGitHubFields(stored: Feedback, fresh: Feedback): boolean {
  return !stored.deletedOnGitHubAt && GITHUB_FIELDS.every((k) => stored[k] === fresh[k]);
}
