// The reconcile pass: GitHub need not move a PR's updatedAt for an edit, a
// resolved thread or a deleted comment, so open PRs and PRs active in the last
// N days are fetched again by id on a schedule, whatever the search says.
import assert from 'node:assert/strict';
import { startSandbox, generateDataset, DEMO_VIEWER, type Sandbox } from '../../../sandbox';
import { syncEngineer } from '../../../src/github/sync';
import { recordingLogger, sandboxClient, tempJournal } from './helpers';

const engineer = { login: DEMO_VIEWER, host: '127.0.0.1' };

describe('github/sync: reconcile pass', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 80 }), editsBumpPr: false });
  });
  after(() => sandbox.close());

  it('finds quiet edits, resolutions and deletions on open PRs when due; between passes a warm sync stays one request', async () => {
    const j = await tempJournal(engineer);
    try {
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
      await syncEngineer({ client, handle: j.handle, engineer });
      const open = sandbox.dataset.pullRequests.filter((p) => p.state === 'OPEN' && p.author === DEMO_VIEWER && p.threads.some((t) => !t.isResolved && t.comments.filter((c) => c.author !== DEMO_VIEWER && !c.author.endsWith('[bot]')).length >= 2));
      assert.ok(open.length > 0, 'an open PR of the engineer with a two-comment thread');
      const pr = open[0]!;
      const thread = pr.threads.find((t) => !t.isResolved && t.comments.filter((c) => c.author !== DEMO_VIEWER && !c.author.endsWith('[bot]')).length >= 2)!;
      const [first, second] = thread.comments.filter((c) => c.author !== DEMO_VIEWER && !c.author.endsWith('[bot]'));
      const before = pr.updatedAt;
      sandbox.editComment(first!.id, 'edited without moving the PR');
      sandbox.resolveThread(thread.id);
      sandbox.deleteComment(second!.id);
      assert.equal(pr.updatedAt, before, 'GitHub did not mark the PR updated');

      // Within the schedule: one request, nothing seen.
      sandbox.resetRequests();
      const warm = await syncEngineer({ client, handle: j.handle, engineer });
      assert.equal(warm.requests, 1);
      assert.equal(warm.byId.reconciled, false);
      let journal = await j.handle.load();
      assert.notEqual(journal.feedback[first!.id]!.body, 'edited without moving the PR');

      // The pass is due (an hour later, here: an interval of 0).
      const recent = Object.keys(journal.sync?.recent ?? {});
      assert.ok(recent.includes(pr.id), 'open PRs are in the reconcile set');
      const due = await syncEngineer({ client, handle: j.handle, engineer, reconcileEveryMs: 0 });
      assert.equal(due.byId.reconciled, true);
      assert.equal(due.byId.prs, recent.length);
      assert.equal(due.byId.requests, Math.ceil(recent.length / 50), 'the PRs are fetched 50 to a request (none overflows here)');
      journal = await j.handle.load();
      assert.equal(journal.feedback[first!.id]!.body, 'edited without moving the PR');
      assert.equal(journal.feedback[first!.id]!.isResolved, true);
      assert.equal(journal.feedback[second!.id], undefined, 'the deleted comment is gone');
      assert.ok(journal.sync?.reconciledAt);

      sandbox.resetRequests();
      const after = await syncEngineer({ client, handle: j.handle, engineer });
      assert.equal(after.requests, 1, 'the next pass waits for the schedule');
    } finally {
      j.dispose();
    }
  });

  it('reconcileDays 0 turns the pass off; a closed PR older than the window leaves the set', async () => {
    const j = await tempJournal(engineer);
    try {
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
      await syncEngineer({ client, handle: j.handle, engineer });
      const journal = await j.handle.load();
      const closedOld = sandbox.dataset.pullRequests.find((p) => p.state !== 'OPEN' && p.author === DEMO_VIEWER && Date.now() - Date.parse(p.updatedAt) > 15 * 86_400_000)!;
      assert.ok(closedOld);
      assert.ok(!Object.keys(journal.sync?.recent ?? {}).includes(closedOld.id));
      const off = await syncEngineer({ client, handle: j.handle, engineer, reconcileDays: 0, reconcileEveryMs: 0 });
      assert.equal(off.byId.requests, 0);
      assert.equal(off.requests, 1);
    } finally {
      j.dispose();
    }
  });
});
