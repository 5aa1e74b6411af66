import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { type JournalChange, JournalStore, journalPaths, mergeSynced } from '../../../src/store';
import { ada, feedback, tag, tempDir, problems } from './helpers';

describe('store: JournalStore basics', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('an unknown journal loads empty without a file; the first write creates it and lists it', async () => {
    const store = new JournalStore({ rootDir: t.dir, shardCount: 8 });
    const h = await store.open({ login: 'Ada', host: 'ghe.example.com:8443' });
    const j = await h.load();
    assert.deepEqual(j, { schemaVersion: 2, engineer: { login: 'Ada', host: 'ghe.example.com:8443' }, syncedUntil: null, entries: [], feedback: {} });
    assert.deepEqual(await store.list(), [], 'opening and reading wrote nothing');
    await h.updateMeta(() => undefined);
    assert.deepEqual(await store.list(), [{ login: 'Ada', host: 'ghe.example.com:8443' }]);
    assert.ok(existsSync(journalPaths(t.dir, { login: 'ada', host: 'ghe.example.com:8443' }).main), 'login case does not change the file');
  });

  it('upserts, updates, and keeps whole PRs in one shard', async () => {
    const store = new JournalStore({ rootDir: t.dir, shardCount: 8 });
    const h = await store.open(ada);
    const items = [feedback('a1', 1), feedback('a2', 1), feedback('b1', 2), feedback('c1', 3)];
    await h.upsertFeedback(items, { syncedUntil: '2026-03-01T00:00:00.000Z' });
    const { missing } = await h.updateFeedback(['a2', 'nope'], (f) => f.tags.push(tag('testing')));
    assert.deepEqual(missing, ['nope']);
    await h.updateMeta((m) => m.entries.push({ id: 'e1', kind: 'goal', text: 'More tests', status: 'open', links: ['a2'], createdAt: 'x', updatedAt: 'x' }));

    // A second store instance reads only what is on disk.
    const j = await (await new JournalStore({ rootDir: t.dir }).open(ada)).load();
    assert.equal(j.syncedUntil, '2026-03-01T00:00:00.000Z');
    assert.deepEqual(Object.keys(j.feedback).sort(), ['a1', 'a2', 'b1', 'c1']);
    assert.deepEqual(j.feedback['a2']!.tags.map((x) => x.category), ['testing']);
    assert.equal(j.entries[0]!.text, 'More tests');

    const shardDir = journalPaths(t.dir, ada).shardDir;
    const holders = readdirSync(shardDir).filter((n) => JSON.parse(readFileSync(path.join(shardDir, n), 'utf8')).feedback['a1']);
    assert.equal(holders.length, 1);
    const shard = JSON.parse(readFileSync(path.join(shardDir, holders[0]!), 'utf8'));
    assert.ok(shard.feedback['a2'], 'both comments of PR 1 share a shard');
  });

  it('finds items written by another process since its index was built', async () => {
    const a = await new JournalStore({ rootDir: t.dir, shardCount: 8 }).open(ada);
    await a.load();
    await (await new JournalStore({ rootDir: t.dir }).open(ada)).upsertFeedback([feedback('late', 9)]);
    assert.deepEqual(await a.updateFeedback(['late'], (f) => (f.learnedAt = 'now')), { missing: [] });
    assert.equal((await a.load()).feedback['late']!.learnedAt, 'now');
  });

  it('keeps unknown fields and unknown category ids through load and writes', async () => {
    const store = new JournalStore({ rootDir: t.dir, shardCount: 4 });
    const h = await store.open(ada);
    const odd = { ...feedback('u1', 5), futureField: { deep: [1, 2] }, tags: [{ ...tag('quantum-ethics'), extra: 'kept' }] };
    await h.upsertFeedback([odd]);
    const p = journalPaths(t.dir, ada);
    const main = JSON.parse(readFileSync(p.main, 'utf8'));
    writeFileSync(p.main, JSON.stringify({ ...main, teamNotes: 'from v3 tool', entries: [{ id: 'e', kind: 'note', text: 't', status: 'open', links: [], createdAt: 'a', updatedAt: 'a', mood: 'good' }] }));
    await h.updateFeedback(['u1'], (f) => (f.isResolved = true));
    await h.updateMeta((m) => (m.syncedUntil = 'later'));
    await h.upsertFeedback([feedback('u1', 5, { body: 'edited on GitHub' })]);

    const j = (await h.load()) as unknown as Record<string, any>;
    assert.equal(j['teamNotes'], 'from v3 tool');
    assert.equal(j['entries'][0].mood, 'good');
    const item = j['feedback']['u1'];
    assert.deepEqual(item.futureField, { deep: [1, 2] });
    assert.equal(item.body, 'edited on GitHub');
    assert.deepEqual(item.tags, [{ ...tag('quantum-ethics'), extra: 'kept' }]);
  });

  it('a sync keeps manual tags, learned state and rejected suggestions (mergeSynced)', () => {
    const old = feedback('m', 1, { tags: [tag('design'), tag('testing', { source: 'suggested' })], learnedAt: 'then', rejectedSuggestions: ['tone'] });
    const fresh = feedback('m', 1, { body: 'new', tags: [tag('tone', { source: 'suggested' }), tag('security', { source: 'marker' }), tag('design', { source: 'suggested' })] });
    const merged = mergeSynced(old, fresh);
    assert.equal(merged.body, 'new');
    assert.equal(merged.learnedAt, 'then');
    assert.deepEqual(merged.tags.map((x) => `${x.source}:${x.category}`), ['manual:design', 'marker:security']);
  });

  it('watch fires when another store instance writes, and ignores nothing-changed quiet', async () => {
    const { onProblem } = problems();
    const mine = await new JournalStore({ rootDir: t.dir, watchDebounceMs: 50, onProblem }).open(ada);
    let fired = 0;
    const w = mine.watch(() => fired++);
    try {
      await new Promise((r) => setTimeout(r, 150));
      assert.equal(fired, 0, 'no event without a write');
      const other = await new JournalStore({ rootDir: t.dir }).open(ada);
      await other.upsertFeedback([feedback('w1', 4)]);
      await other.updateMeta((m) => (m.syncedUntil = 'now'));
      const deadline = Date.now() + 3000;
      while (fired === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.ok(fired >= 1, 'watch fired');
      assert.ok(fired <= 2, `debounced (${fired})`);
    } finally {
      w.dispose();
    }
  });

  it('watch ignores temp files, lock folders and other journals', async () => {
    const h = await new JournalStore({ rootDir: t.dir, watchDebounceMs: 30 }).open(ada);
    await new JournalStore({ rootDir: t.dir }).open({ login: 'bob', host: 'github.com' });
    const p = journalPaths(t.dir, ada);
    let fired = 0;
    const w = h.watch(() => fired++);
    try {
      writeFileSync(`${p.main}.tmp-123-abcd`, '{}');
      rmSync(`${p.main}.tmp-123-abcd`);
      mkdirSync(`${p.main}.lock`);
      rmSync(`${p.main}.lock`, { recursive: true });
      writeFileSync(p.shard(0) + '.tmp-1-ff', '{}');
      writeFileSync(path.join(p.dir, 'bob.json'), '{}');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(fired, 0);
      writeFileSync(p.shard(1), '{"shard":1,"of":256,"feedback":{}}');
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(fired, 1, 'a shard replaced by hand counts');
    } finally {
      w.dispose();
    }
  });

  it('a write through the handle is announced once, with its ids; the watcher does not announce it again', async () => {
    const h = await new JournalStore({ rootDir: t.dir, watchDebounceMs: 30 }).open(ada);
    const changes: JournalChange[] = [];
    const w = h.watch((c) => changes.push(c));
    try {
      await h.upsertFeedback([feedback('s1', 1), feedback('s2', 2)]);
      await h.updateFeedback(['s1'], (f) => (f.learnedAt = 'now'));
      await h.updateMeta((m) => (m.syncedUntil = 'later'));
      await new Promise((r) => setTimeout(r, 400));
      assert.deepEqual(
        changes.map((c) => [c.origin, c.feedback, c.meta]),
        [
          ['self', ['s1', 's2'], false],
          ['self', ['s1'], false],
          ['self', [], true],
        ],
      );
    } finally {
      w.dispose();
    }
  });

  it("another process's write is announced from disk with the ids that changed", async () => {
    const mine = await new JournalStore({ rootDir: t.dir, watchDebounceMs: 50 }).open(ada);
    await mine.upsertFeedback([feedback('d1', 1), feedback('d2', 1)]);
    await mine.load(); // the shard cache now holds what this window shows
    const changes: JournalChange[] = [];
    const w = mine.watch((c) => changes.push(c));
    try {
      const other = await new JournalStore({ rootDir: t.dir }).open(ada);
      await other.updateFeedback(['d2'], (f) => (f.learnedAt = 'now'));
      const deadline = Date.now() + 3000;
      while (changes.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.equal(changes.length, 1);
      assert.deepEqual([changes[0]!.origin, changes[0]!.feedback, changes[0]!.meta], ['disk', ['d2'], false]);
    } finally {
      w.dispose();
    }
  });
});
