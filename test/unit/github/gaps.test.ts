// No gaps: every way a PR could slip behind the cursor and never be synced
// again, against the sandbox modelling what GitHub may do.
import assert from 'node:assert/strict';
import { readdirSync, statSync, writeFileSync, rmSync } from 'node:fs';
import { startSandbox, generateDataset, DEMO_VIEWER, type Sandbox } from '../../../sandbox';
import type { Dataset } from '../../../src/demo/dataset';
import { syncEngineer, OVERLAP_MS } from '../../../src/github/sync';
import { journalPaths } from '../../../src/store';
import { expectedFeedback, project, recordingLogger, sandboxClient, tempJournal } from './helpers';

const engineer = { login: DEMO_VIEWER, host: '127.0.0.1' };

/** Moves one repository to another organisation, `globex`. */
function withSecondOrg(): { data: Dataset; repo: string } {
  const data = generateDataset({ prs: 120 });
  const r = data.repos.find((x) => data.pullRequests.some((p) => p.repo === `${x.owner}/${x.name}` && p.author === DEMO_VIEWER))!;
  const old = `${r.owner}/${r.name}`;
  r.owner = 'globex';
  for (const p of data.pullRequests) if (p.repo === old) p.repo = `globex/${r.name}`;
  return { data, repo: `globex/${r.name}` };
}

