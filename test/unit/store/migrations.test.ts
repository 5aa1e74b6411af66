import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { JournalStore, journalPaths } from '../../../src/store';
import { migrate } from '../../../src/store/migrations';
import { ada, tempDir } from './helpers';

// What a v1 journal looked like: one file, tags as category ids, no entries.
function v1Journal() {
  return {
    schemaVersion: 1,
    engineer: ada,
    syncedUntil: '2025-12-01T00:00:00.000Z',
    legacyField: 'keep me',
    feedback: {
      c1: { id: 'c1', prUrl: 'https://github.com/acme/app/pull/1', repo: 'acme/app', prNumber: 1, author: 'ada', reviewer: 'bob', body: 'b', createdAt: '2025-11-01T00:00:00.000Z', updatedAt: '2025-11-02T00:00:00.000Z', isResolved: false, tags: ['testing', 'team-specific'], oldOnly: 42 },
      c2: { prUrl: 'https://github.com/acme/app/pull/2', repo: 'acme/app', prNumber: 2, author: 'ada', reviewer: 'cy', body: 'b', createdAt: '2025-11-03T00:00:00.000Z', isResolved: true },
    },
  };
}

describe('store: schema migrations', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('v1 -> v2 turns category ids into Tag objects and adds entries', () => {
    const raw = v1Journal() as unknown as Record<string, any>;
    assert.equal(migrate(raw, '2026-01-01T00:00:00.000Z'), 1);
    assert.equal(raw['schemaVersion'], 2);
    assert.deepEqual(raw['entries'], []);
    assert.deepEqual(raw['feedback'].c1.tags, [
      { category: 'testing', source: 'manual', at: '2025-11-02T00:00:00.000Z', by: 'ada' },
      { category: 'team-specific', source: 'manual', at: '2025-11-02T00:00:00.000Z', by: 'ada' },
    ]);
    assert.deepEqual(raw['feedback'].c2.tags, [], 'an item without tags gets an empty list');
    assert.equal(raw['feedback'].c1.oldOnly, 42);
    assert.equal(raw['legacyField'], 'keep me');
  });

  it('a current journal is left alone', () => {
    const raw = { schemaVersion: 2, engineer: ada, entries: [{ id: 'e' }], feedback: { a: { tags: [{ category: 'x' }] } } };
    const before = JSON.stringify(raw);
    assert.equal(migrate(raw), 2);
    assert.equal(JSON.stringify(raw), before);
  });

  it('a v1 file is read migrated in memory; the first write migrates it on disk, shards it, and keeps a backup', async () => {
    const p = journalPaths(t.dir, ada);
    mkdirSync(p.dir, { recursive: true });
    const original = JSON.stringify(v1Journal(), null, 2);
    writeFileSync(p.main, original);

    const h = await new JournalStore({ rootDir: t.dir, shardCount: 4 }).open(ada);
    const j = (await h.load()) as unknown as Record<string, any>;
    assert.equal(j['schemaVersion'], 2);
    assert.equal(j['syncedUntil'], '2025-12-01T00:00:00.000Z');
    assert.equal(j['legacyField'], 'keep me');
    assert.deepEqual(Object.keys(j['feedback']).sort(), ['c1', 'c2']);
    assert.equal(j['feedback'].c2.id, 'c2', 'id filled from the key');
    assert.equal(j['feedback'].c1.tags[1].category, 'team-specific', 'unknown category id kept');
    assert.equal(readFileSync(p.main, 'utf8'), original, 'reading changed nothing');
    assert.deepEqual(readdirSync(p.dir).filter((n) => n.startsWith('ada.v1-backup-')), []);

    // Writes migrate first, then apply the change on the new layout.
    await h.updateFeedback(['c2'], (f) => f.tags.push({ category: 'design', source: 'manual', at: 'now', by: 'ada' }));
    assert.equal((await h.load()).feedback['c2']!.tags.at(-1)!.category, 'design');
    const main = JSON.parse(readFileSync(p.main, 'utf8'));
    assert.equal(main.feedback, undefined, 'feedback now lives in shards');
    assert.equal(main.shardCount, 4);
    const backups = readdirSync(p.dir).filter((n) => n.startsWith('ada.v1-backup-'));
    assert.equal(backups.length, 1);
    assert.equal(readFileSync(`${p.dir}/${backups[0]}`, 'utf8'), original);
    // Backups are not journals.
    assert.deepEqual(await new JournalStore({ rootDir: t.dir }).list(), [ada]);
  });
});
