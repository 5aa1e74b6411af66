import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { JournalStore } from '../../../src/store';
import { ada, problems, tempDir } from './helpers';
import { WRITER, assertAllFilesParse, missingReported, seedJournal, startWriter } from './processes';

const KILLS = 100;
const LANES = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// writer.ts's first write is a tag on seed-0.
const firstWriteLine = (name: string) => `tag seed-0 ${name}-0`;

describe('store: writer killed with SIGKILL at random moments', function () {
  this.timeout(180_000);
  let t: ReturnType<typeof tempDir>;
  let bundleDir: string;
  let bundle: string;

  before(async () => {
    // The same writer.ts, bundled once so that 100 starts do not each pay for TypeScript compilation.
    bundleDir = mkdtempSync(path.join(tmpdir(), 'rm-writer-'));
    bundle = path.join(bundleDir, 'writer.cjs');
    await build({ entryPoints: [WRITER], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, mainFields: ['module', 'main'], logLevel: 'error' });
  });
  after(() => rmSync(bundleDir, { recursive: true, force: true }));
  beforeEach(() => (t = tempDir({ inMemory: true })));
  afterEach(() => t.cleanup());

  it(`after ${KILLS} kills every file parses and every reported write is kept`, async () => {
    await seedJournal(t.dir);
    const reported: string[] = [];
    let killedWhileWriting = 0;
    // Four lanes of writers on the same journal: cuts the wall time (node start-up dominates)
    // and kills writers while another one holds or waits for the lock.
    const lane = async (l: number) => {
      for (let run = 0; run < KILLS / LANES; run++) {
        const name = `l${l}r${run}`;
        // staleMs 2000: a lock dropped before its owner note was written is recovered by age.
        const w = startWriter([t.dir, name, '100000', '2000'], [bundle]);
        assert.ok(await w.waitFor('ready'), `writer ${name} did not start: ${w.stderr.join('')}`);
        // Most kills land among steady writes; every fifth during the first lock and index build.
        if (run % 5 !== 0) await Promise.race([w.waitFor(firstWriteLine(name)), sleep(3000)]);
        await sleep(Math.random() * 40);
        w.child.kill('SIGKILL');
        await w.exited;
        const writes = w.lines.filter((line) => /^(tag|pr|entry) /.test(line));
        if (writes.length > 0) killedWhileWriting++;
        reported.push(...writes);
        assertAllFilesParse(t.dir);
        assert.deepEqual(w.stderr.filter((e) => /problem|failed/.test(e)), [], `writer ${name} complained`);
      }
    };
    await Promise.all(Array.from({ length: LANES }, (_, l) => lane(l)));
    const seen = problems();
    const j = await (await new JournalStore({ rootDir: t.dir, onProblem: seen.onProblem }).open(ada)).load();
    assert.deepEqual(seen.list, [], 'no file needed repair');
    assert.deepEqual(missingReported(j, reported), []);
    assert.ok(reported.length > KILLS, `writers did write (${reported.length} writes)`);
    assert.ok(killedWhileWriting > KILLS / 2, `most kills hit a busy writer (${killedWhileWriting})`);
  });
});
