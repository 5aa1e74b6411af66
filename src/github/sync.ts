// Sync of one engineer's feedback into their journal. See docs/github-sync.md.
//
// 1. Search: one GraphQL request carries a page of each search (received,
//    reviewed, commented) for PRs updated since the cursor; every page starts
//    again from the last PR seen (`updated:>=`), so a PR updated meanwhile
//    cannot shift an unread one out of reach.
// 2. By id: PRs in the retry set (not fetched whole before), and on the
//    reconcile schedule the open and recently active ones, which finds edits,
//    resolutions and deletions that did not move a PR's updatedAt.
// Each PR is completed (overflow) and written whole: its items replace the
// stored ones, items gone from GitHub are removed. The cursor is GitHub's
// clock at the start, never past a PR that could not be fetched.
import * as l10n from '@vscode/l10n';
import { type EngineerRef, type Feedback, type Journal, type SyncState, type TrackedPullRequest } from '../core/model';
import type { GitHubClient } from './client';
import { CancelledError, MalformedResponseError } from './errors';
import type { GraphQLErrorShape } from './httpErrors';
import { feedbackOfPullRequest, sameGitHubFields } from './mapping';
import { completePullRequests } from './overflow';
import { describeProblems, ssoOrganisations } from './problems';
import { FEEDBACK_QUERY, PR_PAGE, PULL_REQUESTS_QUERY, SEARCHES, searchQueries, type SearchName } from './queries';
import { feedbackDataSchema, parseResponse, pullRequestSchema, pullRequestsDataSchema, type PullRequestNode } from './schemas';

/** The part of the store's JournalHandle that sync uses. */
export interface SyncJournal {
  load(): Promise<Journal>;
  upsertFeedback(items: Feedback[], opts?: { retag?: (f: Feedback) => Feedback; wholePrs?: string[]; now?: string }): Promise<void>;
  updateMeta(fn: (meta: { syncedUntil: string | null; sync?: SyncState }) => void): Promise<void>;
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
  /** This machine's clock; used only when GitHub sends no Date header. */
  now?: () => Date;
  /** Computes the automatic tags (label, markers, suggestion) on each merged item, inside the store's merge. */
  retag?: (f: Feedback) => Feedback;
  /** Fetch everything again, whatever the cursor ("Re-sync everything"). */
  full?: boolean;
  /** PRs open or updated in the last N days are re-fetched by the reconcile pass (default 14; 0 turns it off). */
  reconcileDays?: number;
  /** How often the reconcile pass runs (default 1 hour). */
  reconcileEveryMs?: number;
}

export interface SyncResult {
  prs: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Items removed because they were deleted on GitHub (linked ones are kept as stubs). */
  removed: number;
  requests: number;
  graphqlCost: number;
  /** Repositories (owner/name) with PRs that GitHub says no longer exist or this account cannot see. */
  skippedRepos: string[];
  /** PRs that could not be fetched whole; kept in the retry set for the next sync. */
  retrying: number;
  /** Problems GitHub reported (SSO, errors on some results), in plain words. */
  problems: string[];
  /** The by-id pass: retry set and, when due, the reconcile pass. */
  byId: { prs: number; requests: number; reconciled: boolean };
  /** The new syncedUntil. */
  cursor: string;
}

/** Searched from the cursor minus this: GitHub's search index lags, and PRs seen twice cost nothing. */
export const OVERLAP_MS = 10 * 60_000;
/** GitHub returns at most this many results per search, whatever issueCount says. */
export const SEARCH_CAP = 1000;
export const DEFAULT_RECONCILE_DAYS = 14;
export const DEFAULT_RECONCILE_EVERY_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

interface Stream {
  name: SearchName;
  since: string | undefined;
  after: string | null;
  done: boolean;
  /** Results read under the current `since` (only grows when a whole page shares one updatedAt). */
  seen: number;
  lastUpdated: string | undefined;
  total?: number;
}

