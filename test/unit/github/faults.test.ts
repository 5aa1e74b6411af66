// Injected GitHub faults: each must end in the right typed error or recover by
// itself, and a failed or cancelled sync must leave the journal as it was, or
// with whole PRs added, never half of one.
import assert from 'node:assert/strict';
import { startSandbox, generateDataset, DEMO_VIEWER, type Sandbox } from '../../../sandbox';
import type { Feedback } from '../../../src/core/model';
import { syncEngineer } from '../../../src/github/sync';
import { AuthError, CancelledError, ServerError } from '../../../src/github/errors';
import type { RateLimitInfo } from '../../../src/github/client';
import { expectedFeedback, hugeDataset, project, recordingLogger, sandboxClient, tempJournal } from './helpers';

const engineer = { login: DEMO_VIEWER, host: '127.0.0.1' };

describe('github/sync under injected faults', () => {
  let sandbox: Sandbox;
  let token: string;
  before(async () => {
    sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 60 }) });
    token = sandbox.tokenFor(DEMO_VIEWER);
  });
  afterEach(() => sandbox.clearFaults());
  after(() => sandbox.close());

  async function syncWith(setup: () => void, extra: Parameters<typeof sandboxClient>[3] = {}) {
    const log = recordingLogger();
    const client = sandboxClient(sandbox, token, log, extra);
    const j = await tempJournal(engineer);
    const before = await j.handle.load();
    setup();
    sandbox.resetRequests();
    try {
      const result = await syncEngineer({ client, handle: j.handle, engineer });
      return { result, error: undefined, before, after: await j.handle.load(), log, requests: sandbox.requests() };
    } catch (error) {
      return { result: undefined, error, before, after: await j.handle.load(), log, requests: sandbox.requests() };
    } finally {
      j.dispose();
    }
  }

  it('401 -> AuthError, journal unchanged, token not logged', async () => {
    const r = await syncWith(() => sandbox.injectFault({ kind: 'unauthorized' }));
    assert.ok(r.error instanceof AuthError, String(r.error));
    assert.match((r.error as Error).message, /signed out or token revoked/);
    assert.deepEqual(r.after, r.before);
    assert.ok(r.log.lines.every((l) => !l.includes(token)));
  });

  it('a wrong token -> AuthError from the server itself', async () => {
    const log = recordingLogger();
    const client = sandboxClient(sandbox, 'sandbox-token-nobody-here', log);
    const j = await tempJournal(engineer);
    try {
      await assert.rejects(syncEngineer({ client, handle: j.handle, engineer }), AuthError);
      assert.ok(log.lines.every((l) => !l.includes('sandbox-token-nobody-here')));
    } finally {
      j.dispose();
    }
  });

  it('primary rate limit with a reset 1 s away: onRateLimit told, sync completes by itself', async () => {
    const seen: RateLimitInfo[] = [];
    const r = await syncWith(() => sandbox.injectFault({ kind: 'rate-limit', resetSeconds: 1 }), { onRateLimit: (i) => seen.push(i) });
    assert.equal(r.error, undefined, String(r.error));
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.kind, 'primary');
    assert.ok(seen[0]!.resetAt.getTime() > Date.now() - 10_000);
    assert.deepEqual(r.requests.map((q) => q.status).slice(0, 2), [403, 200]);
    assert.deepEqual(project(r.after.feedback, expectedFeedback(sandbox.dataset, sandbox.url, DEMO_VIEWER)), expectedFeedback(sandbox.dataset, sandbox.url, DEMO_VIEWER));
    assert.ok(r.log.lines.every((l) => !l.includes(token)));
  });

  it('secondary rate limit: retry-after honoured, sync completes', async () => {
    const seen: RateLimitInfo[] = [];
    const t0 = Date.now();
    const r = await syncWith(() => sandbox.injectFault({ kind: 'secondary-rate-limit', retryAfterSeconds: 1 }), { onRateLimit: (i) => seen.push(i) });
    assert.equal(r.error, undefined, String(r.error));
    assert.deepEqual(seen.map((s) => s.kind), ['secondary']);
    assert.ok(Date.now() - t0 >= 1000, 'waited at least retry-after');
  });

  it('rate limit resetting beyond the wait bound -> RateLimitError with resetAt, journal unchanged', async () => {
    const r = await syncWith(() => sandbox.injectFault({ kind: 'rate-limit', resetSeconds: 3600 }));
    assert.equal((r.error as Error).name, 'RateLimitError');
    const resetAt = (r.error as { resetAt: Date }).resetAt.getTime();
    assert.ok(Math.abs(resetAt - (Date.now() + 3600_000)) < 10_000);
    assert.deepEqual(r.after, r.before);
  });

  it('502 twice and a dropped connection are retried, then OK', async () => {
    const r = await syncWith(() => {
      sandbox.injectFault({ kind: 'server-error', status: 502, times: 2 });
      sandbox.injectFault({ kind: 'drop', times: 1 });
    });
    assert.equal(r.error, undefined, String(r.error));
    assert.deepEqual(r.requests.slice(0, 4).map((q) => q.status), [502, 502, 0, 200], 'two 502s, a dropped connection, then the answer');
    assert.ok(r.after.syncedUntil);
    const expected = expectedFeedback(sandbox.dataset, sandbox.url, DEMO_VIEWER);
    assert.deepEqual(project(r.after.feedback, expected), expected);
  });

  it('persistent 502 -> ServerError after retries, journal unchanged', async () => {
    const r = await syncWith(() => sandbox.injectFault({ kind: 'server-error', status: 502, times: 50 }));
    assert.ok(r.error instanceof ServerError, String(r.error));
    assert.equal(r.requests.length, 4, '1 try + 3 retries');
    assert.deepEqual(r.after, r.before);
  });

  it('slow responses are waited for', async () => {
    const r = await syncWith(() => sandbox.injectFault({ kind: 'slow', delayMs: 300 }));
    assert.equal(r.error, undefined);
  });
});

