// GitHub's search stops at 1,000 results. Sync must still reach every PR by
// restarting the search from the last updatedAt (a fake GitHub that enforces
// the cap, since the sandbox would need thousands of PRs and minutes).
import assert from 'node:assert/strict';
import type { Feedback, Journal } from '../../../src/core/model';
import type { GitHubClient } from '../../../src/github/client';
import { syncEngineer, type SyncJournal } from '../../../src/github/sync';
import { mergeSynced } from '../../../src/store';

const LOGIN = 'ana';
const N = 2_345;

function pr(i: number) {
  const updatedAt = new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 3) * 60_000).toISOString().replace('.000Z', 'Z');
  const empty = { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };
  const comment = { id: `IC_${i}`, body: `comment ${i}`, createdAt: updatedAt, updatedAt, url: `https://x/${i}`, author: { login: 'bob', __typename: 'User' } };
  return { id: `PR_${i}`, number: i, title: `PR ${i}`, url: `https://x/pr/${i}`, updatedAt, repository: { nameWithOwner: 'o/r' }, author: { login: LOGIN, __typename: 'User' }, reviewThreads: empty, reviews: empty, comments: { ...empty, totalCount: 1, nodes: [comment] } };
}

function fakeClient(all: ReturnType<typeof pr>[]): GitHubClient & { queries: string[] } {
  const stats = { requests: 0, graphqlCost: 0 };
  const queries: string[] = [];
  const empty = { issueCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };
  return {
    serverUrl: '', kind: 'ghe-server', webUrl: '', apiUrl: '', graphqlUrl: '', host: 'fake', octokit: undefined as never, stats, queries,
    async graphql<T>(_op: string, _q: string, v: Record<string, unknown>) {
      stats.requests++;
      const q = String(v['receivedQuery']);
      queries.push(q);
      const since = /updated:>=(\S+)/.exec(q)?.[1];
      const matches = all.filter((p) => !since || p.updatedAt >= since);
      const reachable = matches.slice(0, 1000);
      const from = v['receivedAfter'] ? Number(v['receivedAfter']) : 0;
      const nodes = reachable.slice(from, from + Number(v['first']));
      const next = from + nodes.length;
      const data = {
        rateLimit: { cost: 1, remaining: 5000, resetAt: '2026-01-01T00:00:00Z' },
        ...(v['withReceived'] ? { received: { issueCount: matches.length, pageInfo: { hasNextPage: next < reachable.length, endCursor: String(next) }, nodes } } : {}),
        ...(v['withReviewed'] ? { reviewed: empty } : {}),
        ...(v['withCommented'] ? { commented: empty } : {}),
      };
      stats.graphqlCost++;
      return { data: data as T, errors: [] };
    },
  };
}

function memoryJournal(): SyncJournal & { journal: Journal } {
  const journal: Journal = { schemaVersion: 2, engineer: { login: LOGIN, host: 'fake' }, syncedUntil: null, feedback: {}, entries: [] };
  return {
    journal,
    load: async () => structuredClone(journal),
    upsertFeedback: async (items: Feedback[], opts) => {
      for (const f of items) journal.feedback[f.id] = mergeSynced(journal.feedback[f.id], f, opts?.retag);
    },
    updateMeta: async (fn) => fn(journal),
  };
}

describe('github/sync: the 1,000-result search cap', () => {
  it(`reaches all ${N} PRs by restarting the search from the last updatedAt`, async () => {
    const client = fakeClient(Array.from({ length: N }, (_, i) => pr(i)));
    const j = memoryJournal();
    const r = await syncEngineer({ client, handle: j, engineer: { login: LOGIN, host: 'fake' } });
    assert.equal(r.prs, N);
    assert.equal(Object.keys(j.journal.feedback).length, N);
    assert.ok(client.queries.filter((q) => q.includes('updated:>=')).length >= 2, 'the date range was split');
    assert.ok(r.requests <= Math.ceil(N / 50) + 6, `${r.requests} requests`);
  });
});
