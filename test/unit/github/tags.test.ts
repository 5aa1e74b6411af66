// Tags survive syncs: the automatic tags are computed on the merged item
// inside the store's merge, so what a person removed, rejected or set by hand
// is still so after GitHub's copy changed.
import assert from 'node:assert/strict';
import { startSandbox, generateDataset, DEMO_VIEWER, type Sandbox } from '../../../sandbox';
import { createClassifier } from '../../../src/core/classifier';
import { applyManualTags, automaticTags, rejectSuggestion, removeTag } from '../../../src/core/tagging';
import type { Feedback } from '../../../src/core/model';
import { syncEngineer } from '../../../src/github/sync';
import { recordingLogger, sandboxClient, tempJournal } from './helpers';

const engineer = { login: DEMO_VIEWER, host: '127.0.0.1' };
const classifier = createClassifier();
const retag = (f: Feedback) => automaticTags(f, classifier, '2026-11-20T00:00:00.000Z');
const NOW = '2026-11-20T00:00:00.000Z';

describe('github/sync: tags survive syncs', () => {
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ port: 0, data: generateDataset({ prs: 60 }) });
  });
  after(() => sandbox.close());

  /** Three comments the engineer received, given bodies that tag them. */
  function received(n: number) {
    const out = [];
    for (const pr of sandbox.dataset.pullRequests)
      if (pr.author === DEMO_VIEWER) for (const t of pr.threads) for (const c of t.comments) if (c.author !== DEMO_VIEWER && !c.author.endsWith('[bot]') && out.length < n) out.push(c);
    return out;
  }

  it('a removed label tag, a rejected suggestion and a manual tag are all still as the person left them after an edit on GitHub', async () => {
    const j = await tempJournal(engineer);
    try {
      const client = sandboxClient(sandbox, sandbox.tokenFor(DEMO_VIEWER), recordingLogger());
      const [labelled, suggested, manual] = received(3);
      sandbox.editComment(labelled!.id, 'issue (security): this query is built from user input, use parameters.');
      sandbox.editComment(suggested!.id, 'Please add a unit test that covers the empty list and the error path.');
      sandbox.editComment(manual!.id, 'Please add a unit test that covers the timeout path as well.');
      await syncEngineer({ client, handle: j.handle, engineer, retag });
      let journal = await j.handle.load();
      assert.deepEqual(journal.feedback[labelled!.id]!.tags.map((t) => `${t.source}:${t.category}`), ['conventional-comment:security']);
      const suggestion = journal.feedback[suggested!.id]!.tags.find((t) => t.source === 'suggested');
      assert.ok(suggestion, 'the classifier suggests something for a testing comment');
      assert.ok(journal.feedback[manual!.id]!.tags.some((t) => t.source === 'suggested'));

      // What the person does in the editor.
      await j.handle.updateFeedback([labelled!.id], (f) => Object.assign(f, removeTag(f, 'security')));
      await j.handle.updateFeedback([suggested!.id], (f) => Object.assign(f, rejectSuggestion(f, DEMO_VIEWER, NOW)));
      await j.handle.updateFeedback([manual!.id], (f) => Object.assign(f, applyManualTags(f, ['design'], DEMO_VIEWER, NOW)));

      // The authors edit on GitHub; the next sync merges.
      await sleep(5);
      sandbox.editComment(labelled!.id, 'issue (security): this query is built from user input; use parameters, please.');
      sandbox.editComment(suggested!.id, 'Please add a unit test that covers the empty list, the error path and null.');
      sandbox.editComment(manual!.id, 'Please add a unit test that covers the timeout path, and the retry too.');
      const r = await syncEngineer({ client, handle: j.handle, engineer, retag });
      assert.equal(r.updated, 3);
      journal = await j.handle.load();
      const a = journal.feedback[labelled!.id]!;
      assert.match(a.body, /please\.$/);
      assert.deepEqual(a.tags, [], 'the removed label tag stays removed');
      assert.equal(a.conventional?.label, 'issue', 'the label itself is still read');
      const b = journal.feedback[suggested!.id]!;
      assert.ok(!b.tags.some((t) => t.category === suggestion!.category), 'the rejected suggestion does not come back');
      assert.ok(b.rejectedSuggestions?.includes(suggestion!.category));
      const c = journal.feedback[manual!.id]!;
      assert.deepEqual(c.tags.map((t) => `${t.source}:${t.category}`), ['manual:design'], 'a manual tag suppresses suggestions');
    } finally {
      j.dispose();
    }
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
