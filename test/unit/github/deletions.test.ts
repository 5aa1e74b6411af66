// A PR fetched whole is the truth for its items: comments deleted on GitHub
// leave the journal, except those a goal or note links to, which stay as a
// "deleted on GitHub" stub that counts nowhere.
import assert from 'node:assert/strict';
import { startSandbox, generateDataset, DEMO_VIEWER, type Sandbox } from '../../../sandbox';
import { liveFeedback } from '../../../src/core/model';
import { buildSummary } from '../../../src/core/summary/build';
import { DEFAULT_CATEGORIES, Taxonomy } from '../../../src/core/taxonomy';
import { syncEngineer } from '../../../src/github/sync';
import { JournalStore } from '../../../src/store';
import { expectedFeedback, project, recordingLogger, sandboxClient, tempJournal } from './helpers';
import { feedback, tempDir } from '../store/helpers';

const engineer = { login: DEMO_VIEWER, host: '127.0.0.1' };

describe('github/sync: deletions', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 60 }) });
  });
  after(() => sandbox.close());

  it('comments, reviews and conversation comments deleted on GitHub leave the journal; a linked one stays as a stub', async () => {
    const j = await tempJournal(engineer);
    try {
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
      await syncEngineer({ client, handle: j.handle, engineer });
      const pr = sandbox.dataset.pullRequests.find((p) => p.author === DEMO_VIEWER && p.threads.length > 1 && p.comments.length > 0 && p.reviews.some((r) => r.body.trim()))!;
      assert.ok(pr, 'a PR with every kind of feedback');
      const inline = pr.threads[0]!.comments.find((c) => c.author !== DEMO_VIEWER && !c.author.endsWith('[bot]'))!;
      const linked = pr.threads[1]!.comments.find((c) => c.author !== DEMO_VIEWER && !c.author.endsWith('[bot]'))!;
      const conversation = pr.comments.find((c) => c.author !== DEMO_VIEWER && !c.author.endsWith('[bot]'))!;
      const review = pr.reviews.find((r) => r.body.trim() && r.author !== DEMO_VIEWER && !r.author.endsWith('[bot]'))!;
      const ids = [inline, linked, conversation, review].map((x) => x?.id);
      assert.ok(ids.every((id) => id), 'found all four');
      const goal = { id: 'g1', kind: 'goal' as const, text: 'Write tests first', status: 'open' as const, links: [linked.id], createdAt: 'x', updatedAt: 'x' };
      await j.handle.updateMeta((m) => void m.entries.push(goal));
      let journal = await j.handle.load();
      assert.ok(ids.every((id) => journal.feedback[id!]), 'all synced before');

      for (const id of ids) sandbox.deleteComment(id!);
      const r = await syncEngineer({ client, handle: j.handle, engineer });
      assert.equal(r.removed, 4);
      journal = await j.handle.load();
      const expected = expectedFeedback(sandbox.dataset, sandbox.url, DEMO_VIEWER);
      const live = Object.fromEntries(liveFeedback(journal).map((f) => [f.id, f]));
      assert.deepEqual(project(live, expected), expected, 'the live journal equals GitHub');
      for (const id of [inline.id, conversation.id, review.id]) assert.equal(journal.feedback[id], undefined);
      assert.ok(journal.feedback[linked.id]!.deletedOnGitHubAt, 'the linked comment is a stub');

      const summary = buildSummary({ journals: [journal], from: '2000-01-01', to: '2099-01-01', now: new Date('2099-01-01T00:00:00Z'), includeText: true, includeReviewerNames: true, excludeBots: true, taxonomy: new Taxonomy(DEFAULT_CATEGORIES) });
      const engineerSummary = summary.engineers[0]!;
      const receivedLive = [...expected.values()].filter((f) => f.author === DEMO_VIEWER && f.reviewer !== DEMO_VIEWER).length;
      assert.equal(engineerSummary.received.total.current, receivedLive, 'the stub is not counted');
      const link = [...engineerSummary.goals].flatMap((g) => g.links).find((l) => l.id === linked.id);
      assert.match(link?.text ?? '', /^\(deleted on GitHub\)/);
    } finally {
      j.dispose();
    }
  });
});

describe('store: whole PRs replace their items', () => {
  it('removes items missing from a whole PR, keeps linked ones as stubs, and revives a stub that comes back', async () => {
    const t = tempDir();
    try {
      const h = await new JournalStore({ rootDir: t.dir, shardCount: 4 }).open({ login: 'ada', host: 'github.com' });
      await h.upsertFeedback([feedback('a', 1), feedback('b', 1), feedback('c', 1), feedback('other', 2)]);
      await h.updateMeta((m) => void m.entries.push({ id: 'n', kind: 'note', text: 'see b', status: 'open', links: ['b'], createdAt: 'x', updatedAt: 'x' }));
      const url = feedback('a', 1).prUrl;
      await h.upsertFeedback([feedback('a', 1)], { wholePrs: [url], now: '2026-05-01T00:00:00.000Z' });
      let j = await h.load();
      assert.deepEqual(Object.keys(j.feedback).sort(), ['a', 'b', 'other']);
      assert.equal(j.feedback['b']!.deletedOnGitHubAt, '2026-05-01T00:00:00.000Z');
      assert.equal(j.feedback['other']!.deletedOnGitHubAt, undefined, 'other PRs untouched');
      await h.upsertFeedback([feedback('a', 1), feedback('b', 1)], { wholePrs: [url] });
      j = await h.load();
      assert.equal(j.feedback['b']!.deletedOnGitHubAt, undefined, 'back on GitHub');
      await h.upsertFeedback([], { wholePrs: [url] });
      j = await h.load();
      assert.deepEqual(Object.keys(j.feedback).sort(), ['b', 'other'], 'a PR with no feedback left');
    } finally {
      t.cleanup();
    }
  });
});