export async function syncEngineer(opts: SyncOptions): Promise<SyncResult> {
  const { client, handle, engineer, signal } = opts;
  const now = opts.now ?? (() => new Date());
  const reconcileDays = opts.reconcileDays ?? DEFAULT_RECONCILE_DAYS;
  const before = { ...client.stats };
  const check = () => {
    if (signal?.aborted) throw new CancelledError();
  };

  const journal = await handle.load();
  const state: SyncState = journal.sync ?? {};
  const fullResync = opts.full ? 'asked' : state.fullResync;
  const since = fullResync || !journal.syncedUntil ? undefined : new Date(Date.parse(journal.syncedUntil) - OVERLAP_MS).toISOString();
  const streams: Stream[] = SEARCHES.map((name) => ({ name, since, after: null, done: false, seen: 0, lastUpdated: undefined }));

  // Live stored items by PR, to notice deletions.
  const stored = journal.feedback;
  const storedByPr = new Map<string, Set<string>>();
  for (const f of Object.values(stored)) {
    if (f.deletedOnGitHubAt) continue;
    const key = f.prUrl.toLowerCase();
    let ids = storedByPr.get(key);
    if (!ids) storedByPr.set(key, (ids = new Set()));
    ids.add(f.id);
  }

  let serverStart: Date | undefined;
  const fetchedWhole = new Set<string>();
  const seen = new Set<string>();
  const gone = new Set<string>();
  const skipped = new Set<string>();
  const unfetched = new Map<string, TrackedPullRequest>();
  /** Points the cursor may not pass: a PR not fetched, or a hidden search result (null: not even the old cursor). */
  const holds: (string | null)[] = [];
  const errors: GraphQLErrorShape[] = [];
  const ssoHeaders: string[] = [];
  const recent: Record<string, TrackedPullRequest> = { ...state.recent };
  const result = { prs: 0, added: 0, updated: 0, unchanged: 0, removed: 0 };

  // Page N is written while page N+1 is fetched; each write is whole PRs.
  let writing: Promise<void> = Promise.resolve();
  const clockOf = () => (serverStart ?? now()).getTime();

  /** Completes, maps and writes a batch of PRs. */
  const take = async (prs: PullRequestNode[]): Promise<void> => {
    const outcome = await completePullRequests(client, prs, signal);
    errors.push(...outcome.errors);
    ssoHeaders.push(...outcome.sso);
    check();
    const items: Feedback[] = [];
    const wholePrs: string[] = [];
    for (const pr of prs) {
      if (outcome.gone.has(pr.id)) {
        gone.add(pr.id);
        skipped.add(pr.repository.nameWithOwner);
        continue;
      }
      const reason = outcome.unfetched.get(pr.id);
      if (reason) {
        unfetched.set(pr.id, { url: pr.url, repo: pr.repository.nameWithOwner, updatedAt: pr.updatedAt, reason });
        continue;
      }
      fetchedWhole.add(pr.id);
      unfetched.delete(pr.id);
      result.prs++;
      track(recent, pr, clockOf() - reconcileDays * DAY_MS);
      const fresh = feedbackOfPullRequest(pr, { engineer: engineer.login, includeBots: opts.includeBots ?? false });
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
      const freshIds = new Set(fresh.map((f) => f.id));
      const key = pr.url.toLowerCase();
      const deleted = [...(storedByPr.get(key) ?? [])].filter((id) => !freshIds.has(id));
      result.removed += deleted.length;
      if (deleted.length > 0) changed = true;
      // Unchanged PRs cost no write. Whole PRs only: the store writes a PR's items in one step.
      if (!changed) continue;
      items.push(...fresh);
      wholePrs.push(pr.url);
      storedByPr.set(key, freshIds);
      for (const f of fresh) stored[f.id] = f;
    }
    const total = streams.reduce((n, s) => n + (s.total ?? 0), 0);
    const progress = { prs: result.prs, total, message: l10n.t('{0} of about {1} pull requests', result.prs, total) };
    await writing;
    writing =
      wholePrs.length > 0
        ? handle.upsertFeedback(items, { ...(opts.retag ? { retag: opts.retag } : {}), wholePrs, now: new Date(clockOf()).toISOString() })
        : Promise.resolve();
    writing.then(() => opts.onProgress?.(progress), () => undefined);
  };

  const byId = { prs: 0, requests: 0, reconciled: false };
  try {
    // 1. Search.
    while (streams.some((s) => !s.done)) {
      check();
      const res = await client.graphql('ReviewMentorFeedback', FEEDBACK_QUERY, variablesFor(streams, engineer.login), signal);
      serverStart ??= res.serverDate ?? now();
      if (res.sso) ssoHeaders.push(res.sso);
      const page = parseResponse('ReviewMentorFeedback', feedbackDataSchema, res.data);
      const prs: PullRequestNode[] = [];
      for (const s of streams.filter((x) => !x.done)) {
        const conn = page[s.name];
        if (!conn) throw new MalformedResponseError('ReviewMentorFeedback', [`${s.name}: the search result is missing`]);
        s.total = conn.issueCount;
        for (const [i, raw] of conn.nodes.entries()) {
          if (raw === null) {
            // Hidden (SSO) or unreadable: sorted by update time, it is no older than the PR before it.
            errors.push(...res.errors.filter((e) => e.path?.[0] === s.name && e.path[2] === i));
            holds.push(s.lastUpdated ?? s.since ?? null);
            continue;
          }
          if (Object.keys(raw).length === 0) continue;
          const node = parseResponse('ReviewMentorFeedback', pullRequestSchema, raw, [s.name, 'nodes', i]);
          s.lastUpdated = node.updatedAt;
          if (seen.has(node.id)) continue;
          seen.add(node.id);
          prs.push(node);
        }
        advance(s, conn.nodes.length, conn.pageInfo, errors);
      }
      await take(prs);
    }

    // 2. By id: PRs not fetched whole (this sync or before), and the reconcile pass when due.
    const start = clockOf();
    const due = reconcileDays > 0 && (!state.reconciledAt || start - Date.parse(state.reconciledAt) >= (opts.reconcileEveryMs ?? DEFAULT_RECONCILE_EVERY_MS));
    const wanted = new Map<string, TrackedPullRequest>([...Object.entries(state.retry ?? {}), ...unfetched]);
    if (due && !fullResync && journal.syncedUntil) for (const [id, pr] of Object.entries(state.recent ?? {})) wanted.set(id, pr);
    for (const id of [...wanted.keys()]) if (fetchedWhole.has(id) || gone.has(id)) wanted.delete(id);
    const beforeById = client.stats.requests;
    const ids = [...wanted.keys()];
    for (let i = 0; i < ids.length; i += PR_PAGE) {
      check();
      const batch = ids.slice(i, i + PR_PAGE);
      const res = await client.graphql('ReviewMentorPullRequests', PULL_REQUESTS_QUERY, { ids: batch }, signal);
      if (res.sso) ssoHeaders.push(res.sso);
      const page = parseResponse('ReviewMentorPullRequests', pullRequestsDataSchema, res.data);
      const prs: PullRequestNode[] = [];
      page.nodes.forEach((raw, n) => {
        const id = batch[n]!;
        const known = wanted.get(id)!;
        if (raw && Object.keys(raw).length > 0) {
          prs.push(parseResponse('ReviewMentorPullRequests', pullRequestSchema, raw, ['nodes', n]));
          return;
        }
        const error = res.errors.find((e) => e.path?.[0] === 'nodes' && e.path[1] === n);
        if (error && error.type !== 'NOT_FOUND') {
          errors.push(error);
          unfetched.set(id, { ...known, reason: error.message });
        } else {
          // GitHub says it does not exist (deleted, or no longer visible to this account).
          gone.add(id);
          unfetched.delete(id);
          skipped.add(known.repo);
        }
      });
      await take(prs);
      byId.prs += prs.length;
    }
    byId.requests = client.stats.requests - beforeById;
    byId.reconciled = due;
  } finally {
    // Never return (or fail) with a write still running: the caller may look at the journal.
    await writing.catch(() => undefined);
  }
  await writing;
  check();

  const startIso = new Date(clockOf()).toISOString();
  const cursor = cursorAfter(journal.syncedUntil, startIso, [...holds, ...[...unfetched.values()].map((p) => p.updatedAt ?? null)]);
  for (const id of gone) delete recent[id];
  prune(recent, clockOf() - reconcileDays * DAY_MS);
  const retry = Object.fromEntries(unfetched);
  await handle.updateMeta((meta) => {
    meta.syncedUntil = cursor;
    const next: SyncState = { ...meta.sync };
    if (Object.keys(retry).length > 0) next.retry = retry;
    else delete next.retry;
    if (Object.keys(recent).length > 0) next.recent = recent;
    else delete next.recent;
    // A first or full sync fetched everything: as good as a reconcile pass.
    if (byId.reconciled || !since) next.reconciledAt = startIso;
    // Cleared only if nobody asked again meanwhile.
    if (next.fullResync === state.fullResync && holds.length === 0) delete next.fullResync;
    meta.sync = next;
  });

  const orgs = ssoHeaders.length > 0 ? await ssoOrganisations(client, ssoHeaders) : [];
  return {
    ...result,
    requests: client.stats.requests - before.requests,
    graphqlCost: client.stats.graphqlCost - before.graphqlCost,
    skippedRepos: [...skipped].sort(),
    retrying: unfetched.size,
    problems: describeProblems(errors, orgs, client.host),
    byId,
    cursor,
  };
}

