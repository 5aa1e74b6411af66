// Test helpers that change the live dataset the way activity on GitHub would:
// an edit or a new comment also makes the PR "updated", so incremental sync
// (search `updated:>=`) picks it up.
import type { Dataset, DatasetComment, DatasetPullRequest } from '../src/demo/dataset';
import { applyEdit, editable, Index } from './store';

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

export function editComment(dataset: Dataset, id: string, body: string, now: Date): void {
  const target = editable(new Index(dataset).byId.get(id));
  if (!target) throw new Error(`sandbox: no comment or review with id ${id}`);
  applyEdit(target, body, now);
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
  if (Date.parse(pr.updatedAt) < now.getTime()) pr.updatedAt = at;
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
