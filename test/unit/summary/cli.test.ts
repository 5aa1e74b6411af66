// `review-mentor export` end to end: journals written through the store into a
// temp folder, the CLI spawned as a user would run it.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JournalStore } from '../../../src/store';
import type { Journal } from '../../../src/core/model';
import { SummarySchema } from '../../../src/core/summary';
import { danaJournal, erinJournal } from './fixture';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const childEnv = { ...process.env, ...env };
    if (!('REVIEW_MENTOR_JOURNAL_DIR' in env)) delete childEnv['REVIEW_MENTOR_JOURNAL_DIR'];
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'export', ...args], { env: childEnv, maxBuffer: 10_000_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function writeJournal(root: string, j: Journal): Promise<void> {
  const store = new JournalStore({ rootDir: root, shardCount: 4 });
  const h = await store.open(j.engineer);
  await h.upsertFeedback(Object.values(j.feedback), { syncedUntil: j.syncedUntil ?? undefined });
  await h.updateMeta((m) => {
    m.entries = j.entries;
  });
}

describe('CLI: review-mentor export', function () {
  this.timeout(60_000);
  let root: string;
  let out: string;
  const period = ['--from', '2026-02-01', '--to', '2026-02-28'];

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'rm-export-'));
    out = mkdtempSync(join(tmpdir(), 'rm-export-out-'));
    await writeJournal(root, danaJournal());
    await writeJournal(root, erinJournal());
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('prints a Markdown summary to stdout, journals from REVIEW_MENTOR_JOURNAL_DIR', async () => {
    const r = await cli(['--engineer', 'dana', '--format', 'md', ...period], { REVIEW_MENTOR_JOURNAL_DIR: root });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# Review summary: dana\n/);
    assert.match(r.stdout, /\| Total \| 8 \| 5 \| \+3 \|/);
    assert.match(r.stdout, /Period: 2026-02-01 to 2026-02-28 \(28 days, UTC\)/);
  });

  it('writes private HTML to --out atomically, with no temp file left', async () => {
    const file = join(out, 'dana.html');
    const r = await cli(['--engineer', 'dana', '--out', file, '--no-text', '--no-reviewer-names', '--journal-dir', root, ...period]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const html = readFileSync(file, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(!html.includes('alice') && !html.includes('error handling'));
    assert.deepEqual(readdirSync(out), ['dana.html']);
  });

  it('a team CSV has one row per item of each engineer', async () => {
    const r = await cli(['--engineer', 'dana,erin', '--format', 'csv', '--journal-dir', root, ...period]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\r\n').filter((l) => /^(dana|erin),/.test(l));
    assert.equal(lines.filter((l) => l.startsWith('dana,')).length, 10);
    assert.equal(lines.filter((l) => l.startsWith('erin,')).length, 1);
  });

  it('counts days in --tz: JSON for February in Los Angeles', async () => {
    const r = await cli(['--engineer', 'dana', '--format', 'json', '--tz', 'America/Los_Angeles', '--journal-dir', root, ...period]);
    assert.equal(r.code, 0, r.stderr);
    const s = SummarySchema.parse(JSON.parse(r.stdout));
    const ids = s.engineers[0]!.items.map((i) => i.id);
    assert.ok(!ids.includes('r7'), '00:00Z on 1 Feb is still January in Los Angeles');
    assert.ok(ids.includes('r8'), '00:00Z on 1 March is 28 February in Los Angeles');
    assert.equal(s.period.from, '2026-02-01T08:00:00.000Z');
  });

  it('an empty period still writes a summary that says so, and exits 0', async () => {
    const r = await cli(['--engineer', 'dana', '--format', 'md', '--from', '2020-01-01', '--to', '2020-01-31', '--journal-dir', root]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /No feedback received or given by dana between 2020-01-01 and 2020-01-31/);
    assert.match(r.stderr, /note: no feedback for dana/);
  });

  it('an unknown engineer: clear message, exit 1, nothing written, no journal created', async () => {
    const file = join(out, 'zed.md');
    const r = await cli(['--engineer', 'dana,zed', '--format', 'md', '--out', file, '--journal-dir', root]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /No journal for zed on github\.com .* Journals there: .*dana/);
    assert.ok(!existsSync(file));
    assert.ok(!existsSync(join(root, 'github.com', 'zed.json')));
  });

  it('a corrupt journal: clear message, exit 1, and an existing output file is left as it was', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'rm-export-bad-'));
    try {
      mkdirSync(join(bad, 'github.com'));
      writeFileSync(join(bad, 'github.com', 'dana.json'), '{"schemaVersion": 2, "engineer": {');
      const file = join(out, 'keep.md');
      writeFileSync(file, 'previous export');
      const r = await cli(['--engineer', 'dana', '--format', 'md', '--out', file, '--journal-dir', bad]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /journal of dana could not be read/);
      assert.equal(readFileSync(file, 'utf8'), 'previous export');
      assert.deepEqual(readdirSync(join(bad, 'github.com')), ['dana.json'], 'an export changes nothing in the journal folder');
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it('without --journal-dir or REVIEW_MENTOR_JOURNAL_DIR, reads the folder VS Code uses and names it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'rm-home-'));
    try {
      const r = await cli(['--engineer', 'dana', '--format', 'md', ...period], { HOME: home, XDG_CONFIG_HOME: '' });
      assert.equal(r.code, 1);
      const dir = join(home, '.config/Code/User/globalStorage/review-mentor.review-mentor/journals');
      assert.ok(r.stderr.includes(`journals in ${dir} (VS Code's storage for Review Mentor)`), r.stderr);
      assert.match(r.stderr, /does not exist\. Sync first, or pass --journal-dir DIR or set REVIEW_MENTOR_JOURNAL_DIR/);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('usage errors exit 2 with a hint', async () => {
    const cases: [string[], RegExp][] = [
      [['--engineer', 'dana', '--format', 'pdf', '--journal-dir', root], /Unknown format "pdf"/],
      [['--engineer', 'dana', '--format', 'md', '--from', '2026-02-30', '--journal-dir', root], /--from must be a date/],
      [['--engineer', 'dana', '--format', 'md', '--tz', 'Mars/Base', '--journal-dir', root], /Unknown time zone/],
      [['--format', 'md', '--journal-dir', root], /--engineer is required/],
    ];
    const runs = await Promise.all(cases.map(([args]) => cli(args)));
    runs.forEach((r, i) => {
      assert.equal(r.code, 2, `case ${i}: ${r.stderr}`);
      assert.match(r.stderr, cases[i]![1]);
    });
  });
});