/** Open PRs and PRs updated since `from` stay in the reconcile set. */
function track(recent: Record<string, TrackedPullRequest>, pr: PullRequestNode, from: number): void {
  const open = pr.state === 'OPEN';
  if (open || Date.parse(pr.updatedAt) >= from) recent[pr.id] = { url: pr.url, repo: pr.repository.nameWithOwner, updatedAt: pr.updatedAt, ...(open ? { open } : {}) };
  else delete recent[pr.id];
}

function prune(recent: Record<string, TrackedPullRequest>, from: number): void {
  for (const [id, pr] of Object.entries(recent)) if (!pr.open && Date.parse(pr.updatedAt ?? '') < from) delete recent[id];
}

/**
 * GitHub's time at the start, held back to the earliest PR that could not be
 * fetched (null: a hidden result before any known point, so the old cursor
 * stays), and never moved backwards.
 */
export function cursorAfter(old: string | null, start: string, holds: (string | null)[]): string {
  let cursor = start;
  for (const h of holds) {
    if (h === null) return old ?? new Date(0).toISOString();
    if (h < cursor) cursor = h;
  }
  return old && old > cursor ? old : cursor;
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
 * Next page, keyed: results are sorted by update time (ascending), so the
 * search restarts from the last PR's updatedAt, and PRs seen twice are
 * skipped by id. An offset (`after`) is used only when a whole page shares
 * one updatedAt; past GitHub's 1,000-result cap within one second, stop.
 */
function advance(s: Stream, count: number, pageInfo: { hasNextPage: boolean; endCursor: string | null }, errors: GraphQLErrorShape[]): void {
  if (!pageInfo.hasNextPage) {
    s.done = true;
    return;
  }
  if (s.lastUpdated && s.lastUpdated !== s.since) {
    s.since = s.lastUpdated;
    s.after = null;
    s.seen = 0;
    return;
  }
  s.seen += count;
  if (!pageInfo.endCursor || s.seen >= SEARCH_CAP) {
    errors.push({ message: l10n.t("more than {0} pull requests of the {1} search share the update time {2}; GitHub's search cannot reach the rest", SEARCH_CAP, s.name, String(s.lastUpdated)) });
    s.done = true;
    return;
  }
  s.after = pageInfo.endCursor;
}
