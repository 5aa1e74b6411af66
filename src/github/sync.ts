// Incremental sync of one engineer's feedback into their journal.
//
// One GraphQL request carries a page of each search (received, reviewed,
// commented); overflowing nested connections are completed by node id; then
// the page's PRs are written whole. `syncedUntil` moves only at the very end,
// so a failed or cancelled sync is simply redone from the old cursor, and the
// journal never holds half a PR. See docs/github-sync.md.
import type { EngineerRef, Feedback, Journal } from '../core/model';
import type { GitHubClient } from './client';
import { CancelledError, MalformedResponseError } from './errors';
import { feedbackOfPullRequest, sameGitHubFields } from './mapping';
import { mergeFeedback } from './merge';
import { completePullRequests } from './overflow';
import { FEEDBACK_QUERY, PR_PAGE, SEARCHES, searchQueries, type SearchName } from './queries';
import { feedbackDataSchema, parseResponse, pullRequestSchema, type PullRequestNode } from './schemas';

/** The part of the store's JournalHandle that sync uses. */
export interface SyncJournal {
  load(): Promise<Journal>;
  upsertFeedback(items: Feedback[], opts?: { syncedUntil?: string; merge?: (existing: Feedback | undefined, incoming: Feedback) => Feedback }): Promise<void>;
  updateMeta(fn: (meta: { syncedUntil: string | null }) => void): Promise<void>;
}

export interface SyncProgress {
  prs: number;
  total?: number;
  message: string;
}

export interface SyncOptions {
  client: GitHubClient;
  handle: SyncJournal;
  engineer: EngineerRef;
  signal?: AbortSignal;
  onProgress?: (p: SyncProgress) => void;
  includeBots?: boolean;
  now?: () => Date;
  /** Where the caller adds conventional-comment, marker and suggested tags. */
  transform?: (f: Feedback) => Feedback;
}

export interface SyncResult {
  prs: number;
  added: number;
  updated: number;
  unchanged: number;
  requests: number;
  graphqlCost: number;
  /** Repositories (owner/name) with PRs that could not be read and were skipped. */
  skippedRepos: string[];
  /** The new syncedUntil. */
  cursor: string;
}

/** Searched from the cursor minus this, to tolerate clock skew; duplicates are merged by id. */
export const OVERLAP_MS = 60_000;
/** GitHub returns at most this many results per search, whatever issueCount says. */
export const SEARCH_CAP = 1000;

interface Stream {
  name: SearchName;
  since: string | undefined;
  after: string | null;
  done: boolean;
  /** Results seen since `since` was last moved, to notice the 1,000 cap. */
  seen: number;
  lastUpdated: string | undefined;
  total?: number;
}