describe('github/sync: overflowing pages, 404 on a node, cancel', () => {
  it('a PR with 150 threads, a 120-comment thread, 45 comments and 35 reviews is fetched whole', async () => {
    const { data, huge } = hugeDataset();
    const sandbox = await startSandbox({ port: 0, data });
    const j = await tempJournal(engineer);
    try {
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
      const r = await syncEngineer({ client, handle: j.handle, engineer });
      const expected = expectedFeedback(sandbox.dataset, sandbox.url, DEMO_VIEWER);
      const journal = await j.handle.load();
      assert.deepEqual(project(journal.feedback, expected), expected);
      const mine = Object.values(journal.feedback).filter((f) => f.prNumber === huge.number && f.repo === huge.repo);
      assert.equal(mine.length, 148 * 2 + 2 * 120 + 45 + 35);
      assert.equal(mine.filter((f) => f.threadId === 'PRRT_huge140').length, 120, 'a thread on a later page that overflows too');
      assert.ok(mine.some((f) => f.line !== f.originalLine && f.line !== undefined), 'line and originalLine differ on moved threads');
      assert.ok(sandbox.requests().some((q) => q.operationName === 'ReviewMentorOverflow'));
      assert.ok(r.requests <= 6, `${r.requests} requests`);
    } finally {
      j.dispose();
      await sandbox.close();
    }
  });

  it('one 404 on a follow-up page does not lose the PR: it is fetched again by id in the same sync', async () => {
    const { data, huge } = hugeDataset();
    const sandbox = await startSandbox({ port: 0, data });
    const j = await tempJournal(engineer);
    try {
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
      sandbox.injectFault({ kind: 'not-found', match: 'ReviewMentorOverflow', times: 1 });
      const r = await syncEngineer({ client, handle: j.handle, engineer });
      assert.deepEqual(r.skippedRepos, []);
      assert.equal(r.retrying, 0);
      const expected = expectedFeedback(sandbox.dataset, sandbox.url, DEMO_VIEWER);
      const journal = await j.handle.load();
      assert.deepEqual(project(journal.feedback, expected), expected);
      assert.ok(sandbox.requests().some((q) => q.operationName === 'ReviewMentorPullRequests'), 'fetched again by id');
      assert.equal(journal.sync?.retry, undefined);
      assert.ok(huge.threads.length === 150);
    } finally {
      j.dispose();
      await sandbox.close();
    }
  });

  it('a PR whose follow-ups keep failing goes into the retry set, the cursor stays before it, and the next sync completes it', async () => {
    const { data, huge } = hugeDataset();
    const sandbox = await startSandbox({ port: 0, data });
    const j = await tempJournal(engineer);
    try {
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
      sandbox.injectFault({ kind: 'not-found', match: 'ReviewMentorOverflow', times: 100 });
      const r = await syncEngineer({ client, handle: j.handle, engineer });
      assert.deepEqual(r.skippedRepos, [], 'a failed request is not "gone"');
      assert.equal(r.retrying, 1);
      let journal = await j.handle.load();
      assert.ok(!Object.values(journal.feedback).some((f) => f.prNumber === huge.number && f.repo === huge.repo), 'no half PR');
      assert.deepEqual(Object.keys(journal.sync?.retry ?? {}), [huge.id]);
      assert.ok(journal.syncedUntil! <= huge.updatedAt, `cursor ${journal.syncedUntil} stays at or before ${huge.updatedAt}`);
      const expected = expectedFeedback(sandbox.dataset, sandbox.url, DEMO_VIEWER);
      const without = new Map([...expected].filter(([, f]) => !(f.prNumber === huge.number && f.repo === huge.repo)));
      assert.deepEqual(project(journal.feedback, without), without);

      sandbox.clearFaults();
      const again = await syncEngineer({ client, handle: j.handle, engineer });
      assert.equal(again.retrying, 0);
      journal = await j.handle.load();
      assert.deepEqual(project(journal.feedback, expected), expected);
      assert.equal(journal.sync?.retry, undefined, 'retry set emptied');
    } finally {
      j.dispose();
      await sandbox.close();
    }
  });

  it('a repository that becomes unreadable mid-sync (node is null) is skipped and named', async () => {
    const { data, huge } = hugeDataset();
    const sandbox = await startSandbox({ port: 0, data });
    const j = await tempJournal(engineer);
    try {
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
      const [owner, name] = huge.repo.split('/');
      const original = client.graphql.bind(client);
      // After the search page arrives, access to the huge PR's repo is revoked.
      (client as { graphql: typeof client.graphql }).graphql = async (op, q, v, s) => {
        if (op === 'ReviewMentorOverflow') sandbox.dataset.repos.find((x) => x.owner === owner && x.name === name)!.collaborators = ['someone-else'];
        return original(op, q, v, s);
      };
      const r = await syncEngineer({ client, handle: j.handle, engineer });
      assert.deepEqual(r.skippedRepos, [huge.repo]);
      const journal = await j.handle.load();
      assert.ok(!Object.values(journal.feedback).some((f) => f.prNumber === huge.number && f.repo === huge.repo));
    } finally {
      j.dispose();
      await sandbox.close();
    }
  });

  it('cancel after the first page: CancelledError, cursor not advanced, only whole PRs stored', async () => {
    const sandbox = await startSandbox({ port: 0 });
    const j = await tempJournal(engineer);
    try {
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
      const abort = new AbortController();
      // The user cancels just as the second search page is requested.
      const original = client.graphql.bind(client);
      let pages = 0;
      (client as { graphql: typeof client.graphql }).graphql = async (op, q, v, s) => {
        if (op === 'ReviewMentorFeedback' && ++pages === 2) abort.abort();
        return original(op, q, v, s);
      };
      await assert.rejects(syncEngineer({ client, handle: j.handle, engineer, signal: abort.signal }), CancelledError);
      assert.equal(pages, 2);
      const journal = await j.handle.load();
      assert.equal(journal.syncedUntil, null);
      const expected = expectedFeedback(sandbox.dataset, sandbox.url, DEMO_VIEWER);
      const stored = Object.values(journal.feedback);
      assert.ok(stored.length > 0 && stored.length < expected.size, `${stored.length} of ${expected.size}`);
      const byPr = (items: Iterable<Partial<Feedback>>) => {
        const m = new Map<string, Set<string>>();
        for (const f of items) m.set(f.prUrl!, (m.get(f.prUrl!) ?? new Set()).add(f.id!));
        return m;
      };
      const want = byPr(expected.values());
      for (const [pr, ids] of byPr(stored)) assert.deepEqual(ids, want.get(pr), `PR ${pr} is whole`);
    } finally {
      j.dispose();
      await sandbox.close();
    }
  });
});