describe('github/sync: no gaps', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('PRs hidden by SAML SSO: the problem names the organisation and how to authorise; the cursor waits; authorised, the next sync gets them', async () => {
    const { data, repo } = withSecondOrg();
    sandbox = await startSandbox({ port: 0, data, ssoOrgs: ['globex'] });
    const j = await tempJournal(engineer);
    try {
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
      const r = await syncEngineer({ client, handle: j.handle, engineer });
      assert.equal(r.problems.length, 1, r.problems.join('\n'));
      assert.match(r.problems[0]!, /organisation globex/);
      assert.match(r.problems[0]!, /SAML single sign-on/);
      assert.match(r.problems[0]!, /Configure SSO.*Authorize/);
      const expected = expectedFeedback(sandbox.dataset, sandbox.url, DEMO_VIEWER);
      const visible = new Map([...expected].filter(([, f]) => f.repo !== repo));
      assert.ok(visible.size < expected.size);
      assert.deepEqual(project((await j.handle.load()).feedback, visible), visible);

      sandbox.ssoOrgs.clear(); // the user authorised the token
      const again = await syncEngineer({ client, handle: j.handle, engineer });
      assert.deepEqual(again.problems, []);
      assert.deepEqual(project((await j.handle.load()).feedback, expected), expected);
    } finally {
      j.dispose();
    }
  });

  it('a PR updated between two search pages does not push an unread one out of reach', async () => {
    sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 300 }) });
    const j = await tempJournal(engineer);
    try {
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
      const reviewed = sandbox.dataset.pullRequests
        .filter((p) => p.author !== DEMO_VIEWER && (p.reviews.some((r) => r.author === DEMO_VIEWER) || p.threads.some((t) => t.comments.some((c) => c.author === DEMO_VIEWER))))
        .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
      assert.ok(reviewed.length > 60, `the reviewed search has more than one page (${reviewed.length})`);
      let pages = 0;
      let clock = Date.now();
      sandbox.beforeRequest((req) => {
        // Between page 1 and page 2, someone pushes to a PR already read.
        if (req.operationName === 'ReviewMentorFeedback' && ++pages === 2) {
          clock += 1000;
          reviewed[0]!.updatedAt = new Date(clock).toISOString();
        }
      });
      await syncEngineer({ client, handle: j.handle, engineer });
      const expected = expectedFeedback(sandbox.dataset, sandbox.url, DEMO_VIEWER);
      assert.deepEqual(project((await j.handle.load()).feedback, expected), expected);
    } finally {
      j.dispose();
    }
  });

  for (const offsetMin of [-5, 5]) {
    it(`the cursor is GitHub's clock (server ${offsetMin > 0 ? 'ahead' : 'behind'} by ${Math.abs(offsetMin)} min), searched again with a ${OVERLAP_MS / 60_000}-minute overlap`, async () => {
      sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 60 }), clockOffsetMs: offsetMin * 60_000 });
      const j = await tempJournal(engineer);
      try {
        const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
        const queries: string[] = [];
        const original = client.graphql.bind(client);
        (client as { graphql: typeof client.graphql }).graphql = async (op, q, v, s) => {
          if (op === 'ReviewMentorFeedback') queries.push(String(v['receivedQuery']));
          return original(op, q, v, s);
        };
        const t0 = Date.now() + offsetMin * 60_000;
        const cold = await syncEngineer({ client, handle: j.handle, engineer });
        const cursor = Date.parse(cold.cursor);
        assert.ok(Math.abs(cursor - t0) < 5_000, `cursor ${cold.cursor} is the server's time, not this machine's`);
        assert.equal((await j.handle.load()).syncedUntil, cold.cursor);

        // A comment GitHub dates just after the sync started.
        const pr = sandbox.dataset.pullRequests.find((p) => p.author === DEMO_VIEWER)!;
        const added = sandbox.addComment({ pr: pr.id, author: 'sam-lee', body: 'Please add a test.', kind: 'issue-comment' });
        queries.length = 0;
        await syncEngineer({ client, handle: j.handle, engineer });
        const since = /updated:>=(\S+)/.exec(queries[0]!)![1]!;
        assert.equal(Date.parse(since), Math.floor((cursor - OVERLAP_MS) / 1000) * 1000, 'searched from the cursor minus the overlap');
        assert.ok((await j.handle.load()).feedback[added.id], 'the new comment is synced');
      } finally {
        j.dispose();
      }
    });
  }

  it("a corrupt shard's comments come back with the next sync; a full re-sync restores a lost shard", async () => {
    sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 80 }) });
    const dir = (await tempJournal(engineer)).dir;
    const { JournalStore } = await import('../../../src/store');
    const problems: string[] = [];
    // A read reports the damage ('damaged', logged); the write that sets the shard aside tells the user ('corrupt'), once.
    const handle = await new JournalStore({ rootDir: dir, shardCount: 8, onProblem: (p) => p.kind === 'corrupt' && problems.push(p.message) }).open(engineer);
    try {
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
      await syncEngineer({ client, handle, engineer });
      const expected = expectedFeedback(sandbox.dataset, sandbox.url, DEMO_VIEWER);
      const shards = journalPaths(dir, engineer).shardDir;
      const biggest = readdirSync(shards).map((n) => `${shards}/${n}`).sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
      writeFileSync(biggest, '{"shard": 0, "feedback": {"trunc');
      const warm = await syncEngineer({ client, handle, engineer });
      assert.equal(problems.length, 1, 'the user is told the shard was set aside');
      assert.ok(warm.prs > 0);
      assert.deepEqual(project((await handle.load()).feedback, expected), expected);
      assert.equal((await handle.load()).sync?.fullResync, undefined, 'the request is done');

      rmSync(biggest);
      assert.ok(Object.keys((await handle.load()).feedback).length < expected.size);
      await syncEngineer({ client, handle, engineer });
      assert.ok(Object.keys((await handle.load()).feedback).length < expected.size, 'an incremental sync does not notice a missing file');
      await syncEngineer({ client, handle, engineer, full: true });
      assert.deepEqual(project((await handle.load()).feedback, expected), expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('PRs seen again without changes cost no write', async () => {
    sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 60 }) });
    const j = await tempJournal(engineer);
    try {
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
      await syncEngineer({ client, handle: j.handle, engineer });
      for (const p of sandbox.dataset.pullRequests.slice(0, 10)) sandbox.touch(p.id);
      let writes = 0;
      const counting = { load: () => j.handle.load(), updateMeta: j.handle.updateMeta.bind(j.handle), upsertFeedback: async () => void writes++ };
      const r = await syncEngineer({ client, handle: counting, engineer });
      assert.ok(r.prs > 0 && r.unchanged > 0, `${r.prs} PRs seen again`);
      assert.equal(writes, 0);
    } finally {
      j.dispose();
    }
  });
});
