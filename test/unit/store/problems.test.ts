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
  ];
  for (const [what, content, reason] of damaged) {
    it(`${what} main file is moved aside, reported, and only then replaced`, async () => {
      const p = journalPaths(t.dir, ada);
      await (await new JournalStore({ rootDir: t.dir, shardCount: 4 }).open(ada)).upsertFeedback([feedback('k1', 1)]);
      writeFileSync(p.main, content);
      const seen = problems();
      let mainAtReport: boolean | undefined;
      const store = new JournalStore({ rootDir: t.dir, onProblem: (pr) => ((mainAtReport = existsSync(p.main)), seen.onProblem(pr)) });
      const j = await (await store.open(ada)).load();

      assert.equal(seen.list.length, 1);
      const pr = seen.list[0]!;
      assert.equal(pr.kind, 'corrupt');
      assert.equal(pr.file, p.main);
      assert.match(pr.message, reason);
      assert.ok(pr.movedTo && pr.message.includes(pr.movedTo), 'the message says where the file went');
      assert.match(path.basename(pr.movedTo!), /^ada\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
      assert.equal(readFileSync(pr.movedTo!, 'utf8'), content, 'original preserved byte for byte');
      assert.equal(mainAtReport, false, 'no fresh journal before the caller was told');
      // Fresh main file, and the shards (with their feedback) still count.
      assert.equal(j.schemaVersion, 2);
      assert.ok(j.feedback['k1']);
      assert.equal(JSON.parse(readFileSync(p.main, 'utf8')).shardCount, 4, 'shard count recovered from the shards');
    });
  }

  it('a corrupt shard is set aside; the other shards stay readable and writable', async () => {
    const store = new JournalStore({ rootDir: t.dir, shardCount: 4 });
    const h = await store.open(ada);
    const items = [1, 2, 3, 4, 5, 6, 7, 8].map((pr) => feedback(`c${pr}`, pr));
    await h.upsertFeedback(items);
    const bad = shardOf(items[0]!.prUrl, 4);
    const p = journalPaths(t.dir, ada);
    writeFileSync(p.shard(bad), '{"shard":');
    const seen = problems();
    const h2 = await new JournalStore({ rootDir: t.dir, onProblem: seen.onProblem }).open(ada);
    const j = await h2.load();
    assert.equal(seen.list.length, 1);
    assert.equal(seen.list[0]!.file, p.shard(bad));
    assert.equal(readFileSync(seen.list[0]!.movedTo!, 'utf8'), '{"shard":');
    const survivors = items.filter((i) => shardOf(i.prUrl, 4) !== bad).map((i) => i.id);
    assert.deepEqual(Object.keys(j.feedback).sort(), survivors.sort());
    await h2.updateFeedback([survivors[0]!], (f) => f.tags.push(tag('design')));
    assert.equal((await h2.load()).feedback[survivors[0]!]!.tags.length, 1);
  });

  it('a newer schemaVersion opens read-only, says so, and never changes the file', async () => {
    const p = journalPaths(t.dir, ada);
    await new JournalStore({ rootDir: t.dir, shardCount: 4 }).open(ada);
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
    const main = JSON.parse(readFileSync(p.main, 'utf8'));
    writeFileSync(p.main, JSON.stringify({ ...main, schemaVersion: 7 }));
    await assert.rejects(h.updateMeta((m) => (m.syncedUntil = 'x')), JournalReadOnlyError);
    assert.equal(JSON.parse(readFileSync(p.main, 'utf8')).schemaVersion, 7);
    assert.equal(h.readOnly, true);
  });
});
