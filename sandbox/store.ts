// Lookups over the live dataset. Tests may change `sandbox.dataset` at any
// time, so the index is rebuilt per request (a few thousand entries, well
// under a millisecond) instead of being kept in sync by hand.
import type { Dataset, DatasetComment, DatasetPullRequest, DatasetReview, DatasetThread, DatasetUser } from '../src/demo/dataset';
import { sameLogin } from '../src/core/model';

export type Located =
  | { kind: 'pr'; pr: DatasetPullRequest }
  | { kind: 'thread'; pr: DatasetPullRequest; thread: DatasetThread }
  | { kind: 'review-comment'; pr: DatasetPullRequest; thread: DatasetThread; comment: DatasetComment }
  | { kind: 'review'; pr: DatasetPullRequest; review: DatasetReview }
  | { kind: 'issue-comment'; pr: DatasetPullRequest; comment: DatasetComment };

export class Index {
  private ids?: Map<string, Located>;
  private dbIds?: Map<string, Located>;
  readonly users = new Map<string, DatasetUser>();
  /** Per-request memo for objects.ts (actors are asked for many times). */
  readonly memo = new Map<string, unknown>();

  constructor(readonly dataset: Dataset) {
    for (const u of dataset.users) this.users.set(u.login.toLowerCase(), u);
  }

  // Built on first use: a search does not need it, node() and edits do.
  get byId(): Map<string, Located> {
    if (!this.ids) this.build();
    return this.ids!;
  }

  get byDatabaseId(): Map<string, Located> {
    if (!this.dbIds) this.build();
    return this.dbIds!;
  }

  private build(): void {
    this.ids = new Map();
    this.dbIds = new Map();
    for (const pr of this.dataset.pullRequests) {
      this.ids.set(pr.id, { kind: 'pr', pr });
      for (const thread of pr.threads) {
        this.ids.set(thread.id, { kind: 'thread', pr, thread });
        for (const comment of thread.comments) this.add({ kind: 'review-comment', pr, thread, comment }, comment);
      }
      for (const review of pr.reviews) this.add({ kind: 'review', pr, review }, review);
      for (const comment of pr.comments) this.add({ kind: 'issue-comment', pr, comment }, comment);
    }
  }

  private add(located: Located, item: { id: string; databaseId: number }): void {
    this.ids!.set(item.id, located);
    this.dbIds!.set(`${located.kind}:${item.databaseId}`, located);
  }

  user(login: string): DatasetUser | undefined {
    return this.users.get(login.toLowerCase()) ?? this.users.get(`${login.toLowerCase()}[bot]`);
  }

  /** Whether `login` may read the repository ("owner/name"). */
  canRead(login: string, repo: string): boolean {
    const r = this.dataset.repos.find((x) => `${x.owner}/${x.name}`.toLowerCase() === repo.toLowerCase());
    if (!r) return true;
    return !r.collaborators || r.collaborators.some((c) => sameLogin(c, login));
  }

  pullRequest(owner: string, name: string, number: number): DatasetPullRequest | undefined {
    const repo = `${owner}/${name}`.toLowerCase();
    return this.dataset.pullRequests.find((p) => p.repo.toLowerCase() === repo && p.number === number);
  }
}

/** Who the item was written by and where its body lives. */
export type Editable = { kind: 'review-comment' | 'issue-comment'; pr: DatasetPullRequest; item: DatasetComment } | { kind: 'review'; pr: DatasetPullRequest; item: DatasetReview };

export function editable(located: Located | undefined): Editable | undefined {
  if (!located) return undefined;
  switch (located.kind) {
    case 'review-comment':
    case 'issue-comment':
      return { kind: located.kind, pr: located.pr, item: located.comment };
    case 'review':
      return { kind: 'review', pr: located.pr, item: located.review };
    default:
      return undefined;
  }
}

/**
 * Applies an edit: the item becomes "updated", and so does its PR unless
 * `bumpPr` is false (GitHub does not document that an edit moves the PR's
 * updatedAt, and it has not always done so).
 */
export function applyEdit(target: Editable, body: string, now: Date, bumpPr = true): void {
  const at = now.toISOString();
  target.item.body = body;
  target.item.updatedAt = at;
  if (bumpPr) bumpPullRequest(target.pr, now);
}

export function bumpPullRequest(pr: DatasetPullRequest, now: Date): void {
  if (Date.parse(pr.updatedAt) < now.getTime()) pr.updatedAt = now.toISOString();
}
