// Turns a sandbox dataset into the feedback an engineer's journal holds, for
// "Open demo data", which works offline without the sandbox server. The same
// rules as sync: received = others' comments on the engineer's PRs, given =
// the engineer's comments on others' PRs; empty review bodies are not feedback.
import type { Feedback, FeedbackKind } from '../core/model';
import { sameLogin } from '../core/model';
import type { Dataset, DatasetComment, DatasetPullRequest } from './dataset';
import { resolveGitHubEndpoints } from '../core/githubEndpoints';

export interface DemoOptions {
  serverUrl: string;
  includeBots: boolean;
}

export function feedbackForEngineer(dataset: Dataset, login: string, opts: DemoOptions): Feedback[] {
  const bots = new Set(dataset.users.filter((u) => u.type === 'Bot').map((u) => u.login.toLowerCase()));
  const isBot = (l: string) => bots.has(l.toLowerCase()) || l.endsWith('[bot]');
  const out: Feedback[] = [];
  for (const pr of dataset.pullRequests) {
    const mine = sameLogin(pr.author, login);
    const relevant = (author: string) =>
      (mine ? !sameLogin(author, login) : sameLogin(author, login)) && (opts.includeBots || !isBot(author));
    const base = (c: DatasetComment, kind: FeedbackKind, url: string): Feedback => ({
      id: c.id,
      kind,
      prUrl: prUrl(opts.serverUrl, pr),
      prTitle: pr.title,
      repo: pr.repo,
      prNumber: pr.number,
      author: pr.author,
      reviewer: c.author,
      ...(isBot(c.author) ? { reviewerIsBot: true } : {}),
      body: c.body,
      url,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      isResolved: false,
      tags: [],
    });
    for (const thread of pr.threads) {
      for (const c of thread.comments) {
        if (!relevant(c.author)) continue;
        out.push({
          ...base(c, 'review-comment', `${prUrl(opts.serverUrl, pr)}#discussion_r${c.databaseId}`),
          path: thread.path,
          ...(thread.line != null ? { line: thread.line } : {}),
          ...(thread.originalLine != null ? { originalLine: thread.originalLine } : {}),
          diffHunk: thread.diffHunk,
          threadId: thread.id,
          isResolved: thread.isResolved,
          isOutdated: thread.isOutdated,
        });
      }
    }
    for (const r of pr.reviews) {
      if (!r.body.trim() || !relevant(r.author)) continue;
      const c: DatasetComment = { id: r.id, databaseId: r.databaseId, author: r.author, body: r.body, createdAt: r.submittedAt, updatedAt: r.updatedAt };
      out.push(base(c, 'review-summary', `${prUrl(opts.serverUrl, pr)}#pullrequestreview-${r.databaseId}`));
    }
    for (const c of pr.comments) {
      if (!relevant(c.author)) continue;
      out.push(base(c, 'conversation', `${prUrl(opts.serverUrl, pr)}#issuecomment-${c.databaseId}`));
    }
  }
  return out;
}

function prUrl(serverUrl: string, pr: DatasetPullRequest): string {
  return `${resolveGitHubEndpoints(serverUrl).webUrl}/${pr.repo}/pull/${pr.number}`;
}
