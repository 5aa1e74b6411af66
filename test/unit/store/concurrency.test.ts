import assert from 'node:assert/strict';
import { JournalStore } from '../../../src/store';
import { ada, problems, tempDir } from './helpers';
import { WRITER, missingReported, seedJournal, startWriter } from './processes';

describe('store: two processes writing one journal', function () {
  this.timeout(120_000);
  let t: ReturnType<typeof tempDir>;
  beforeEach(() => (t = tempDir({ inMemory: true })));
  afterEach(() => t.cleanup());

  it('keeps all 2,000 writes of two concurrent writer processes', async () => {
    await seedJournal(t.dir);
    const writers = ['a', 'b'].map((name) => startWriter([t.dir, name, '1000'], ['--import', 'tsx', WRITER]));
    const codes = await Promise.all(writers.map((w) => w.exited));
    assert.deepEqual(codes, [0, 0], writers.flatMap((w) => w.stderr).join(''));
    const seen = problems();
    const j = await (await new JournalStore({ rootDir: t.dir, onProblem: seen.onProblem }).open(ada)).load();
    assert.deepEqual(seen.list, []);
    for (const w of writers) {
      assert.equal(w.lines.filter((l) => /^(tag|pr|entry) /.test(l)).length, 1000);
      assert.deepEqual(missingReported(j, w.lines), []);
    }
    // Counted from the journal itself, not from what the writers said.
    const tags = Object.values(j.feedback).reduce((n, f) => n + f.tags.filter((x) => /^[ab]-\d+$/.test(x.category)).length, 0);
    const prs = Object.keys(j.feedback).filter((id) => id.startsWith('pr-')).length;
    assert.equal(tags + prs + j.entries.length, 2000);
  });
});
