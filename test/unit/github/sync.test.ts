// Sync against the sandbox GitHub: the journal must equal the sandbox's data,
// comment for comment, and a re-sync with nothing new must cost one request.
import assert from 'node:assert/strict';
import { startSandbox, DEMO_VIEWER, type Sandbox } from '../../../sandbox';
import { syncEngineer } from '../../../src/github/sync';
import { getViewer } from '../../../src/github/client';
import { expectedFeedback, project, recordingLogger, sandboxClient, tempJournal } from './helpers';

describe('github/sync against the sandbox', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0 });
  });
  after(() => sandbox.close());

  it('getViewer returns the demo viewer', async () => {
    const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
    assert.equal(await getViewer(client), DEMO_VIEWER);
  });

  it('cold sync equals the dataset; re-sync with no change is one request; edits and new comments are picked up', async () => {
    const engineer = { login: DEMO_VIEWER, host: '127.0.0.1' };
    const log = recordingLogger();
    const token = sandbox.tokenFor(DEMO_VIEWER);
    const client = sandboxClient(sandbox, token, log);
    const j = await tempJournal(engineer);
    try {
      sandbox.resetRequests();
      const cold = await syncEngineer({ client, handle: j.handle, engineer });
      const expected = expectedFeedback(sandbox.dataset, sandbox.url, DEMO_VIEWER);
      assert.ok(expected.size > 100, `the dataset gives ${DEMO_VIEWER} plenty of feedback (${expected.size})`);
      const journal = await j.handle.load();
      assert.deepEqual(project(journal.feedback, expected), expected);
      assert.equal(cold.added, expected.size);
      assert.equal(cold.requests, sandbox.requests().length);
      assert.ok(cold.graphqlCost > 0);
      assert.equal(journal.syncedUntil, cold.cursor);
      assert.ok(Object.values(journal.feedback).every((f) => !f.reviewer.endsWith('[bot]')), 'bots excluded by default');

      sandbox.resetRequests();
      const warm = await syncEngineer({ client, handle: j.handle, engineer });
      assert.equal(sandbox.requests().length, 1);
      assert.equal(warm.requests, 1);
      assert.equal(warm.added + warm.updated, 0);

      // Someone edits a comment the engineer received, and adds a new one.
      const received = [...expected.values()].find((f) => f.kind === 'review-comment' && f.author === DEMO_VIEWER)!;
      const pr = sandbox.dataset.pullRequests.find((p) => p.threads.some((t) => t.id === received.threadId))!;
      const manual = { category: 'testing', source: 'manual' as const, at: new Date().toISOString(), by: DEMO_VIEWER };
      await j.handle.updateFeedback([received.id!], (f) => {
        f.tags.push(manual);
        f.learnedAt = '2026-11-20T00:00:00.000Z';
      });
      await sleep(5);
      sandbox.editComment(received.id!, `${received.body} (edited)`);
      const added = sandbox.addComment({ pr: pr.id, author: received.reviewer!, body: 'One more thing: add a test for the empty case.', threadId: received.threadId! });
      sandbox.resetRequests();
      const inc = await syncEngineer({ client, handle: j.handle, engineer });
      assert.equal(inc.requests, 1);
      assert.equal(inc.added, 1);
      assert.equal(inc.updated, 1);
      const after = await j.handle.load();
      assert.equal(after.feedback[received.id!]!.body, `${received.body} (edited)`);
      assert.deepEqual(after.feedback[received.id!]!.tags, [manual], 'manual tag kept through the update');
      assert.equal(after.feedback[received.id!]!.learnedAt, '2026-11-20T00:00:00.000Z');
      assert.equal(after.feedback[added.id]!.body, added.body);
      assert.equal(Object.keys(after.feedback).length, expected.size + 1);
      assert.ok(log.lines.every((l) => !l.includes(token)), 'the token never reaches the log');
    } finally {
      j.dispose();
    }
  });

  it('includeBots keeps bot comments, flagged reviewerIsBot', async () => {
    const login = sandbox.dataset.pullRequests.find((p) => p.threads.some((t) => t.comments.some((c) => c.author.endsWith('[bot]'))))!.author;
    const engineer = { login, host: '127.0.0.1' };
    const client = sandboxClient(sandbox, sandbox.tokenFor(login), recordingLogger());
    const j = await tempJournal(engineer);
    try {
      await syncEngineer({ client, handle: j.handle, engineer, includeBots: true });
      const expected = expectedFeedback(sandbox.dataset, sandbox.url, login, true);
      const journal = await j.handle.load();
      assert.deepEqual(project(journal.feedback, expected), expected);
      const bots = Object.values(journal.feedback).filter((f) => f.reviewerIsBot);
      assert.ok(bots.length > 0 && bots.every((f) => f.reviewer.endsWith('[bot]')));
    } finally {
      j.dispose();
    }
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
