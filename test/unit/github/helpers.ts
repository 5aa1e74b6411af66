// Shared test set-up: a client pointed at the sandbox with a recording
// logger, a journal store in a temp folder, and the expected feedback
// computed straight from the sandbox dataset (independently of src/github).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset, DatasetPullRequest } from '../../../src/demo/dataset';
import { sameLogin, type EngineerRef, type Feedback } from '../../../src/core/model';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '../../../src/github/client';
import { JournalStore, type JournalHandle } from '../../../src/store';
import { generateDataset, DEMO_VIEWER, type Sandbox } from '../../../sandbox';

export interface RecordingLogger {
  lines: string[];
  info(m: string): void;
  warn(m: string): void;
  error(m: string): void;
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
}

export function sandboxClient(sandbox: Sandbox, token: string | undefined, logger: RecordingLogger, extra: Partial<GitHubClientOptions> = {}): GitHubClient {
  return createGitHubClient({ serverUrl: sandbox.url, getToken: async () => token, logger, retries: 3, retryBaseMs: 5, maxRateLimitWaitMs: 5000, ...extra });
}

export async function tempJournal(engineer: EngineerRef): Promise<{ handle: JournalHandle; dir: string; dispose(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'rm-sync-'));
  const store = new JournalStore({ rootDir: dir });
  const handle = await store.open(engineer);
  return { handle, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

const isBotLogin = (data: Dataset, login: string) => login.endsWith('[bot]') || data.users.some((u) => u.login === login && u.type === 'Bot');

/** What a full sync of `login` must produce, from the dataset alone. */
export function expectedFeedback(data: Dataset, baseUrl: string, login: string, includeBots = false): Map<string, Partial<Feedback>> {
  const out = new Map<string, Partial<Feedback>>();
  const canRead = (pr: DatasetPullRequest) => {
    const [owner, name] = pr.repo.split('/');
    const repo = data.repos.find((r) => r.owner === owner && r.name === name);
    return !repo?.collaborators || repo.collaborators.some((c) => sameLogin(c, login));
  };
  for (const pr of data.pullRequests) {
    if (!canRead(pr)) continue;
    const received = sameLogin(pr.author, login);
    const wanted = (author: string) => (includeBots || !isBotLogin(data, author)) && (received ? !sameLogin(author, login) : sameLogin(author, login));
    const prUrl = `${baseUrl}/${pr.repo}/pull/${pr.number}`;
    const common = (reviewer: string) => ({ prUrl, prTitle: pr.title, repo: pr.repo, prNumber: pr.number, author: pr.author, reviewer });
    for (const t of pr.threads)
      for (const c of t.comments)
        if (wanted(c.author))
          out.set(c.id, { id: c.id, kind: 'review-comment', ...common(c.author), body: c.body, path: t.path, threadId: t.id, isResolved: t.isResolved, isOutdated: t.isOutdated, updatedAt: c.updatedAt, createdAt: c.createdAt, url: `${prUrl}#discussion_r${c.databaseId}`, diffHunk: t.diffHunk, ...(t.line != null ? { line: t.line } : {}), ...(t.originalLine != null ? { originalLine: t.originalLine } : {}) });
    for (const r of pr.reviews)
      if (r.body.trim() && wanted(r.author)) out.set(r.id, { id: r.id, kind: 'review-summary', ...common(r.author), body: r.body, updatedAt: r.updatedAt, createdAt: r.submittedAt, url: `${prUrl}#pullrequestreview-${r.databaseId}` });
    for (const c of pr.comments)
      if (wanted(c.author)) out.set(c.id, { id: c.id, kind: 'conversation', ...common(c.author), body: c.body, updatedAt: c.updatedAt, createdAt: c.createdAt, url: `${prUrl}#issuecomment-${c.databaseId}` });
  }
  return out;
}

/** Picks the fields `expected` names from each actual item, for deepEqual. */
export function project(actual: Record<string, Feedback>, expected: Map<string, Partial<Feedback>>): Map<string, Partial<Feedback>> {
  const out = new Map<string, Partial<Feedback>>();
  for (const [id, f] of Object.entries(actual)) {
    const want = expected.get(id);
    if (!want) {
      out.set(id, f);
      continue;
    }
    out.set(id, Object.fromEntries(Object.keys(want).map((k) => [k, (f as unknown as Record<string, unknown>)[k]])) as Partial<Feedback>);
  }
  return out;
}

/**
 * A dataset where one of the engineer's PRs overflows every nested page:
 * 150 threads (five pages), thread 7 (first page) and thread 140 (a later
 * page, so its overflow is found only after the threads' follow-up) with 120
 * comments each, 45 conversation comments, 35 reviews. Threads moved by later
 * commits have `line` different from `originalLine`.
 */
export function hugeDataset(): { data: Dataset; huge: Dataset['pullRequests'][number] } {
  const data = generateDataset({ prs: 40 });
  const huge = data.pullRequests.find((p) => p.author === DEMO_VIEWER)!;
  const reviewer = data.users.find((u) => u.type === 'User' && u.login !== DEMO_VIEWER)!.login;
  const at = (i: number) => new Date(Date.parse(huge.createdAt) + i * 1000).toISOString();
  let db = 5_000_000;
  const comment = (prefix: string, i: number, body: string) => ({ id: `${prefix}_huge${i}`, databaseId: db++, author: reviewer, body, createdAt: at(i), updatedAt: at(i) });
  huge.threads = Array.from({ length: 150 }, (_, t) => ({
    id: `PRRT_huge${t}`,
    path: `src/file${t}.ts`,
    line: t % 3 === 0 ? 10 + t : 10,
    originalLine: 10,
    diffHunk: '@@ -1,1 +1,1 @@\n+x',
    isResolved: false,
    isOutdated: false,
    comments: Array.from({ length: t === 7 || t === 140 ? 120 : 2 }, (_, c) => comment('PRRC', t * 1000 + c, `thread ${t} comment ${c}`)),
  }));
  huge.comments = Array.from({ length: 45 }, (_, c) => comment('IC', 900_000 + c, `conversation ${c}`));
  huge.reviews = Array.from({ length: 35 }, (_, c) => ({ ...comment('PRR', 800_000 + c, `review ${c}`), state: 'COMMENTED' as const, submittedAt: at(c) }));
  return { data, huge };
}

