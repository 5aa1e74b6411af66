import assert from 'node:assert/strict';
import { readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { JournalStore, journalPaths, shardOf } from '../../../src/store';
import type { ShardedJournalHandle } from '../../../src/store/journalHandle';
import { ada, feedback, tag, tempDir } from './helpers';

describe('store: shard parse cache', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  /** Backdates every shard so the cache may trust their stat. */
  function age(): void {
    const dir = journalPaths(t.dir, ada).shardDir;
    const old = new Date(Date.now() - 60_000);
    for (const n of readdirSync(dir)) utimesSync(path.join(dir, n), old, old);
  }

  async function seeded(): Promise<ShardedJournalHandle> {
    const h = await new JournalStore({ rootDir: t.dir, shardCount: 8 }).open(ada);
    await h.upsertFeedback([1, 2, 3, 4, 5, 6, 7, 8].map((pr) => feedback(`k${pr}`, pr)));
    age();
    return h as ShardedJournalHandle;
  }

  it('a second load re-parses nothing when no shard changed', async () => {
    const h = await seeded();
    const first = await h.load();
    const parsed = h.cache.parsed;
    const second = await h.load();
    assert.equal(h.cache.parsed, parsed);
    assert.deepEqual(second, first);
  });

  it('re-parses only the shard another store instance wrote', async () => {
    const h = await seeded();
    await h.load();
    const parsed = h.cache.parsed;
    await (await new JournalStore({ rootDir: t.dir }).open(ada)).updateFeedback(['k3'], (f) => f.tags.push(tag('design')));
    const j = await h.load();
    assert.equal(h.cache.parsed, parsed + 1);
    assert.deepEqual(j.feedback['k3']!.tags.map((x) => x.category), ['design']);
    await h.updateFeedback(['k3'], (f) => f.tags.push(tag('testing')));
    assert.deepEqual((await h.load()).feedback['k3']!.tags.map((x) => x.category), ['design', 'testing'], 'own writes show too');
  });

  it('sees an in-place edit of the same size made within the same mtime tick', async () => {
    const h = await new JournalStore({ rootDir: t.dir, shardCount: 8 }).open(ada);
    await h.upsertFeedback([feedback('s1', 1, { body: 'aaaa' })]);
    await h.load();
    const file = journalPaths(t.dir, ada).shard(shardOf(feedback('s1', 1).prUrl, 8));
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"aaaa"', '"bbbb"'));
    assert.equal((await h.load()).feedback['s1']!.body, 'bbbb');
  });

  it('a shard damaged after caching is not served from the cache; reads leave it, the next write sets it aside', async () => {
    const h = await seeded();
    await h.load();
    const p = journalPaths(t.dir, ada);
    const bad = p.shard(shardOf(feedback('x', 2).prUrl, 8));
    writeFileSync(bad, '{"shard":');
    const j = await h.load();
    assert.equal(j.feedback['k2'], undefined);
    assert.ok(j.feedback['k1'] || shardOf(feedback('x', 1).prUrl, 8) === shardOf(feedback('x', 2).prUrl, 8));
    assert.equal(readFileSync(bad, 'utf8'), '{"shard":', 'a read changes nothing');
    await h.updateMeta(() => undefined);
    assert.ok(readdirSync(p.shardDir).some((n) => n.includes('corrupt')));
  });

  it('a cold load reads shards of very different sizes whole, multi-byte text included', async () => {
    const w = await new JournalStore({ rootDir: t.dir, shardCount: 8 }).open(ada);
    // Big, small, big again: one read buffer serves every shard, so a small shard after a big one must not carry its tail.
    const bodies = ['x'.repeat(2_000_000) + ' é', 'short ✓', 'ü'.repeat(700_000) + ' 🙂', 'tiny', '', 'naïve café', '日本語のコメント'.repeat(5_000), 'end'];
    const items = bodies.map((body, i) => feedback(`b${i}`, i + 1, { body }));
    await w.upsertFeedback(items);
    const j = await (await new JournalStore({ rootDir: t.dir }).open(ada)).load();
    assert.deepEqual(
      items.map((f) => j.feedback[f.id]?.body),
      bodies,
    );
  });

  it('a cold load lets the event loop run between shards', async () => {
    const w = await new JournalStore({ rootDir: t.dir, shardCount: 64 }).open(ada);
    await w.upsertFeedback(Array.from({ length: 64 }, (_, i) => feedback(`e${i}`, i + 1)));
    const fresh = (await new JournalStore({ rootDir: t.dir }).open(ada)) as ShardedJournalHandle;
    // Shards parsed so far, as seen by a callback that runs once per turn of the event loop.
    const seen = new Set<number>();
    let counting = true;
    const tick = () => {
      if (!counting) return;
      seen.add(fresh.cache.parsed);
      setImmediate(tick);
    };
    setImmediate(tick);
    const j = await fresh.load();
    counting = false;
    assert.equal(Object.keys(j.feedback).length, 64);
    const total = fresh.cache.parsed;
    const between = [...seen].filter((n) => n > 0 && n < total).length;
    assert.ok(between >= total - 1, `the event loop ran at ${between} of the ${total - 1} points between shards`);
  });
});