export async function syncEngineer(opts: SyncOptions): Promise<SyncResult> {
  const { client, handle, engineer, signal } = opts;
  const now = opts.now ?? (() => new Date());
  const transform = opts.transform ?? ((f: Feedback) => f);
  const startedAt = now().toISOString();
  const before = { ...client.stats };
  const check = () => {
    if (signal?.aborted) throw new CancelledError();
  };

  const journal = await handle.load();
  const stored = journal.feedback;
  const since = journal.syncedUntil ? new Date(Date.parse(journal.syncedUntil) - OVERLAP_MS).toISOString() : undefined;
  const streams: Stream[] = SEARCHES.map((name) => ({ name, since, after: null, done: false, seen: 0, lastUpdated: undefined }));
  const donePrs = new Set<string>();
  const skipped = new Set<string>();
  const result = { prs: 0, added: 0, updated: 0, unchanged: 0 };

  // Page N is written while page N+1 is fetched; each write is whole PRs.
  let writing: Promise<void> = Promise.resolve();
  try {
    while (streams.some((s) => !s.done)) {
      check();
      const { data } = await client.graphql('ReviewMentorFeedback', FEEDBACK_QUERY, variablesFor(streams, engineer.login), signal);
      const page = parseResponse('ReviewMentorFeedback', feedbackDataSchema, data);
      const prs: PullRequestNode[] = [];
      for (const s of streams.filter((x) => !x.done)) {
        const conn = page[s.name];
        if (!conn) throw new MalformedResponseError('ReviewMentorFeedback', [`${s.name}: the search result is missing`]);
        s.total = conn.issueCount;
        for (const [i, raw] of conn.nodes.entries()) {
          if (!raw || Object.keys(raw).length === 0) continue;
          const node = parseResponse('ReviewMentorFeedback', pullRequestSchema, raw, [s.name, 'nodes', i]);
          s.lastUpdated = node.updatedAt;
          if (donePrs.has(node.id) || prs.some((p) => p.id === node.id)) continue;
          prs.push(node);
        }
        s.seen += conn.nodes.length;
        advance(s, conn.pageInfo);
      }

      const { lost } = await completePullRequests(client, prs, signal);
      check();
      const items: Feedback[] = [];
      for (const pr of prs) {
        donePrs.add(pr.id);
        if (lost.has(pr.id)) {
          skipped.add(pr.repository.nameWithOwner);
          continue;
        }
        result.prs++;
        const fresh = feedbackOfPullRequest(pr, { engineer: engineer.login, includeBots: opts.includeBots ?? false }).map(transform);
        let changed = false;
        for (const f of fresh) {
          const old = stored[f.id];
          if (!old) result.added++;
          else if (sameGitHubFields(old, f)) {
            result.unchanged++;
            continue;
          } else result.updated++;
          changed = true;
        }
        // Whole PRs only: the store writes a PR's items in one atomic step.
        if (changed) items.push(...fresh);
      }
      for (const f of items) stored[f.id] = f;
      const total = streams.reduce((n, s) => n + (s.total ?? 0), 0);
      const progress = { prs: result.prs, total, message: `${result.prs} of about ${total} pull requests` };
      await writing;
      writing = items.length > 0 ? handle.upsertFeedback(items, { merge: mergeFeedback }) : Promise.resolve();
      writing.then(() => opts.onProgress?.(progress), () => undefined);
    }
  } finally {
    // Never return (or fail) with a write still running: the caller may look at the journal.
    await writing.catch(() => undefined);
  }
  await writing;

  check();
  await handle.updateMeta((meta) => {
    meta.syncedUntil = startedAt;
  });
  return {
    ...result,
    requests: client.stats.requests - before.requests,
    graphqlCost: client.stats.graphqlCost - before.graphqlCost,
    skippedRepos: [...skipped].sort(),
    cursor: startedAt,
  };
}

function variablesFor(streams: Stream[], login: string): Record<string, unknown> {
  const vars: Record<string, unknown> = { first: PR_PAGE };
  for (const s of streams) {
    const cap = s.name[0]!.toUpperCase() + s.name.slice(1);
    vars[`${s.name}Query`] = searchQueries(login, s.since)[s.name];
    vars[`${s.name}After`] = s.after;
    vars[`with${cap}`] = !s.done;
  }
  return vars;
}

/**
 * Next page, or done. Past GitHub's 1,000-result cap the cursor stops; as
 * results are sorted by update time (ascending), the search restarts from the
 * last PR's updatedAt, which splits the date range into windows of < 1,000.
 */
function advance(s: Stream, pageInfo: { hasNextPage: boolean; endCursor: string | null }): void {
  if (pageInfo.hasNextPage && pageInfo.endCursor) {
    s.after = pageInfo.endCursor;
    return;
  }
  const capped = (s.total ?? 0) > s.seen && s.seen >= SEARCH_CAP;
  if (capped && s.lastUpdated && s.lastUpdated !== s.since) {
    s.since = s.lastUpdated;
    s.after = null;
    s.seen = 0;
    return;
  }
  s.done = true;
}

