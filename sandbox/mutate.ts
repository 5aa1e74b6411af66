// Test helpers that change the live dataset the way activity on GitHub would:
// a new comment makes the PR "updated", so incremental sync (search
// `updated:>=`) picks it up. Edits, thread resolution and deletions do too,
// unless `bumpPr` is false: GitHub does not promise that they move the PR's
// updatedAt, and sync must not depend on it.
import type { Dataset, DatasetComment, DatasetPullRequest } from '../src/demo/dataset';
import { applyEdit, bumpPullRequest, editable, Index } from './store';

export interface NewComment {
  /** The PR, by node id or "owner/name#number". */
  pr: string;
  author: string;
  body: string;
  /** Default 'review-comment'. */
  kind?: 'review-comment' | 'issue-comment' | 'review';
  /** review-comment: reply in this thread; otherwise a new thread is started. */
  threadId?: string;
  /** New thread: file and line (defaults src/index.ts, 12). */
  path?: string;
  line?: number;
  /** review: its state (default COMMENTED). */
  state?: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';
}

export function editComment(dataset: Dataset, id: string, body: string, now: Date, bumpPr = true): void {
  const target = editable(new Index(dataset).byId.get(id));
  if (!target) throw new Error(`sandbox: no comment or review with id ${id}`);
  applyEdit(target, body, now, bumpPr);
}

/** Resolves (or unresolves) a review thread. */
export function resolveThread(dataset: Dataset, threadId: string, resolved: boolean, now: Date, bumpPr = true): void {
  const found = new Index(dataset).byId.get(threadId);
  if (found?.kind !== 'thread') throw new Error(`sandbox: no review thread with id ${threadId}`);
  found.thread.isResolved = resolved;
  if (bumpPr) bumpPullRequest(found.pr, now);
}

/** Deletes a review comment (its thread too when it was the last), a conversation comment or a review. */
export function deleteComment(dataset: Dataset, id: string, now: Date, bumpPr = true): void {
  const found = new Index(dataset).byId.get(id);
  if (!found) throw new Error(`sandbox: no comment or review with id ${id}`);
  const { pr } = found;
  switch (found.kind) {
    case 'review-comment':
      found.thread.comments = found.thread.comments.filter((c) => c.id !== id);
      if (found.thread.comments.length === 0) pr.threads = pr.threads.filter((t) => t !== found.thread);
      break;
    case 'issue-comment':
      pr.comments = pr.comments.filter((c) => c.id !== id);
      break;
    case 'review':
      pr.reviews = pr.reviews.filter((r) => r.id !== id);
      break;
    default:
      throw new Error(`sandbox: ${id} is not a comment or review`);
  }
  if (bumpPr) bumpPullRequest(pr, now);
}

let counter = 0;

export function addComment(dataset: Dataset, input: NewComment, now: Date): DatasetComment {
  const pr = findPr(dataset, input.pr);
  const at = now.toISOString();
  const kind = input.kind ?? 'review-comment';
  const seq = `${Date.now().toString(36)}${(++counter).toString(36)}`.toUpperCase();
  const comment: DatasetComment = { id: `${prefix(kind)}_kwDOSBX${seq}`, databaseId: nextDatabaseId(dataset, kind), author: input.author, body: input.body, createdAt: at, updatedAt: at };
  if (kind === 'issue-comment') pr.comments.push(comment);
  else if (kind === 'review') pr.reviews.push({ id: comment.id, databaseId: comment.databaseId, author: comment.author, body: comment.body, state: input.state ?? 'COMMENTED', submittedAt: at, updatedAt: at });
  else {
    const existing = input.threadId ? pr.threads.find((t) => t.id === input.threadId) : undefined;
    if (input.threadId && !existing) throw new Error(`sandbox: no thread ${input.threadId} on ${pr.repo}#${pr.number}`);
    if (existing) existing.comments.push(comment);
    else {
      const line = input.line ?? 12;
      const start = Math.max(1, line - 2);
      const hunk = [`@@ -${start},2 +${start},3 @@`, ' const input = parse(request);', ' validate(input);', '+return handle(input);'].join('\n');
      pr.threads.push({ id: `PRRT_kwDOSBX${seq}`, path: input.path ?? 'src/index.ts', line, originalLine: line, diffHunk: hunk, isResolved: false, isOutdated: false, comments: [comment] });
    }
  }
  bumpPullRequest(pr, now);
  return comment;
}

/** Marks a PR as updated now without changing anything else (new commits, labels...). */
export function touch(dataset: Dataset, pr: string, now: Date): void {
  findPr(dataset, pr).updatedAt = now.toISOString();
}

function findPr(dataset: Dataset, ref: string): DatasetPullRequest {
  const m = /^(.+)#(\d+)$/.exec(ref);
  const pr = dataset.pullRequests.find((p) => p.id === ref || (m && p.repo.toLowerCase() === m[1]!.toLowerCase() && p.number === Number(m[2])));
  if (!pr) throw new Error(`sandbox: no pull request ${ref}`);
  return pr;
}

function prefix(kind: NonNullable<NewComment['kind']>): string {
  return kind === 'issue-comment' ? 'IC' : kind === 'review' ? 'PRR' : 'PRRC';
}

function nextDatabaseId(dataset: Dataset, kind: NonNullable<NewComment['kind']>): number {
  let max = 0;
  for (const pr of dataset.pullRequests) {
    if (kind === 'issue-comment') for (const c of pr.comments) max = Math.max(max, c.databaseId);
    else if (kind === 'review') for (const r of pr.reviews) max = Math.max(max, r.databaseId);
    else for (const t of pr.threads) for (const c of t.comments) max = Math.max(max, c.databaseId);
  }
  return max + 1;
}
