import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { JournalReadOnlyError, JournalStore, journalPaths, shardOf } from '../../../src/store';
import { ada, feedback, problems, tag, tempDir } from './helpers';

describe('store: damaged and newer journals', () => {
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  const damaged: [string, string, RegExp][] = [
    ['a corrupt', '{"schemaVersion": 2, "engineer": {"login": "ada", oops', /not valid JSON/],
    ['an empty', '', /empty/],
    ['a truncated', JSON.stringify({ schemaVersion: 2, engineer: ada, syncedUntil: null, entries: [], shardCount: 4 }).slice(0, 40), /not valid JSON/],
    ['a non-object', '[1,2,3]', /JSON object/],
    ['a wrong-shape (entries)', JSON.stringify({ schemaVersion: 2, engineer: ada, syncedUntil: null, entries: 'nope', shardCount: 4 }), /valid JSON but not a journal file \(its "entries" is not a list/],
    ['a wrong-shape (inline feedback)', JSON.stringify({ schemaVersion: 2, engineer: ada, syncedUntil: null, entries: [], feedback: 'nope' }), /valid JSON but not a journal file \(its "feedback" is not a map/],
  ];
  for (const [what, content, reason] of damaged) {
    it(`${what} main file: reads leave it and say so once; the next write moves it aside, says so once, and only then replaces it`, async () => {
      const p = journalPaths(t.dir, ada);
      await (await new JournalStore({ rootDir: t.dir, shardCount: 4 }).open(ada)).upsertFeedback([feedback('k1', 1)]);
      writeFileSync(p.main, content);
      const seen = problems();
      let mainAtReport: boolean | undefined;
      const store = new JournalStore({ rootDir: t.dir, onProblem: (pr) => ((mainAtReport = existsSync(p.main)), seen.onProblem(pr)) });
      const h = await store.open(ada);
      const j = await h.load();
      await h.load();

      assert.deepEqual(seen.list.map((x) => x.kind), ['damaged'], 'told once, however often it is read');
      assert.match(seen.list[0]!.message, reason);
      assert.ok(seen.list[0]!.message.includes(p.main));
      assert.equal(readFileSync(p.main, 'utf8'), content, 'a read changes nothing');
      assert.ok(!readdirSync(p.dir).some((n) => n.includes('corrupt')));
      assert.ok(j.feedback['k1'], 'the shards still count');
      assert.deepEqual(j.entries, []);

      await h.updateMeta((m) => (m.syncedUntil = '2026-01-01T00:00:00.000Z'));
      assert.deepEqual(seen.list.map((x) => x.kind), ['damaged', 'corrupt']);
      const pr = seen.list[1]!;
      assert.equal(pr.file, p.main);
      assert.match(pr.message, reason);
      assert.ok(pr.movedTo && pr.message.includes(pr.movedTo), 'the message says where the file went');
      assert.match(path.basename(pr.movedTo!), /^ada\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
      assert.equal(readFileSync(pr.movedTo!, 'utf8'), content, 'original preserved byte for byte');
      assert.equal(mainAtReport, false, 'no fresh journal before the caller was told');
      const fresh = JSON.parse(readFileSync(p.main, 'utf8'));
      assert.equal(fresh.shardCount, 4, 'shard count recovered from the shards');
      assert.equal(fresh.syncedUntil, '2026-01-01T00:00:00.000Z');
      assert.ok((await h.load()).feedback['k1']);
      await h.updateMeta(() => undefined);
      assert.equal(seen.list.length, 2, 'nothing more to say');
    });
  }

  for (const [what, content] of [
    ['corrupt', '{"shard":'],
    ['wrong-shape', '{"shard": 0, "of": 4, "feedback": "nope"}'],
    ['wrong-shape item', '{"shard": 0, "of": 4, "feedback": {"x": 42}}'],
  ] as const) {
    it(`a ${what} shard: reads leave it (said once), the rest stays readable; the next write sets it aside, said once`, async () => {
      const store = new JournalStore({ rootDir: t.dir, shardCount: 4 });
      const h = await store.open(ada);
      const items = [1, 2, 3, 4, 5, 6, 7, 8].map((pr) => feedback(`c${pr}`, pr));
      await h.upsertFeedback(items);
      const bad = shardOf(items[0]!.prUrl, 4);
      const p = journalPaths(t.dir, ada);
      writeFileSync(p.shard(bad), content);
      const seen = problems();
      const h2 = await new JournalStore({ rootDir: t.dir, onProblem: seen.onProblem }).open(ada);
      const j = await h2.load();
      await h2.load();
      assert.deepEqual(seen.list.map((x) => [x.kind, x.file]), [['damaged', p.shard(bad)]]);
      assert.equal(readFileSync(p.shard(bad), 'utf8'), content, 'a read changes nothing');
      const survivors = items.filter((i) => shardOf(i.prUrl, 4) !== bad).map((i) => i.id);
      assert.deepEqual(Object.keys(j.feedback).sort(), survivors.sort());
      await h2.updateFeedback([survivors[0]!], (f) => f.tags.push(tag('design')));
      assert.deepEqual(seen.list.map((x) => x.kind), ['damaged', 'corrupt']);
      assert.equal(readFileSync(seen.list[1]!.movedTo!, 'utf8'), content);
      assert.equal(existsSync(p.shard(bad)), false);
      assert.equal((await h2.load()).feedback[survivors[0]!]!.tags.length, 1);
      assert.equal(seen.list.length, 2);
    });
  }

  it('a newer schemaVersion opens read-only, says so, and never changes the file', async () => {
    const p = journalPaths(t.dir, ada);
    await (await new JournalStore({ rootDir: t.dir, shardCount: 4 }).open(ada)).updateMeta(() => undefined);
    const future = JSON.stringify({ schemaVersion: 3, engineer: ada, syncedUntil: null, entries: [], shardCount: 4, feedback: { x: feedback('x', 1) }, newThing: true });
    writeFileSync(p.main, future);
    const seen = problems();
    const h = await new JournalStore({ rootDir: t.dir, onProblem: seen.onProblem }).open(ada);
    assert.equal(h.readOnly, true);
    assert.match(h.readOnlyReason!, /newer version of Review Mentor \(schema version 3; this version knows up to 2\)/);
    assert.deepEqual(seen.list.map((x) => x.kind), ['future-version']);
    assert.ok((await h.load()).feedback['x'], 'still readable');

    await assert.rejects(h.upsertFeedback([feedback('y', 2)]), JournalReadOnlyError);
    await assert.rejects(h.updateFeedback(['x'], () => undefined), JournalReadOnlyError);
    await assert.rejects(h.updateMeta(() => undefined), (err: Error) => err instanceof JournalReadOnlyError && /read-only/.test(err.message));
    assert.equal(readFileSync(p.main, 'utf8'), future);
    assert.ok(!readdirSync(p.dir).some((n) => n.includes('corrupt')));
    assert.equal(seen.list.length, 1, 'told once, not on every write');
  });

  it('a handle opened before another tool upgraded the file refuses to write', async () => {
    const p = journalPaths(t.dir, ada);
    const h = await new JournalStore({ rootDir: t.dir, shardCount: 4 }).open(ada);
    await h.updateMeta(() => undefined);
    const main = JSON.parse(readFileSync(p.main, 'utf8'));
    writeFileSync(p.main, JSON.stringify({ ...main, schemaVersion: 7 }));
    await assert.rejects(h.updateMeta((m) => (m.syncedUntil = 'x')), JournalReadOnlyError);
    assert.equal(JSON.parse(readFileSync(p.main, 'utf8')).schemaVersion, 7);
    assert.equal(h.readOnly, true);
  });
});
