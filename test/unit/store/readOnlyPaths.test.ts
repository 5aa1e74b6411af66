// Read paths stay read-only. The journal panel's first load, the Feedback
// tree and the export all read through JournalStore.open + handle.load (and
// list); whatever state the folder is in, they must not move, rename, create
// or rewrite a file. Only a write may repair.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { JournalController } from '../../../src/features/journal/journalController';
import { JournalStore, journalPaths, shardOf } from '../../../src/store';
import { FakeBackend } from '../protocol/fakeBackend';
import { ada, feedback, tempDir } from './helpers';
import { snapshotTree } from './faultsHelpers';

const items = [1, 2, 3].map((pr) => feedback(`c${pr}`, pr));

const STATES: [string, (root: string) => void][] = [
  ['a healthy journal', () => undefined],
  ['a corrupt main file', (root) => writeFileSync(journalPaths(root, ada).main, '{"schemaVersion": 2,')],
  ['a main file of the wrong shape', (root) => writeFileSync(journalPaths(root, ada).main, JSON.stringify({ schemaVersion: 2, engineer: ada, entries: 'x', syncedUntil: null, shardCount: 4 }))],
  ['a corrupt shard', (root) => writeFileSync(journalPaths(root, ada).shard(shardOf(items[0]!.prUrl, 4)), '')],
  ['a shard of the wrong shape', (root) => writeFileSync(journalPaths(root, ada).shard(shardOf(items[0]!.prUrl, 4)), '{"feedback": "nope"}')],
  ['a v1 journal', (root) => writeFileSync(journalPaths(root, ada).main, JSON.stringify({ engineer: ada, feedback: { old: { ...feedback('old', 9), tags: ['testing'] } } }))],
  ['a newer schema version', (root) => writeFileSync(journalPaths(root, ada).main, JSON.stringify({ schemaVersion: 99, engineer: ada, entries: [], syncedUntil: null, shardCount: 4 }))],
];

describe('store: read paths change nothing', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  for (const [state, damage] of STATES) {
    it(`${state}: open, load, list and the journal panel's snapshot leave every file as it was`, async () => {
      await (await new JournalStore({ rootDir: t.dir, shardCount: 4 }).open(ada)).upsertFeedback(items);
      damage(t.dir);
      const before = await snapshotTree(t.dir);

      const store = new JournalStore({ rootDir: t.dir, onProblem: () => undefined });
      const h = await store.open(ada);
      const journal = await h.load();
      await h.load();
      await store.list();
      // The panel's first load: the controller builds its snapshot from the same load.
      const panel = new JournalController(ada, { postMessage: async () => true, onDidReceiveMessage: () => ({ dispose() {} }) }, new FakeBackend(journal), { info() {}, warn() {}, error() {} });
      await panel.snapshot();
      panel.dispose();

      assert.deepEqual(await snapshotTree(t.dir), before);
    });
  }
});
